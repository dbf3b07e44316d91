"""The casualty register: people named in reports as killed, injured, missing or detained.

Documentation teams keep victims one by one — name, age, sex, nationality or
group ("Palestinian refugee"), date, place, cause, and the sources that name
them — beside the event counts. Entries are recorded by people (API, CLI) and
linked to an event when one is known, or read from articles at ingest
(:mod:`rasd.store.victims`); this module writes, reads and streams them.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

from sqlalchemy import Connection, insert, select

from rasd.errors import InputError
from rasd.export.query import Selection
from rasd.store.alerts_models import Victim
from rasd.store.models import Document, Event, new_id, table_of

__all__ = ["REGISTER_COLUMNS", "STATUSES", "VictimInput", "add_victim", "list_victims"]

V, E = table_of(Victim), table_of(Event)
STATUSES = ("killed", "injured", "missing", "detained")
REGISTER_COLUMNS: tuple[str, ...] = (
    "id", "name", "name_en", "age", "sex", "group", "status", "date", "place", "cause", "sources", "event_id", "event_id_cnty",
    "source_title",
)


@dataclass(slots=True)
class VictimInput:
    """One register entry as a person records it."""

    name: str
    status: str = "killed"
    name_en: str | None = None
    age: int | None = None
    sex: str | None = None
    group: str | None = None
    date: str | None = None
    place: str | None = None
    cause: str | None = None
    sources: list[str] = field(default_factory=list)
    event_id: int | None = None


def add_victim(conn: Connection, victim: VictimInput, *, at: Any) -> int:
    """Record one victim; the linked event gives date and place when the entry leaves them out."""
    if not victim.name.strip():
        raise InputError("a register entry needs a name")
    if victim.status not in STATUSES:
        raise InputError(f"status must be one of {', '.join(STATUSES)}, not {victim.status!r}")
    values = asdict(victim)
    if victim.event_id is not None:
        ev = conn.execute(select(E.c.event_date, E.c.location).where(E.c.id == victim.event_id)).first()
        if ev is None:
            raise InputError(f"no event {victim.event_id}")
        values["date"] = values["date"] or ev.event_date
        values["place"] = values["place"] or ev.location
    return new_id(conn.execute(insert(V).values(**values, created_at=at)))


def list_victims(conn: Connection, query: Selection | None = None) -> list[dict[str, Any]]:
    """Register entries by date, with their event's ``event_id_cnty``; ``query`` filters by the linked event.

    An entry the extractor read from a document carries that document's (Arabic) headline as ``source_title``.
    A register holds people, not events: thousands, not millions, so a list is fine.
    """
    from rasd.store.alerts_models import EventCode

    C, D = table_of(EventCode), table_of(Document)
    q = (select(V, C.c.code.label("event_id_cnty"), D.c.title.label("source_title"))
         .outerjoin(C, C.c.event_id == V.c.event_id).outerjoin(D, D.c.id == V.c.document_id))
    if query is not None:
        q = query.apply(q.join(E, E.c.id == V.c.event_id))
    out = []
    for row in conn.execute(q.order_by(V.c.date, V.c.id)):
        rec = dict(row._mapping)
        rec["sources"] = "; ".join(rec.get("sources") or [])
        out.append(rec)
    return out
