"""The web app's HTML pages: map, timeline, table, event (with review), article view, alerts, login.

Pages are Jinja templates with autoescaping on, so article text, titles and
field values are always written as text; the scripts that fill the map,
timeline and table build their DOM with ``textContent`` only. Reads use the
same query functions as the API; writes go through the API (``fetch`` with
the CSRF token from the page's ``<meta>``), except logging in and out,
which are plain forms.
"""

from __future__ import annotations

import secrets
from pathlib import Path
from typing import Annotated, Any
from urllib.parse import quote

from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from fastapi.templating import Jinja2Templates
from sqlalchemy import Connection

from rasd.api import queries
from rasd.api.auth import log_in, log_out, set_session_cookie
from rasd.api.deps import current_user, get_conn, get_state
from rasd.api.errors import Forbidden, Unauthorized
from rasd.api.limits import TooManyAttempts
from rasd.plugins import alert_channels
from rasd.store.accounts import Account
from rasd.store.gazetteer import UNLISTED_FLAG
from rasd.web.highlight import runs
from rasd.web.i18n import COOKIE, LANGS, VERBATIM, choices, labels, language, shown, strings

__all__ = ["router", "templates"]

router = APIRouter(include_in_schema=False)
templates = Jinja2Templates(directory=str(Path(__file__).with_name("templates")))
templates.env.globals["unlisted_flag"] = UNLISTED_FLAG  # the badge on events whose place the gazetteer lacks
templates.env.globals["verbatim"] = VERBATIM  # data shown as written: translate="no"
templates.env.filters["shown"] = shown  # coded values, booleans and missing values in the interface's language
Conn = Annotated[Connection, Depends(get_conn)]
PRELOGIN_COOKIE = "rasd_login_csrf"
# The event fields the event page lists, in reading order.
SHOWN_FIELDS = (
    "event_date", "event_type", "sub_event_type", "actor1", "assoc_actor_1", "actor2", "assoc_actor_2", "country", "admin1",
    "admin2", "admin3", "location", "location_ar", "latitude", "longitude", "geo_precision", "fatalities", "fatalities_known",
    "injuries", "injuries_known", "civilian_targeting", "disorder_type", "time_precision", "notes",
)  # fmt: skip


def _local(path: str | None) -> str:
    """A redirect target only within this site (no ``//host`` or ``scheme:``)."""
    if not path or not path.startswith("/") or path.startswith("//") or "\\" in path:
        return "/"
    return path


def _export_path(request: Request) -> str | None:
    """The CSV export route of ``rasd.export`` when installed: the table links to it with the current filter."""
    for path, ops in request.app.openapi()["paths"].items():
        if path.startswith("/api/v1/export/") and path.endswith("/{fmt}") and "get" in ops:
            return str(path[: -len("{fmt}")] + "csv")
    return None


async def _render(request: Request, template: str, status_code: int = 200, *, login_required: bool = False, **context: Any) -> Response:
    """The page, or a redirect to the login form when it needs a login (any page of a private site)."""
    state = get_state(request)
    user = await current_user(request)
    if user is None and (login_required or not state.public_read) and template != "login.html":
        back = request.url.path + (f"?{request.url.query}" if request.url.query else "")  # keeps a filter handed over in the link
        return RedirectResponse("/login?next=" + quote(back), status_code=303)
    lang = language(request)
    context.update(
        request=request, t=strings(lang), labels=labels(lang), lang=lang, dir="rtl" if lang == "ar" else "ltr", other_lang=LANGS[1 - LANGS.index(lang)],
        user=user, csrf=request.scope.get("rasd_csrf", ""), can_review=bool(user and user.has_role("reviewer")),
    )
    return templates.TemplateResponse(request, template, context, status_code=status_code)


@router.get("/", response_class=HTMLResponse)
async def map_page(request: Request, conn: Conn) -> Response:
    """Events on a map, clustered, sized by fatalities and coloured by type."""
    return await _render(request, "map.html", page="map", facets=queries.facets(conn))


@router.get("/timeline", response_class=HTMLResponse)
async def timeline_page(request: Request, conn: Conn) -> Response:
    """Events and fatalities per day, week or month, by type."""
    return await _render(request, "timeline.html", page="timeline", facets=queries.facets(conn))


@router.get("/table", response_class=HTMLResponse)
async def table_page(request: Request, conn: Conn) -> Response:
    """Events in a sortable, paged table, with an export of the current filter."""
    return await _render(request, "table.html", page="table", facets=queries.facets(conn), export_path=_export_path(request))


@router.get("/events/{event_id}", response_class=HTMLResponse)
async def event_page(request: Request, conn: Conn, event_id: int) -> Response:
    """One event: fields with their evidence, reports, audit trail, and the review panel for reviewers."""
    detail = queries.event_detail(conn, event_id)
    evidence: dict[str, list[str]] = {}
    for report in detail["reports"]:
        for span in report["evidence"]:
            evidence.setdefault(span["field"], []).append(span["text"])
    choice = choices(language(request))
    return await _render(request, "event.html", page="event", d=detail, e=detail["event"], fields=SHOWN_FIELDS, evidence=evidence, choices=choice)


@router.get("/documents/{document_id}", response_class=HTMLResponse)
async def document_page(request: Request, conn: Conn, document_id: int) -> Response:
    """The article right-to-left with every field's evidence marked, and its events beside it."""
    doc = queries.document(conn, document_id)
    events = queries.document_events(conn, document_id)
    spans = [(f"e{e['id']}-{s['field']}", s["start"], s["end"]) for e in events for s in e["evidence"]]
    fields = [[f for f in SHOWN_FIELDS if e.get(f) not in (None, "") or any(s["field"] == f for s in e["evidence"])] for e in events]
    return await _render(request, "document.html", page="document", doc=doc, events=list(zip(events, fields, strict=True)), runs=runs(doc["text"] or "", spans))


@router.get("/alerts", response_class=HTMLResponse)
async def alerts_page(request: Request, conn: Conn) -> Response:
    """The logged-in user's subscriptions and a form for a new one; subscriptions are personal, so always behind a login."""
    return await _render(request, "alerts.html", login_required=True, page="alerts", facets=queries.facets(conn), channels=sorted(alert_channels()))


@router.get("/login", response_class=HTMLResponse)
async def login_page(request: Request, next: str = "/") -> Response:
    """The login form, with a double-submit token so another site cannot log a browser in."""
    return await _login_form(request, next)


async def _login_form(request: Request, next: str, status: int = 200, error: str | None = None) -> Response:
    """The login form with a fresh double-submit token, and the message keyed ``error`` after a refused attempt."""
    token = secrets.token_urlsafe(24)
    message = strings(language(request))[error] if error else None
    response = await _render(request, "login.html", status, page="login", next=_local(next), login_csrf=token, error=message)
    response.set_cookie(PRELOGIN_COOKIE, token, httponly=True, samesite="strict", max_age=3600, path="/login")
    return response


@router.post("/login", response_class=HTMLResponse)
async def login_submit(
    request: Request, name: Annotated[str, Form(max_length=120)], password: Annotated[str, Form(max_length=1000)],
    csrf_token: Annotated[str, Form(max_length=100)] = "", next: Annotated[str, Form(max_length=2000)] = "/",
) -> Response:
    """Check the password; on success set the session cookie and go where the person was going."""
    expected = request.cookies.get(PRELOGIN_COOKIE, "")
    if not expected or not secrets.compare_digest(expected, csrf_token):
        raise Forbidden("the login form expired; reload the page and try again")
    state = get_state(request)
    try:
        _, token, _ = log_in(state, name, password, request.client.host if request.client else None)  # bounded per address, as the API's
    except Unauthorized:
        return await _login_form(request, next, 401, "wrong_login")
    except TooManyAttempts as exc:
        response = await _login_form(request, next, 429, "too_many_logins")
        response.headers["Retry-After"] = str(exc.retry_after)
        return response
    response = RedirectResponse(_local(next), status_code=303)
    set_session_cookie(response, state, token)
    response.delete_cookie(PRELOGIN_COOKIE, path="/login")
    return response


@router.post("/logout")
async def logout_submit(request: Request, user: Annotated[Account | None, Depends(current_user)]) -> Response:
    """End the session (the form carries the CSRF token, which :func:`current_user` checks)."""
    response = RedirectResponse("/", status_code=303)
    log_out(request, response)
    return response


@router.get("/lang/{code}")
async def set_language(code: str, next: str = "/") -> Response:
    """Switch the interface language and come back."""
    response = RedirectResponse(_local(next), status_code=303)
    if code in LANGS:
        response.set_cookie(COOKIE, code, max_age=365 * 86400, samesite="lax", path="/")
    return response
