"""The error answers every API operation documents, read off the operation itself.

An operation's OpenAPI entry lists each status it can answer with, all in
the one shape :func:`rasd.api.errors.install_error_handlers` writes
(:class:`ErrorOut`). :func:`document_errors` derives them from what the
route declares, so a router added later (another package's, a plugin's) is
documented the same way without listing anything:

* **401** when it asks who is calling (a wrong or revoked token is refused
  even where anonymous reads are allowed);
* **403** when it needs a role above viewer, or changes something (a
  session cookie without its CSRF token);
* **404** when its path names a row;
* **400** and **413** when it takes a body (one that is not JSON; one over
  ``--max-body``), **422** when it takes any parameter or body (FastAPI's
  own validation answer, in Rasd's shape);
* **503** always: the database may be away for a moment.

A route lists what only it can answer (400, 409, 429, a 404 without a path
id) with ``responses=error_responses(...)``; what it lists itself is kept,
except FastAPI's own 422 shape, which Rasd never answers.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from fastapi import FastAPI
from fastapi.dependencies.models import Dependant
from fastapi.routing import APIRoute, iter_route_contexts
from pydantic import BaseModel

__all__ = ["AUTH_ROLE", "ErrorBody", "ErrorOut", "document_errors", "error_responses"]

AUTH_ROLE = "__rasd_role__"  # set on auth dependencies: the lowest role they admit ("" for anyone)
_REF = "#/components/schemas/ErrorOut"
_VALIDATION_REF = "#/components/schemas/HTTPValidationError"
_UNSAFE = frozenset({"POST", "PUT", "PATCH", "DELETE"})
_DESCRIPTIONS = {
    400: "The request cannot be carried out as asked, or its body cannot be parsed",
    401: "No one is logged in, or the token is unknown or revoked",
    403: "The role is too low, or the session's CSRF token is missing or wrong",
    404: "No such row",
    409: "The request contradicts the data",
    413: "The request body is over the server's limit",
    422: "A parameter or the body is invalid; the message says which and why",
    429: "Too many failed logins: wait Retry-After seconds",
    503: "The database is not reachable just now: try again after Retry-After seconds",
}


class ErrorBody(BaseModel):
    """What went wrong: the HTTP status, the error's kind and a message for people."""

    status: int
    kind: str
    message: str


class ErrorOut(BaseModel):
    """Every error the API answers: ``{"error": {"status", "kind", "message"}}``."""

    error: ErrorBody


def error_responses(*statuses: int) -> dict[int | str, dict[str, Any]]:
    """``responses=`` entries for ``statuses``, each an :class:`ErrorOut` with its usual description."""
    return {status: {"model": ErrorOut, "description": _DESCRIPTIONS[status]} for status in statuses}


def _calls(dependant: Dependant) -> Iterator[Any]:
    for sub in dependant.dependencies:
        yield sub.call
        yield from _calls(sub)


def _statuses(route: Any) -> list[int]:
    roles = [getattr(call, AUTH_ROLE) for call in _calls(route.dependant) if hasattr(call, AUTH_ROLE)]
    dependant = route.dependant
    out = [503]
    if roles:
        out.append(401)
        if any(role not in ("", "viewer") for role in roles) or route.methods & _UNSAFE:
            out.append(403)
    if dependant.path_params:
        out.append(404)
    if route.body_field is not None:
        out += [400, 413]
    if route.body_field is not None or dependant.path_params or dependant.query_params or dependant.header_params:
        out.append(422)
    return out


def _add_errors(schema: dict[str, Any], statuses: dict[tuple[str, str], list[int]]) -> None:
    body = ErrorOut.model_json_schema(ref_template=_REF.replace("ErrorOut", "{model}"))
    components = schema.setdefault("components", {}).setdefault("schemas", {})
    components.update(body.pop("$defs", {}), ErrorOut=body)
    for name in ("HTTPValidationError", "ValidationError"):  # FastAPI's 422 shape, which Rasd never answers
        components.pop(name, None)
    for path, operations in schema.get("paths", {}).items():
        for method, operation in operations.items():
            answers = operation.setdefault("responses", {})
            for status in statuses.get((path, method.upper()), ()):
                if str(status) not in answers or _VALIDATION_REF in str(answers[str(status)]):
                    answers[str(status)] = {"description": _DESCRIPTIONS[status], "content": {"application/json": {"schema": {"$ref": _REF}}}}
            operation["responses"] = dict(sorted(answers.items()))


def document_errors(app: FastAPI, prefix: str) -> None:
    """Make ``app``'s OpenAPI schema list the error answers of every route under ``prefix`` (call once routes are in)."""
    statuses = {
        (route.path or "", method): _statuses(route)
        for route in iter_route_contexts(app.routes)  # routers included in routers, as FastAPI's own schema walks them
        if isinstance(route.original_route, APIRoute) and (route.path or "").startswith(prefix)
        for method in route.methods or ()
    }
    build = app.openapi

    def openapi() -> dict[str, Any]:
        if app.openapi_schema is None:
            _add_errors(build(), statuses)  # FastAPI keeps what build() made as app.openapi_schema
        return app.openapi_schema or {}

    app.openapi = openapi  # type: ignore[method-assign]  # FastAPI's documented way to extend the schema
