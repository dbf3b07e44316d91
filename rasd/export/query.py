"""Which events an export holds, read as a stream, and the stable ids they are exported under.

Exports must stay flat in memory for any number of events, so events are
read in pages of 2,000 and handed on one at a time; nothing holds the whole
result. ``event_id_cnty`` is assigned in
one short transaction *before* the stream starts: the first export of an
event fixes its id, every later export repeats it.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, fields
from typing import Any, Protocol

from sqlalchemy import Connection, Select, func, insert, or_, select

from rasd.export.acled import country_code
from rasd.store import Store
from rasd.store.alerts_models import EventCode
from rasd.store.models import Event, Source, table_of

__all__ = ["EventQuery", "Selection", "assign_codes", "stream_events"]

E, C, S = table_of(Event), table_of(EventCode), table_of(Source)
_BATCH = 2000


class Selection(Protocol):
    """Anything that narrows a ``SELECT … FROM events`` (an :class:`EventQuery`, the API's filter)."""

    def apply(self, q: Select[Any]) -> Select[Any]:
        """``q`` restricted to the selected events."""
        ...


@dataclass(slots=True)
class EventQuery:
    """The filters an export, a subscription or a trends view can share (every field optional)."""

    country: str | None = None
    admin1: str | None = None
    event_type: str | None = None
    sub_event_type: str | None = None
    actor: str | None = None
    date_from: str | None = None
    date_to: str | None = None
    min_fatalities: int | None = None
    bbox: tuple[float, float, float, float] | None = None  # west, south, east, north
    include_rejected: bool = False

    @classmethod
    def from_mapping(cls, data: dict[str, Any]) -> EventQuery:
        """Build from a dict (CLI options, query parameters, a subscription's filters), ignoring unknown keys."""
        names = {f.name for f in fields(cls)}
        values = {k: v for k, v in data.items() if k in names and v not in (None, "")}
        if isinstance(values.get("bbox"), str):
            values["bbox"] = tuple(float(x) for x in values["bbox"].split(","))
        return cls(**values)

    def apply(self, q: Select[Any]) -> Select[Any]:
        """``q`` restricted to the events this query selects."""
        for col, value in ((E.c.country, self.country), (E.c.admin1, self.admin1), (E.c.event_type, self.event_type),
                           (E.c.sub_event_type, self.sub_event_type)):
            if value is not None:
                q = q.where(col == value)
        if self.actor:
            q = q.where(or_(E.c.actor1 == self.actor, E.c.actor2 == self.actor))
        if self.date_from:
            q = q.where(E.c.event_date >= self.date_from)
        if self.date_to:
            q = q.where(E.c.event_date <= self.date_to)
        if self.min_fatalities:
            q = q.where(E.c.fatalities >= self.min_fatalities)
        if self.bbox:
            w, s, e, n = self.bbox
            q = q.where(E.c.longitude.between(w, e), E.c.latitude.between(s, n))
        if not self.include_rejected:
            q = q.where(E.c.review_status != "rejected")
        return q


def assign_codes(conn: Connection) -> int:
    """Give every event without an ``event_id_cnty`` its code (ISO3 + next number for its country)."""
    missing = conn.execute(
        select(E.c.id, E.c.iso, E.c.country).outerjoin(C, C.c.event_id == E.c.id).where(C.c.event_id.is_(None)).order_by(E.c.id)
    ).all()
    if not missing:
        return 0
    last = {r.iso3: int(r.seq) for r in conn.execute(select(C.c.iso3, func.max(C.c.seq).label("seq")).group_by(C.c.iso3))}
    rows = []
    for event_id, iso, country in missing:
        iso3 = country_code({"iso": iso, "country": country})[0]
        last[iso3] = seq = last.get(iso3, 0) + 1
        rows.append({"event_id": event_id, "iso3": iso3, "seq": seq, "code": f"{iso3}{seq}"})
    for i in range(0, len(rows), 5000):
        conn.execute(insert(C), rows[i : i + 5000])
    return len(rows)


def stream_events(store: Store, query: Selection, *, page: int = _BATCH) -> Iterator[dict[str, Any]]:
    """Matching events in id order, each with ``event_id_cnty`` and its first source's ``source_scale``.

    Read in keyset pages, one short transaction each: a long export never
    holds SQLite's write lock against the ingest running beside it.
    """
    with store.transaction("reading sources") as conn:
        scales = {r.name: r.scale for r in conn.execute(select(S.c.name, S.c.scale)) if r.scale}
    base = query.apply(select(E, C.c.code.label("event_id_cnty")).outerjoin(C, C.c.event_id == E.c.id))
    last = 0
    while True:
        with store.transaction("exporting events") as conn:
            rows = conn.execute(base.where(E.c.id > last).order_by(E.c.id).limit(page)).all()
        for row in rows:
            ev = dict(row._mapping)
            first = str(ev.get("source") or "").split(";")[0].strip()
            ev["source_scale"] = scales.get(first, "")
            yield ev
        if len(rows) < page:
            return
        last = rows[-1].id
