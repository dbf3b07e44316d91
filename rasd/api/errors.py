"""Errors the API answers with, and the one handler that turns any Rasd error into JSON.

Every error is a :class:`~rasd.errors.RasdError`; those raised for a request
carry an HTTP ``status``. The handler answers ``{"error": {"status", "kind",
"message"}}`` so scripts read one shape whatever went wrong. Rasd's own
errors outside this module map by kind: bad input or settings are the
client's (400), a store failure is the server's (500, its message kept out
of the response because it may name the database). Anything else — a bug —
is still a JSON 500 on the API, never a plain-text page.
"""

from __future__ import annotations

import html
import logging
from collections.abc import Mapping

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, Response
from sqlalchemy.exc import OperationalError
from starlette.exceptions import HTTPException as StarletteHTTPException
from fastapi.routing import iter_route_contexts
from starlette.routing import Match

from rasd.errors import ConfigError, InputError, RasdError

__all__ = ["ApiError", "BadRequest", "Conflict", "Forbidden", "NotFound", "Unauthorized", "install_error_handlers", "status_of"]

log = logging.getLogger("rasd.api")


class ApiError(RasdError):
    """An error answered to an API request with an HTTP status."""

    status = 500


class BadRequest(ApiError):
    """The request cannot be carried out as asked (a field that does not exist, a bad split)."""

    status = 400


class Unauthorized(ApiError):
    """No one is logged in (or the token is wrong)."""

    status = 401


class Forbidden(ApiError):
    """Logged in, but the role is too low, or the CSRF token is missing or wrong."""

    status = 403


class NotFound(ApiError):
    """No such event, document, actor or place."""

    status = 404


class Conflict(ApiError):
    """The request contradicts the data (merging an event into itself)."""

    status = 409


def status_of(exc: RasdError) -> int:
    """The HTTP status for a Rasd error."""
    if isinstance(exc, ApiError):
        return exc.status
    if isinstance(exc, InputError | ConfigError):
        return 400
    return 500


def _body(request: Request, status: int, kind: str, message: str, headers: Mapping[str, str] | None = None) -> Response:
    """JSON for the API; a plain page for a person who followed a link to a web page. ``headers`` go on either."""
    extra = dict(headers or {})
    if not request.url.path.startswith("/api/"):
        page = f"<!doctype html><meta charset=utf-8><title>{status}</title><h1>{status}</h1><p>{html.escape(message)}</p><p><a href=/>Rasd</a></p>"
        return HTMLResponse(page, status_code=status, headers=extra)
    if status == 401:
        extra.setdefault("WWW-Authenticate", "Bearer")
    return JSONResponse({"error": {"status": status, "kind": kind, "message": message}}, status_code=status, headers=extra)


def _allowed(request: Request) -> list[str]:
    """Every method some route of this path answers: Starlette's 405 names only the first route's."""
    methods: set[str] = set()
    for route in iter_route_contexts(request.app.routes):
        if route.methods and route.matches(request.scope)[0] is not Match.NONE:
            methods |= route.methods
    return sorted(methods)


def install_error_handlers(app: FastAPI) -> None:
    """Register the handlers: Rasd errors, FastAPI's validation errors and plain HTTP errors, one shape."""

    async def rasd_error(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, RasdError)
        if isinstance(exc.__cause__, OperationalError):  # the store's wrapper around an unreachable database
            return await database_away(request, exc)
        status = status_of(exc)
        if status >= 500:
            log.error("%s %s failed: %s", request.method, request.url.path, exc, exc_info=exc)
            return _body(request, status, type(exc).__name__, "internal error; the server log has the details")
        retry_after = getattr(exc, "retry_after", None)
        return _body(request, status, type(exc).__name__, exc.message, {"Retry-After": str(retry_after)} if retry_after else None)

    async def validation_error(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, RequestValidationError)
        parts = [f"{'.'.join(str(p) for p in e.get('loc', ()))}: {e.get('msg', '')}" for e in exc.errors()]
        return _body(request, 422, "ValidationError", "; ".join(parts) or "invalid request")

    async def http_error(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, StarletteHTTPException)
        headers = dict(exc.headers or {})
        if exc.status_code == 405:
            headers["Allow"] = ", ".join(_allowed(request))
        return _body(request, exc.status_code, "HTTPError", str(exc.detail), headers)

    async def database_away(request: Request, exc: Exception) -> Response:
        log.warning("%s %s: the database is not reachable: %s", request.method, request.url.path, exc)
        response = _body(request, 503, "DatabaseUnavailable", "the database is not reachable just now; try again shortly")
        response.headers["Retry-After"] = "5"
        return response

    async def unexpected(request: Request, exc: Exception) -> Response:
        # a bug: the client still gets the API's JSON shape (the server re-raises it to its log)
        return _body(request, 500, "InternalError", "internal error; the server log has the details")

    app.add_exception_handler(Exception, unexpected)
    app.add_exception_handler(RasdError, rasd_error)
    app.add_exception_handler(OperationalError, database_away)  # a restart, a lost server, SQLite still locked after the wait
    app.add_exception_handler(RequestValidationError, validation_error)
    app.add_exception_handler(StarletteHTTPException, http_error)
