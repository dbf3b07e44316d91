"""The one event filter: which events the API, the web pages, exports, subscriptions, trends and the CLI mean.

An :class:`EventFilter` is parsed once (:meth:`EventFilter.parse`, from query
parameters, CLI options or a subscription's JSON) and applied in SQL
(:meth:`EventFilter.conditions`), so "these events" are the same rows
wherever they are asked for — a table page, the map, an export, an alert.
Every field is optional, fields combine with AND, and a field given several
values matches any of them:

``country``, ``admin1``, ``admin2``, ``event_type``, ``sub_event_type``
    ACLED's names, exactly ("Deir ez-Zor", "Battles").
``actor``
    Part of the name of actor1, actor2 or an associated actor, in any case:
    "rapid support" finds "Rapid Support Forces".
``source``
    Part of the event's source (ACLED's ``source``: the outlets that reported
    it, ``; ``-separated), in any case: "sana" finds "SANA; Al Jazeera".
``date_from``, ``date_to``
    ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``; both ends inclusive, a year or
    month standing for its first day (``date_from``) or its last (``date_to``).
``min_fatalities``
    At least this many deaths by ACLED's coded figure
    (:func:`rasd.model.acled_fatalities`): deaths reported without a number
    count as 3, or 10 for a significant attack, so ``1`` means "any deaths".
``bbox``, ``polygon``
    West, south, east, north in degrees; an area drawn on a map, at least three
    ``[lon, lat]`` points (ray casting, done in SQL).
``review_status``
    These review statuses; none given, every status but ``rejected``: a
    rejected event is no event unless it is asked for.
``q``
    Free text: every word in the event's fields or in its articles (the
    store's search index, Arabic folded).

Values reach SQL only as bound parameters; ``LIKE`` metacharacters in text are escaped.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, fields
from functools import reduce
from typing import Any

from sqlalchemy import ColumnElement, TextClause, and_, case, column, false, func, or_, select, table, text
from sqlalchemy.sql.expression import ColumnClause

from rasd.errors import InputError
from rasd.model import LIMITED_UNKNOWN, SIGNIFICANT_SUB_TYPES, SIGNIFICANT_UNKNOWN
from rasd.store.models import REVIEW_STATUSES, EventSource, table_of
from rasd.store.models import Event as EventRow
from rasd.store.search import query_terms
from rasd.text.controls import has_control

__all__ = ["DAY", "MAX_POINTS", "EventFilter", "FilterError", "coded_fatalities"]

E, ES = table_of(EventRow), table_of(EventSource)
#: A filter's day: a year, a month or a day (each part in its range).
DAY = r"^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$"
#: The most points a polygon may have (each edge is a term of the SQL, and SQLite nests at most 1,000 deep).
MAX_POINTS = 250
_TEXT_FIELDS = ("actor1", "actor2", "assoc_actor_1", "assoc_actor_2", "location", "location_ar", "admin1", "admin2", "notes")
_ACTOR_FIELDS = ("actor1", "actor2", "assoc_actor_1", "assoc_actor_2")


class FilterError(InputError):
    """A filter value that cannot be read; ``field`` names it."""

    def __init__(self, name: str, message: str) -> None:
        super().__init__(f"{name}: {message}")
        self.field = name


def _names(max_length: int, doc: str) -> Any:
    return field(default=(), metadata={"kind": "names", "max_length": max_length, "doc": doc})


@dataclass(frozen=True, slots=True)
class EventFilter:
    """Which events (see the module's docstring for what each field means); ``EventFilter()`` is every event not rejected."""

    country: tuple[str, ...] = _names(80, "Country (ACLED name).")
    admin1: tuple[str, ...] = _names(120, "First-level area, e.g. a governorate (ACLED name).")
    admin2: tuple[str, ...] = _names(120, "Second-level area (ACLED name).")
    event_type: tuple[str, ...] = _names(60, "ACLED event type.")
    sub_event_type: tuple[str, ...] = _names(80, "ACLED sub-event type.")
    actor: tuple[str, ...] = _names(200, "Part of actor1's, actor2's or an associated actor's name, any case.")
    source: tuple[str, ...] = _names(200, "Part of the event's source (the outlets that reported it), any case.")
    date_from: str | None = field(default=None, metadata={"kind": "day", "doc": "First day: YYYY, YYYY-MM or YYYY-MM-DD (its first day)."})
    date_to: str | None = field(default=None, metadata={"kind": "day", "doc": "Last day, inclusive: YYYY, YYYY-MM or YYYY-MM-DD (its last day)."})
    min_fatalities: int | None = field(default=None, metadata={
        "kind": "count", "doc": "At least this many deaths, by ACLED's coded figure (deaths without a number: 3, or 10 for a significant attack)."})
    bbox: tuple[float, float, float, float] | None = field(default=None, metadata={"kind": "bbox", "doc": "west,south,east,north in degrees."})
    polygon: tuple[tuple[float, float], ...] = field(default=(), metadata={
        "kind": "polygon", "doc": f"An area: 3 to {MAX_POINTS} points lon,lat;lon,lat;… in degrees."})
    review_status: tuple[str, ...] = field(default=(), metadata={"kind": "statuses", "doc": "Review status; none given: all but rejected."})
    q: str | None = field(default=None, metadata={"kind": "text", "max_length": 200, "doc": "Free text: every word in the event's fields or its articles."})

    @classmethod
    def parse(cls, data: Mapping[str, Any]) -> EventFilter:
        """Read a filter from a mapping (query parameters, CLI options, a subscription's JSON); :class:`FilterError` when a value is wrong.

        Empty values (``None``, ``""``, ``[]``) filter nothing; an unknown key is refused.
        """
        known = {f.name: f for f in fields(cls)}
        unknown = set(data) - set(known)
        if unknown:
            raise InputError(f"unknown filter keys: {', '.join(sorted(unknown))}; known: {', '.join(known)}")
        values: dict[str, Any] = {name: _PARSERS[known[name].metadata["kind"]](name, value, known[name].metadata)
                  for name, value in data.items() if value not in (None, "", [], ())}
        return cls(**values)

    def to_json(self) -> dict[str, Any]:
        """The fields set, as JSON values (what a subscription stores; :meth:`parse` reads it back)."""
        out: dict[str, Any] = {}
        for f in fields(self):
            value = getattr(self, f.name)
            if value not in (None, ()):
                out[f.name] = [list(p) for p in value] if f.name == "polygon" else list(value) if isinstance(value, tuple) else value
        return out

    def conditions(self, dialect: str = "sqlite") -> list[ColumnElement[bool]]:
        """SQLAlchemy conditions on the ``events`` table (``dialect``, the engine's name, picks the search index's form)."""
        conds: list[ColumnElement[bool]] = []
        for name in ("country", "admin1", "admin2", "event_type", "sub_event_type"):
            if values := getattr(self, name):
                conds.append(E.c[name].in_(values))
        if self.actor:
            conds.append(or_(*(E.c[c].ilike(_like(a), escape="\\") for a in self.actor for c in _ACTOR_FIELDS)))
        if self.source:
            conds.append(or_(*(E.c.source.ilike(_like(s), escape="\\") for s in self.source)))
        if self.date_from:
            conds.append(E.c.event_date >= _first_day(self.date_from))
        if self.date_to:
            conds.append(E.c.event_date <= _last_day(self.date_to))
        if self.min_fatalities:
            conds.append(coded_fatalities() >= self.min_fatalities)
        if self.bbox:
            w, s, e, n = self.bbox
            conds += [E.c.longitude.between(w, e), E.c.latitude.between(s, n)]
        if self.polygon:
            conds.append(_inside(self.polygon))
        conds.append(E.c.review_status.in_(self.review_status) if self.review_status else E.c.review_status != "rejected")
        if self.q:
            conds.append(_free_text(self.q, dialect))
        return conds


def coded_fatalities() -> ColumnElement[int]:
    """ACLED's coded figure as SQL: :func:`rasd.model.acled_fatalities`'s number, computed by the database."""
    significant = or_(E.c.sub_event_type.in_(sorted(SIGNIFICANT_SUB_TYPES)), E.c.vague["scale"].as_string() == "significant")
    unknown = case((significant, SIGNIFICANT_UNKNOWN), else_=LIMITED_UNKNOWN)
    return case((E.c.fatalities_known.is_(False), unknown), else_=func.coalesce(E.c.fatalities, 0))


# -- reading values ----------------------------------------------------------
def _listed(value: Any) -> list[Any]:
    if isinstance(value, str):
        return [value]
    return list(value) if isinstance(value, Sequence) else [value]


def _text(name: str, value: Any, max_length: int) -> str:
    if not isinstance(value, str):
        raise FilterError(name, f"text expected, not {value!r}")
    if has_control(value):
        raise FilterError(name, "control characters are not allowed")
    if len(value) > max_length:
        raise FilterError(name, f"at most {max_length} characters")
    return value


def _parse_names(name: str, value: Any, meta: Mapping[str, Any]) -> tuple[str, ...]:
    return tuple(_text(name, v, meta["max_length"]) for v in _listed(value) if v not in (None, ""))


def _parse_day(name: str, value: Any, _meta: Mapping[str, Any]) -> str:
    if not isinstance(value, str) or not re.fullmatch(DAY, value):
        raise FilterError(name, f"YYYY, YYYY-MM or YYYY-MM-DD expected, not {value!r}")
    return value


def _parse_count(name: str, value: Any, _meta: Mapping[str, Any]) -> int:
    if isinstance(value, str) and value.isdigit():
        value = int(value)
    if not isinstance(value, int) or isinstance(value, bool) or value < 0:
        raise FilterError(name, f"a whole number, 0 or more, expected, not {value!r}")
    return value


def _numbers(name: str, value: Any, n: int) -> tuple[float, ...]:
    parts = value.split(",") if isinstance(value, str) else _listed(value)
    try:
        out = tuple(float(p) for p in parts if not isinstance(p, bool))
    except (TypeError, ValueError):
        out = ()
    if len(out) != n or len(parts) != n:
        raise FilterError(name, f"{n} numbers (degrees) expected, not {value!r}")
    return out


def _parse_bbox(name: str, value: Any, _meta: Mapping[str, Any]) -> tuple[float, float, float, float]:
    w, s, e, n = _numbers(name, value, 4)
    return w, s, e, n


def _parse_polygon(name: str, value: Any, _meta: Mapping[str, Any]) -> tuple[tuple[float, float], ...]:
    points = value.split(";") if isinstance(value, str) else _listed(value)
    if not 3 <= len(points) <= MAX_POINTS:
        raise FilterError(name, f"3 to {MAX_POINTS} [lon, lat] points expected")
    out = []
    for point in points:
        lon, lat = _numbers(name, point, 2)
        out.append((lon, lat))
    return tuple(out)


def _parse_statuses(name: str, value: Any, _meta: Mapping[str, Any]) -> tuple[str, ...]:
    out = tuple(v for v in _listed(value) if v not in (None, ""))
    if bad := [v for v in out if v not in REVIEW_STATUSES]:
        raise FilterError(name, f"{bad[0]!r} is not one of {', '.join(REVIEW_STATUSES)}")
    return out


def _parse_text(name: str, value: Any, meta: Mapping[str, Any]) -> str:
    return _text(name, value, meta["max_length"])


_PARSERS = {"names": _parse_names, "day": _parse_day, "count": _parse_count, "bbox": _parse_bbox, "polygon": _parse_polygon,
            "statuses": _parse_statuses, "text": _parse_text}


# -- SQL ---------------------------------------------------------------------
def _first_day(value: str) -> str:
    return value + "-01-01"[len(value) - 4 :]


def _last_day(value: str) -> str:
    """ISO days compare as text, so a month ends at its "-31" whatever its length."""
    return value + "-12-31"[len(value) - 4 :]


def _like(term: str) -> str:
    return "%" + term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


def _inside(polygon: Sequence[tuple[float, float]]) -> ColumnElement[bool]:
    """Ray casting in SQL: a point is inside when a ray east of it crosses an odd number of edges."""
    lon, lat = E.c.longitude, E.c.latitude
    crossings: list[Any] = []
    for (x1, y1), (x2, y2) in zip(polygon, [*polygon[1:], polygon[0]], strict=True):
        if y1 == y2:
            continue  # a ray along an edge crosses nothing
        slope = (x2 - x1) / (y2 - y1)
        crossings.append(case((and_(lat >= min(y1, y2), lat < max(y1, y2), lon < x1 + slope * (lat - y1)), 1), else_=0))
    if not crossings:
        return false()
    return reduce(lambda a, b: a + b, crossings) % 2 == 1


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
