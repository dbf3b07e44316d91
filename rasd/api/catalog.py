"""``/api/v1/documents``, ``/actors`` and ``/places``: what events are read from and about."""

from __future__ import annotations

from dataclasses import asdict
from typing import Annotated

from fastapi import APIRouter, Depends, Query
from fastapi.responses import Response
from sqlalchemy import Connection, text

from rasd.api import queries
from rasd.api.deps import RowId, get_conn, get_store, require_reader
from rasd.api.render import json_response
from rasd.api.schemas import ActorOut, DocumentOut, EventOut, PlaceOut
from rasd.store import Store

__all__ = ["router"]

router = APIRouter(dependencies=[Depends(require_reader)])
Conn = Annotated[Connection, Depends(get_conn)]
Limit = Annotated[int, Query(ge=1, le=500)]
Offset = Annotated[int, Query(ge=0, le=10_000_000)]
Text = Annotated[str | None, Query(max_length=200, pattern=r"^[^\x00-\x1f]*$")]


@router.get("/health", tags=["meta"], summary="Liveness: the server answers and its database reads")
def health(conn: Conn) -> dict[str, str]:
    """``{"status": "ok", ...}`` once the database answers a query: for load balancers, probes and scripts."""
    from rasd import __version__

    conn.execute(text("SELECT 1"))
    return {"status": "ok", "version": __version__, "database": conn.dialect.name}


@router.get("/documents", tags=["documents"], summary="Search documents (Arabic folded)")
def search_documents(store: Annotated[Store, Depends(get_store)], q: Annotated[str, Query(min_length=1, max_length=200, pattern=r"^[^\x00-\x1f]*$")], limit: Limit = 20) -> Response:
    """Documents containing every word of ``q``, newest first, each with a snippet around the match."""
    return json_response([asdict(h) for h in store.search(q, limit=limit)])


@router.get("/documents/{document_id}", tags=["documents"], response_model=DocumentOut, summary="One document with its cleaned text")
def get_document(conn: Conn, document_id: RowId) -> Response:
    """The document; ``text`` is the cleaned text that evidence offsets index into."""
    return json_response(queries.document(conn, document_id))


@router.get("/documents/{document_id}/events", tags=["documents"], response_model=list[EventOut], summary="The events a document reports")
def get_document_events(conn: Conn, document_id: RowId) -> Response:
    """Each event with ``evidence``: the spans this document's report found, for highlighting."""
    queries.document(conn, document_id, with_text=False)
    return json_response(queries.document_events(conn, document_id))


@router.get("/actors", tags=["actors"], response_model=list[ActorOut], summary="Actors and their aliases")
def list_actors(conn: Conn, q: Text = None, limit: Limit = 50, offset: Offset = 0) -> Response:
    """Actors by name; ``q`` matches any alias, Arabic folded."""
    return json_response(queries.actors(conn, q=q, limit=limit, offset=offset))


@router.get("/actors/{actor_id}", tags=["actors"], response_model=ActorOut, summary="One actor with aliases and facts")
def get_actor(conn: Conn, actor_id: RowId) -> Response:
    """The actor, its aliases, and dated facts read from documents ("backed by …", "about 7,000 fighters")."""
    return json_response(queries.actor_detail(conn, actor_id))


@router.get("/places", tags=["places"], response_model=list[PlaceOut], summary="Places events happened at")
def list_places(conn: Conn, country: Text = None, admin1: Text = None, limit: Limit = 100, offset: Offset = 0) -> Response:
    """Places with coordinates and their number of events."""
    return json_response(queries.places(conn, country=country, admin1=admin1, limit=limit, offset=offset))
