"""Dead letters: input that could not be ingested, kept so a person can see why and retry.

A dead letter records where the input came from (a file, a feed entry, a
URL), why it failed, and — when small enough — the raw bytes, so ``rasd
retry`` can reprocess it even if the origin has gone. It is written in its
own transaction: a failure is recorded even when the document's own
transaction was rolled back.

One origin has at most one unresolved dead letter. When it fails again — in
a later run, or when ``rasd retry`` tries it — its first reason is kept and
the latest attempt is added on a second line (``failed again …``), so
``rasd failures`` shows both why it first failed and how it fails now.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import Connection, func, insert, select, update

from rasd.store.models import DeadLetter, new_id, table_of

__all__ = [
    "MAX_PAYLOAD",
    "Failure",
    "add_failure",
    "first_reason",
    "list_failures",
    "mark_retried",
    "payload_of",
]

DL = table_of(DeadLetter)
_AGAIN = "\nfailed again"
#: Raw payloads above this size are not kept (the origin is, for a retry from there).
MAX_PAYLOAD = 2 * 1024 * 1024


@dataclass(frozen=True, slots=True)
class Failure:
    """One dead letter as ``rasd failures`` shows it."""

    id: int
    source: str | None
    origin: str
    reason: str
    created_at: datetime
    retries: int
    resolved: bool
    has_payload: bool


def add_failure(
    conn: Connection,
    *,
    origin: str,
    reason: str,
    at: datetime,
    source: str | None = None,
    payload: bytes | None = None,
) -> int:
    """Record a failure; an origin with an unresolved dead letter gets the new attempt added to it instead."""
    same = conn.execute(
        select(DL.c.id, DL.c.reason).where(DL.c.origin == origin, DL.c.resolved_at.is_(None)).order_by(DL.c.id).limit(1)
    ).first()
    if same is not None:
        if first_reason(same.reason) != reason:
            conn.execute(update(DL).where(DL.c.id == same.id).values(reason=_again(same.reason, reason, at)))
        return int(same.id)
    if payload is not None and len(payload) > MAX_PAYLOAD:
        payload = None
    return new_id(
        conn.execute(
            insert(DL).values(
                source=source,
                origin=origin,
                reason=reason,
                payload=payload,
                created_at=at,
                retries=0,
            )
        )
    )


def list_failures(
    conn: Connection,
    *,
    include_resolved: bool = False,
    ids: Sequence[int] = (),
    limit: int | None = None,
) -> list[Failure]:
    """Dead letters, oldest first; only unresolved ones unless asked."""
    q = select(
        DL.c.id,
        DL.c.source,
        DL.c.origin,
        DL.c.reason,
        DL.c.created_at,
        DL.c.retries,
        DL.c.resolved_at,
        (func.length(DL.c.payload) > 0).label("has_payload"),
    )
    if not include_resolved:
        q = q.where(DL.c.resolved_at.is_(None))
    if ids:
        q = q.where(DL.c.id.in_(list(ids)))
    q = q.order_by(DL.c.id)
    if limit:
        q = q.limit(limit)
    return [
        Failure(
            r.id,
            r.source,
            r.origin,
            r.reason,
            r.created_at,
            r.retries,
            r.resolved_at is not None,
            bool(r.has_payload),
        )
        for r in conn.execute(q)
    ]


def payload_of(conn: Connection, failure_id: int) -> bytes | None:
    """The raw bytes kept with a dead letter, if any."""
    return conn.execute(select(DL.c.payload).where(DL.c.id == failure_id)).scalar()


def mark_retried(
    conn: Connection,
    failure_id: int,
    *,
    resolved: bool,
    at: datetime,
    reason: str | None = None,
) -> None:
    """Count a retry; resolve the dead letter if it went through, or update why it failed again."""
    values: dict[str, object] = {"retries": DL.c.retries + 1, "retried_at": at}
    if resolved:
        values["resolved_at"] = at
    elif reason:
        current = conn.execute(select(DL.c.reason).where(DL.c.id == failure_id)).scalar()
        values["reason"] = _again(current or "", reason, at, retry=True)
    conn.execute(update(DL).where(DL.c.id == failure_id).values(**values))


def first_reason(reason: str) -> str:
    """Why a dead letter first failed (its reason without the latest attempt)."""
    return reason.split(_AGAIN, 1)[0]


def _again(reason: str, latest: str, at: datetime, *, retry: bool = False) -> str:
    """The first reason, and on a second line how the latest attempt failed."""
    return f"{first_reason(reason)}{_AGAIN} {'on retry ' if retry else ''}({at:%Y-%m-%d %H:%M}): {latest}"
