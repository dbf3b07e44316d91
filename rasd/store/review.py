"""Review operations that move reports between events: split one event in two, merge duplicates into one.

Each runs inside the caller's transaction and leaves one ``review_history``
row per event it touched, with the reviewer, the time and the event's
columns before and after (:func:`snapshot`). Every event it touches ends in
a person's status (``corrected``, or ``rejected`` for a merged duplicate),
which later ingests never recompute. The store's :meth:`~rasd.store.Store.split`
and :meth:`~rasd.store.Store.merge` open the transaction; the API, the CLI
or a batch job call those.

Errors: :class:`~rasd.errors.EventNotFound` for an event that does not
exist, :class:`~rasd.errors.ReviewConflict` for an operation the data
contradicts (moving reports the event does not have, emptying it, merging
an event into itself).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, func, insert, select, update

from rasd.errors import EventNotFound, ReviewConflict
from rasd.store.alerts_models import Victim
from rasd.store.merge import tellings
from rasd.store.models import Event as EventRow
from rasd.store.models import EventSource, EvidenceSpan, ReviewHistory, new_id, table_of

__all__ = ["log_review", "merge", "move_reports", "snapshot", "split"]

E, ES, SP, RH = table_of(EventRow), table_of(EventSource), table_of(EvidenceSpan), table_of(ReviewHistory)
V = table_of(Victim)


def snapshot(conn: Connection, event_id: int) -> dict[str, Any]:
    """An event's columns as JSON values (dates as ISO text): what the audit trail keeps before and after."""
    r = conn.execute(select(E).where(E.c.id == event_id)).first()
    if r is None:
        raise EventNotFound(f"no event {event_id}")
    return {k: (v.isoformat() if hasattr(v, "isoformat") else v) for k, v in r._mapping.items()}


def log_review(
    conn: Connection, event_id: int, *, reviewer: str, action: str, before: Mapping[str, Any], comment: str | None, at: datetime,
) -> None:
    """One ``review_history`` row: the event as it was (``before``) and as it is now."""
    conn.execute(insert(RH).values(
        event_id=event_id, reviewer=reviewer, action=action, before=dict(before), after=snapshot(conn, event_id), comment=comment, at=at,
    ))


def split(
    conn: Connection, event_id: int, *, reviewer: str, at: datetime, report_ids: Sequence[int] = (),
    changes: Mapping[str, Any] | None = None, comment: str | None = None,
) -> int:
    """Make a second event out of one; returns its id.

    With ``report_ids`` those reports (and their evidence) move to the new
    event — two incidents wrongly merged. Without, the new event shares every
    report — one article that told of two incidents read as one. ``changes``
    apply to the new event.
    """
    before = snapshot(conn, event_id)
    reports = [r.id for r in conn.execute(select(ES.c.id).where(ES.c.event_id == event_id))]
    moving = sorted(set(report_ids))
    if not set(moving) <= set(reports):
        raise ReviewConflict(f"reports {sorted(set(moving) - set(reports))} are not reports of event {event_id}")
    if moving and len(moving) == len(reports):
        raise ReviewConflict("a split must leave at least one report on the original event")
    fields = {k: v for k, v in before.items() if k not in ("id", "created_at", "updated_at")}
    fields.update(changes or {}, review_status="corrected", created_at=at, updated_at=at)
    fields["n_sources"] = _sources(conn, moving or reports)
    new = new_id(conn.execute(insert(E).values(**fields)))
    if moving:
        conn.execute(update(ES).where(ES.c.id.in_(moving)).values(event_id=new))
        conn.execute(update(SP).where(SP.c.event_source_id.in_(moving)).values(event_id=new))
    else:
        _copy_reports(conn, reports, new)
    left = _sources(conn, [r for r in reports if r not in moving]) if moving else fields["n_sources"]
    conn.execute(update(E).where(E.c.id == event_id).values(review_status="corrected", n_sources=left, updated_at=at))
    log_review(conn, event_id, reviewer=reviewer, action="split", before=before, comment=comment or f"split into #{new}", at=at)
    log_review(conn, new, reviewer=reviewer, action="split", before={}, comment=comment or f"split from #{event_id}", at=at)
    return new


def _sources(conn: Connection, report_ids: Sequence[int]) -> int:
    """How many tellings the reports ``report_ids`` are (:func:`rasd.store.merge.tellings`)."""
    if not report_ids:
        return 0
    return tellings([dict(r.data) for r in conn.execute(select(ES.c.data).where(ES.c.id.in_(report_ids)).order_by(ES.c.id))])


def _copy_reports(conn: Connection, report_ids: Sequence[int], event_id: int) -> None:
    for rid in report_ids:
        r = conn.execute(select(ES).where(ES.c.id == rid)).one()
        values = {k: v for k, v in r._mapping.items() if k != "id"} | {"event_id": event_id}
        copy = new_id(conn.execute(insert(ES).values(**values)))
        spans = [
            {"event_id": event_id, "event_source_id": copy, "field": s.field, "start": s.start, "end": s.end, "text": s.text}
            for s in conn.execute(select(SP).where(SP.c.event_source_id == rid))
        ]
        if spans:
            conn.execute(insert(SP), spans)


def move_reports(conn: Connection, source: int, target: int) -> None:
    """Move every report of event ``source`` to event ``target``, with its evidence and the victims it named;
    each report is numbered after ``target``'s own reports of its document."""
    for r in conn.execute(select(ES.c.id, ES.c.document_id).where(ES.c.event_id == source).order_by(ES.c.id)).all():
        top = conn.execute(select(func.max(ES.c.ordinal)).where(ES.c.event_id == target, ES.c.document_id == r.document_id)).scalar()
        conn.execute(update(ES).where(ES.c.id == r.id).values(event_id=target, ordinal=0 if top is None else top + 1))
        conn.execute(update(SP).where(SP.c.event_source_id == r.id).values(event_id=target))
    conn.execute(update(V).where(V.c.event_id == source).values(event_id=target))


def merge(conn: Connection, event_id: int, others: Sequence[int], *, reviewer: str, at: datetime, comment: str | None = None) -> None:
    """Join duplicate events into ``event_id``: their reports move to it, and they are rejected as duplicates.

    The kept event's fields stay as they are (a reviewer corrects them if the
    duplicates knew better); it becomes ``corrected``, a person's event.
    """
    others = sorted(set(others))
    if event_id in others:
        raise ReviewConflict("an event cannot be merged into itself")
    before = snapshot(conn, event_id)
    befores = {o: snapshot(conn, o) for o in others}
    for other in others:
        move_reports(conn, other, event_id)
        conn.execute(update(E).where(E.c.id == other).values(review_status="rejected", n_sources=0, updated_at=at))
        log_review(conn, other, reviewer=reviewer, action="merge", before=befores[other], comment=comment or f"duplicate: merged into #{event_id}", at=at)
    n = _sources(conn, [r.id for r in conn.execute(select(ES.c.id).where(ES.c.event_id == event_id))])
    conn.execute(update(E).where(E.c.id == event_id).values(review_status="corrected", n_sources=n, updated_at=at))
    log_review(conn, event_id, reviewer=reviewer, action="merge", before=before, comment=comment or "merged " + ", ".join(f"#{o}" for o in others), at=at)
