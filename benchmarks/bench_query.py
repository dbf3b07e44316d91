"""Query speed on a big store: events by area, date range and type among 1,000,000 generated events.

The store is built through the real migrations (so the real indexes), then
filled with generated events spread over 14 areas of 4 countries, the 6
ACLED event types and five years. The queries are the ones an analyst's map
or table makes, through :meth:`rasd.store.Store.events` — the public API,
not hand-written SQL. Target: < 50 ms each (median and p95 over random
areas, types and windows).

    python benchmarks/bench_query.py            # 1,000,000 events (about a minute to build)
    RASD_BENCH_QUICK=1 python benchmarks/bench_query.py
"""

from __future__ import annotations

import random
import statistics
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import _common as c

N_EVENTS = 50_000 if c.QUICK else 1_000_000
N_QUERIES = 50 if c.QUICK else 300
TARGET_MS = 50.0
AREAS = {
    "Palestine": ["Gaza Strip", "West Bank"],
    "Syria": ["Idlib", "Aleppo", "Deir ez-Zor", "Daraa", "Rural Damascus", "Hama"],
    "Lebanon": ["South", "Nabatieh", "Bekaa"],
    "Yemen": ["Taizz", "Marib", "Hodeidah"],
}
TYPES = [
    "Battles", "Explosions/Remote violence", "Violence against civilians", "Protests", "Riots", "Strategic developments",
]
START = date(2021, 1, 1)
DAYS = 5 * 365


def _build(path: Path) -> tuple[Any, float]:
    """A migrated store with ``N_EVENTS`` generated events; returns it and the build time."""
    from rasd.store import open_store

    store = open_store(str(path))
    rng = random.Random(7)
    areas = [(country, a) for country, names in AREAS.items() for a in names]
    started = time.perf_counter()
    raw = store.engine.raw_connection()
    try:
        cur = raw.cursor()
        cur.execute("BEGIN")
        sql = (
            "INSERT INTO events (event_date, time_precision, event_type, country, admin1, location, latitude, longitude,"
            " geo_precision, fatalities, fatalities_known, injuries_known, notes, tags, vague, n_sources, confidence,"
            " review_status, created_at, updated_at) VALUES (?,?,?,?,?,?,?,?,?,?,1,1,'','[]','{}',1,0.5,'machine',?,?)"
        )
        now = "2026-01-01 00:00:00"
        with c.progress() as bar:
            task = bar.add_task(f"generating {N_EVENTS:,} events", total=N_EVENTS)
            for chunk in c.chunks(list(range(N_EVENTS)), 50_000):
                rows = []
                for _ in chunk:
                    country, admin1 = areas[rng.randrange(len(areas))]
                    day = (START + timedelta(days=rng.randrange(DAYS))).isoformat()
                    rows.append((day, 1, rng.choice(TYPES), country, admin1, f"Place {rng.randrange(500)}",
                                 30 + rng.random() * 5, 34 + rng.random() * 10, 1, rng.randrange(12), now, now))
                cur.executemany(sql, rows)
                bar.advance(task, len(chunk))
        cur.execute("COMMIT")
        cur.execute("ANALYZE")
    finally:
        raw.close()
    return store, time.perf_counter() - started


def _time_queries(store: Any, make: Any) -> tuple[float, float, float]:
    rng = random.Random(11)
    times, sizes = [], []
    for _ in range(N_QUERIES):
        kwargs = make(rng)
        t = time.perf_counter()
        rows = store.events(**kwargs)
        times.append((time.perf_counter() - t) * 1000)
        sizes.append(len(rows))
    times.sort()
    return statistics.median(times), times[int(0.95 * (len(times) - 1))], statistics.mean(sizes)


def _window(rng: random.Random, days: int) -> dict[str, str]:
    start = START + timedelta(days=rng.randrange(DAYS - days))
    return {"date_from": start.isoformat(), "date_to": (start + timedelta(days=days)).isoformat()}


QUERIES = {
    "area + type + month": lambda r: {"admin1": r.choice([a for v in AREAS.values() for a in v]), "event_type": r.choice(TYPES), **_window(r, 30)},
    "area + type + year": lambda r: {"admin1": r.choice([a for v in AREAS.values() for a in v]), "event_type": r.choice(TYPES), **_window(r, 365)},
    "country + type + quarter": lambda r: {"country": r.choice(list(AREAS)), "event_type": r.choice(TYPES), **_window(r, 90)},
    "area + week, any type": lambda r: {"admin1": r.choice([a for v in AREAS.values() for a in v]), **_window(r, 7)},
}


def run() -> list[dict[str, Any]]:
    """Build the store, then time each kind of query."""
    rows: list[dict[str, Any]] = []
    with tempfile.TemporaryDirectory(prefix="rasd-bench-query-") as tmp:
        path = Path(tmp) / "big.db"
        store, build_s = _build(path)
        size_mb = path.stat().st_size / 1e6
        rows.append(c.row("query: store build", "generate + insert", round(build_s, 1), "s",
                          note=f"{N_EVENTS:,} events, SQLite WAL, {size_mb:,.0f} MB on disk"))
        for name, make in QUERIES.items():
            store.events(**make(random.Random(0)))  # warm the page cache
            median, p95, mean_rows = _time_queries(store, make)
            ok = "met" if p95 < TARGET_MS else "MISSED"
            rows.append(c.row(f"query: events by {name}", "median latency", round(median, 2), "ms",
                              note=f"{N_QUERIES} random queries over {N_EVENTS:,} events, ≤100 rows returned (mean {mean_rows:.0f})"))
            rows.append(c.row(f"query: events by {name}", "p95 latency", round(p95, 2), "ms",
                              ratio=round(TARGET_MS / p95, 1) if p95 else None, note=f"target < {TARGET_MS:g} ms: {ok}"))
        store.close()
    return rows


if __name__ == "__main__":
    c.main(run)
