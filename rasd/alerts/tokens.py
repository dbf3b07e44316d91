"""Signed unsubscribe tokens: a link in an e-mail that stops that subscription, and only that one.

The token is the subscription id and an HMAC-SHA256 of it, so it needs no
table and cannot be forged or pointed at someone else's subscription. The key
is ``$RASD_SECRET_KEY`` when set, else one Rasd generates once and keeps in
the database (``alert_keys``), so links survive restarts.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import os
import secrets

from sqlalchemy import Connection, insert, select

from rasd.store.alerts_models import AlertKey
from rasd.store.models import table_of

__all__ = ["ENV_SECRET", "secret_key", "sign", "unsubscribe_token", "verify_unsubscribe_token"]

ENV_SECRET = "RASD_SECRET_KEY"
K = table_of(AlertKey)
_PURPOSE = b"unsubscribe:"


def secret_key(conn: Connection) -> bytes:
    """The signing key: the environment's, else the one stored in the database (created on first use)."""
    env = os.environ.get(ENV_SECRET)
    if env:
        return env.encode()
    value = conn.execute(select(K.c.value).where(K.c.name == "signing")).scalar()
    if value is None:
        value = secrets.token_hex(32)
        conn.execute(insert(K).values(name="signing", value=value))
    return value.encode()


def sign(key: bytes, body: bytes) -> str:
    """Hex HMAC-SHA256 of ``body`` (also the webhook signature)."""
    return hmac.new(key, body, hashlib.sha256).hexdigest()


def unsubscribe_token(key: bytes, subscription_id: int) -> str:
    """A URL-safe token naming ``subscription_id``, signed with ``key``."""
    raw = f"{subscription_id}.{sign(key, _PURPOSE + str(subscription_id).encode())[:32]}"
    return base64.urlsafe_b64encode(raw.encode()).decode().rstrip("=")


def verify_unsubscribe_token(key: bytes, token: str) -> int | None:
    """The subscription id a token names, or ``None`` if it is malformed or not signed with ``key``."""
    try:
        raw = base64.urlsafe_b64decode(token + "=" * (-len(token) % 4)).decode()
        sub, mac = raw.split(".", 1)
        sub_id = int(sub)
    except ValueError:
        return None
    expected = sign(key, _PURPOSE + str(sub_id).encode())[:32]
    return sub_id if hmac.compare_digest(mac, expected) else None
