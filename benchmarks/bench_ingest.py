"""Ingest throughput: the whole job (read, extract, merge, store) on the Al Jazeera leads, SQLite.

Runs :func:`rasd.ingest.run.ingest` — what ``rasd ingest`` calls — on the
shared JSON Lines corpus into a fresh SQLite file, then runs it again to show
that a second run adds nothing. Reports documents/s (target ≥ 200), events
stored, database size per 10,000 documents, and extraction alone on the same
documents so the store's share of the time is visible. The pipeline is
loaded before the clock starts (its load time is its own row).

    python benchmarks/bench_ingest.py
    RASD_BENCH_QUICK=1 python benchmarks/bench_ingest.py     # first 1,000 leads
"""

from __future__ import annotations

import json
import sqlite3
import tempfile
import time
from contextlib import closing
from pathlib import Path
from typing import Any

import _common as c

TARGET = 200.0
QUICK_N = 1_000


def _corpus(tmp: Path) -> Path:
    """The leads file, or its first lines in QUICK mode (a temporary copy, deleted after)."""
    src = c.need(c.LEADS)
    if not c.QUICK:
        return src
    out = tmp / "leads-sample.jsonl"
    with src.open(encoding="utf-8") as f, out.open("w", encoding="utf-8") as g:
        for i, line in enumerate(f):
            if i >= QUICK_N:
                break
            g.write(line)
    return out


def _extract_only(path: Path) -> tuple[int, float]:
    import rasd

    docs = [json.loads(line) for line in path.open(encoding="utf-8")]
    from datetime import date

    started = time.perf_counter()
    for d in docs:
        try:
            rasd.analyse(d["text"], published=date.fromisoformat(d["published"]), doc_id=d["doc_id"])
        except Exception:  # noqa: BLE001, S110 - counted by the ingest rows as dead letters
            pass
    return len(docs), time.perf_counter() - started


def run() -> list[dict[str, Any]]:
    """Load, ingest twice, measure."""
    import rasd
    from rasd.ingest.run import ingest
    from rasd.store import open_store

    rows: list[dict[str, Any]] = []
    t = time.perf_counter()
    rasd.analyse("تحميل")
    rows.append(c.row("ingest: pipeline load", "load time", round(time.perf_counter() - t, 2), "s", note="lexicons and gazetteer, before timing"))
    with tempfile.TemporaryDirectory(prefix="rasd-bench-ingest-") as tmp:
        corpus = _corpus(Path(tmp))
        db = Path(tmp) / "rasd.db"
        store = open_store(str(db))
        first = ingest([str(corpus)], store)
        second = ingest([str(corpus)], store)
        counts = store.counts()
        store.close()
        with closing(sqlite3.connect(db)) as conn:  # fold the WAL back in before measuring the file
            conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        size = db.stat().st_size + (db.with_name(db.name + "-wal").stat().st_size if db.with_name(db.name + "-wal").exists() else 0)
        n_docs = first.documents
        sample = f"{n_docs:,} leads ({corpus.name})"
        rate = first.docs_per_second
        rows.append(c.row("ingest: Al Jazeera leads → SQLite", "throughput", round(rate, 1), "docs/s", ratio=round(rate / TARGET, 2),
                          note=f"{sample}, extract + merge + store, one transaction per document; target ≥ {TARGET:g}: {'met' if rate >= TARGET else 'MISSED'}"))
        rows.append(c.row("ingest: Al Jazeera leads → SQLite", "wall time", round(first.seconds, 1), "s", note=sample))
        rows.append(c.row("ingest: Al Jazeera leads → SQLite", "documents stored", first.new, "docs", note=f"{first.failed} dead-lettered (extraction errors)"))
        rows.append(c.row("ingest: Al Jazeera leads → SQLite", "events stored", counts["events"], "events",
                          note=f"{first.events_created} created, {first.events_merged} reports merged into existing events; {counts['event_sources']} reports"))
        rows.append(c.row("ingest: Al Jazeera leads → SQLite", "database size per 10k documents", round(size / 1e6 * 10_000 / max(first.new, 1), 1), "MB",
                          note=f"{size / 1e6:.1f} MB for {first.new:,} documents, with the trigram search index"))
        rows.append(c.row("ingest: second run of the same file", "documents added", second.new + second.changed, "docs",
                          note=f"{second.unchanged:,} unchanged, {second.events_created} events created, in {second.seconds:.1f}s ({second.docs_per_second:,.0f} docs/s)"))
        n, seconds = _extract_only(corpus)
        rows.append(c.row("ingest: extraction alone, same documents", "throughput", round(n / seconds, 1), "docs/s",
                          note=f"store share of ingest time: {max(0.0, 1 - seconds / first.seconds):.0%}"))
    return rows


if __name__ == "__main__":
    c.main(run)
