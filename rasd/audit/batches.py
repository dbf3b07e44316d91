"""Drawing audit batches and reporting on them, one store transaction each."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from rasd.audit.report import AuditReport, audit_report
from rasd.store import EventFilter, Store
from rasd.store import audit as _store

__all__ = ["sample", "batches", "report"]


def sample(store: Store, n: int, *, seed: int, created_by: str, name: str | None = None,
           f: EventFilter | None = None) -> int:
    """Draw an audit batch of up to ``n`` unreviewed machine events that ``f`` selects (stratified by sub-type and source); returns its id."""
    with store.transaction("drawing an audit sample") as conn:
        return _store.draw_sample(conn, n, seed=seed, created_by=created_by, name=name, f=f)


def batches(store: Store) -> list[dict[str, Any]]:
    """Every audit batch, newest first, with its size and how many of its events are reviewed."""
    with store.transaction("reading audit batches") as conn:
        return _store.batches(conn)


def report(store: Store, batch_ids: Sequence[int] | None = None) -> AuditReport:
    """The accuracy report from the reviewed items of some audit batches (all if ``None``)."""
    with store.transaction("reading audit verdicts") as conn:
        return audit_report(_store.items(conn, batch_ids, reviewed_only=True))
