"""``/api/v1/export/…`` and ``/api/v1/casualties``: downloads in every export format, and the casualty register.

An export answers with a file streamed from a spooled temporary file (held
in memory up to 8 MB, on disk past that): the writer streams the events in
pages, so neither the database read nor the response grows with the export.
The filter is the store's :class:`~rasd.store.filters.EventFilter` read from
the query (:data:`rasd.api.deps.Filter`), so an export holds exactly the rows
the table and the map show — rejected events left out unless asked for.
"""

from __future__ import annotations

import tempfile
from collections.abc import Iterator
from dataclasses import asdict
from datetime import date
from typing import IO, Annotated, Any, Literal

from fastapi import APIRouter, Depends, Path, Query
from fastapi.responses import JSONResponse, Response, StreamingResponse
from pydantic import Field

from rasd.api.deps import (
    MAX_ID,
    EventFilter,
    Filter,
    get_store,
    require_reader,
    require_role,
)
from rasd.api.render import json_response
from rasd.api.responses import error_responses
from rasd.api.values import CleanModel, RealDate
from rasd.clock import now
from rasd.export import export, get_exporter
from rasd.export.register import STATUSES, VictimInput, add_victim, list_victims
from rasd.lang.ar.normalize import fold
from rasd.plugins import exporters
from rasd.store import Store

__all__ = ["router"]

router = APIRouter(tags=["export"])
_SPOOL = 8 * 1024 * 1024
_CHUNK = 64 * 1024


def _chunks(spool: IO[bytes]) -> Iterator[bytes]:
    try:
        while chunk := spool.read(_CHUNK):
            yield chunk
    finally:
        spool.close()


@router.get("/export/formats", summary="The export formats installed", dependencies=[Depends(require_reader)])
def list_formats() -> JSONResponse:
    """Every exporter (Rasd's own and plugins'), with its file suffix and media type."""
    return JSONResponse([{"name": x.name, "suffix": x.suffix, "media_type": x.media_type, "description": x.description} for x in exporters().values()])


@router.get(
    "/export/{fmt}", summary="Download events (or the casualty register) in one format", dependencies=[Depends(require_reader)],
    responses={**error_responses(400), 200: {"content": {x.media_type: {} for x in exporters().values()}}},
)
def export_events(fmt: Annotated[str, Path(json_schema_extra={"enum": sorted(exporters())})], store: Annotated[Store, Depends(get_store)], f: Filter) -> StreamingResponse:
    """``acled-csv``, ``geojson``, ``jsonl``, ``xlsx``, ``parquet`` or ``casualties-csv``, filtered like ``/events``."""
    exporter = get_exporter(fmt)
    spool = tempfile.SpooledTemporaryFile(max_size=_SPOOL)  # noqa: SIM115 (closed by _chunks)
    try:
        export(store, fmt, spool, f)
    except BaseException:
        spool.close()  # the error handler answers (JSON); the spool must not wait for the collector
        raise
    spool.seek(0)
    name = f"rasd-{fmt}-{date.today().isoformat()}{exporter.suffix}"
    return StreamingResponse(_chunks(spool), media_type=exporter.media_type, headers={"Content-Disposition": f'attachment; filename="{name}"'})


class VictimIn(CleanModel):
    """A casualty register entry (a real date, a whole-number age, no control characters: :mod:`rasd.api.values`)."""

    name: str = Field(min_length=1, max_length=300)
    status: str = Field("killed", pattern="^(" + "|".join(STATUSES) + ")$")
    name_en: str | None = Field(None, max_length=300)
    age: int | None = Field(None, ge=0, le=130)
    sex: str | None = Field(None, pattern="^(male|female)$")
    group: str | None = Field(None, max_length=200)
    date: RealDate | None = Field(None, pattern=r"^\d{4}-\d{2}-\d{2}$")
    place: str | None = Field(None, max_length=200)
    cause: str | None = Field(None, max_length=200)
    sources: list[str] = Field(default_factory=list, max_length=50)
    event_id: int | None = Field(None, ge=1, le=MAX_ID)


@router.get("/casualties", summary="The casualty register, one entry per person", dependencies=[Depends(require_reader)])
def get_casualties(
    store: Annotated[Store, Depends(get_store)], f: Filter,
    status: Annotated[Literal["killed", "injured", "missing", "detained"] | None, Query()] = None,
    name: Annotated[str | None, Query(max_length=200, pattern=r"^[^\x00-\x1f]*$", description="Part of the name (Arabic folded).")] = None,
    limit: Annotated[int, Query(ge=1, le=1000)] = 100,
    offset: Annotated[int, Query(ge=0, le=10_000_000)] = 0,
) -> Response:
    """People by date: the register's fields plus ``reports``, ``row_ids``, ``conflicts``, … (docs/exports.md).

    The event filters (``country``, ``admin1``, ``date_from``, …) keep the people with a report linked to a
    matching event; ``status`` and ``name`` filter the entries. ``X-Total-Count`` says how many match in all.
    """
    with store.transaction("reading the casualty register") as conn:
        people = list_victims(conn, None if f == EventFilter() else f)
    if status:
        people = [p for p in people if p["status"] == status]
    if name and (wanted := fold(name).strip()):
        people = [p for p in people if wanted in fold(p["name"])]
    # orjson writes ``created_at`` (a datetime) as ISO 8601
    return json_response(people[offset : offset + limit], headers={"X-Total-Count": str(len(people))})


@router.post(
    "/casualties", status_code=201, summary="Add a casualty register entry", dependencies=[Depends(require_role("reviewer"))],
    responses=error_responses(400),
)
def post_casualty(store: Annotated[Store, Depends(get_store)], victim: VictimIn) -> JSONResponse:
    """Record a person named in reports; 400 if the linked event does not exist."""
    with store.transaction("adding to the casualty register") as conn:
        victim_id = add_victim(conn, VictimInput(**victim.model_dump()), at=now())  # InputError answers 400
    return JSONResponse({"id": victim_id, **asdict(VictimInput(**victim.model_dump()))}, status_code=201)
