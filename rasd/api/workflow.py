"""The review workflow: approve, correct, reject, split and merge machine events.

Each action is one transaction and leaves one ``review_history`` row per
event it touched, with the reviewer, the time and the event's columns before
and after. Every action leaves the events it touched in a person's status
(approved, corrected or rejected), which the store never recomputes: a
later ingest links new reports to them but does not change their fields.

Approve/correct/reject go through :meth:`rasd.store.Store.review`; split and
merge move reports (``event_sources`` and their evidence) between events,
which the store has no method for.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from sqlalchemy import Connection, func, insert, select, update

from rasd.api.errors import BadRequest, Conflict, NotFound
from rasd.clock import now
from rasd.extract.notes import english_notes
from rasd.store import Store
from rasd.store.models import Event as EventRow
from rasd.store.models import EventSource, EvidenceSpan, ReviewHistory, new_id, table_of

__all__ = ["ACTIONS", "candidates", "merge", "review", "split"]

E, ES, SP, RH = table_of(EventRow), table_of(EventSource), table_of(EvidenceSpan), table_of(ReviewHistory)
ACTIONS = {"approve": "approved", "correct": "corrected", "reject": "rejected"}


def _snapshot(conn: Connection, event_id: int) -> dict[str, Any]:
    r = conn.execute(select(E).where(E.c.id == event_id)).first()
    if r is None:
        raise NotFound(f"no event {event_id}")
    return {k: (v.isoformat() if hasattr(v, "isoformat") else v) for k, v in r._mapping.items()}


def _log(conn: Connection, event_id: int, reviewer: str, action: str, before: dict[str, Any], comment: str | None) -> None:
    after = _snapshot(conn, event_id)
    conn.execute(insert(RH).values(event_id=event_id, reviewer=reviewer, action=action, before=before, after=after, comment=comment, at=now()))


def _exists(store: Store, event_id: int) -> None:
    with store.transaction("reading an event") as conn:
        if conn.execute(select(E.c.id).where(E.c.id == event_id)).first() is None:
            raise NotFound(f"no event {event_id}")


def review(store: Store, event_id: int, action: str, *, reviewer: str, changes: Mapping[str, Any] | None = None, comment: str | None = None) -> None:
    """Approve, correct (with ``changes``) or reject an event."""
    if action not in ACTIONS:
        raise BadRequest(f"unknown action {action!r}; one of {', '.join(ACTIONS)}")
    if action == "correct" and not changes:
        raise BadRequest("a correction needs at least one changed field")
    _exists(store, event_id)
    if action == "correct" and changes and "notes" not in changes:
        changes = {**changes, "notes": _notes_after(store, event_id, changes)}
    store.review(event_id, ACTIONS[action], reviewer=reviewer, changes=changes, comment=comment)


def _notes_after(store: Store, event_id: int, changes: Mapping[str, Any]) -> str:
    """The English notes written anew from the corrected fields (a reviewer who edits the notes keeps theirs)."""
    with store.transaction("reading an event") as conn:
        before = _snapshot(conn, event_id)
    return english_notes({**before, **changes}, n_sources=int(before.get("n_sources") or 1))


def split(store: Store, event_id: int, *, reviewer: str, report_ids: Sequence[int] = (), changes: Mapping[str, Any] | None = None, comment: str | None = None) -> int:
    """Make a second event out of one; returns its id.

    With ``report_ids`` those reports (and their evidence) move to the new
    event — two incidents wrongly merged. Without, the new event shares every
    report — one article that told of two incidents read as one. ``changes``
    apply to the new event.
    """
    with store.transaction("splitting an event") as conn:
        before = _snapshot(conn, event_id)
        reports = [r.id for r in conn.execute(select(ES.c.id).where(ES.c.event_id == event_id))]
        moving = sorted(set(report_ids))
        if not set(moving) <= set(reports):
            raise Conflict(f"reports {sorted(set(moving) - set(reports))} are not reports of event {event_id}")
        if moving and len(moving) == len(reports):
            raise Conflict("a split must leave at least one report on the original event")
        at = now()
        fields = {k: v for k, v in before.items() if k not in ("id", "created_at", "updated_at")}
        fields.update(changes or {}, review_status="corrected", created_at=at, updated_at=at)
        fields["n_sources"] = len(moving) or len(reports)
        new = new_id(conn.execute(insert(E).values(**fields)))
        if moving:
            conn.execute(update(ES).where(ES.c.id.in_(moving)).values(event_id=new))
            conn.execute(update(SP).where(SP.c.event_source_id.in_(moving)).values(event_id=new))
        else:
            _copy_reports(conn, reports, new)
        left = len(reports) - len(moving)
        conn.execute(update(E).where(E.c.id == event_id).values(review_status="corrected", n_sources=left, updated_at=at))
        _log(conn, event_id, reviewer, "split", before, comment or f"split into #{new}")
        _log(conn, new, reviewer, "split", {}, comment or f"split from #{event_id}")
    return new


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


def merge(store: Store, event_id: int, others: Sequence[int], *, reviewer: str, comment: str | None = None) -> None:
    """Join duplicate events into ``event_id``: their reports move to it, and they are rejected as duplicates.

    The kept event's fields stay as they are (a reviewer corrects them if the
    duplicates knew better); it becomes ``corrected``, a person's event.
    """
    others = sorted(set(others))
    if event_id in others:
        raise Conflict("an event cannot be merged into itself")
    with store.transaction("merging events") as conn:
        before = _snapshot(conn, event_id)
        befores = {o: _snapshot(conn, o) for o in others}
        at = now()
        for other in others:
            for r in conn.execute(select(ES.c.id, ES.c.document_id).where(ES.c.event_id == other).order_by(ES.c.id)).all():
                top = conn.execute(select(func.max(ES.c.ordinal)).where(ES.c.event_id == event_id, ES.c.document_id == r.document_id)).scalar()
                conn.execute(update(ES).where(ES.c.id == r.id).values(event_id=event_id, ordinal=0 if top is None else top + 1))
                conn.execute(update(SP).where(SP.c.event_source_id == r.id).values(event_id=event_id))
            conn.execute(update(E).where(E.c.id == other).values(review_status="rejected", n_sources=0, updated_at=at))
            _log(conn, other, reviewer, "merge", befores[other], comment or f"duplicate: merged into #{event_id}")
        n = conn.execute(select(func.count()).select_from(ES).where(ES.c.event_id == event_id)).scalar()
        conn.execute(update(E).where(E.c.id == event_id).values(review_status="corrected", n_sources=n, updated_at=at))
        _log(conn, event_id, reviewer, "merge", before, comment or "merged " + ", ".join(f"#{o}" for o in others))


def candidates(store: Store, event_id: int, *, phrase: str | None = None, limit: int = 8) -> list[dict[str, Any]]:
    """Places the geocoder offers for the event's location (or ``phrase``), best first, as correction values."""
    from rasd.geo import get_geocoder

    with store.transaction("reading an event") as conn:
        r = conn.execute(select(E.c.location, E.c.location_ar, E.c.country).where(E.c.id == event_id)).first()
    if r is None:
        raise NotFound(f"no event {event_id}")
    query = (phrase or r.location_ar or r.location or "").strip()
    out = []
    for c in get_geocoder().geocode(query, limit=limit) if query else []:
        out.append({
            "location": c.name, "location_ar": c.name_ar, "country": c.country, "iso": c.iso, "admin1": c.admin1,
            "admin2": c.admin2, "admin3": c.admin3, "latitude": c.latitude, "longitude": c.longitude,
            "geo_precision": c.geo_precision, "kind": c.kind,
        })
    return out
