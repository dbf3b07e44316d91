"""Running a batch: plan, extract every pending partition, merge, sweep, write the manifest.

The same two task functions run in-process (``engine="local"``, the
reference and the small-job path) or on Dask (``engine="dask"``: a
``LocalCluster`` of worker processes, or an existing cluster at
``scheduler``). Dask supplies what a home-made pool would have to grow:
scheduling across machines, rescheduling the tasks of a worker that died,
retries of tasks that raised, and a memory limit per worker whose nanny
restarts a worker that goes over it.
"""

from __future__ import annotations

import logging
import os
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from rasd.engine import manifest
from rasd.engine.blocking import country_groups, merge_country
from rasd.engine.partition import Hook, PartitionTask, run_partition
from rasd.engine.plan import plan_batch
from rasd.errors import ConfigError

__all__ = ["ENGINES", "BatchOptions", "run_batch"]

ENGINES = ("local", "dask")
#: Retries of a task that *raised* (a worker that died is rescheduled by Dask without counting here).
TASK_RETRIES = 2
_MERGED = "merged"

Map = Callable[..., list[Any]]


@dataclass(frozen=True, slots=True)
class BatchOptions:
    """How to run a batch. ``workers`` and ``memory_limit`` apply to the LocalCluster only."""

    engine: str = "dask"
    scheduler: str | None = None
    partitions: int | None = None
    workers: int | None = None
    memory_limit: str = "2GiB"
    merge: bool = True
    hook: Hook | None = None


def _local_map(fn: Callable[..., Any], *iterables: Sequence[Any]) -> list[Any]:
    return list(map(fn, *iterables))


@contextmanager
def _dask_map(options: BatchOptions) -> Iterator[tuple[Map, int]]:
    """A map over the cluster's workers, and how many workers there are."""
    try:
        from dask.distributed import Client, LocalCluster
    except ImportError as exc:
        raise ConfigError("the Dask engine needs the dask extra: pip install 'rasd[dask]' (or use --engine local)") from exc
    if options.scheduler:
        cluster = None
        client = Client(options.scheduler)
    else:
        cluster = LocalCluster(
            n_workers=options.workers or os.cpu_count() or 1, threads_per_worker=1, processes=True,
            memory_limit=options.memory_limit, dashboard_address=":0", silence_logs=logging.ERROR,
        )
        client = Client(cluster)

    def dask_map(fn: Callable[..., Any], *iterables: Sequence[Any]) -> list[Any]:
        if not iterables or not iterables[0]:
            return []
        futures = client.map(fn, *iterables, retries=TASK_RETRIES, pure=False)
        return list(client.gather(futures))

    try:
        yield dask_map, len(client.scheduler_info()["workers"])
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


@contextmanager
def _executor(options: BatchOptions) -> Iterator[tuple[Map, int]]:
    if options.engine not in ENGINES:
        raise ConfigError(f"unknown engine {options.engine!r}; one of {', '.join(ENGINES)}")
    if options.engine == "local":
        yield _local_map, 1
    else:
        with _dask_map(options) as pair:
            yield pair


def _merge(out: Path, run: Map) -> dict[str, Any]:
    """Merge every committed event file, one task per country, and commit the merge stage."""
    groups = country_groups([str(p.relative_to(out)) for p in manifest.committed_files(out, "events")])
    results = run(merge_country, [str(out)] * len(groups), list(groups), list(groups.values()))
    manifest.write_marker(out, _MERGED, {
        "files": {"merged": [r["file"] for r in results]},
        "merge_counts": {"reports": sum(r["reports"] for r in results), "events": sum(r["events"] for r in results)},
    })
    return manifest.read_marker(out, _MERGED) or {}


def run_batch(inputs: Sequence[str], out: str | Path, options: BatchOptions | None = None) -> dict[str, Any]:
    """Code ``inputs`` into ``out`` and return the run's summary (also written to ``out/manifest.json``).

    Re-running with the same inputs skips finished partitions (and the merge,
    when nothing new was extracted).
    """
    from rasd.extract import EXTRACTION_VERSION

    options = options or BatchOptions()
    root = Path(out).resolve()
    t0 = time.perf_counter()
    plan = manifest.load_plan(root, plan_batch(inputs, extraction_version=EXTRACTION_VERSION, partitions=options.partitions))
    root.mkdir(parents=True, exist_ok=True)
    pending = [p for p in plan.partitions if manifest.read_marker(root, p.id) is None]
    manifest.write_manifest(root, plan, {"status": "running", "engine": options.engine})
    plan_s = time.perf_counter() - t0
    with _executor(options) as (run, workers):
        t1 = time.perf_counter()
        tasks = [PartitionTask(str(root), p, plan.extraction_version, options.hook) for p in pending]
        results = run(run_partition, tasks)
        extract_s = time.perf_counter() - t1
        t2 = time.perf_counter()
        merged = manifest.read_marker(root, _MERGED)
        if options.merge and (pending or merged is None):
            manifest.marker_path(root, _MERGED).unlink(missing_ok=True)
            merged = _merge(root, run)
        merge_s = time.perf_counter() - t2
    swept = manifest.sweep(root)
    docs = sum(r["counts"]["documents"] for r in results)
    summary = {
        "status": "done", "engine": options.engine, "workers": workers,
        "partitions": {"total": len(plan.partitions), "run": len(pending), "skipped": len(plan.partitions) - len(pending)},
        "merge": (merged or {}).get("merge_counts"),
        "this_run": {
            "documents": docs, "events": sum(r["counts"]["events"] for r in results),
            "failed": sum(r["counts"]["failed"] for r in results),
            "pipeline_loads": {str(r["worker_pid"]): r["pipeline_loads"] for r in results},
            "swept_files": swept,
        },
        "timings": {
            "plan_s": round(plan_s, 3), "extract_s": round(extract_s, 3), "merge_s": round(merge_s, 3),
            "total_s": round(time.perf_counter() - t0, 3),
            "docs_per_s": round(docs / extract_s, 1) if extract_s > 0 and docs else 0.0,
        },
    }
    manifest.write_manifest(root, plan, summary)
    return summary
