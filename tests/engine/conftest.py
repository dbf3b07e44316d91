"""Engine fixtures: the template archive, its single-process reference output, a 2-worker LocalCluster."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from engine_corpus import write_archive
from engine_outputs import PARTITIONS

from rasd.engine import BatchOptions, run_batch


@pytest.fixture(scope="session")
def archive(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """300 short Arabic items in four shards (JSON Lines, gzip, Parquet)."""
    return write_archive(tmp_path_factory.mktemp("archive"))


@pytest.fixture(scope="session")
def reference(archive: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The archive coded in-process (``--engine local``): what every other run must reproduce."""
    out = tmp_path_factory.mktemp("reference") / "out"
    run_batch([str(archive)], out, BatchOptions(engine="local", partitions=PARTITIONS))
    return out


@pytest.fixture(scope="session")
def cluster() -> Iterator[Any]:
    """Two single-threaded worker processes with 1 GiB each, as small as a worker gets."""
    distributed = pytest.importorskip("distributed")
    import logging

    with distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, memory_limit="1GiB",
        dashboard_address=":0", silence_logs=logging.ERROR,
    ) as local:
        yield local
