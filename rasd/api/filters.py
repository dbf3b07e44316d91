"""The event filter at the API's edge: query parameters read into the store's :class:`~rasd.store.filters.EventFilter`.

The parameters are made from :class:`EventFilter`'s own fields, so the
OpenAPI schema documents exactly what the filter accepts and means (a field
repeated, ``?admin1=Idlib&admin1=Hama``, matches any of its values), and the
table, the map, statistics, trends and exports — and, through the store,
subscriptions and the CLI — select the same events for the same filter.
"""

from __future__ import annotations

from dataclasses import Field as DataclassField
from dataclasses import fields
from typing import Annotated, Any, Literal

from fastapi import Depends, Query
from pydantic import BaseModel, Field, StringConstraints, create_model

from rasd.api.values import PRINTABLE
from rasd.store.filters import DAY, MAX_POINTS, EventFilter
from rasd.store.models import REVIEW_STATUSES
from rasd.store.models import Event as EventRow
from rasd.store.models import table_of

__all__ = ["SORTS", "EventFilter", "EventQuery", "Filter", "event_filter", "order_by"]

E = table_of(EventRow)
# Columns a client may sort by ("-" in front for descending); each ties on id for a stable order.
SORTS = ("event_date", "fatalities", "injuries", "country", "admin1", "event_type", "confidence", "n_sources", "updated_at", "id")
_NUMBER = r"-?\d+(\.\d+)?"
_POINT = f"{_NUMBER},{_NUMBER}"
_SCHEMAS: dict[str, Any] = {
    "day": (str | None, {"pattern": DAY}),
    "count": (int | None, {"ge": 0, "le": 2**31 - 1}),
    "bbox": (str | None, {"pattern": f"^{_NUMBER}(,{_NUMBER}){{3}}$"}),
    # at least three points; a point takes 4 characters or more ("1,2;"), so the length bounds their number
    "polygon": (str | None, {"pattern": f"^{_POINT}(;{_POINT}){{2,}}$", "max_length": 4 * MAX_POINTS - 1}),
}


def _parameter(f: DataclassField[Any]) -> tuple[Any, Any]:
    """The query parameter for one field of :class:`EventFilter`: its type, its constraints, its description."""
    kind, doc = f.metadata["kind"], f.metadata["doc"]
    if kind == "names":
        item = Annotated[str, StringConstraints(max_length=f.metadata["max_length"], pattern=PRINTABLE)]
        return list[item], Field(default_factory=list, description=doc)
    if kind == "statuses":
        return list[Literal[REVIEW_STATUSES]], Field(default_factory=list, description=doc)  # type: ignore[valid-type]
    if kind == "text":
        return str | None, Field(None, max_length=f.metadata["max_length"], pattern=PRINTABLE, description=doc)
    annotation, constraints = _SCHEMAS[kind]
    return annotation, Field(None, description=doc, **constraints)


#: The query parameters of every filtered route, one per :class:`EventFilter` field.
EventQuery: type[BaseModel] = create_model(  # type: ignore[call-overload]
    "EventQuery", __doc__="Which events: every field is optional and they combine with AND.",
    **{f.name: _parameter(f) for f in fields(EventFilter)},
)


def event_filter(params: Annotated[EventQuery, Query()]) -> EventFilter:  # type: ignore[valid-type]
    """The request's filter (a FastAPI dependency)."""
    return EventFilter.parse(params.model_dump())  # type: ignore[attr-defined]


#: A route's filter parameter: ``f: Filter``.
Filter = Annotated[EventFilter, Depends(event_filter)]


def order_by(sort: str) -> list[Any]:
    """ORDER BY for a ``sort`` value such as ``-event_date`` (validated against :data:`SORTS`)."""
    name = sort.lstrip("-")
    col = E.c[name]
    if sort.startswith("-"):
        return [col.desc(), E.c.id.desc()]
    return [col.asc(), E.c.id.asc()]
