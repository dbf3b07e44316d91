"""``rasd batch`` on Dask: documents/s with 1 and 2 workers, and what 10 million articles would take.

The Al Jazeera leads are replicated (each copy with its own doc_id) into
plain JSON Lines shards of 50,000 documents under $TMPDIR — never in the
project — until the archive holds ``RASD_BENCH_BATCH_DOCS`` documents
(default 1,000,000; a quick run uses 20,000). Each worker count codes the
whole archive on a fresh ``LocalCluster`` into a fresh output folder, with
the merge stage off: replicated leads make every event a 96-report cluster,
a worst case no real archive has. The merge is timed apart, on the
original leads once.

The projection uses the measured cost per document (worker-seconds, so it
includes reading, hashing and writing Parquet) and the measured 2-worker
scaling efficiency as the efficiency of 100 cores.

    python benchmarks/bench_batch.py
"""

from __future__ import annotations

import json
import os
import shutil
import tempfile
import time
from pathlib import Path
from typing import Any

import _common as c

from rasd.engine import BatchOptions, run_batch

DOCS = 20_000 if c.QUICK else int(os.environ.get("RASD_BENCH_BATCH_DOCS", "1000000"))
SHARD_DOCS = 50_000
#: ~20 MB of leads a partition: enough partitions for both workers to stay busy to the end.
PARTITIONS = max(8, DOCS // 25_000)
TARGET_DOCS, TARGET_CORES = 10_000_000, 100
#: On-demand price of one vCPU-hour of a compute-optimised cloud VM (e.g. c7i, 2025 list prices), for the cost row.
VCPU_HOUR_USD = 0.045
WORK = Path(os.environ.get("RASD_BENCH_TMP", tempfile.gettempdir())) / "rasd-bench-batch"


def make_archive(docs: int) -> Path:
    """Shards of the replicated leads (reused when a previous run made the same archive)."""
    folder = WORK / f"archive-{docs}"
    stamp = folder / ".complete"
    if stamp.exists():
        return folder
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    lines = c.need(c.LEADS).read_text(encoding="utf-8").splitlines()
    written, shard, f = 0, 0, None
    with c.progress() as bar:
        task = bar.add_task("writing shards", total=docs)
        while written < docs:
            for line in lines:
                if written == docs:
                    break
                if written % SHARD_DOCS == 0:
                    if f:
                        f.close()
                    f = (folder / f"leads-{shard:03d}.jsonl").open("w", encoding="utf-8")
                    shard += 1
                record = json.loads(line)
                record["doc_id"] = f"{record['doc_id']}-r{written // len(lines)}"
                f.write(json.dumps(record, ensure_ascii=False) + "\n")  # type: ignore[union-attr]
                written += 1
                if written % 10_000 == 0:
                    bar.advance(task, 10_000)
    if f:
        f.close()
    stamp.touch()
    return folder


def code(archive: Path, workers: int, *, merge: bool = False) -> dict[str, Any]:
    """One full run on a fresh LocalCluster of ``workers`` single-threaded processes."""
    out = WORK / f"out-{workers}"
    shutil.rmtree(out, ignore_errors=True)
    options = BatchOptions(engine="dask", workers=workers, memory_limit="4GiB", merge=merge, partitions=None if merge else PARTITIONS)
    try:
        return run_batch([str(archive)], out, options)
    finally:
        shutil.rmtree(out, ignore_errors=True)


def run() -> list[dict[str, Any]]:
    """Measure, return result rows."""
    archive = make_archive(DOCS)
    size_mb = sum(p.stat().st_size for p in archive.glob("*.jsonl")) / 1e6
    name = f"batch: {DOCS:,} leads on Dask"
    sample = f"{DOCS:,} docs ({size_mb:,.0f} MB JSONL, leads replicated), merge off"
    rows, rate = [], {}
    for workers in (1, 2):
        t0 = time.perf_counter()
        summary = code(archive, workers)
        wall = time.perf_counter() - t0
        t = summary["timings"]
        rate[workers] = summary["this_run"]["documents"] / t["extract_s"]
        rows.append(c.row(name, f"{workers} worker{'s' if workers > 1 else ''}", round(rate[workers]), "docs/s",
                          ratio=round(rate[workers] / rate[1], 2) if workers > 1 else None,
                          note=f"{sample}; {summary['partitions']['total']} partitions, {t['extract_s']:.0f} s extracting, {wall:.0f} s with cluster start"))
    efficiency = rate[2] / (2 * rate[1])
    cost = 1 / rate[1]  # worker-seconds per document
    hours = TARGET_DOCS * cost / (TARGET_CORES * efficiency) / 3600
    rows += [
        c.row(name, "scaling efficiency, 2 workers", round(100 * efficiency, 1), "%", note="docs/s with 2 ÷ (2 × docs/s with 1), 2-core machine"),
        c.row(name, "cost per document", round(1000 * cost, 3), "ms", note="worker-seconds per document: read, extract, write Parquet"),
        c.row(f"projection: {TARGET_DOCS:,} leads", f"{TARGET_CORES}-core cluster", round(hours * 60, 1), "min",
              note=f"{TARGET_DOCS:,} × {1000 * cost:.3f} ms ÷ ({TARGET_CORES} × {efficiency:.2f}); "
                   f"≈ ${TARGET_DOCS * cost / 3600 * VCPU_HOUR_USD:,.2f} of vCPU-hours at ${VCPU_HOUR_USD}/vCPU-h; full articles cost ~7× a lead"),
    ]
    merged = code(Path(c.need(c.LEADS)), 1, merge=True)
    m = merged["merge"] or {}
    rows.append(c.row("batch: merge stage", "time", round(merged["timings"]["merge_s"], 2), "s",
                      note=f"{c.LEADS.name} as is: {m.get('reports', 0):,} reports → {m.get('events', 0):,} events, blocking by country/admin1/date"))
    return rows


if __name__ == "__main__":
    c.main(run)
