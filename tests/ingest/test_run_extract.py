"""Ingest with the real extractor: reports we wrote of the same strike merge, neighbours don't,
and ``rasd ingest`` killed with SIGKILL then run again ends exactly where an uninterrupted run does."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from contextlib import closing
from datetime import date, timedelta
from pathlib import Path

import pytest

from rasd.ingest.run import ingest
from rasd.store import open_store

# Two outlets on one strike in Jabalia (camp / town: 400 m apart), and a strike the same morning in Beit Hanoun, 5 km away.
REPORTS = [
    {"doc_id": "outlet-a-1", "source": "Outlet A", "published": "2023-10-10",
     "text": "قُتل أربعة مدنيين وأصيب عشرة آخرون في غارة جوية إسرائيلية استهدفت منزلا في مخيم جباليا شمال قطاع غزة فجر اليوم الثلاثاء."},
    {"doc_id": "outlet-b-1", "source": "Outlet B", "published": "2023-10-10",
     "text": "أفادت مصادر طبية باستشهاد خمسة فلسطينيين بينهم طفلان جراء غارة إسرائيلية على منزل في جباليا شمالي غزة صباح اليوم."},
    {"doc_id": "outlet-a-2", "source": "Outlet A", "published": "2023-10-10",
     "text": "قُتل ثلاثة أشخاص في غارة جوية إسرائيلية على بلدة بيت حانون شمال قطاع غزة فجر اليوم الثلاثاء."},
]


def _jsonl(path: Path, records: list[dict[str, str]]) -> Path:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    return path


def test_reports_of_one_strike_merge_and_the_neighbouring_strike_does_not(tmp_path: Path) -> None:
    store = open_store(str(tmp_path / "x.db"))
    run = ingest([str(_jsonl(tmp_path / "r.jsonl", REPORTS))], store)
    assert (run.new, run.failed, run.events_created, run.events_merged) == (3, 0, 2, 1)
    events = {e["location"]: e for e in store.events()}
    merged = next(e for loc, e in events.items() if "Jabal" in loc)
    assert merged["n_sources"] == 2 and merged["fatalities"] == 4 and "most conservative" in merged["notes"]
    assert merged["source"] == "Outlet A; Outlet B"
    assert sorted(r["fatalities"] for r in store.event_reports(merged["id"])) == [4, 5]
    assert any("Hanoun" in loc for loc in events)
    assert [h.doc_key for h in store.search("بيت حانون")] == ["outlet-a-2"]
    store.close()


PLACES = ["مخيم جباليا", "بلدة بيت حانون", "مدينة خان يونس", "مدينة رفح"]


def _big_corpus(path: Path, days: int) -> Path:
    """Two reports per (day, place): same strike, tolls that differ by one."""
    records = []
    start = date(2023, 10, 10)
    for d in range(days):
        day = (start + timedelta(days=d)).isoformat()
        for p, place in enumerate(PLACES):
            for outlet, toll in (("أ", 3 + p), ("ب", 4 + p)):
                records.append({
                    "doc_id": f"{outlet}-{d}-{p}", "source": f"Outlet {outlet}", "published": day,
                    "text": f"قُتل {toll} مدنيين في غارة جوية إسرائيلية على {place} في قطاع غزة فجر اليوم.",
                })
    return _jsonl(path, records)


def _counts(db: Path) -> dict[str, int]:
    with closing(sqlite3.connect(db, timeout=5)) as conn:
        tables = ["documents", "events", "event_sources", "evidence_spans", "documents_fts", "actor_facts", "dead_letters"]
        out = {t: int(conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0]) for t in tables}
        out["fatalities"] = int(conn.execute("SELECT coalesce(sum(fatalities), 0) FROM events").fetchone()[0])
        out["sources"] = int(conn.execute("SELECT coalesce(sum(n_sources), 0) FROM events").fetchone()[0])
        return out


def _stored(db: Path) -> int:
    try:
        with closing(sqlite3.connect(db, timeout=5)) as conn:
            return int(conn.execute("SELECT count(*) FROM documents").fetchone()[0])
    except sqlite3.OperationalError:
        return 0


@pytest.mark.slow
def test_rasd_ingest_killed_then_rerun_equals_an_uninterrupted_run(tmp_path: Path) -> None:
    corpus = _big_corpus(tmp_path / "big.jsonl", days=250)  # 2,000 documents
    n_docs = 250 * len(PLACES) * 2
    rasd = [sys.executable, "-c", "from rasd.cli import main; main()", "ingest", str(corpus), "--no-progress", "--db"]

    clean_db, crash_db = tmp_path / "clean.db", tmp_path / "crash.db"
    subprocess.run([*rasd, str(clean_db)], check=True, capture_output=True, timeout=300)
    expected = _counts(clean_db)
    assert expected["documents"] == n_docs and expected["events"] == n_docs // 2

    log = tmp_path / "killed.log"
    with log.open("wb") as out:
        proc = subprocess.Popen([*rasd, str(crash_db)], stdout=out, stderr=subprocess.STDOUT)
    deadline = time.monotonic() + 120
    while _stored(crash_db) < n_docs // 3:
        assert proc.poll() is None, log.read_text(errors="replace")
        assert time.monotonic() < deadline
        time.sleep(0.01)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait(timeout=10)
    assert n_docs // 3 <= _stored(crash_db) < n_docs

    rerun = subprocess.run([*rasd, str(crash_db), "--json"], check=True, capture_output=True, text=True, timeout=300)
    summary = json.loads(rerun.stdout.strip().splitlines()[-1])
    assert summary["failed"] == 0 and summary["new"] + summary["unchanged"] == n_docs
    assert _counts(crash_db) == expected
