"""Failed logins in the store, so every server process counts the same attempts (``login_failures``).

The API's :class:`~rasd.api.limits.LoginThrottle` keys a failure by account
name (``user:<name>``, casefolded) and by client address
(``client:<address>``). Rows older than the throttle's window are deleted
whenever a failure is recorded, so the table holds at most the failures of
one window.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import Connection, delete, func, insert, select

from rasd.store.models import LoginFailure, table_of

__all__ = ["forget", "record", "recent"]

F = table_of(LoginFailure)


def recent(conn: Connection, keys: Sequence[str], *, since: datetime) -> dict[str, tuple[int, datetime]]:
    """For each key with failures after ``since``: how many, and the oldest of them."""
    q = select(F.c.key, func.count(), func.min(F.c.at)).where(F.c.key.in_(list(keys)), F.c.at > since).group_by(F.c.key)
    return {key: (int(n), oldest) for key, n, oldest in conn.execute(q)}


def record(conn: Connection, keys: Sequence[str], *, at: datetime, forget_before: datetime) -> None:
    """A failed login for every key; failures from before ``forget_before`` are dropped."""
    conn.execute(delete(F).where(F.c.at <= forget_before))
    conn.execute(insert(F), [{"key": key, "at": at} for key in keys])


def forget(conn: Connection, key: str) -> None:
    """Drop every failure of ``key`` (a successful login clears its name)."""
    conn.execute(delete(F).where(F.c.key == key))
