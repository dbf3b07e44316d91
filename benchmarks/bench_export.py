"""Export speed and memory: 100,000 generated events to ACLED CSV and GeoJSON, streaming.

The store is built through the real migrations and filled with generated
events (4 countries, 14 areas, 6 types, five years, Arabic place names).
Each export runs in a fresh process, so its peak RSS is its own; exporting
10,000 and 100,000 events shows whether memory stays flat (it should: the
writers stream pages of 2,000 events and never hold the result). RSS also
holds SQLite's page cache (``cache_size`` 64 MB), which fills as the file is
read, so the Python heap peak (tracemalloc, a separate run) is reported too.
The first export also assigns every event its ``event_id_cnty`` (timed apart).

    python benchmarks/bench_export.py
    RASD_BENCH_QUICK=1 python benchmarks/bench_export.py
"""

from __future__ import annotations

import random
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import _common as c

SIZES = (2_000, 20_000) if c.QUICK else (10_000, 100_000)
FORMATS = ("acled-csv", "geojson")
AREAS = [("Syria", 760, "Idlib"), ("Syria", 760, "Deir ez-Zor"), ("Syria", 760, "Aleppo"), ("Palestine", 275, "Gaza Strip"),
         ("Palestine", 275, "West Bank"), ("Yemen", 887, "Taizz"), ("Lebanon", 422, "South")]
SUB_TYPES = [("Battles", "Armed clash"), ("Explosions/Remote violence", "Air/drone strike"), ("Violence against civilians", "Attack"),
             ("Protests", "Peaceful protest"), ("Strategic developments", "Arrests")]


def _build(path: Path, n: int) -> None:
    from rasd.store import open_store

    store = open_store(str(path))
    rng = random.Random(7)
    raw = store.engine.raw_connection()
    try:
        cur = raw.cursor()
        cur.execute("BEGIN")
        sql = (
            "INSERT INTO events (event_date, time_precision, disorder_type, event_type, sub_event_type, actor1, inter1, actor2, inter2,"
            " country, iso, admin1, location, location_ar, latitude, longitude, geo_precision, fatalities, fatalities_known,"
            " injuries, injuries_known, notes, tags, vague, source, n_sources, confidence, review_status, created_at, updated_at)"
            " VALUES (?,?,'Political violence',?,?,?,?,?,?,?,?,?,?,?,?,?,1,?,?,?,1,?,?,'{}','Enab Baladi',1,0.8,'machine',?,?)"
        )
        now = "2026-01-01 00:00:00"
        rows = []
        for i in range(n):
            country, iso, admin1 = AREAS[rng.randrange(len(AREAS))]
            etype, sub = SUB_TYPES[rng.randrange(len(SUB_TYPES))]
            known = rng.random() > 0.1
            day = (date(2021, 1, 1) + timedelta(days=rng.randrange(5 * 365))).isoformat()
            rows.append((day, 1, etype, sub, f"Military Forces of {country}", 1, f"Civilians ({country})", 7, country, iso, admin1,
                         f"Place {i % 500}", f"قرية {i % 500}", 30 + rng.random() * 6, 34 + rng.random() * 8,
                         rng.randrange(8) if known else None, known, rng.randrange(5),
                         f"On {day}, forces of {country} struck Place {i % 500}.", '["قصف", "غارة"]', now, now))
        cur.executemany(sql, rows)
        cur.execute("COMMIT")
    finally:
        raw.close()
        store.close()


def _hwm_mb() -> float:
    """This process's own peak RSS (VmHWM; unlike ru_maxrss it is not inherited from the parent across exec)."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def _heap_peak(db: str, fmt: str) -> float:
    """In a fresh process: the export's peak Python heap in MB (tracemalloc; slower, so timed apart)."""
    import os
    import tracemalloc

    from rasd.export import export
    from rasd.store import open_store

    store = open_store(db)
    tracemalloc.start()
    with open(os.devnull, "wb") as fh:
        export(store, fmt, fh)
    return tracemalloc.get_traced_memory()[1] / 1e6


def _export(db: str, fmt: str, out: str) -> tuple[float, float, float, float, int]:
    """In a fresh process: (assign-ids seconds, export seconds, RSS before, peak RSS, bytes)."""
    from rasd.export import export
    from rasd.export.query import assign_codes
    from rasd.plugins import exporters
    from rasd.store import open_store

    store = open_store(db)
    exporters()  # load plugins before measuring
    before = c.current_rss_mb()
    t = time.perf_counter()
    with store.transaction() as conn:
        assign_codes(conn)
    codes_s = time.perf_counter() - t
    t = time.perf_counter()
    with open(out, "wb") as fh:
        export(store, fmt, fh)
    return codes_s, time.perf_counter() - t, before, _hwm_mb(), Path(out).stat().st_size


def run() -> list[dict[str, Any]]:
    """Build stores of each size, then export each format in a fresh process."""
    rows: list[dict[str, Any]] = []
    with tempfile.TemporaryDirectory(prefix="rasd-bench-export-") as tmp:
        for n in SIZES:
            db = Path(tmp) / f"e{n}.db"
            t = time.perf_counter()
            _build(db, n)
            rows.append(c.row(f"export: store of {n:,} events", "generate + insert", round(time.perf_counter() - t, 1), "s"))
            for fmt in FORMATS:
                codes_s, secs, before, peak, size = c.in_fresh_process(_export, str(db), fmt, str(Path(tmp) / f"out-{n}.{fmt}"))
                name = f"export: {n:,} events to {fmt}"
                if codes_s > 0.05:
                    rows.append(c.row(f"export: assign event_id_cnty to {n:,} events", "time", round(codes_s, 2), "s", note="once per event, then kept"))
                rows.append(c.row(name, "time", round(secs, 2), "s", note=f"{n / secs:,.0f} events/s, {size / 1e6:.1f} MB written"))
                rows.append(c.row(name, "peak memory", round(peak, 1), "MB RSS",
                                  note=f"{before:.1f} MB before the export (VmHWM of a fresh process)"))
                heap = c.in_fresh_process(_heap_peak, str(db), fmt)
                rows.append(c.row(name, "peak Python heap", round(heap, 1), "MB", note="tracemalloc during the export: flat if streaming"))
    return rows


if __name__ == "__main__":
    c.main(run)
