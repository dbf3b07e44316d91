"""Crash safety with a real process and a real SIGKILL: kill mid-run, run again, nothing lost or doubled."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import textwrap
import time
from contextlib import closing
from pathlib import Path

import pytest

N_DOCS = 600

DRIVER = textwrap.dedent(
    """
    import sys, time
    sys.path.insert(0, {tests!r})
    from ingest_fakes import fake_analyse
    from rasd.ingest.run import ingest
    from rasd.store import open_store

    def slow(text, **kw):
        time.sleep(0.002)  # keep the run going long enough to be killed in the middle
        return fake_analyse(text, **kw)

    store = open_store(sys.argv[2])
    s = ingest([sys.argv[1]], store, analyse=slow, extraction_version="t")
    print(s.new, s.unchanged, s.failed, flush=True)
    """
)


def _count(db: Path, sql: str) -> int:
    try:
        with closing(sqlite3.connect(db, timeout=5)) as conn:
            return int(conn.execute(sql).fetchone()[0])
    except sqlite3.OperationalError:  # not created yet
        return 0


@pytest.mark.slow
def test_kill_9_mid_run_then_rerun_stores_every_document_once(tmp_path: Path) -> None:
    # Two reports per village: document 2k and 2k+1 are the same event, so a kill can land between them.
    records = [
        {"doc_id": f"d{i}", "published": "2023-10-10", "source": f"Outlet {i % 2}", "text": f"غارة على القرية {i // 2} قتلى {2 + i % 2}"}
        for i in range(N_DOCS)
    ]
    corpus = tmp_path / "corpus.jsonl"
    corpus.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    db = tmp_path / "crash.db"
    driver = tmp_path / "driver.py"
    driver.write_text(DRIVER.format(tests=str(Path(__file__).parent)), encoding="utf-8")
    cmd = [sys.executable, str(driver), str(corpus), str(db)]

    log = tmp_path / "first-run.log"
    with log.open("wb") as out:
        proc = subprocess.Popen(cmd, stdout=out, stderr=subprocess.STDOUT)
    deadline = time.monotonic() + 60
    while _count(db, "SELECT count(*) FROM documents") < N_DOCS // 4:
        assert proc.poll() is None, log.read_text(errors="replace")
        assert time.monotonic() < deadline, "ingest made no progress"
        time.sleep(0.02)
    os.kill(proc.pid, signal.SIGKILL)
    assert proc.wait(timeout=10) == -signal.SIGKILL
    stored = _count(db, "SELECT count(*) FROM documents")
    assert N_DOCS // 4 <= stored < N_DOCS, "the kill must land mid-run"

    done = subprocess.run(cmd, capture_output=True, text=True, timeout=120, check=True)
    new, unchanged, failed = map(int, done.stdout.split())
    assert failed == 0 and unchanged >= stored - 1 and new + unchanged == N_DOCS

    assert _count(db, "SELECT count(*) FROM documents") == N_DOCS
    assert _count(db, "SELECT count(DISTINCT doc_key) FROM documents") == N_DOCS
    assert _count(db, "SELECT count(*) FROM events") == N_DOCS // 2
    assert _count(db, "SELECT count(*) FROM event_sources") == N_DOCS
    assert _count(db, "SELECT count(*) FROM events WHERE n_sources != 2 OR fatalities != 2") == 0
    assert _count(db, "SELECT count(*) FROM evidence_spans") == N_DOCS
    assert _count(db, "SELECT count(*) FROM documents_fts") == N_DOCS
    assert _count(db, "SELECT count(*) FROM dead_letters") == 0
    with closing(sqlite3.connect(db)) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
