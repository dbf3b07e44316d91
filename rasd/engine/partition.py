"""One partition task: read its chunks, extract, write its Parquet files, commit.

This function is what runs on a Dask worker (or in-process for ``--engine
local``), so it depends on nothing but its :class:`PartitionTask` and the
file system. The pipeline comes from :func:`rasd.extract.default_pipeline`,
cached per process: a worker loads lexicons and gazetteer with its first
task and never again (the result reports the cache's load count, and tests
check it). Writing follows :mod:`rasd.engine.manifest`: stage, publish by
rename, then the done marker.
"""

from __future__ import annotations

import os
import shutil
import time
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from rasd.engine import manifest
from rasd.engine.plan import Partition
from rasd.engine.records import (
    DOCUMENT_SCHEMA,
    EVENT_SCHEMA,
    document_row,
    event_rows,
    partition_dir,
)
from rasd.engine.sources import read_chunk
from rasd.errors import ConfigError, DataError, InputError, PipelineError

__all__ = ["PartitionTask", "run_partition", "write_parquet"]

#: ``hook(stage, partition_id)``, called after staging and after each published file: a seam for fault-injection tests.
Hook = Callable[[str, str], None]


@dataclass(frozen=True, slots=True)
class PartitionTask:
    """Everything a worker needs to process one partition."""

    out: str
    partition: Partition
    extraction_version: str
    hook: Hook | None = None


def write_parquet(path: Path, rows: list[dict[str, Any]], schema: pa.Schema) -> None:
    """Rows to one zstd-compressed Parquet file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    pq.write_table(pa.Table.from_pylist(rows, schema=schema), path, compression="zstd")


def _extract(task: PartitionTask) -> tuple[dict[str, list[dict[str, Any]]], dict[str, list[dict[str, Any]]], list[dict[str, str]]]:
    """Event and document rows grouped by output folder, and the records that failed."""
    from rasd.extract import analyse

    events: dict[str, list[dict[str, Any]]] = defaultdict(list)
    documents: dict[str, list[dict[str, Any]]] = defaultdict(list)
    failures: list[dict[str, str]] = []
    for chunk in task.partition.chunks:
        for raw in read_chunk(chunk):
            if isinstance(raw, InputError):
                failures.append({"origin": raw.source or chunk.path, "reason": raw.message})
                continue
            try:
                doc = analyse(raw.text, published=raw.published, doc_id=raw.doc_id, source=raw.source, title=raw.title, url=raw.url)
            except (PipelineError, DataError, ConfigError):
                raise  # the extractor itself is broken: every document would fail the same way
            except Exception as exc:  # noqa: BLE001 - one bad document must not stop an archive
                failures.append({"origin": raw.origin, "reason": f"extraction crashed: {type(exc).__name__}: {exc}"})
                continue
            day = raw.published.isoformat() if raw.published else None
            documents[partition_dir("documents", day, by_country=False)].append(document_row(raw, doc, task.extraction_version))
            for row in event_rows(raw, doc, task.extraction_version):
                events[partition_dir("events", row["event_date"] or day, row["country"])].append(row)
    return events, documents, failures


def _pipeline_loads() -> int:
    """How many times this process has built the pipeline (1 on a healthy worker, whatever the task count)."""
    from rasd.extract import default_pipeline

    return default_pipeline.cache_info().misses


def run_partition(task: PartitionTask) -> dict[str, Any]:
    """Process one partition and commit it; a partition already committed is not redone.

    Returns the done marker's content: files per table, counts, seconds, and
    the worker's pid and pipeline load count.
    """
    out, pid = Path(task.out), task.partition.id
    done = manifest.read_marker(out, pid)
    if done is not None:
        return done
    started = time.perf_counter()
    staging = manifest.staging_dir(out, pid)
    shutil.rmtree(staging, ignore_errors=True)  # what an earlier, killed attempt left
    events, documents, failures = _extract(task)
    files: dict[str, list[str]] = {"events": [], "documents": []}
    for table, groups, schema in (("events", events, EVENT_SCHEMA), ("documents", documents, DOCUMENT_SCHEMA)):
        for folder in sorted(groups):
            relative = f"{folder}/{pid}.parquet"
            write_parquet(staging / relative, groups[folder], schema)
            files[table].append(relative)
    if task.hook:
        task.hook("staged", pid)
    for relative in files["events"] + files["documents"]:
        (out / relative).parent.mkdir(parents=True, exist_ok=True)
        os.replace(staging / relative, out / relative)
        if task.hook:
            task.hook("published", pid)
    result = {
        "files": files,
        "counts": {
            "documents": sum(len(rows) for rows in documents.values()),
            "events": sum(len(rows) for rows in events.values()),
            "failed": len(failures),
        },
        "failures": failures,
        "seconds": round(time.perf_counter() - started, 3),
        "worker_pid": os.getpid(),
        "pipeline_loads": _pipeline_loads(),
    }
    manifest.write_marker(out, pid, result)
    shutil.rmtree(staging, ignore_errors=True)
    return result
