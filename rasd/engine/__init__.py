"""Batch coding of a news archive: partitions on Dask (or in-process), Parquet out, resumable.

    >>> from rasd.engine import BatchOptions, run_batch, load_batch
    >>> summary = run_batch(["archive/"], "coded/", BatchOptions(engine="dask", scheduler="tcp://10.0.0.5:8786"))
    >>> load_batch("coded/", open_store("events.db"))

:mod:`~rasd.engine.plan` cuts inputs into partitions, :mod:`~rasd.engine.partition`
codes one partition (the task a worker runs), :mod:`~rasd.engine.manifest`
keeps the done markers and atomic writes, :mod:`~rasd.engine.blocking`
merges reports across the archive with the store's rule, and
:mod:`~rasd.engine.load` puts a finished batch into the store. Needs
``pyarrow`` (and ``dask[distributed]`` for the Dask engine): ``pip install 'rasd[dask]'``.
"""

from __future__ import annotations

from rasd.engine.load import load_batch
from rasd.engine.plan import Plan, plan_batch
from rasd.engine.records import event_id
from rasd.engine.runner import ENGINES, BatchOptions, run_batch

__all__ = ["ENGINES", "BatchOptions", "Plan", "event_id", "load_batch", "plan_batch", "run_batch"]
