"""The events an export holds, read as a stream, and the stable ids they are exported under.

Which events is the store's :class:`~rasd.store.filters.EventFilter`, the
filter the API, subscriptions, trends and the CLI use too.

Exports must stay flat in memory for any number of events, so events are
read in pages of 2,000 and handed on one at a time; nothing holds the whole
result. ``event_id_cnty`` is assigned in
one short transaction *before* the stream starts: the first export of an
event fixes its id, every later export repeats it.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from sqlalchemy import Connection, func, insert, select

from rasd.export.acled import country_code
from rasd.store import EventFilter, Store
from rasd.store.alerts_models import EventCode
from rasd.store.models import Event, Source, table_of

__all__ = ["assign_codes", "stream_events"]

E, C, S = table_of(Event), table_of(EventCode), table_of(Source)
_BATCH = 2000


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


def stream_events(store: Store, f: EventFilter, *, page: int = _BATCH) -> Iterator[dict[str, Any]]:
    """The events ``f`` selects (:class:`~rasd.store.filters.EventFilter`) in id order, each with ``event_id_cnty`` and its first source's ``source_scale``.

    Read in keyset pages, one short transaction each: a long export never
    holds SQLite's write lock against the ingest running beside it.
    """
    with store.transaction("reading sources") as conn:
        scales = {r.name: r.scale for r in conn.execute(select(S.c.name, S.c.scale)) if r.scale}
    base = select(E, C.c.code.label("event_id_cnty")).outerjoin(C, C.c.event_id == E.c.id).where(*f.conditions(store.engine.dialect.name))
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
