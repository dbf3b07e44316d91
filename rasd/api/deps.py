"""FastAPI dependencies every router uses: the store, a read connection, who is asking, roles, filters.

Stable names other packages' routers rely on (``rasd.export.api`` and
friends): :func:`get_store`, :func:`get_conn`, :func:`current_user`,
:func:`require_role`, :func:`require_reader`, :class:`EventFilter` and
:data:`Filter` (a route's filter parameter, ``f: Filter``).

Authentication is a bearer token (``Authorization: Bearer rasd_…``, for
scripts) or the session cookie (browsers). A cookie is sent by the browser
on its own, so every unsafe request that relies on it must also carry the
session's CSRF token, in the ``X-CSRF-Token`` header or a ``csrf_token``
form field; a bearer token is not ambient and needs none.
"""

from __future__ import annotations

import hmac
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass
from typing import Annotated, Any

from fastapi import Path, Request
from sqlalchemy import Connection, Engine, create_engine, event
from sqlalchemy.engine import make_url

from rasd.api.errors import Forbidden, Unauthorized
from rasd.api.filters import EventFilter, Filter, order_by
from rasd.api.limits import LoginThrottle
from rasd.api.responses import AUTH_ROLE
from rasd.api.values import MAX_ID
from rasd.store import Store
from rasd.store.accounts import Account, Accounts, role_rank

__all__ = [
    "CSRF_HEADER",
    "MAX_ID",
    "SESSION_COOKIE",
    "AppState",
    "EventFilter",
    "Filter",
    "RowId",
    "current_user",
    "get_conn",
    "get_state",
    "get_store",
    "make_read_engine",
    "order_by",
    "require_reader",
    "require_role",
]

RowId = Annotated[int, Path(ge=1, le=MAX_ID, description="A row id.")]
SESSION_COOKIE = "rasd_session"
CSRF_HEADER = "X-CSRF-Token"
SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})


@dataclass(slots=True)
class AppState:
    """What one running app holds: the store, its read engine, accounts, settings and the login throttle."""

    store: Store
    reader: Engine
    accounts: Accounts
    logins: LoginThrottle
    public_read: bool = True
    secure_cookies: bool = False

    @property
    def dialect(self) -> str:
        """``sqlite`` or ``postgresql``: the free-text filter differs by database."""
        return self.reader.dialect.name


def _reader_pragmas(dbapi_connection: Any, _record: Any) -> None:
    # Autocommit reads (no BEGIN IMMEDIATE: that is the writers' lock) that can never write.
    dbapi_connection.isolation_level = None
    cur = dbapi_connection.cursor()
    for pragma in ("busy_timeout=30000", "cache_size=-32768", "query_only=ON", "mmap_size=268435456"):
        cur.execute(f"PRAGMA {pragma}")
    cur.close()


def make_read_engine(store: Store) -> Engine:
    """An engine for the API's reads: on a SQLite file, a pool of read-only connections.

    The store's engine opens every transaction with ``BEGIN IMMEDIATE`` so
    writers queue; requests that only read must not queue behind each other.
    An in-memory database exists only inside the store's own engine, so it is shared.
    """
    url = make_url(store.url)
    if url.get_backend_name() != "sqlite" or url.database in (None, "", ":memory:"):
        return store.engine
    engine = create_engine(store.url, pool_size=16, max_overflow=48, connect_args={"check_same_thread": False})
    event.listen(engine, "connect", _reader_pragmas)
    return engine


def get_state(request: Request) -> AppState:
    """The app's :class:`AppState`."""
    state: AppState = request.app.state.rasd
    return state


def get_store(request: Request) -> Store:
    """The :class:`~rasd.store.Store` of the app's database (for writes and store methods)."""
    return get_state(request).store


async def get_conn(request: Request) -> AsyncIterator[Connection]:
    """A read-only connection for one request.

    Async on purpose: reads on the local database take a millisecond or two,
    less than handing each request to a worker thread and back costs.
    """
    with get_state(request).reader.connect() as conn:
        yield conn


async def _csrf_token_sent(request: Request) -> str:
    sent = request.headers.get(CSRF_HEADER)
    if sent:
        return sent
    if request.headers.get("content-type", "").startswith(("application/x-www-form-urlencoded", "multipart/form-data")):
        value = (await request.form()).get("csrf_token")
        return value if isinstance(value, str) else ""
    return ""


async def current_user(request: Request) -> Account | None:
    """The logged-in account, or ``None``; a wrong token is 401, a missing CSRF token on a write 403."""
    if "rasd_account" in request.scope:
        return request.scope["rasd_account"]
    state = get_state(request)
    account: Account | None = None
    auth = request.headers.get("authorization", "")
    if auth:
        scheme, _, token = auth.partition(" ")
        if scheme.lower() != "bearer" or not token.strip():
            raise Unauthorized("the Authorization header must be 'Bearer <token>'")
        account = state.accounts.token_account(token.strip())
        if account is None:
            raise Unauthorized("unknown or revoked API token")
    elif cookie := request.cookies.get(SESSION_COOKIE):
        found = state.accounts.session(cookie)
        if found is not None:
            account, csrf = found
            request.scope["rasd_csrf"] = csrf
            if request.method not in SAFE_METHODS and not hmac.compare_digest(await _csrf_token_sent(request), csrf):
                raise Forbidden("CSRF token missing or wrong: send the page's token in the X-CSRF-Token header")
    request.scope["rasd_account"] = account
    return account


def require_role(role: str) -> Callable[..., Any]:
    """A dependency that admits ``role`` and above: 401 without login, 403 below ``role``."""
    rank = role_rank(role)

    async def dependency(request: Request) -> Account:
        account = await current_user(request)
        if account is None:
            raise Unauthorized("log in first (a session cookie or an API token)")
        if role_rank(account.role) < rank:
            raise Forbidden(f"this needs the {role} role; {account.name} is a {account.role}")
        return account

    dependency.__name__ = f"require_{role}"
    setattr(dependency, AUTH_ROLE, role)
    return dependency


async def require_reader(request: Request) -> Account | None:
    """Who may read: anyone when the app is public (the default), else a viewer or above."""
    if get_state(request).public_read:
        return await current_user(request)
    return await require_role("viewer")(request)


for _anyone in (current_user, require_reader):
    setattr(_anyone, AUTH_ROLE, "")  # what rasd.api.responses documents: 401 for a wrong token
