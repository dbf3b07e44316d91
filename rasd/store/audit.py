"""Audit batches: random samples of machine events, reviewed field by field, to measure accuracy (issue 17).

A batch (``audit_batches``) is drawn at random from the events an
:class:`~rasd.store.filters.EventFilter` selects that nobody has reviewed or
sampled yet, stratified by sub-type and source and reproducible from its
seed (:func:`draw_sample`). Each sampled event is one ``audit_items`` row: the
event as it was drawn, its stratum, the extraction version of its first
report, and — once a reviewer has given it — the verdict: ``right`` (nothing
to correct), ``corrected`` (with the field verdicts ``{field: {"verdict":
"right" | "corrected", "value": …}}``) or ``not_event``. Because the sample is
random, the verdicts estimate the machine's accuracy without bias; other
reviews (of events a person chose to open) are never counted. Migration ``0009``.
"""

from __future__ import annotations

import random
from collections import defaultdict
from collections.abc import Mapping, Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import JSON, Connection, DateTime, ForeignKey, Integer, String, Text, insert, select, update
from sqlalchemy.orm import Mapped, mapped_column

from rasd.clock import now
from rasd.store.errors import StoreError
from rasd.store.filters import EventFilter
from rasd.store.models import Base, Document, EventSource, new_id, table_of
from rasd.store.models import Event as EventRow

__all__ = ["AUDIT_FIELDS", "VERDICTS", "AuditBatch", "AuditItem", "draw_sample", "batches", "items",
           "item", "check_verdict", "record_verdict"]

#: The fields a reviewer judges on an audited event, in the order the queue shows them.
AUDIT_FIELDS: tuple[str, ...] = ("event_type", "sub_event_type", "event_date", "actor1", "actor2", "country", "admin1",
                                 "location", "fatalities", "injuries")
VERDICTS: tuple[str, ...] = ("right", "corrected", "not_event")


class AuditBatch(Base):
    """One random sample drawn for auditing: how it was drawn and by whom."""

    __tablename__ = "audit_batches"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    seed: Mapped[int] = mapped_column(Integer)
    requested: Mapped[int] = mapped_column(Integer)
    filters: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    created_by: Mapped[str] = mapped_column(String(120))
    created_at: Mapped[datetime] = mapped_column(DateTime)


class AuditItem(Base):
    """One sampled event and the reviewer's verdict on it (``NULL`` until reviewed)."""

    __tablename__ = "audit_items"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    batch_id: Mapped[int] = mapped_column(ForeignKey("audit_batches.id", ondelete="CASCADE"), index=True)
    event_id: Mapped[int | None] = mapped_column(ForeignKey("events.id", ondelete="SET NULL"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    sub_event_type: Mapped[str | None] = mapped_column(String(80))
    source: Mapped[str | None] = mapped_column(Text)
    extraction_version: Mapped[str | None] = mapped_column(String(40))
    drawn: Mapped[dict[str, Any]] = mapped_column(JSON)  # the audited fields as the machine coded them
    verdict: Mapped[str | None] = mapped_column(String(20))
    fields: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    reviewer: Mapped[str | None] = mapped_column(String(120))
    comment: Mapped[str | None] = mapped_column(Text)
    reviewed_at: Mapped[datetime | None] = mapped_column(DateTime)


B, I, E, ES, D = table_of(AuditBatch), table_of(AuditItem), table_of(EventRow), table_of(EventSource), table_of(Document)


def _eligible(conn: Connection, f: EventFilter) -> list[dict[str, Any]]:
    """The events ``f`` selects that a sample may draw: machine events, never reviewed and never sampled, by id."""
    sampled = select(I.c.event_id).where(I.c.event_id.is_not(None))
    q = select(E).where(*f.conditions(conn.dialect.name), E.c.review_status == "machine", E.c.id.not_in(sampled))
    return [dict(r._mapping) for r in conn.execute(q.order_by(E.c.id))]


def _allocate(sizes: Mapping[tuple[str, str], int], n: int) -> dict[tuple[str, str], int]:
    """Proportional allocation of ``n`` draws over strata (largest remainder; ties by stratum name)."""
    total = sum(sizes.values())
    if n >= total:
        return dict(sizes)
    exact = {k: n * size / total for k, size in sizes.items()}
    out = {k: int(x) for k, x in exact.items()}
    for k in sorted(exact, key=lambda k: (-(exact[k] - out[k]), k))[: n - sum(out.values())]:
        out[k] += 1
    return out


def _versions(conn: Connection, event_ids: Sequence[int]) -> dict[int, str]:
    """The extraction version of each event's first report."""
    q = select(ES.c.event_id, D.c.extraction_version).join(D, D.c.id == ES.c.document_id).where(ES.c.event_id.in_(event_ids))
    out: dict[int, str] = {}
    for r in conn.execute(q.order_by(ES.c.id)):
        out.setdefault(r.event_id, r.extraction_version)
    return out


def draw_sample(conn: Connection, n: int, *, seed: int, created_by: str, name: str | None = None,
                f: EventFilter | None = None) -> int:
    """Draw a batch of up to ``n`` machine events that ``f`` selects, stratified by (sub-type, source); returns its id.

    The same store, filter and seed draw the same events; the batch keeps the filter's JSON (:meth:`EventFilter.to_json`).
    """
    if n < 1:
        raise StoreError("a sample needs at least one event")
    f = f or EventFilter()
    strata: dict[tuple[str, str], list[dict[str, Any]]] = defaultdict(list)
    for ev in _eligible(conn, f):
        strata[(ev["sub_event_type"] or "", ev["source"] or "")].append(ev)
    if not strata:
        raise StoreError("no unreviewed machine event matches: nothing to sample")
    rng = random.Random(seed)
    chosen: list[dict[str, Any]] = []
    for key, k in sorted(_allocate({key: len(evs) for key, evs in strata.items()}, n).items()):
        chosen += rng.sample(strata[key], k)
    rng.shuffle(chosen)  # the queue should not read stratum by stratum
    batch = new_id(conn.execute(insert(B).values(
        name=name or f"audit {now():%Y-%m-%d %H:%M}", seed=seed, requested=n, filters=f.to_json(), created_by=created_by, created_at=now())))
    versions = _versions(conn, [ev["id"] for ev in chosen])
    conn.execute(insert(I), [
        {"batch_id": batch, "event_id": ev["id"], "position": i, "sub_event_type": ev["sub_event_type"], "source": ev["source"],
         "extraction_version": versions.get(ev["id"]), "drawn": {f: ev[f] for f in AUDIT_FIELDS}, "fields": {}}
        for i, ev in enumerate(chosen)
    ])
    return batch


def batches(conn: Connection) -> list[dict[str, Any]]:
    """Every batch, newest first, with how many of its events are reviewed, its filter as :meth:`EventFilter.to_json` writes it.

    Batches drawn before the sample took the event filter stored single values (``{"country": "Syria"}``), which read
    as the filter's lists; their ``source`` then matched exactly, where the filter's matches part of it.
    """
    out = []
    for r in conn.execute(select(B).order_by(B.c.id.desc())):
        rows = conn.execute(select(I.c.verdict).where(I.c.batch_id == r.id)).all()
        out.append({**dict(r._mapping), "filters": EventFilter.parse(r.filters or {}).to_json(), "size": len(rows),
                    "reviewed": sum(1 for (v,) in rows if v)})
    return out


def items(conn: Connection, batch_ids: Sequence[int] | None = None, *, reviewed_only: bool = False) -> list[dict[str, Any]]:
    """The items of some batches (all if ``None``), in queue order."""
    q = select(I)
    if batch_ids is not None:
        q = q.where(I.c.batch_id.in_(batch_ids))
    if reviewed_only:
        q = q.where(I.c.verdict.is_not(None))
    return [dict(r._mapping) for r in conn.execute(q.order_by(I.c.batch_id, I.c.position))]


def item(conn: Connection, item_id: int) -> dict[str, Any]:
    """One item; :class:`StoreError` if there is none."""
    r = conn.execute(select(I).where(I.c.id == item_id)).first()
    if r is None:
        raise StoreError(f"no audit item {item_id}")
    return dict(r._mapping)


def check_verdict(verdict: str, corrections: Mapping[str, Any]) -> None:
    """:class:`StoreError` unless ``verdict`` is known and corrects audited fields exactly when it is ``corrected``."""
    if verdict not in VERDICTS:
        raise StoreError(f"unknown verdict {verdict!r}; one of {', '.join(VERDICTS)}")
    unknown = set(corrections) - set(AUDIT_FIELDS)
    if unknown:
        raise StoreError(f"not audited fields: {', '.join(sorted(unknown))}")
    if (verdict == "corrected") != bool(corrections):
        raise StoreError("a correction names the fields it corrects" if verdict == "corrected" else f"a {verdict!r} verdict corrects no field")


def record_verdict(conn: Connection, item_id: int, verdict: str, *, reviewer: str, corrections: Mapping[str, Any] | None = None,
                   comment: str | None = None) -> dict[str, Any]:
    """Keep a reviewer's verdict on an item, field by field; returns the field verdicts.

    ``corrected`` needs at least one corrected field (``corrections``: field → right value); every other
    audited field is judged right. ``not_event`` judges no field.
    """
    corrections = dict(corrections or {})
    check_verdict(verdict, corrections)
    item(conn, item_id)
    fields: dict[str, Any] = {}
    if verdict != "not_event":
        fields = {f: ({"verdict": "corrected", "value": corrections[f]} if f in corrections else {"verdict": "right"}) for f in AUDIT_FIELDS}
    conn.execute(update(I).where(I.c.id == item_id).values(
        verdict=verdict, fields=fields, reviewer=reviewer, comment=comment, reviewed_at=now()))
    return fields
