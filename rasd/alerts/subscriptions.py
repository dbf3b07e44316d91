"""Creating, listing and ending subscriptions (shared by the CLI, the API and the unsubscribe link)."""

from __future__ import annotations

import secrets
from collections.abc import Mapping
from typing import Any

from sqlalchemy import Connection, insert, select, update

from rasd.alerts.match import validate_filters
from rasd.alerts.outbox import MODES
from rasd.alerts.tokens import secret_key, verify_unsubscribe_token
from rasd.errors import InputError
from rasd.store.alerts_models import AlertDelivery, AlertOutbox, Subscription
from rasd.store.models import new_id, table_of

__all__ = ["create_subscription", "deactivate", "deliveries", "list_subscriptions", "unsubscribe_with_token"]

SUB, O, DL = table_of(Subscription), table_of(AlertOutbox), table_of(AlertDelivery)


def create_subscription(
    conn: Connection, *, name: str, channel: str, target: str, filters: Mapping[str, Any], at: Any,
    mode: str = "immediate", owner: str | None = None, secret: str | None = None, language: str = "ar",
) -> dict[str, Any]:
    """Validate and store a subscription; returns it, with the webhook secret (shown this once)."""
    from rasd.plugins import alert_channels

    channels = alert_channels()
    if channel not in channels:
        raise InputError(f"unknown channel {channel!r}; one of {', '.join(sorted(channels))}")
    if mode not in MODES:
        raise InputError(f"mode must be one of {', '.join(MODES)}, not {mode!r}")
    channels[channel].validate_target(target)
    if channels[channel].needs_secret and not secret:
        secret = secrets.token_hex(24)
    values = {
        "name": name, "owner": owner, "channel": channel, "target": target, "secret": secret, "mode": mode,
        "filters": validate_filters(filters), "language": language, "active": True, "created_at": at,
    }
    return {"id": new_id(conn.execute(insert(SUB).values(**values))), **values}


def list_subscriptions(conn: Connection, *, owner: str | None = None, active_only: bool = False) -> list[dict[str, Any]]:
    """Subscriptions by id (webhook secrets left out)."""
    q = select(SUB).order_by(SUB.c.id)
    if owner is not None:
        q = q.where(SUB.c.owner == owner)
    if active_only:
        q = q.where(SUB.c.active.is_(True))
    return [{k: v for k, v in r._mapping.items() if k != "secret"} for r in conn.execute(q)]


def deactivate(conn: Connection, subscription_id: int) -> bool:
    """End a subscription and cancel what it was still owed; False if there is no such subscription."""
    done = conn.execute(update(SUB).where(SUB.c.id == subscription_id).values(active=False)).rowcount
    conn.execute(update(O).where(O.c.subscription_id == subscription_id, O.c.status == "pending").values(status="cancelled"))
    return bool(done)


def unsubscribe_with_token(conn: Connection, token: str) -> int | None:
    """End the subscription a signed token names; its id, or ``None`` for a bad token."""
    sub_id = verify_unsubscribe_token(secret_key(conn), token)
    if sub_id is None or not deactivate(conn, sub_id):
        return None
    return sub_id


def deliveries(conn: Connection, *, subscription_id: int | None = None, limit: int = 100) -> list[dict[str, Any]]:
    """The delivery log, newest first."""
    q = select(DL).order_by(DL.c.id.desc()).limit(limit)
    if subscription_id is not None:
        q = q.where(DL.c.subscription_id == subscription_id)
    return [dict(r._mapping) for r in conn.execute(q)]
