"""``/api/v1/events/{id}/review``, ``/split``, ``/merge`` and ``/candidates``: the write side of events.

Every route here needs the reviewer role (401 without login, 403 for a
viewer or a cookie without its CSRF token) and answers with the event as it
now is, audit trail included, so the page can redraw from the answer.
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import Response

from rasd.api import queries, workflow
from rasd.api.deps import RowId, get_store, require_role
from rasd.api.render import json_response
from rasd.api.responses import error_responses
from rasd.api.schemas import EventDetail, MergeIn, ReviewIn, SplitIn
from rasd.store import Store
from rasd.store.accounts import Account

__all__ = ["router"]

router = APIRouter(tags=["review"])
Reviewer = Annotated[Account, Depends(require_role("reviewer"))]
StoreDep = Annotated[Store, Depends(get_store)]


def _detail(store: Store, event_id: int) -> Response:
    with store.engine.connect() as conn:
        return json_response(queries.event_detail(conn, event_id))


@router.post("/events/{event_id}/review", response_model=EventDetail, responses=error_responses(400), summary="Approve, correct or reject an event")
def review_event(event_id: RowId, body: ReviewIn, user: Reviewer, store: StoreDep) -> Response:
    """``correct`` sets the fields in ``changes`` (any event field; a geocoder candidate's fields to move it)."""
    workflow.review(store, event_id, body.action, reviewer=user.name, changes=body.changes.model_dump(exclude_unset=True), comment=body.comment)
    return _detail(store, event_id)


@router.post("/events/{event_id}/split", response_model=EventDetail, status_code=201, responses=error_responses(409), summary="Split an event in two")
def split_event(event_id: RowId, body: SplitIn, user: Reviewer, store: StoreDep) -> Response:
    """The listed reports move to a new event (or, with none listed, the new event shares them); answers the new event."""
    new = workflow.split(store, event_id, reviewer=user.name, report_ids=body.report_ids, changes=body.changes.model_dump(exclude_unset=True), comment=body.comment)
    response = _detail(store, new)
    response.status_code = 201
    return response


@router.post("/events/{event_id}/merge", response_model=EventDetail, responses=error_responses(409), summary="Merge duplicate events into this one")
def merge_events(event_id: RowId, body: MergeIn, user: Reviewer, store: StoreDep) -> Response:
    """The other events' reports join this event; they are rejected as duplicates, with a note in their trail."""
    workflow.merge(store, event_id, body.event_ids, reviewer=user.name, comment=body.comment)
    return _detail(store, event_id)


@router.get("/events/{event_id}/candidates", summary="Other places the geocoder offers for an event")
async def place_candidates(
    event_id: RowId, user: Reviewer, store: StoreDep,
    q: Annotated[str | None, Query(max_length=200, pattern=r"^[^\x00-\x1f]*$", description="Another place phrase to look up.")] = None,
) -> list[dict[str, Any]]:
    """Each candidate carries the event fields to send as ``changes`` to move the event there."""
    return await run_in_threadpool(workflow.candidates, store, event_id, phrase=q)
