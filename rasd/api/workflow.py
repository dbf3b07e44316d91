"""The review workflow over HTTP: approve, correct, reject, split and merge machine events.

The work is the store's (:meth:`rasd.store.Store.review`, :meth:`~rasd.store.Store.split`,
:meth:`~rasd.store.Store.merge`, :mod:`rasd.store.review`): each action is one
transaction that leaves one ``review_history`` row per event it touched, and
every touched event ends in a person's status, which later ingests never
recompute. This module checks what a request asks, writes the English notes
anew after a correction, and translates the store's errors to HTTP: no such
event → 404, a review the data contradicts → 409.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from typing import Any

from sqlalchemy import select

from rasd.api.errors import BadRequest, Conflict, NotFound
from rasd.errors import EventNotFound, ReviewConflict
from rasd.extract.notes import english_notes
from rasd.store import Store
from rasd.store.models import Event as EventRow
from rasd.store.models import table_of
from rasd.store.review import snapshot

__all__ = ["ACTIONS", "candidates", "merge", "review", "split"]

E = table_of(EventRow)
ACTIONS = {"approve": "approved", "correct": "corrected", "reject": "rejected"}


@contextmanager
def _http_errors() -> Iterator[None]:
    """The store's review errors as the API's: no such event → 404, a contradiction → 409."""
    try:
        yield
    except EventNotFound as exc:
        raise NotFound(exc.message) from exc
    except ReviewConflict as exc:
        raise Conflict(exc.message) from exc


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
    with _http_errors(), store.transaction("reading an event") as conn:
        before = snapshot(conn, event_id)
    return english_notes({**before, **changes}, n_sources=int(before.get("n_sources") or 1))


def split(store: Store, event_id: int, *, reviewer: str, report_ids: Sequence[int] = (), changes: Mapping[str, Any] | None = None, comment: str | None = None) -> int:
    """Make a second event out of one (:meth:`rasd.store.Store.split`); returns its id."""
    with _http_errors():
        return store.split(event_id, reviewer=reviewer, report_ids=report_ids, changes=changes, comment=comment)


def merge(store: Store, event_id: int, others: Sequence[int], *, reviewer: str, comment: str | None = None) -> None:
    """Join duplicate events into ``event_id`` (:meth:`rasd.store.Store.merge`)."""
    with _http_errors():
        store.merge(event_id, others, reviewer=reviewer, comment=comment)


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
