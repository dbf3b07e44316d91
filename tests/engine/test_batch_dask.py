"""The Dask engine reproduces the single-process output, and survives a worker killed mid-task."""

from __future__ import annotations

import os
import signal
from functools import partial
from pathlib import Path

import pytest
from engine_outputs import PARTITIONS, assert_same_output, table_rows

from rasd.engine import BatchOptions, run_batch

pytestmark = pytest.mark.slow


def kill_worker_once(marker: str, stage: str, partition_id: str) -> None:
    """SIGKILL the worker process running this task, the first time only (``marker`` remembers)."""
    if stage == "published" and partition_id == "p00002" and not os.path.exists(marker):
        Path(marker).write_text(str(os.getpid()))
        os.kill(os.getpid(), signal.SIGKILL)


def test_dask_output_equals_single_process(archive: Path, reference: Path, cluster: object, tmp_path: Path) -> None:
    out = tmp_path / "out"
    summary = run_batch([str(archive)], out, BatchOptions(engine="dask", scheduler=cluster.scheduler_address, partitions=PARTITIONS))  # type: ignore[attr-defined]
    assert summary["workers"] == 2
    assert_same_output(out, reference)
    # Lexicons and gazetteer load once per worker process, not per task.
    loads = summary["this_run"]["pipeline_loads"]
    assert set(loads.values()) == {1} and len(loads) <= 2


def test_killed_worker_leaves_complete_duplicate_free_output(archive: Path, reference: Path, cluster: object, tmp_path: Path) -> None:
    marker = tmp_path / "killed"
    out = tmp_path / "out"
    options = BatchOptions(engine="dask", scheduler=cluster.scheduler_address, partitions=PARTITIONS, hook=partial(kill_worker_once, str(marker)))  # type: ignore[attr-defined]
    summary = run_batch([str(archive)], out, options)
    assert marker.exists(), "the hook never killed a worker"
    assert summary["partitions"] == {"total": PARTITIONS, "run": PARTITIONS, "skipped": 0}
    ids = [r["event_id"] for r in table_rows(out, "events")]
    assert len(ids) == len(set(ids))
    assert_same_output(out, reference)
    assert not (out / "_staging").exists()
