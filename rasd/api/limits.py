"""Limits that hold before anyone is trusted: request body size, and login attempts.

**Body size.** :class:`BodyLimit` is ASGI middleware that reads a request's
body itself, before routing, authentication or parsing, and answers ``413``
the moment the body passes ``max_bytes`` — from ``Content-Length`` without
reading a byte, or while a chunked upload arrives — then closes the
connection. What the app gets is the body in one piece, so the server holds
at most ``max_bytes`` plus one chunk per request whoever sends it. The API
takes small JSON; the default is 1 MiB (``rasd serve --max-body``,
``$RASD_MAX_BODY_BYTES``).

**Login attempts.** :class:`LoginThrottle` counts failed logins in a sliding
window, per account name and per client address: after ``per_user``
failures for a name (5 in 15 minutes) or ``per_client`` from an address (20),
further attempts are refused with ``429`` and ``Retry-After`` — the right
password too — until the oldest failure leaves the window. A success clears
the name's count, not the address's. The counts live in the store
(:mod:`rasd.store.logins`), so every worker of ``--workers N`` and every
server on the same database shares them. Attempts that arrive at the same
moment are checked before either is counted, so a burst of K concurrent
guesses can pass the limit by at most K − 1.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from datetime import datetime, timedelta
from typing import Any

import orjson

from rasd.api.errors import ApiError
from rasd.clock import now
from rasd.store import Store, logins

__all__ = ["DEFAULT_MAX_BODY", "BodyLimit", "LoginThrottle", "TooManyAttempts"]

DEFAULT_MAX_BODY = 1 << 20


class TooManyAttempts(ApiError):
    """Too many failed logins for this name or from this address: wait ``retry_after`` seconds."""

    status = 429

    def __init__(self, message: str, *, retry_after: int) -> None:
        super().__init__(message)
        self.retry_after = retry_after


class _TooLarge(Exception):
    """The body passed the limit (internal to :class:`BodyLimit`)."""


class BodyLimit:
    """Pure ASGI middleware: a request body over ``max_bytes`` is answered 413 before the app sees it."""

    def __init__(self, app: Any, max_bytes: int = DEFAULT_MAX_BODY) -> None:
        self.app = app
        self.max_bytes = max_bytes

    async def __call__(self, scope: dict[str, Any], receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = dict(scope.get("headers") or ()).get(b"content-length", b"")
        try:
            if declared.strip() and int(declared) > self.max_bytes:
                raise _TooLarge
            body, disconnected = await self._read(receive)
        except (_TooLarge, ValueError):
            await self._refuse(send)
            return
        replayed = False

        async def replay() -> dict[str, Any]:
            nonlocal replayed
            if not replayed:
                replayed = True
                if disconnected:
                    return {"type": "http.disconnect"}
                return {"type": "http.request", "body": body, "more_body": False}
            return dict(await receive())

        await self.app(scope, replay, send)

    async def _read(self, receive: Any) -> tuple[bytes, bool]:
        chunks: list[bytes] = []
        size = 0
        while True:
            message = await receive()
            if message["type"] == "http.disconnect":
                return b"", True
            chunk = message.get("body", b"")
            size += len(chunk)
            if size > self.max_bytes:
                raise _TooLarge
            chunks.append(chunk)
            if not message.get("more_body", False):
                return b"".join(chunks), False

    async def _refuse(self, send: Any) -> None:
        message = f"the request body is larger than {self.max_bytes} bytes"
        body = orjson.dumps({"error": {"status": 413, "kind": "PayloadTooLarge", "message": message}})
        await send({"type": "http.response.start", "status": 413, "headers": [
            (b"content-type", b"application/json"), (b"content-length", str(len(body)).encode()), (b"connection", b"close"),
        ]})
        await send({"type": "http.response.body", "body": body})


class LoginThrottle:
    """Failed logins per name and per client address in a sliding window, counted in the store; see the module docstring."""

    def __init__(self, store: Store, *, per_user: int = 5, per_client: int = 20, window: float = 900.0,
                 clock: Callable[[], datetime] = now) -> None:
        self.store, self.per_user, self.per_client = store, per_user, per_client
        self.window, self.clock = timedelta(seconds=window), clock

    def _keys(self, name: str, client: str | None) -> dict[str, int]:
        """Each key this attempt counts under, with its limit."""
        return {f"user:{name.casefold()}": self.per_user} | ({f"client:{client}": self.per_client} if client else {})

    def check(self, name: str, client: str | None) -> None:
        """Raise :class:`TooManyAttempts` if ``name`` or ``client`` has used up its failures."""
        at, keys = self.clock(), self._keys(name, client)
        with self.store.transaction("counting failed logins") as conn:
            found = logins.recent(conn, list(keys), since=at - self.window)
        for key, limit in keys.items():
            n, oldest = found.get(key, (0, at))
            if n >= limit:
                wait = max(1, math.ceil((oldest + self.window - at).total_seconds()))
                raise TooManyAttempts(f"too many failed logins; try again in {wait} s", retry_after=wait)

    def failed(self, name: str, client: str | None) -> None:
        """Count a failed login for ``name`` and ``client``."""
        at = self.clock()
        with self.store.transaction("counting a failed login") as conn:
            logins.record(conn, list(self._keys(name, client)), at=at, forget_before=at - self.window)

    def succeeded(self, name: str) -> None:
        """Forget the name's failures (the address keeps its count)."""
        with self.store.transaction("clearing failed logins") as conn:
            logins.forget(conn, f"user:{name.casefold()}")
