"""The event filter shared by the table, the map, the timeline, statistics and exports.

One :class:`EventFilter` is parsed from the query string (a FastAPI query
model) and turned into SQLAlchemy conditions by :func:`event_conditions`,
so every view of "these events" — a page of the table, the GeoJSON on the
map, a CSV export — means the same rows. Values only ever reach SQL as
bound parameters; free text is matched with ``LIKE`` patterns whose
metacharacters are escaped, and against the documents' search index.
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, Field, field_validator
from sqlalchemy import (
    ColumnElement,
    Select,
    TextClause,
    and_,
    column,
    false,
    or_,
    select,
    table,
    text,
)
from sqlalchemy.sql.expression import ColumnClause

from rasd.store.models import Event as EventRow
from rasd.store.models import EventSource, table_of
from rasd.store.search import query_terms

__all__ = ["SORTS", "EventFilter", "event_conditions", "events_select", "order_by"]

E, ES = table_of(EventRow), table_of(EventSource)
DATE = r"^\d{4}-\d{2}(-\d{2})?$"
# Control characters (NUL above all) have no place in a filter and PostgreSQL refuses them: the schema says so.
PRINTABLE = r"^[^\x00-\x1f]*$"
# Columns a client may sort by ("-" in front for descending); each ties on id for a stable order.
SORTS = ("event_date", "fatalities", "injuries", "country", "admin1", "event_type", "confidence", "n_sources", "updated_at", "id")
_TEXT_FIELDS = ("actor1", "actor2", "assoc_actor_1", "assoc_actor_2", "location", "location_ar", "admin1", "admin2", "notes")


def _like(term: str) -> str:
    return "%" + term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


class EventFilter(BaseModel):
    """Which events: every field is optional and they combine with AND."""

    date_from: str | None = Field(default=None, pattern=DATE, description="First day (YYYY-MM-DD or YYYY-MM).")
    date_to: str | None = Field(default=None, pattern=DATE, description="Last day, inclusive (YYYY-MM-DD or YYYY-MM).")
    country: str | None = Field(default=None, max_length=80, pattern=PRINTABLE)
    admin1: str | None = Field(default=None, max_length=120, pattern=PRINTABLE)
    event_type: str | None = Field(default=None, max_length=60, pattern=PRINTABLE)
    sub_event_type: str | None = Field(default=None, max_length=80, pattern=PRINTABLE)
    actor: str | None = Field(default=None, max_length=200, pattern=PRINTABLE, description="Part of actor1, actor2 or an associated actor's name.")
    review_status: Literal["machine", "approved", "corrected", "rejected"] | None = None
    q: str | None = Field(default=None, max_length=200, pattern=PRINTABLE, description="Free text: every word in the event's fields or its articles.")
    bbox: str | None = Field(
        None, pattern=r"^-?\d+(\.\d+)?(,-?\d+(\.\d+)?){3}$", description="west,south,east,north in degrees.",
    )

    @field_validator("country", "admin1", "event_type", "sub_event_type", "actor", "q")
    @classmethod
    def _empty_is_none(cls, value: str | None) -> str | None:
        """An empty field filters nothing (``?country=`` is every country)."""
        return value or None

    def bounds(self) -> tuple[float, float, float, float] | None:
        """The bbox as ``(west, south, east, north)``."""
        if not self.bbox:
            return None
        w, s, e, n = (float(x) for x in self.bbox.split(","))
        return w, s, e, n

    def is_empty(self) -> bool:
        """True when no field is set."""
        return not any(self.model_dump().values())


def _day(value: str, *, end: bool) -> str:
    """A month stands for its first or last day; string comparison on ISO dates does the rest."""
    if len(value) == 7:
        return value + ("-31" if end else "-01")
    return value


def _fts_documents(terms: list[str], dialect: str) -> Any:
    """Ids of documents whose folded title or text contains every term (the store's search index)."""
    fts = table("documents_fts", column("title"), column("body"), column("rowid"), column("document_id"))
    key: ColumnClause[Any] = fts.c.rowid if dialect == "sqlite" else fts.c.document_id
    conds: list[ColumnElement[bool] | TextClause] = []
    long_terms = [t for t in terms if len(t) >= 3]
    if dialect == "sqlite" and long_terms:
        match = " ".join('"' + t.replace('"', '""') + '"' for t in long_terms)
        conds.append(text("documents_fts MATCH :fts_match").bindparams(fts_match=match))
    for t in terms:
        conds.append(or_(fts.c.title.like(_like(t), escape="\\"), fts.c.body.like(_like(t), escape="\\")))
    return select(key).select_from(fts).where(*conds)


def _free_text(q: str, dialect: str) -> ColumnElement[bool]:
    terms = query_terms(q)
    if not terms:
        return false()
    in_fields = and_(*(or_(*(E.c[f].like(_like(t), escape="\\") for f in _TEXT_FIELDS)) for t in q.split()))
    in_docs = E.c.id.in_(select(ES.c.event_id).where(ES.c.document_id.in_(_fts_documents(terms, dialect))))
    return or_(in_fields, in_docs)


def event_conditions(f: EventFilter, dialect: str = "sqlite") -> list[ColumnElement[bool]]:
    """SQLAlchemy conditions on the ``events`` table for ``f`` (``dialect``: the engine's name)."""
    conds: list[ColumnElement[bool]] = []
    for name in ("country", "admin1", "event_type", "sub_event_type", "review_status"):
        value = getattr(f, name)
        if value is not None:
            conds.append(E.c[name] == value)
    if f.date_from:
        conds.append(E.c.event_date >= _day(f.date_from, end=False))
    if f.date_to:
        conds.append(E.c.event_date <= _day(f.date_to, end=True))
    if f.actor:
        pattern = _like(f.actor)
        conds.append(or_(*(E.c[c].ilike(pattern, escape="\\") for c in ("actor1", "actor2", "assoc_actor_1", "assoc_actor_2"))))
    if bounds := f.bounds():
        w, s, e, n = bounds
        conds += [E.c.longitude.between(w, e), E.c.latitude.between(s, n)]
    if f.q:
        conds.append(_free_text(f.q, dialect))
    return conds


def order_by(sort: str) -> list[Any]:
    """ORDER BY for a ``sort`` value such as ``-event_date`` (validated against :data:`SORTS`)."""
    name = sort.lstrip("-")
    col = E.c[name]
    if sort.startswith("-"):
        return [col.desc(), E.c.id.desc()]
    return [col.asc(), E.c.id.asc()]


def events_select(f: EventFilter, dialect: str = "sqlite", *columns: Any) -> Select[Any]:
    """``SELECT columns FROM events WHERE <f>`` (every column when none are named): the query exports build on."""
    return select(*(columns or (E,))).where(*event_conditions(f, dialect))

