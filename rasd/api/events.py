"""``/api/v1/events``, ``/events.geojson``, ``/events/{id}`` and ``/stats``: the read side of events."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, Query
from fastapi.responses import Response
from sqlalchemy import Connection

from rasd.api import queries
from rasd.api.deps import RowId, get_conn, require_reader
from rasd.api.filters import SORTS, Filter
from rasd.api.render import json_response
from rasd.api.schemas import EventDetail, EventPage, StatsOut

__all__ = ["router"]

router = APIRouter(tags=["events"], dependencies=[Depends(require_reader)])
Conn = Annotated[Connection, Depends(get_conn)]
SORT_PATTERN = "^-?(" + "|".join(SORTS) + ")$"


@router.get("/events", response_model=EventPage, summary="Events, filtered, sorted and paged")
async def list_events(
    conn: Conn, f: Filter,
    limit: Annotated[int, Query(ge=1, le=500)] = 50,
    offset: Annotated[int, Query(ge=0, le=10_000_000)] = 0,
    sort: Annotated[str, Query(pattern=SORT_PATTERN, description="A field, '-' in front for descending.")] = "-event_date",
    total: Annotated[bool, Query(description="Also count every matching event (costs a scan).")] = False,
) -> Response:
    """Events matching every filter given; ``has_more`` says whether another page follows."""
    return json_response(queries.event_page(conn, f, limit=limit, offset=offset, sort=sort, total=total))


@router.get(
    "/events.geojson", summary="Located events as GeoJSON",
    responses={200: {"content": {"application/geo+json": {"schema": {"type": "object"}}}}},
)
async def events_geojson(conn: Conn, f: Filter, limit: Annotated[int, Query(ge=1, le=20_000)] = 5000) -> Response:
    """A FeatureCollection of Point features (newest first), with the fields the map shows as properties."""
    return Response(queries.geojson(conn, f, limit=limit), media_type="application/geo+json")


@router.get(
    "/events.grid", summary="Located events counted in square cells, as GeoJSON",
    responses={200: {"content": {"application/geo+json": {"schema": {"type": "object"}}}}},
)
async def events_grid(conn: Conn, f: Filter, cell: Annotated[float, Query(ge=0.01, le=10, description="Cell size in degrees.")] = 0.5) -> Response:
    """Every matching event, aggregated: a Point per cell (mean position) with events, fatalities, counts by type, bounds."""
    return json_response(queries.grid(conn, f, cell=cell), media_type="application/geo+json")


@router.get("/events/{event_id}", response_model=EventDetail, summary="One event with its reports, evidence and audit trail")
async def get_event(conn: Conn, event_id: RowId) -> Response:
    """The event, every report of it (document, figures, evidence spans) and who changed what."""
    return json_response(queries.event_detail(conn, event_id))


@router.get("/stats", response_model=StatsOut, summary="Counts and fatalities by period and by type or area")
async def get_stats(
    conn: Conn, f: Filter,
    interval: Annotated[Literal["day", "week", "month", "none"], Query()] = "week",
    by: Annotated[Literal["event_type", "sub_event_type", "country", "admin1", "review_status"] | None, Query()] = None,
) -> Response:
    """Rows of ``{period, key, events, fatalities, unknown_tolls}``; weeks start on Monday.

    ``fatalities`` is ACLED's coded figure, the one exports, trends and ``min_fatalities`` use: a toll reported
    without a number counts 3, or 10 for a significant attack, and ``unknown_tolls`` says how many such tolls
    the sum holds.
    """
    return json_response(queries.stats(conn, f, interval=interval, by=by))


@router.get("/facets", summary="Values present in the data, for filter menus")
def get_facets(conn: Conn) -> dict[str, Any]:
    """Distinct countries, areas, event types and sub-types."""
    return queries.facets(conn)
