"""``/api/v1/alerts/…``: a user's subscriptions, the delivery log, and the unsubscribe link.

Any logged-in user may subscribe (viewer and up) and sees only their own
subscriptions; an admin sees all. The unsubscribe link needs no login: its
signed token is the permission, and it ends exactly one subscription.
"""

from __future__ import annotations

import html
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, Query
from fastapi.responses import HTMLResponse, JSONResponse
from pydantic import BaseModel, Field
from sqlalchemy import Connection, select

from rasd.alerts.subscriptions import (
    create_subscription,
    deactivate,
    deliveries,
    list_subscriptions,
    unsubscribe_with_token,
)
from rasd.api.deps import RowId, get_store, require_role
from rasd.api.errors import NotFound
from rasd.api.responses import error_responses
from rasd.clock import now
from rasd.store import Store
from rasd.store.accounts import Account
from rasd.store.alerts_models import Subscription
from rasd.store.models import table_of

__all__ = ["router"]

router = APIRouter(prefix="/alerts", tags=["alerts"])
Viewer = Annotated[Account, Depends(require_role("viewer"))]
StoreDep = Annotated[Store, Depends(get_store)]
SUB = table_of(Subscription)


class SubscriptionIn(BaseModel):
    """A new subscription: where alerts go, how often, and the filter (see docs/alerts.md)."""

    name: str = Field(min_length=1, max_length=200)
    channel: str = Field("email", max_length=40)
    target: str = Field(min_length=3, max_length=2000, description="E-mail address or webhook URL.")
    mode: Literal["immediate", "daily", "weekly"] = "immediate"
    filters: dict[str, Any] = Field(default_factory=dict)
    secret: str | None = Field(None, max_length=200, description="Webhook HMAC key (generated when left out).")


def _own(conn: Connection, account: Account, subscription_id: int) -> None:
    owner = conn.execute(select(SUB.c.owner).where(SUB.c.id == subscription_id)).first()
    if owner is None or (owner.owner != account.name and not account.has_role("admin")):
        raise NotFound(f"no subscription {subscription_id}")


@router.get("/subscriptions", summary="Your subscriptions (all of them for an admin)")
def get_subscriptions(store: StoreDep, account: Viewer) -> JSONResponse:
    """Subscriptions by id, webhook secrets left out."""
    with store.transaction("listing subscriptions") as conn:
        subs = list_subscriptions(conn, owner=None if account.has_role("admin") else account.name)
    return JSONResponse([{**s, "created_at": s["created_at"].isoformat(), "last_digest_at": s["last_digest_at"] and s["last_digest_at"].isoformat()} for s in subs])


@router.post("/subscriptions", status_code=201, summary="Subscribe to a filter", responses=error_responses(400))
def post_subscription(store: StoreDep, account: Viewer, sub: SubscriptionIn) -> JSONResponse:
    """Create a subscription owned by the caller; the answer holds the webhook secret, shown only this once."""
    with store.transaction("creating a subscription") as conn:
        row = create_subscription(conn, owner=account.name, at=now(), **sub.model_dump())
    return JSONResponse({**row, "created_at": row["created_at"].isoformat()}, status_code=201)


@router.delete("/subscriptions/{subscription_id}", status_code=204, summary="End a subscription")
def delete_subscription(store: StoreDep, account: Viewer, subscription_id: RowId) -> HTMLResponse:
    """Deactivate it and cancel the alerts it was still owed."""
    with store.transaction("ending a subscription") as conn:
        _own(conn, account, subscription_id)
        deactivate(conn, subscription_id)
    return HTMLResponse(status_code=204)


@router.get("/subscriptions/{subscription_id}/deliveries", summary="Delivery log of a subscription")
def get_deliveries(store: StoreDep, account: Viewer, subscription_id: RowId, limit: Annotated[int, Query(ge=1, le=1000)] = 100) -> JSONResponse:
    """Every attempt, newest first: when, whether it went through, the status code or error."""
    with store.transaction("reading deliveries") as conn:
        _own(conn, account, subscription_id)
        rows = deliveries(conn, subscription_id=subscription_id, limit=limit)
    return JSONResponse([{**r, "at": r["at"].isoformat()} for r in rows])


_PAGE = (
    '<!doctype html><html lang="ar" dir="rtl"><meta charset="utf-8"><title>رصد</title>'
    '<body style="font-family:Tahoma,Arial,sans-serif;max-width:36em;margin:3em auto;text-align:right">'
    "<h1>رصد</h1><p>{message}</p></body></html>"
)


@router.get(
    "/unsubscribe", summary="Unsubscribe with the signed link from an alert", response_class=HTMLResponse,
    responses={404: {"description": "An unknown or forged token (a page for people)", "content": {"text/html": {}}}},
)
def unsubscribe(store: StoreDep, token: Annotated[str, Query(min_length=4, max_length=300)]) -> HTMLResponse:
    """No login: the signed token names the subscription. An unknown or forged token answers 404."""
    with store.transaction("unsubscribing") as conn:
        sub_id = unsubscribe_with_token(conn, token)
    if sub_id is None:
        return HTMLResponse(_PAGE.format(message="رابط إلغاء الاشتراك غير صالح."), status_code=404)
    return HTMLResponse(_PAGE.format(message=html.escape(f"تم إلغاء اشتراكك (رقم {sub_id}). لن تصلك تنبيهات أخرى منه.")))
