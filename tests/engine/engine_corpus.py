"""A small archive of short Arabic news items, written from templates for these tests.

Every incident is reported by one outlet, and every other incident by a
second outlet in other words, so the merge stage has real pairs to find.
The items are spread over 18 months and eight places in four countries, and
the archive is sharded the ways a real one is: plain JSON Lines, gzip and
Parquet, with one malformed line.
"""

from __future__ import annotations

import gzip
import json
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

PLACES = [
    ("كفرنبل", "إدلب"), ("سراقب", "إدلب"), ("خان يونس", "غزة"), ("جباليا", "غزة"),
    ("تعز", "تعز"), ("مأرب", "مأرب"), ("الموصل", "نينوى"), ("دير الزور", "دير الزور"),
]
# (first outlet's wording, second outlet's wording) per kind of incident.
TEMPLATES = [
    ("قُتل {n} مدنيين وأصيب {m} آخرون بقصف مدفعي لقوات النظام على بلدة {town} في ريف {gov} أمس.",
     "أسفر قصف مدفعي على {town} بريف {gov} أمس عن سقوط {n} قتلى من المدنيين وجرح {m}."),
    ("أفاد مراسلنا بأن غارة جوية استهدفت منزلا في {town} بمحافظة {gov}، ما أسفر عن مقتل {n} أشخاص وإصابة {m} بجروح.",
     "استهدفت طائرة حربية منزلا في {town} بمحافظة {gov}، وقالت مصادر طبية إن {n} أشخاص قتلوا وأصيب {m}."),
    ("اندلعت اشتباكات عنيفة بين فصائل المعارضة وقوات النظام قرب {town} في {gov}، وقتل خلالها {n} مقاتلين.",
     "دارت معارك بين قوات النظام وفصائل المعارضة على أطراف {town} في {gov} أوقعت {n} قتلى من المقاتلين."),
    ("فرقت الشرطة بالقوة مظاهرة خرجت في {town} احتجاجا على غلاء الأسعار، واعتقلت {n} متظاهرين.",
     "اعتقلت الشرطة {n} متظاهرين بعد أن فرقت بالقوة احتجاجا في {town} على ارتفاع الأسعار."),
    ("انفجرت عبوة ناسفة بسيارة عسكرية على طريق {town} في {gov} مما أدى إلى مقتل {n} جنود.",
     "قتل {n} جنود بانفجار عبوة ناسفة استهدفت سيارتهم العسكرية على طريق {town} في {gov}."),
]
START = date(2023, 1, 3)


def records(incidents: int) -> list[dict[str, Any]]:
    """The archive's records: one per incident, and a second report for every other incident."""
    out = []
    for i in range(incidents):
        town, gov = PLACES[i % len(PLACES)]
        first, second = TEMPLATES[i % len(TEMPLATES)]
        published = START + timedelta(days=(i * 7) % 540)
        values = {"n": 2 + i % 7, "m": 3 + i % 5, "town": town, "gov": gov}
        for outlet, template in (("Outlet A", first), ("Outlet B", second)):
            if outlet == "Outlet B" and i % 2:
                continue
            out.append({
                "doc_id": f"{outlet[-1].lower()}-{i:04d}", "source": outlet, "published": published.isoformat(),
                "title": None, "url": f"https://example.org/{outlet[-1].lower()}/{i}", "text": template.format(**values),
            })
    return out


def _jsonl(rows: list[dict[str, Any]], extra: bytes = b"") -> bytes:
    return b"".join(json.dumps(r, ensure_ascii=False).encode("utf-8") + b"\n" for r in rows) + extra


def write_archive(folder: Path, incidents: int = 200) -> Path:
    """Shards in ``folder``: two plain JSON Lines files (one with a malformed line), one gzip, one Parquet."""
    rows = records(incidents)
    quarter = len(rows) // 4
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "shard-0.jsonl").write_bytes(_jsonl(rows[:quarter]))
    (folder / "shard-1.jsonl").write_bytes(_jsonl(rows[quarter: 2 * quarter], b"{not json\n"))
    with gzip.open(folder / "shard-2.jsonl.gz", "wb") as f:
        f.write(_jsonl(rows[2 * quarter: 3 * quarter]))
    pq.write_table(pa.Table.from_pylist(rows[3 * quarter:]), folder / "shard-3.parquet", row_group_size=40)
    return folder
