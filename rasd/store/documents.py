"""Writing one document and its events: the unit of work of every ingest.

:func:`save_document` runs inside the caller's transaction and writes
everything the document brings — the document row, its search row, its
reports merged into events, evidence, places, actors, actor facts and the
victims it names (the casualty register, :mod:`rasd.store.victims`) — so a
crash leaves either all of it or none. Re-saving a changed document first
takes its old reports off *machine* events (deleting events left with no
report, recomputing the others); events a person approved, corrected or
rejected keep their reports and their fields.

Plain SQLAlchemy Core statements with bound parameters: this is the hot path
of ingestion, and the ORM's unit of work would cost more than the SQL.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import Connection, and_, delete, insert, or_, select, text, update

from rasd.clock import now
from rasd.lang.ar.normalize import fold
from rasd.model import ActorFact, Event
from rasd.plugins import event_saved
from rasd.sameness import FIGHTING, MASS_TOLL, RETOLD_WITHIN_DAYS, mass
from rasd.store import merge
from rasd.store.models import (
    PROTECTED_STATUSES,
    Actor,
    ActorFactRow,
    Document,
    EventSource,
    EvidenceSpan,
    Place,
    new_id,
    table_of,
)
from rasd.store.models import Event as EventRow
from rasd.store.review import move_reports
from rasd.store.victims import clear_document_victims, save_victims
from rasd.text.controls import strip_controls

__all__ = ["EVENT_COLUMNS", "DocumentInput", "SaveOutcome", "save_document"]

D, E, ES, SP = table_of(Document), table_of(EventRow), table_of(EventSource), table_of(EvidenceSpan)
EVENT_COLUMNS: tuple[str, ...] = tuple(
    c.name for c in E.columns if c.name not in {"id", "place_id", "review_status", "created_at", "updated_at"}
)
_REPORT_SKIP = {"evidence", "victims"}  # spans go to evidence_spans, named victims to the register


@dataclass(slots=True)
class DocumentInput:
    """What the store keeps about one document, independent of how it was read."""

    doc_key: str
    raw_sha256: str
    text: str
    extraction_version: str
    title: str | None = None
    url: str | None = None
    source: str | None = None
    source_id: int | None = None
    published: str | None = None
    origin: str | None = None
    tags: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        # a source named "Outlet\u0007X" must not reach exports; the text itself is kept (evidence indexes into it)
        self.title = strip_controls(self.title) if self.title else self.title
        self.source = strip_controls(self.source) if self.source else self.source


@dataclass(slots=True)
class SaveOutcome:
    """What saving one document did."""

    document_id: int
    status: str  # "new" or "changed"
    events_created: int = 0
    events_merged: int = 0
    events_removed: int = 0
    event_ids: list[int] = field(default_factory=list)


def _event_values(fields: Mapping[str, Any]) -> dict[str, Any]:
    return {c: fields.get(c) for c in EVENT_COLUMNS if c in fields}


def _report(event: Event, doc: DocumentInput) -> dict[str, Any]:
    """The report row's data: the record's fields, and ``FIELD_update`` where its toll was told as a rise.

    Evidence goes to its own table, so the rise the count rule reads
    (:func:`rasd.store.merge.combine`) is kept in the row as a flag.
    """
    data = {k: v for k, v in event.to_dict().items() if k not in _REPORT_SKIP}
    data["doc_id"] = data.get("doc_id") or doc.doc_key
    data["text_sha256"] = merge.text_key(doc.text)  # one text under two addresses is one telling (merge.telling)
    data["source"] = data.get("source") or doc.source
    for name in ("fatalities", "injuries"):
        if f"{name}_update" in event.evidence:
            data[f"{name}_update"] = True
    return data


def _candidates(conn: Connection, report: Mapping[str, Any]) -> list[dict[str, Any]]:
    """Events that could be the same: same type, dates that can overlap (an indexed range lookup).

    Day- and week-precise events lie within four days of the report's span;
    month-precise ones are coded mid-month, so they are looked for anywhere
    in the span's months. A mass-casualty report also meets the violent events
    of its town with such a toll in the weeks around it, of any type.
    """
    if not report.get("event_type") or not report.get("event_date"):
        return []
    lo, hi = merge.date_interval(report["event_date"], report.get("time_precision"))
    near = ((lo - timedelta(days=4)).isoformat(), (hi + timedelta(days=4)).isoformat())
    months = (lo.replace(day=1).isoformat(), hi.isoformat()[:8] + "31")
    q = select(E).where(
        E.c.event_type == report["event_type"],
        or_(
            E.c.event_date.between(*near),
            and_(E.c.event_date.between(*months), E.c.time_precision >= 3),
        ),
    )
    if report.get("country"):
        q = q.where(E.c.country == report["country"])
    found = [dict(r._mapping) for r in conn.execute(q.limit(2000))]
    if mass(report):  # a massacre retold weeks later, under another type (sameness.retold_mass_event)
        day = date.fromisoformat(report["event_date"][:10])
        window = (day - timedelta(days=RETOLD_WITHIN_DAYS)).isoformat(), (day + timedelta(days=RETOLD_WITHIN_DAYS)).isoformat()
        retold = select(E).where(E.c.event_type.in_(FIGHTING), E.c.fatalities >= MASS_TOLL, E.c.location == report["location"],
                                 E.c.event_date.between(*window))
        seen = {c["id"] for c in found}
        found += [c for r in conn.execute(retold.limit(200)) if (c := dict(r._mapping))["id"] not in seen]
    return found


def _best_match(conn: Connection, report: Mapping[str, Any]) -> dict[str, Any] | None:
    scored = [(d, c["id"], c) for c in _candidates(conn, report) if (d := merge.match_distance(report, c)) is not None]
    return min(scored, key=lambda t: (t[0], t[1]))[2] if scored else None


def _reports_of(conn: Connection, event_id: int) -> list[dict[str, Any]]:
    rows = conn.execute(select(ES.c.data).where(ES.c.event_id == event_id).order_by(ES.c.id))
    return [dict(r.data) for r in rows]


def _recompute(conn: Connection, event_id: int, at: datetime) -> None:
    """Rederive a machine event's columns from the reports it has now."""
    combined = merge.combine(_reports_of(conn, event_id))
    conn.execute(update(E).where(E.c.id == event_id).values(**_event_values(combined), updated_at=at))


def _place_id(conn: Connection, fields: Mapping[str, Any], cache: dict[tuple[Any, ...], int]) -> int | None:
    if not fields.get("location") or fields.get("latitude") is None:
        return None
    key = (fields.get("country"), fields.get("admin1"), fields.get("admin2"), fields["location"])
    if key in cache:
        return cache[key]
    P = table_of(Place)
    cond = [P.c.name == key[3]] + [(col.is_(None) if v is None else col == v) for col, v in zip((P.c.country, P.c.admin1, P.c.admin2), key[:3])]
    found = conn.execute(select(P.c.id).where(*cond)).scalar()
    if found is None:
        found = new_id(conn.execute(
            insert(P).values(
                name=key[3], name_ar=fields.get("location_ar"), country=key[0], admin1=key[1], admin2=key[2],
                admin3=fields.get("admin3"), latitude=fields.get("latitude"), longitude=fields.get("longitude"),
                geo_precision=fields.get("geo_precision"),
            )
        ))
    cache[key] = found
    return found


def actor_id(conn: Connection, name: str, inter: int | None, at: datetime, cache: dict[str, int]) -> int:
    """The id of the actor called ``name``, creating it (with its folded name as first alias)."""
    if name in cache:
        return cache[name]
    A = table_of(Actor)
    found = conn.execute(select(A.c.id).where(A.c.name == name)).scalar()
    if found is None:
        found = new_id(conn.execute(insert(A).values(name=name, inter=inter, created_at=at)))
        conn.execute(text("INSERT INTO actor_aliases (actor_id, alias, alias_folded) VALUES (:a, :n, :f)"), {"a": found, "n": name, "f": fold(name)})
    cache[name] = found
    return found


def _detach(conn: Connection, document_id: int, at: datetime) -> int:
    """Take a changed document's reports off machine events; returns how many events disappeared."""
    rows = conn.execute(
        select(ES.c.id, ES.c.event_id, E.c.review_status).join(E, E.c.id == ES.c.event_id).where(ES.c.document_id == document_id)
    ).all()
    machine = [r for r in rows if r.review_status not in PROTECTED_STATUSES]
    if not machine:
        return 0
    ids = [r.id for r in machine]
    conn.execute(delete(SP).where(SP.c.event_source_id.in_(ids)))
    conn.execute(delete(ES).where(ES.c.id.in_(ids)))
    removed = 0
    for event_id in sorted({r.event_id for r in machine}):
        left = conn.execute(select(ES.c.id).where(ES.c.event_id == event_id).limit(1)).first()
        if left is None:
            conn.execute(delete(E).where(E.c.id == event_id))
            removed += 1
        else:
            _recompute(conn, event_id, at)
    return removed


def _write_search_row(conn: Connection, document_id: int, doc: DocumentInput) -> None:
    title, body = fold(doc.title or ""), fold(doc.text)
    if conn.dialect.name == "sqlite":
        conn.execute(text("DELETE FROM documents_fts WHERE rowid = :id"), {"id": document_id})
        conn.execute(text("INSERT INTO documents_fts (rowid, title, body) VALUES (:id, :t, :b)"), {"id": document_id, "t": title, "b": body})
    else:
        conn.execute(text("DELETE FROM documents_fts WHERE document_id = :id"), {"id": document_id})
        conn.execute(text("INSERT INTO documents_fts (document_id, title, body) VALUES (:id, :t, :b)"), {"id": document_id, "t": title, "b": body})


def _upsert_document(conn: Connection, doc: DocumentInput, n_events: int, at: datetime) -> tuple[int, str, int]:
    values = {
        "raw_sha256": doc.raw_sha256, "text": doc.text, "title": doc.title, "url": doc.url, "source": doc.source, "source_id": doc.source_id,
        "published": doc.published, "origin": doc.origin, "tags": list(doc.tags), "extraction_version": doc.extraction_version,
        "status": "extracted", "n_events": n_events, "updated_at": at,
    }
    existing = conn.execute(select(D.c.id).where(D.c.doc_key == doc.doc_key)).scalar()
    if existing is None:
        return new_id(conn.execute(insert(D).values(doc_key=doc.doc_key, ingested_at=at, **values))), "new", 0
    removed = _detach(conn, existing, at)
    conn.execute(delete(table_of(ActorFactRow)).where(table_of(ActorFactRow).c.document_id == existing))
    conn.execute(update(D).where(D.c.id == existing).values(**values))
    return existing, "changed", removed


def _attach(conn: Connection, event_id: int, document_id: int, report: Mapping[str, Any], event: Event, at: datetime) -> None:
    ordinal = conn.execute(
        select(ES.c.ordinal).where(ES.c.event_id == event_id, ES.c.document_id == document_id).order_by(ES.c.ordinal.desc()).limit(1)
    ).scalar()
    es_id = new_id(conn.execute(
        insert(ES).values(
            event_id=event_id, document_id=document_id, ordinal=0 if ordinal is None else ordinal + 1,
            fatalities=report.get("fatalities"), fatalities_known=bool(report.get("fatalities_known", True)),
            injuries=report.get("injuries"), injuries_known=bool(report.get("injuries_known", True)),
            data=dict(report), created_at=at,
        )
    ))
    spans = [
        {"event_id": event_id, "event_source_id": es_id, "field": f, "start": s.start, "end": s.end, "text": s.text}
        for f, items in event.evidence.items()
        for s in items
    ]
    if spans:
        conn.execute(insert(SP), spans)


def save_document(
    conn: Connection,
    doc: DocumentInput,
    events: Sequence[Event],
    facts: Iterable[ActorFact] = (),
    *,
    caches: dict[str, dict[Any, int]] | None = None,
) -> SaveOutcome:
    """Write ``doc`` with its ``events`` (merged into existing ones) and actor ``facts``.

    Runs in the caller's transaction: commit after it returns, roll back if it raises.
    Each saved event is announced to the ``event_saved`` hook (:mod:`rasd.plugins`),
    in the same transaction: that is how alerting queues its outbox.
    """
    at = now()
    caches = caches if caches is not None else {}
    document_id, status, removed = _upsert_document(conn, doc, len(events), at)
    _write_search_row(conn, document_id, doc)
    clear_document_victims(conn, document_id)
    outcome = SaveOutcome(document_id, status, events_removed=removed)
    protected_links = {
        r.event_id
        for r in conn.execute(select(ES.c.event_id).where(ES.c.document_id == document_id))
    }
    for event in events:
        report = _report(event, doc)
        event_id, merged, joined = _save_report(conn, document_id, report, event, at, caches, protected_links)
        outcome.event_ids = [event_id if i in joined else i for i in outcome.event_ids] + [event_id]
        if merged:
            outcome.events_merged += 1
        else:
            outcome.events_created += 1
        save_victims(conn, event, event_id, document_id, doc, at)
        event_saved(conn, event_id, merged=merged)
        for name_field, inter_field in (("actor1", "inter1"), ("actor2", "inter2")):
            if report.get(name_field):
                actor_id(conn, report[name_field], report.get(inter_field), at, caches.setdefault("actors", {}))
    _save_facts(conn, document_id, facts, doc, at, caches.setdefault("actors", {}))
    return outcome


def _save_report(
    conn: Connection, document_id: int, report: Mapping[str, Any], event: Event, at: datetime,
    caches: dict[str, dict[Any, int]], protected_links: set[int],
) -> tuple[int, bool, set[int]]:
    """Merge one report into its best-matching event, or create one: (event id, merged?, the events it joined into it)."""
    match = _best_match(conn, report)
    if match is None:
        fields = merge.combine([report])
        event_id = new_id(conn.execute(
            insert(E).values(
                **_event_values(fields), place_id=_place_id(conn, fields, caches.setdefault("places", {})),
                review_status="machine", created_at=at, updated_at=at,
            )
        ))
        _attach(conn, event_id, document_id, report, event, at)
        return event_id, False, set()
    event_id = match["id"]
    if match["review_status"] in PROTECTED_STATUSES:
        # A person's event: record the report once, never change the event.
        if event_id not in protected_links:
            _attach(conn, event_id, document_id, report, event, at)
            protected_links.add(event_id)
    else:
        _attach(conn, event_id, document_id, report, event, at)
        _recompute(conn, event_id, at)
        return event_id, True, _absorb(conn, event_id, at)
    return event_id, True, set()


_ABSORB_AT_MOST = 5  # events one report can bridge; the gates, not this, are what keep unlike events apart


def _absorb(conn: Connection, event_id: int, at: datetime) -> set[int]:
    """Join the machine events that machine event ``event_id``, grown by a report, is now one with.

    Reports join events one by one, so two events of one incident can stand apart until a report
    bridges them (a village's toll first, the town's next, then a report naming both): the grown
    event is tested against its neighbours as a report would be, and each that passes every gate
    gives it its reports, evidence and victims and is deleted (its pending alerts with it; the
    alert marks of its reports keep the joined event from being alerted for twice). Only events
    dated to the day or the week join so: through an event dated to a month, the days of that month
    would chain into one. Returns the ids of the events joined (and deleted).
    """
    joined: set[int] = set()
    for _ in range(_ABSORB_AT_MOST):
        grown = dict(conn.execute(select(E).where(E.c.id == event_id)).one()._mapping)
        if (grown.get("time_precision") or 3) > 2:
            break  # a month's event would chain the days of that month into one
        scored = [(d, c["id"]) for c in _candidates(conn, grown) if c["id"] != event_id and (c.get("time_precision") or 3) <= 2
                  and c["review_status"] not in PROTECTED_STATUSES and (d := merge.match_distance(grown, c)) is not None]
        if not scored:
            break
        other = min(scored)[1]
        move_reports(conn, other, event_id)
        conn.execute(delete(E).where(E.c.id == other))
        _recompute(conn, event_id, at)
        joined.add(other)
    return joined


def _save_facts(conn: Connection, document_id: int, facts: Iterable[ActorFact], doc: DocumentInput, at: datetime, cache: dict[str, int]) -> None:
    seen: set[tuple[Any, ...]] = set()
    rows = []
    for f in facts:
        a = actor_id(conn, f.actor, None, at, cache)
        key = (a, f.kind, f.value, f.evidence.start)
        if key in seen:
            continue
        seen.add(key)
        rows.append(
            {"actor_id": a, "document_id": document_id, "kind": f.kind, "value": f.value, "published": f.published or doc.published,
             "start": f.evidence.start, "end": f.evidence.end, "text": f.evidence.text}
        )
    if rows:
        conn.execute(insert(table_of(ActorFactRow)), rows)
