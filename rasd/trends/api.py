"""``/api/v1/trends`` and ``/api/v1/events/{id}/tags``: the trends view's data and an event's tags."""

from __future__ import annotations

from datetime import date
from typing import Annotated

from fastapi import APIRouter, Depends, Query
from fastapi.responses import JSONResponse
from sqlalchemy import Connection, select

from rasd.api.deps import Filter, RowId, get_conn, require_reader
from rasd.api.errors import NotFound
from rasd.api.values import RealDate
from rasd.store.models import Document, Event, EventSource, table_of
from rasd.trends.tags import event_tags
from rasd.trends.trends import trends

__all__ = ["router"]

router = APIRouter(tags=["trends"], dependencies=[Depends(require_reader)])
Conn = Annotated[Connection, Depends(get_conn)]
E, ES, D = table_of(Event), table_of(EventSource), table_of(Document)


@router.get("/trends", summary="Rising actors, places and types; most active areas; fatalities by week")
def get_trends(conn: Conn, f: Filter, week_of: Annotated[RealDate | None, Query()] = None,
               weeks: Annotated[int, Query(ge=5, le=104)] = 12, top: Annotated[int, Query(ge=1, le=100)] = 10) -> JSONResponse:
    """This week (the week of ``week_of``, today by default) against the four before, within the filter."""
    return JSONResponse(trends(conn, today=date.fromisoformat(week_of) if week_of else date.today(), f=f, weeks=weeks, top=top))


@router.get("/events/{event_id}/tags", summary="An event's tags: actors, places, topics, hashtags")
def get_event_tags(conn: Conn, event_id: RowId) -> JSONResponse:
    """Tags from the event's fields, and the hashtags of every article that reported it."""
    row = conn.execute(select(E).where(E.c.id == event_id)).first()
    if row is None:
        raise NotFound(f"no event {event_id}")
    hashtags: list[str] = []
    for (tags,) in conn.execute(select(D.c.tags).join(ES, ES.c.document_id == D.c.id).where(ES.c.event_id == event_id)):
        hashtags += [t for t in tags or [] if t not in hashtags]
    return JSONResponse(event_tags(dict(row._mapping), hashtags))
