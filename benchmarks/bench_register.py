"""Casualty register read speed: stored rows grouped into one entry per person.

The register is built through the real migrations and filled with generated
rows: people with two- to four-word names over a year and 60 places, and a
third of them named again by a second report (a day or two later, the same
place), which the read must fold into their entry. The time is one
:func:`rasd.export.list_victims` call — the one query and the grouping — after
a warm-up read, as ``GET /api/v1/casualties`` and ``casualties-csv`` do it.

    python benchmarks/bench_register.py
    RASD_BENCH_QUICK=1 python benchmarks/bench_register.py
"""

from __future__ import annotations

import random
import tempfile
import time
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

import _common as c

PEOPLE = (3_000,) if c.QUICK else (10_000, 50_000)


def _build(path: Path, people: int) -> int:
    from rasd.store import open_store

    store = open_store(str(path))
    rng = random.Random(7)
    first = [f"اسم{i}" for i in range(300)]
    rows = []
    for _ in range(people):
        name = " ".join([rng.choice(first) for _ in range(rng.choice((1, 1, 2, 3)))] + [f"عائلة{rng.randrange(800)}"])
        day, place = date(2024, 1, 1) + timedelta(days=rng.randrange(365)), f"Place {rng.randrange(60)}"
        for again in range(2 if rng.random() < 1 / 3 else 1):
            rows.append((name, "killed", (day + timedelta(days=again * rng.randrange(1, 3))).isoformat(), place, f'["https://example.org/{len(rows)}"]'))
    raw = store.engine.raw_connection()
    try:
        raw.cursor().executemany("INSERT INTO victims (name, status, date, place, sources, created_at) VALUES (?, ?, ?, ?, ?, ?)",
                                 [(*r, datetime(2025, 1, 1)) for r in rows])
        raw.commit()
    finally:
        raw.close()
        store.close()
    return len(rows)


def run() -> list[dict[str, Any]]:
    """Rows per second of one register read, for each size."""
    from rasd.export import list_victims
    from rasd.store import open_store

    out = []
    for people in PEOPLE:
        with tempfile.TemporaryDirectory() as tmp:
            path = Path(tmp) / "register.db"
            n = _build(path, people)
            with open_store(str(path)) as store:
                with store.transaction() as conn:
                    list_victims(conn)  # warm: lexicons, SQLite's page cache
                start = time.perf_counter()
                with store.transaction() as conn:
                    entries = len(list_victims(conn))
                took = time.perf_counter() - start
        out.append(c.row(f"register: {n:,} rows", "read time", round(took, 2), "s",
                         note=f"{entries:,} entries for {people:,} people; one query + grouping in Python"))
    return out


if __name__ == "__main__":
    c.main(run)
