"""Two real processes ingesting the same file at once store what one run stores, and re-extract nothing.

Both start together (they wait for a "go" file), so they race over the same
documents: the "unchanged?" check inside the write transaction must make the
slower one skip each document the faster one stored, and the merge must see
the events the other process just wrote.
"""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest
from ingest_fakes import fake_analyse

from rasd.ingest.run import ingest
from rasd.store import Store, open_store

N_DOCS = 160

DRIVER = textwrap.dedent(
    """
    import json, os, sys, time
    sys.path.insert(0, {tests!r})
    from ingest_fakes import fake_analyse
    from rasd.ingest.run import ingest
    from rasd.store import open_store

    def slow(text, **kw):
        time.sleep(0.003)  # extraction takes a while: the other process stores meanwhile
        return fake_analyse(text, **kw)

    store = open_store(sys.argv[2])
    while not os.path.exists(sys.argv[3]):
        time.sleep(0.005)
    s = ingest([sys.argv[1]], store, analyse=slow, extraction_version="t")
    print(json.dumps(s.as_dict()), flush=True)
    """
)


def _outcome(store: Store) -> dict[str, object]:
    with store.transaction() as conn:
        from sqlalchemy import text

        fatalities = conn.execute(text("SELECT sum(fatalities) FROM events")).scalar()
        per_event = sorted(tuple(r) for r in conn.execute(text("SELECT location, n_sources, fatalities FROM events")))
    counts = store.counts()
    return {
        "documents": counts["documents"], "events": counts["events"], "event_sources": counts["event_sources"],
        "evidence_spans": counts["evidence_spans"], "dead_letters": counts["dead_letters"], "fatalities": fatalities, "per_event": per_event,
    }


@pytest.mark.slow
def test_two_concurrent_ingests_of_one_file_store_it_once(db_url: str, tmp_path: Path) -> None:
    # Two reports per village (documents 2k and 2k+1): the merge decides what is one event.
    records = [
        {"doc_id": f"d{i}", "published": "2023-10-10", "source": f"Outlet {i % 2}", "text": f"غارة على القرية {i // 2} قتلى {2 + i % 2}"}
        for i in range(N_DOCS)
    ]
    corpus = tmp_path / "corpus.jsonl"
    corpus.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    open_store(db_url).close()  # the schema exists before either starts
    driver = tmp_path / "driver.py"
    driver.write_text(DRIVER.format(tests=str(Path(__file__).parent)), encoding="utf-8")
    go = tmp_path / "go"
    procs = [
        subprocess.Popen([sys.executable, str(driver), str(corpus), db_url, str(go)], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        for _ in range(2)
    ]
    time.sleep(1.0)  # both have imported and opened the store; now they start together
    go.touch()
    summaries = []
    for proc in procs:
        out, err = proc.communicate(timeout=240)
        assert proc.returncode == 0, err
        summaries.append(json.loads(out))

    assert [s["changed"] for s in summaries] == [0, 0]  # nothing re-extracted over what the other stored
    assert [s["failed"] for s in summaries] == [0, 0]
    assert all(s["new"] + s["unchanged"] == N_DOCS for s in summaries)
    assert sum(s["new"] for s in summaries) == N_DOCS

    clean = open_store(f"sqlite:///{tmp_path / 'clean.db'}")
    ingest([str(corpus)], clean, analyse=fake_analyse, extraction_version="t")
    expected = _outcome(clean)
    clean.close()
    raced = open_store(db_url)
    try:
        assert _outcome(raced) == expected
    finally:
        raced.close()
    assert expected["events"] == N_DOCS // 2
