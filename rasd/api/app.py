"""The ASGI app: the API under ``/api/v1``, the web pages and their static files, one error handler.

    from rasd.api import create_app
    app = create_app("events.db")        # uvicorn.run(app) — or ``rasd serve``

Other packages add routers by listing them in :data:`EXTRA_ROUTERS`
(``module:attribute``); each is mounted under ``/api/v1`` when its module
exists, and skipped silently only when that module is not installed.
"""

from __future__ import annotations

import importlib
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

from fastapi import FastAPI

from rasd.api import auth, catalog, events, places, review
from rasd.api.cache import ResponseCache, data_version
from rasd.api.deps import AppState, make_read_engine
from rasd.api.errors import install_error_handlers
from rasd.api.limits import DEFAULT_MAX_BODY, BodyLimit, LoginThrottle
from rasd.api.responses import document_errors
from rasd.store import Store, open_store
from rasd.store.accounts import Accounts
from rasd.web.apidocs import mount_api_docs

__all__ = ["API_PREFIX", "EXTRA_ROUTERS", "app_from_env", "create_app"]

API_PREFIX = "/api/v1"
EXTRA_ROUTERS: tuple[str, ...] = ("rasd.export.api:router", "rasd.alerts.api:router", "rasd.trends.api:router", "rasd.audit.api:router")
CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: https://tile.openstreetmap.org; "
    "connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'"
)
_NO_CSP = ("/api/docs", "/api/redoc")  # FastAPI's documentation pages load their own scripts


class SecurityHeaders:
    """Pure ASGI middleware adding CSP and friends: a second wall behind escaping, at no per-request cost."""

    def __init__(self, app: Any) -> None:
        self.app = app

    async def __call__(self, scope: dict[str, Any], receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        csp = not scope["path"].startswith(_NO_CSP)

        async def send_with_headers(message: dict[str, Any]) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                headers += [(b"x-content-type-options", b"nosniff"), (b"referrer-policy", b"same-origin"), (b"x-frame-options", b"DENY")]
                if csp:
                    headers.append((b"content-security-policy", CSP.encode()))
                message["headers"] = headers
            await send(message)

        await self.app(scope, receive, send_with_headers)


def _include_extra_routers(app: FastAPI) -> list[str]:
    mounted = []
    for spec in EXTRA_ROUTERS:
        module_name, _, attr = spec.partition(":")
        try:
            module = importlib.import_module(module_name)
        except ModuleNotFoundError as exc:
            if exc.name and (module_name == exc.name or module_name.startswith(exc.name + ".")):
                continue  # that package is not part of this installation
            raise
        app.include_router(getattr(module, attr), prefix=API_PREFIX)
        mounted.append(spec)
    return mounted


def create_app(db: str | Store | None = None, *, public_read: bool = True, secure_cookies: bool = False, web: bool = True,
               max_body: int = DEFAULT_MAX_BODY) -> FastAPI:
    """The Rasd app on the store at ``db`` (a path, a URL, an open :class:`Store`; ``$RASD_DB`` by default).

    ``public_read=False`` makes every read need a viewer login; ``secure_cookies``
    marks the session cookie Secure (serve over HTTPS then); a request body over
    ``max_body`` bytes is answered 413 before anything reads it (:mod:`rasd.api.limits`).
    """
    store = db if isinstance(db, Store) else open_store(db)
    reader = make_read_engine(store)
    state = AppState(store, reader, Accounts(store, read_engine=reader), LoginThrottle(store), public_read=public_read, secure_cookies=secure_cookies)
    version = data_version(store.url)

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        yield
        if version is not None:
            version.close()
        if reader is not store.engine:
            reader.dispose()

    from rasd import __version__

    app = FastAPI(
        title="Rasd API", version=__version__, lifespan=lifespan,
        description="Conflict events read from Arabic news, in ACLED's fields, with the evidence for every field.",
        openapi_url=f"{API_PREFIX}/openapi.json", docs_url=None, redoc_url=None,
    )
    mount_api_docs(app)  # /api/docs from bundled assets, not a CDN
    app.state.rasd = state
    install_error_handlers(app)
    for module in (events, catalog, review, places, auth):
        app.include_router(module.router, prefix=API_PREFIX)
    app.state.extra_routers = _include_extra_routers(app)
    document_errors(app, API_PREFIX)
    if web:
        from rasd.web import mount_web

        mount_web(app)
    app.add_middleware(ResponseCache, version=version, public_read=public_read)
    app.add_middleware(BodyLimit, max_bytes=max_body)
    app.add_middleware(SecurityHeaders)
    return app


def app_from_env() -> FastAPI:
    """The app as ``rasd serve --workers N`` starts it in each worker: settings from the environment."""
    import os

    return create_app(
        None, public_read=not os.environ.get("RASD_PRIVATE"), secure_cookies=bool(os.environ.get("RASD_SECURE_COOKIES")),
        max_body=int(os.environ.get("RASD_MAX_BODY_BYTES") or DEFAULT_MAX_BODY),
    )
