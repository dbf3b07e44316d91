"""Dead letters and runs on both backends: absolute origins, one dead letter per origin, killed runs.

``rasd retry`` must work from any working directory, keep why an input first
failed when it fails again, and never open a second dead letter for an
origin that already has one; a run whose process was killed must not stay
"running" for ever.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from hostile_http import HostileServer
from ingest_fakes import fake_analyse
from sqlalchemy import select

from rasd.ingest.fetch import Fetcher
from rasd.ingest.retry import retry_failures
from rasd.ingest.run import Ingester, ingest
from rasd.store import Store, open_store
from rasd.store.models import IngestRun, table_of


@pytest.fixture
def store(db_url: str) -> Store:
    s = open_store(db_url)
    yield s  # type: ignore[misc]
    s.close()


def test_retry_works_from_another_directory(store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    work = tmp_path / "work"
    work.mkdir()
    lines = work / "in.jsonl"
    lines.write_text('{"doc_id": "h1", "text": "القرية 6"}\n{"doc_id": "h2", "text": \n', encoding="utf-8")
    monkeypatch.chdir(work)
    run = ingest(["in.jsonl"], store, analyse=fake_analyse, extraction_version="t")
    assert (run.new, run.failed) == (1, 1)
    (failure,) = store.failures()
    assert failure.origin == f"{lines}:line 2"  # absolute, whatever the working directory was
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)
    lines.write_text('{"doc_id": "h1", "text": "القرية 6"}\n{"doc_id": "h2", "text": "القرية 8"}\n', encoding="utf-8")
    (result,) = retry_failures(Ingester(store, analyse=fake_analyse, extraction_version="t"))
    assert result.resolved and store.failures() == []
    assert sorted(e["location"] for e in store.events()) == ["Village 6", "Village 8"]


def test_a_failed_retry_keeps_the_first_reason(store: Store, tmp_path: Path) -> None:
    (tmp_path / "g.txt").write_text("انهيار في القرية 7", encoding="utf-8")
    ingest([str(tmp_path / "g.txt")], store, analyse=fake_analyse, extraction_version="t")
    (first,) = store.failures()
    assert first.reason.startswith("extraction crashed: RuntimeError")
    (tmp_path / "g.txt").write_bytes(b"")
    for _ in range(2):
        (result,) = retry_failures(Ingester(store, analyse=fake_analyse, extraction_version="t"))
        assert not result.resolved and result.reason == "empty document"
    (again,) = store.failures()
    assert again.id == first.id and again.retries == 2
    original, latest = again.reason.split("\n")
    assert original == first.reason  # why it first failed stays
    assert latest.startswith("failed again on retry (") and latest.endswith("): empty document")  # and only the latest attempt is added


def test_retrying_a_feed_opens_no_second_dead_letter_for_an_origin(hostile: HostileServer, store: Store, tmp_path: Path) -> None:
    page = hostile.url("/article/1")
    hostile.serve("/article/1", b"busy", status=503)
    feed = tmp_path / "cut.rss"
    feed.write_bytes(
        (
            '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>منفذ</title>'
            f"<item><title>القرية 1</title><link>{page}</link><guid>e1</guid><description>موجز القرية 1</description></item>"
            "<item><title>القرية 2</title><guid isPermaLink='false'>e2</guid><description>قصف القرية 2</description></item><item><title>القر"
        ).encode()
    )
    fetcher = Fetcher(timeout=2.0, retries=0, min_interval=0.0)
    with fetcher:
        ingest([str(feed)], store, fetcher=fetcher, analyse=fake_analyse, extraction_version="t")
        assert sorted(f.origin for f in store.failures()) == sorted([str(feed), page])
        hostile.serve("/article/1", b"gone", status=404)  # the page now fails another way
        (feed_letter,) = (f.id for f in store.failures() if f.origin == str(feed))
        results = retry_failures(Ingester(store, fetcher=fetcher, analyse=fake_analyse, extraction_version="t"), [feed_letter])
    assert [r.resolved for r in results] == [False]
    assert sorted(f.origin for f in store.failures()) == sorted([str(feed), page])  # still one each
    by_origin = {f.origin: f for f in store.failures()}
    assert by_origin[page].reason.startswith("HTTP 503") and by_origin[page].reason.endswith("): HTTP 404 Not Found")
    assert by_origin[page].retries == 0  # re-read with the feed, not retried itself
    assert "broke after 2 complete entries" in by_origin[str(feed)].reason.split("\n")[0]


KILLED = """
import os, sys
from rasd.store import open_store
store = open_store(sys.argv[1])
print(store.start_run(["killed.jsonl"]), flush=True)
os._exit(9)  # no finish_run: as a kill -9 would leave it
"""


def _runs(store: Store) -> dict[int, str]:
    R = table_of(IngestRun)
    with store.transaction() as conn:
        return {r.id: r.status for r in conn.execute(select(R.c.id, R.c.status))}


def test_a_killed_run_is_marked_interrupted_by_the_next(store: Store, db_url: str, tmp_path: Path) -> None:
    done = subprocess.run([sys.executable, "-c", KILLED, db_url], capture_output=True, text=True, timeout=60)
    assert done.returncode == 9, done.stderr
    killed = int(done.stdout)
    assert _runs(store) == {killed: "running"}
    alive = store.start_run(["live.jsonl"])  # this process is alive: its run must stay running
    assert _runs(store) == {killed: "interrupted", alive: "running"}
    (tmp_path / "a.txt").write_text("القرية 1", encoding="utf-8")
    ingest([str(tmp_path / "a.txt")], store, analyse=fake_analyse, extraction_version="t")
    runs = _runs(store)
    assert runs[killed] == "interrupted" and runs[alive] == "running" and list(runs.values()).count("done") == 1
    store.finish_run(alive, {"new": 0})
    with store.transaction() as conn:
        counts = conn.execute(select(table_of(IngestRun).c.counts).where(table_of(IngestRun).c.id == alive)).scalar()
    assert json.loads(json.dumps(counts)) == {"new": 0}
