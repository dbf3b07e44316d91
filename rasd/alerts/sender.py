"""Draining the outbox: ``rasd alerts send`` (once) and ``rasd alerts run`` (a loop).

Each pass reads what is due, builds one message per immediate alert and one
per digest (all of a digest subscription's due events), delivers it through
the subscription's channel, logs the attempt in ``alert_deliveries`` and then
marks the rows sent — or, on failure, schedules them again with exponential
backoff (``base × 2^attempts``, capped). Rows are never dropped: a target
that is down for a day gets its alerts when it comes back.

Delivery happens outside any transaction, so a slow SMTP server never holds
a database lock. Run one sender per database: two would both send a row that
is due (the row is marked sent only after the delivery).

At least once, never silently lost: a sender killed after the receiver
accepted a message and before its rows are marked sent sends it again when
it restarts. That window is the commit right after the receiver's answer
(the e-mail channel does not even wait for the SMTP ``QUIT`` reply first),
and the repeat carries the same :func:`delivery_id` (``Message-ID``,
``X-Rasd-Delivery``), so the receiver can drop it.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import insert, select, update

from rasd.alerts.channels import Channel, DeliveryError
from rasd.alerts.render import Message, render
from rasd.alerts.tokens import secret_key, sign, unsubscribe_token
from rasd.clock import now as utcnow
from rasd.store import Store
from rasd.store.alerts_models import AlertDelivery, AlertOutbox, EventCode, Subscription
from rasd.store.models import Event, table_of

__all__ = ["SendReport", "delivery_id", "run_sender", "send_due"]

O, SUB, DL, E, C = table_of(AlertOutbox), table_of(Subscription), table_of(AlertDelivery), table_of(Event), table_of(EventCode)


@dataclass(slots=True)
class SendReport:
    """What one pass did."""

    messages_sent: int = 0
    messages_failed: int = 0
    events_delivered: int = 0

    def as_dict(self) -> dict[str, int]:
        """For ``--json`` and logs."""
        return {"messages_sent": self.messages_sent, "messages_failed": self.messages_failed, "events_delivered": self.events_delivered}


def _due(store: Store, at: datetime, limit: int) -> tuple[bytes, list[tuple[dict[str, Any], list[dict[str, Any]]]]]:
    """The signing key, and (subscription, its due outbox rows joined to their events) grouped into messages."""
    from rasd.export.query import assign_codes

    with store.transaction("reading the alert outbox") as conn:
        assign_codes(conn)
        rows = conn.execute(
            select(O.c.id.label("outbox_id"), O.c.subscription_id, O.c.attempts, E, C.c.code.label("event_id_cnty"))
            .join(E, E.c.id == O.c.event_id).join(SUB, SUB.c.id == O.c.subscription_id).outerjoin(C, C.c.event_id == E.c.id)
            .where(O.c.status == "pending", O.c.next_attempt_at <= at, SUB.c.active.is_(True))
            .order_by(O.c.id).limit(limit)
        ).all()
        subs = {r.id: dict(r._mapping) for r in conn.execute(select(SUB).where(SUB.c.id.in_({r.subscription_id for r in rows})))}
        key = secret_key(conn)
    groups: list[tuple[dict[str, Any], list[dict[str, Any]]]] = []
    digests: dict[int, list[dict[str, Any]]] = {}
    for r in rows:
        sub = subs[r.subscription_id]
        sub["unsubscribe_token"] = unsubscribe_token(key, sub["id"])
        item = dict(r._mapping)
        if sub["mode"] == "immediate":
            groups.append((sub, [item]))
        else:
            digests.setdefault(sub["id"], []).append(item)
    groups += [(subs[sid], items) for sid, items in digests.items()]
    return key, groups


def delivery_id(key: bytes, subscription_id: int, outbox_ids: Sequence[int]) -> str:
    """The id of one message, the same on every retry: a keyed hash of the subscription and its outbox rows."""
    return sign(key, f"delivery:{subscription_id}:{','.join(map(str, sorted(outbox_ids)))}".encode())[:32]


def _record(store: Store, sub: Mapping[str, Any], items: list[dict[str, Any]], at: datetime, *,
            ok: bool, code: int | None, error: str | None, ms: float, backoff: Callable[[int], timedelta]) -> None:
    ids = [i["outbox_id"] for i in items]
    attempt = max(i["attempts"] for i in items) + 1
    with store.transaction("recording a delivery") as conn:
        conn.execute(insert(DL).values(
            subscription_id=sub["id"], channel=sub["channel"], event_ids=[i["id"] for i in items], attempt=attempt,
            ok=ok, status_code=code, error=error, duration_ms=round(ms, 1), at=at,
        ))
        if ok:
            conn.execute(update(O).where(O.c.id.in_(ids)).values(status="sent", sent_at=at, attempts=attempt, last_error=None))
            if sub["mode"] != "immediate":
                conn.execute(update(SUB).where(SUB.c.id == sub["id"]).values(last_digest_at=at))
        else:
            conn.execute(update(O).where(O.c.id.in_(ids)).values(attempts=attempt, last_error=error, next_attempt_at=at + backoff(attempt)))


def send_due(
    store: Store, *, at: datetime | None = None, base_url: str = "", channels: Mapping[str, Channel] | None = None,
    backoff_base: float = 30.0, backoff_cap: float = 3600.0, limit: int = 500,
) -> SendReport:
    """Deliver everything due at ``at`` (now); failed deliveries are rescheduled, never lost."""
    from rasd.plugins import alert_channels

    at = at or utcnow()
    channels = channels if channels is not None else alert_channels()
    report = SendReport()

    def backoff(attempt: int) -> timedelta:
        return timedelta(seconds=min(backoff_cap, backoff_base * 2 ** (attempt - 1)))

    key, groups = _due(store, at, limit)
    for sub, items in groups:
        url = f"{base_url}/api/v1/alerts/unsubscribe?token={sub['unsubscribe_token']}"
        started = time.perf_counter()
        code: int | None = None
        error: str | None = None
        try:
            channel = channels.get(sub["channel"])
            if channel is None:
                raise DeliveryError(f"no channel {sub['channel']!r} is installed")
            message: Message = render(sub, items, unsubscribe_url=url, base_url=base_url,
                                      delivery_id=delivery_id(key, sub["id"], [i["outbox_id"] for i in items]))
            code = channel.send(sub, message)
        except DeliveryError as exc:
            code, error = exc.status_code, exc.message
        ms = (time.perf_counter() - started) * 1000
        _record(store, sub, items, at, ok=error is None, code=code, error=error, ms=ms, backoff=backoff)
        if error is None:
            report.messages_sent += 1
            report.events_delivered += len(items)
        else:
            report.messages_failed += 1
    return report


def run_sender(store: Store, *, interval: float = 30.0, cycles: int | None = None, on_pass: Callable[[SendReport], None] | None = None,
               **kwargs: Any) -> None:
    """Call :func:`send_due` every ``interval`` seconds, ``cycles`` times or until interrupted."""
    n = 0
    while cycles is None or n < cycles:
        report = send_due(store, **kwargs)
        if on_pass:
            on_pass(report)
        n += 1
        if cycles is None or n < cycles:
            time.sleep(interval)
