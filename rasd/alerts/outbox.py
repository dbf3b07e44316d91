"""Filling the alert outbox at ingest time: the one call the store makes into alerting.

:func:`enqueue_alerts` runs inside the ingest transaction, does no network
I/O and never raises: it writes at most one ``alert_outbox`` row per
subscription and event (``UNIQUE(subscription_id, event_id)``), so a report
that merges into an already-alerted event adds nothing, and a failure in
alerting is logged and rolled back to a savepoint while the document is
still saved.
"""

from __future__ import annotations

import logging
from datetime import datetime, timedelta

from sqlalchemy import Connection, insert, select

from rasd.alerts.match import matches
from rasd.store.alerts_models import AlertOutbox, Subscription
from rasd.store.models import Event, table_of

__all__ = ["MODES", "due_at", "enqueue_alerts"]

log = logging.getLogger(__name__)
O, SUB, E = table_of(AlertOutbox), table_of(Subscription), table_of(Event)
MODES = ("immediate", "daily", "weekly")


def due_at(mode: str, at: datetime) -> datetime:
    """When an alert for a subscription in ``mode`` goes out: now, next midnight UTC, or next Monday 00:00 UTC."""
    if mode == "immediate":
        return at
    midnight = datetime(at.year, at.month, at.day) + timedelta(days=1)
    if mode == "daily":
        return midnight
    return midnight + timedelta(days=(7 - midnight.weekday()) % 7)


def _enqueue(conn: Connection, event_id: int, merged: bool, at: datetime) -> int:
    subs = conn.execute(select(SUB.c.id, SUB.c.mode, SUB.c.filters).where(SUB.c.active.is_(True))).all()
    if not subs:
        return 0
    row = conn.execute(select(E).where(E.c.id == event_id)).first()
    if row is None or row.review_status == "rejected":
        return 0
    ev = dict(row._mapping)
    owed = set(conn.execute(select(O.c.subscription_id).where(O.c.event_id == event_id)).scalars())
    rows = [
        {"subscription_id": s.id, "event_id": event_id, "reason": "merged" if merged else "new", "status": "pending",
         "attempts": 0, "next_attempt_at": due_at(s.mode, at), "created_at": at}
        for s in subs
        if s.id not in owed and matches(s.filters or {}, ev)
    ]
    if rows:
        conn.execute(insert(O), rows)
    return len(rows)


def enqueue_alerts(conn: Connection, event_id: int, *, merged: bool, at: datetime | None = None) -> int:
    """Queue ``event_id`` for every active subscription it matches and has not been queued for.

    Returns how many rows were queued; 0 (and a logged error) if alerting failed.
    """
    from rasd.store.documents import now

    try:
        with conn.begin_nested():
            return _enqueue(conn, event_id, merged, at or now())
    except Exception:  # alerting must never fail an ingest
        log.exception("queueing alerts for event %s failed; the event is saved", event_id)
        return 0
