"""Filling the alert outbox at ingest time: alerting's answer to the store's ``event_saved`` hook.

:func:`enqueue_alerts` runs inside the ingest transaction, does no network
I/O and never raises: it writes at most one ``alert_outbox`` row per
subscription and event (``UNIQUE(subscription_id, event_id)``), so a report
that merges into an already-alerted event adds nothing, and a failure in
alerting is logged and rolled back to a savepoint while the document is
still saved.

An event row is not an event's identity: ``rasd ingest --force`` and a new
extraction version delete machine events and create them again under new
ids. So every queued alert also marks the identities of the event's reports
(:func:`report_identity`: the document and the event's fingerprint in it) in
``alert_marks``, and an event any of whose reports a subscription was
already alerted for is not queued for it again.
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Mapping
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import Connection, insert, select

from rasd.alerts.match import matching
from rasd.clock import now
from rasd.plugins import hookimpl
from rasd.store.alerts_models import AlertMark, AlertOutbox, Subscription
from rasd.store.models import Document, Event, EventSource, table_of

__all__ = ["IDENTITY_FIELDS", "MODES", "due_at", "enqueue_alerts", "report_identity"]

log = logging.getLogger(__name__)
O, SUB, E, M = table_of(AlertOutbox), table_of(Subscription), table_of(Event), table_of(AlertMark)
ES, D = table_of(EventSource), table_of(Document)
MODES = ("immediate", "daily", "weekly")
#: What makes a report "the same event" across extractions of one document: not its figures, its actors or
#: its wording, which a new extraction version may refine, but what happened, when and where.
IDENTITY_FIELDS = ("event_date", "event_type", "country", "admin1", "location")


def report_identity(doc_key: str, report: Mapping[str, Any]) -> str:
    """A report's identity for alerting: a hash of its document key and :data:`IDENTITY_FIELDS`."""
    parts = [doc_key, *(str(report.get(f) or "") for f in IDENTITY_FIELDS)]
    return hashlib.sha256("\x1f".join(parts).encode()).hexdigest()


def due_at(mode: str, at: datetime) -> datetime:
    """When an alert for a subscription in ``mode`` goes out: now, next midnight UTC, or next Monday 00:00 UTC."""
    if mode == "immediate":
        return at
    midnight = datetime(at.year, at.month, at.day) + timedelta(days=1)
    if mode == "daily":
        return midnight
    return midnight + timedelta(days=(7 - midnight.weekday()) % 7)


def _identities(conn: Connection, event_id: int) -> set[str]:
    rows = conn.execute(select(D.c.doc_key, ES.c.data).join(D, D.c.id == ES.c.document_id).where(ES.c.event_id == event_id))
    return {report_identity(r.doc_key, r.data or {}) for r in rows}


def _enqueue(conn: Connection, event_id: int, merged: bool, at: datetime) -> int:
    subs = conn.execute(select(SUB.c.id, SUB.c.mode, SUB.c.filters).where(SUB.c.active.is_(True))).all()
    if not subs:
        return 0
    status = conn.execute(select(E.c.review_status).where(E.c.id == event_id)).scalar()
    if status is None or status == "rejected":
        return 0
    wanted = [s for s, ok in zip(subs, matching(conn, event_id, [s.filters or {} for s in subs]), strict=True) if ok]
    if not wanted:
        return 0
    owed = set(conn.execute(select(O.c.subscription_id).where(O.c.event_id == event_id)).scalars())
    identities = _identities(conn, event_id)
    marked: dict[int, set[str]] = {}
    for s_id, identity in conn.execute(
        select(M.c.subscription_id, M.c.identity).where(M.c.subscription_id.in_([s.id for s in wanted]), M.c.identity.in_(identities))
    ):
        marked.setdefault(s_id, set()).add(identity)
    rows = [
        {"subscription_id": s.id, "event_id": event_id, "reason": "merged" if merged else "new", "status": "pending",
         "attempts": 0, "next_attempt_at": due_at(s.mode, at), "created_at": at}
        for s in wanted
        if s.id not in owed and s.id not in marked
    ]
    if rows:
        conn.execute(insert(O), rows)
    # every wanted subscription is now owed this event: mark all its identities, so a re-created event stays known
    marks = [{"subscription_id": s.id, "identity": i, "created_at": at} for s in wanted for i in identities - marked.get(s.id, set())]
    if marks:
        conn.execute(insert(M), marks)
    return len(rows)


def enqueue_alerts(conn: Connection, event_id: int, *, merged: bool, at: datetime | None = None) -> int:
    """Queue ``event_id`` for every active subscription it matches and has not been alerted for.

    Returns how many rows were queued; 0 (and a logged error) if alerting failed.
    """
    try:
        with conn.begin_nested():
            return _enqueue(conn, event_id, merged, at or now())
    except Exception:  # alerting must never fail an ingest
        log.exception("queueing alerts for event %s failed; the event is saved", event_id)
        return 0


@hookimpl
def event_saved(conn: Connection, event_id: int, merged: bool) -> None:
    """A saved document created or merged into ``event_id``: queue its alerts (a default plugin, :mod:`rasd.plugins`)."""
    enqueue_alerts(conn, event_id, merged=merged)
