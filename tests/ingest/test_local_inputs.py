"""Local inputs read the same way by ``rasd extract`` and ``rasd ingest``; publication dates that cannot be true.

``rasd extract`` runs as a real subprocess with the real extractor: a feed
file is read as a feed (its XML markup is never taken for article text), and
a document "published" in 2099 dates no event in 2099.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import date, timedelta
from pathlib import Path

import pytest
from ingest_fakes import fake_analyse
from sqlalchemy import text

from rasd.ingest.readers import FUTURE_TOLERANCE, RawDocument, future_date
from rasd.ingest.run import ingest
from rasd.store import Store, open_store

REPO_ROOT = Path(__file__).resolve().parents[2]
STRIKE = (
    "قُتل مدنيان وأصيب أربعة آخرون أمس الاثنين جراء غارة جوية استهدفت سوقاً شعبياً في مدينة أريحا بريف إدلب الجنوبي، "
    "بحسب ما أفاد به الدفاع المدني."
)


def rasd(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(REPO_ROOT), os.environ.get("PYTHONPATH")]))}
    return subprocess.run([sys.executable, "-m", "rasd", *args], cwd=cwd, env=env, capture_output=True, text=True, encoding="utf-8", timeout=300, check=False)


@pytest.fixture
def store(tmp_path: Path) -> Store:
    s = open_store(str(tmp_path / "local.db"))
    yield s  # type: ignore[misc]
    s.close()


def test_extract_reads_a_feed_file_as_ingest_does(tmp_path: Path) -> None:
    (tmp_path / "invalid.rss").write_text("<rss><channel><item><title>غارة</title>", encoding="utf-8")
    (tmp_path / "good.rss").write_text(
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>منفذ محلي</title>'
        f"<item><title>غارة على أريحا</title><guid>ariha-1</guid><pubDate>Tue, 05 Mar 2024 08:00:00 GMT</pubDate>"
        f"<description>{STRIKE}</description></item></channel></rss>",
        encoding="utf-8",
    )
    bad = rasd("extract", "invalid.rss", cwd=tmp_path)
    assert bad.returncode == 1 and bad.stdout == ""  # no events made of XML markup
    assert "error: invalid.rss: feed broke after 0 complete entries" in bad.stderr
    good = rasd("extract", "good.rss", cwd=tmp_path)
    assert good.returncode == 0, good.stderr
    events = [json.loads(line) for line in good.stdout.splitlines()]
    assert events and {e["doc_id"] for e in events} == {"ariha-1"} and {e["source"] for e in events} == {"منفذ محلي"}
    assert all("<" not in e["notes"] for e in events)
    assert "2024-03-04" in {e["event_date"] for e in events}  # "yesterday, Monday" from the entry's pubDate


def test_extract_does_not_date_events_from_a_future_publication_date(tmp_path: Path) -> None:
    (tmp_path / "future.jsonl").write_text(json.dumps({"doc_id": "f1", "published": "2099-05-01", "text": STRIKE}, ensure_ascii=False) + "\n", encoding="utf-8")
    run = rasd("extract", "future.jsonl", cwd=tmp_path)
    assert run.returncode == 0, run.stderr
    assert "warning: " in run.stderr and "published 2099-05-01 is in the future: not used" in run.stderr
    events = [json.loads(line) for line in run.stdout.splitlines()]
    assert events and not any((e["event_date"] or "").startswith("2099") for e in events)


def test_ingest_stores_no_future_publication_date_and_says_so(store: Store, tmp_path: Path) -> None:
    corpus = tmp_path / "c.jsonl"
    corpus.write_text(
        json.dumps({"doc_id": "f1", "published": "2099-05-01", "text": "غارة على القرية 1"}, ensure_ascii=False) + "\n"
        + json.dumps({"doc_id": "p1", "published": "2023-10-11", "text": "غارة على القرية 2"}, ensure_ascii=False) + "\n",
        encoding="utf-8",
    )
    run = ingest([str(corpus)], store, analyse=fake_analyse, extraction_version="t")
    assert (run.new, run.failed) == (2, 0)
    (warning,) = run.warnings
    assert warning.startswith(f"{corpus}:line 1: published 2099-05-01 is in the future")
    assert run.as_dict()["warnings"] == 1
    with store.transaction() as conn:
        published = dict(conn.execute(text("SELECT doc_key, published FROM documents")).all())
    assert published == {"f1": None, "p1": "2023-10-11"}
    assert {e["location"]: e["event_date"] for e in store.events()} == {"Village 1": "2023-10-10", "Village 2": "2023-10-11"}  # the stand-in's undated default


@pytest.mark.parametrize(
    ("days", "believed"), [(0, True), (FUTURE_TOLERANCE.days, True), (FUTURE_TOLERANCE.days + 1, False), (-3650, True)],
)
def test_future_date_tolerance(days: int, believed: bool) -> None:
    today = date(2024, 3, 5)
    assert (future_date(today + timedelta(days=days), today=today) is None) == believed
    raw = RawDocument("x", "نص", date(2099, 1, 1), None, None, None, "x.txt", "00" * 32)
    assert raw.published is None and raw.warnings == ("published 2099-01-01 is in the future: not used as the publication or event date",)
