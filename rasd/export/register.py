"""The casualty register: people named in reports as killed, injured, missing or detained.

Documentation teams keep victims one by one — name, age, sex, nationality or
group ("Palestinian refugee"), date, place, cause, and the sources that name
them — beside the event counts. Entries are recorded by people (API, CLI) and
linked to an event when one is known, or read from articles at ingest
(:mod:`rasd.store.victims`); this module writes them and reads them back one
entry per person (:mod:`rasd.export.people`), the stored rows staying as the provenance.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import asdict, dataclass, field
from typing import Any

from sqlalchemy import Connection, insert, select

from rasd.errors import InputError
from rasd.export.people import STATUSES, merge_people
from rasd.store.alerts_models import Victim
from rasd.store.filters import EventFilter
from rasd.store.models import Document, Event, new_id, table_of

__all__ = ["REGISTER_COLUMNS", "STATUSES", "VictimInput", "add_victim", "list_victims", "register_row"]

V, E = table_of(Victim), table_of(Event)
REGISTER_COLUMNS: tuple[str, ...] = (
    "id", "name", "name_en", "age", "sex", "group", "status", "date", "place", "cause", "sources", "event_id", "event_id_cnty",
    "source_title", "reports", "dates", "conflicts", "row_ids",
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


def list_victims(conn: Connection, query: EventFilter | None = None) -> list[dict[str, Any]]:
    """The register, one entry per person (:func:`rasd.export.people.merge_people`), by date.

    Every stored row is read in one query — with its event's ``event_id_cnty``, its document's (Arabic)
    headline as ``source_title`` and, when ``query`` filters by the linked event, whether its event is
    selected — and grouped in Python. People are grouped over the whole register, so a person's entry
    (and its id) is the same whatever the filter; ``query`` keeps the people with a report it selects.
    ``sources`` is joined by "; " as the register has always shown it.
    """
    from rasd.store.alerts_models import EventCode

    C, D = table_of(EventCode), table_of(Document)
    selected = [V.c.event_id.in_(select(E.c.id).where(*query.conditions(conn.dialect.name))).label("selected")] if query is not None else []
    q = (select(V, C.c.code.label("event_id_cnty"), D.c.title.label("source_title"), *selected)
         .outerjoin(C, C.c.event_id == V.c.event_id).outerjoin(D, D.c.id == V.c.document_id))
    rows = [dict(row._mapping) for row in conn.execute(q)]
    wanted = {r["id"] for r in rows if r.get("selected")}
    out = [e for e in merge_people(rows) if query is None or wanted.intersection(e["row_ids"])]
    for entry in out:
        entry["sources"] = "; ".join(entry["sources"])
    return out


def register_row(entry: Mapping[str, Any]) -> dict[str, Any]:
    """An entry flattened for a spreadsheet: lists joined by "; ", conflicts as "age: 19 | 20"."""
    conflicts = "; ".join(f"{c['field']}: {' | '.join(map(str, c['values']))}" for c in entry["conflicts"])
    return {**entry, "row_ids": "; ".join(map(str, entry["row_ids"])), "dates": "; ".join(entry["dates"]), "conflicts": conflicts}
