"""The store's tables as SQLAlchemy 2 models.

The schema itself is created by the Alembic migrations in
``rasd/store/migrations`` (the models describe it for queries); a test checks
that the two agree. Two ideas shape it:

* An event is *derived* from its reports. Each report of an event is an
  :class:`EventSource` row holding that document's own extraction (figures
  included, as JSON); a machine event's columns are recomputed from its
  reports whenever one is added or removed (see :mod:`rasd.store.merge`).
  Events a person approved, corrected or rejected are never recomputed.
* Everything about one document is written in one transaction, so a killed
  run loses at most the document it was writing.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any, ClassVar, cast

from sqlalchemy import (
    JSON,
    Boolean,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    String,
    Table,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

__all__ = [
    "PROTECTED_STATUSES",
    "REVIEW_STATUSES",
    "Actor",
    "ActorAlias",
    "ActorFactRow",
    "Base",
    "DeadLetter",
    "Document",
    "Event",
    "EventMapFeature",
    "EventSource",
    "EvidenceSpan",
    "IngestRun",
    "Place",
    "ReviewHistory",
    "Source",
    "new_id",
    "table_of",
]

#: ``machine`` events are Rasd's own and may be recomputed; the others are a person's word.
REVIEW_STATUSES = ("machine", "approved", "corrected", "rejected")
PROTECTED_STATUSES = frozenset({"approved", "corrected", "rejected"})


class Base(DeclarativeBase):
    """Declarative base of every Rasd table."""

    type_annotation_map: ClassVar[dict[Any, Any]] = {dict[str, Any]: JSON, list[Any]: JSON}


class Source(Base):
    """An outlet or feed Rasd reads, with what conditional GET needs to be polite."""

    __tablename__ = "sources"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    url: Mapped[str | None] = mapped_column(Text)
    kind: Mapped[str] = mapped_column(String(20), default="feed")  # feed, page, file
    scale: Mapped[str | None] = mapped_column(String(40))  # ACLED source_scale: National, Regional…
    language: Mapped[str | None] = mapped_column(String(10), default="ar")
    reliability: Mapped[float | None] = mapped_column(Float)
    enabled: Mapped[bool] = mapped_column(Boolean, default=True)
    poll_seconds: Mapped[int] = mapped_column(Integer, default=900)
    etag: Mapped[str | None] = mapped_column(Text)
    last_modified: Mapped[str | None] = mapped_column(Text)
    last_polled: Mapped[datetime | None] = mapped_column(DateTime)
    created_at: Mapped[datetime] = mapped_column(DateTime)


class Document(Base):
    """One article as read: raw hash, cleaned text, metadata and how it was extracted."""

    __tablename__ = "documents"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    doc_key: Mapped[str] = mapped_column(String(500), unique=True)
    raw_sha256: Mapped[str] = mapped_column(String(64), index=True)
    text: Mapped[str] = mapped_column(Text)
    title: Mapped[str | None] = mapped_column(Text)
    url: Mapped[str | None] = mapped_column(Text)
    source: Mapped[str | None] = mapped_column(String(200))
    source_id: Mapped[int | None] = mapped_column(ForeignKey("sources.id", ondelete="SET NULL"))
    published: Mapped[str | None] = mapped_column(String(10))
    origin: Mapped[str | None] = mapped_column(Text)
    tags: Mapped[list[Any]] = mapped_column(JSON, default=list)
    extraction_version: Mapped[str] = mapped_column(String(40))
    status: Mapped[str] = mapped_column(String(20), default="extracted")
    n_events: Mapped[int] = mapped_column(Integer, default=0)
    ingested_at: Mapped[datetime] = mapped_column(DateTime)
    updated_at: Mapped[datetime] = mapped_column(DateTime)


class Event(Base):
    """One event in ACLED's fields plus Rasd's, derived from one or more reports."""

    __tablename__ = "events"
    __table_args__ = (
        Index("ix_events_area_type_date", "admin1", "event_type", "event_date"),
        Index("ix_events_country_type_date", "country", "event_type", "event_date"),
        Index("ix_events_type_date", "event_type", "event_date"),
        Index("ix_events_date", "event_date"),
        Index("ix_events_area_date", "admin1", "event_date"),
        Index("ix_events_country_date", "country", "event_date"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    event_date: Mapped[str | None] = mapped_column(String(10))
    time_precision: Mapped[int | None] = mapped_column(Integer)
    disorder_type: Mapped[str | None] = mapped_column(String(60))
    event_type: Mapped[str | None] = mapped_column(String(60))
    sub_event_type: Mapped[str | None] = mapped_column(String(80))
    actor1: Mapped[str | None] = mapped_column(Text)
    assoc_actor_1: Mapped[str | None] = mapped_column(Text)
    inter1: Mapped[int | None] = mapped_column(Integer)
    actor2: Mapped[str | None] = mapped_column(Text)
    assoc_actor_2: Mapped[str | None] = mapped_column(Text)
    inter2: Mapped[int | None] = mapped_column(Integer)
    interaction: Mapped[int | None] = mapped_column(Integer)
    civilian_targeting: Mapped[str | None] = mapped_column(String(40))
    country: Mapped[str | None] = mapped_column(String(80))
    iso: Mapped[int | None] = mapped_column(Integer)
    admin1: Mapped[str | None] = mapped_column(String(120))
    admin2: Mapped[str | None] = mapped_column(String(120))
    admin3: Mapped[str | None] = mapped_column(String(120))
    location: Mapped[str | None] = mapped_column(String(200))
    location_ar: Mapped[str | None] = mapped_column(String(200))
    latitude: Mapped[float | None] = mapped_column(Float)
    longitude: Mapped[float | None] = mapped_column(Float)
    geo_precision: Mapped[int | None] = mapped_column(Integer)
    place_id: Mapped[int | None] = mapped_column(ForeignKey("places.id", ondelete="SET NULL"))
    fatalities: Mapped[int | None] = mapped_column(Integer)
    fatalities_known: Mapped[bool] = mapped_column(Boolean, default=True)
    injuries: Mapped[int | None] = mapped_column(Integer)
    injuries_known: Mapped[bool] = mapped_column(Boolean, default=True)
    notes: Mapped[str] = mapped_column(Text, default="")
    tags: Mapped[list[Any]] = mapped_column(JSON, default=list)
    vague: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    source: Mapped[str | None] = mapped_column(Text)
    source_title: Mapped[str | None] = mapped_column(Text)  # the (Arabic) headline of the report it was coded from
    n_sources: Mapped[int] = mapped_column(Integer, default=1)
    confidence: Mapped[float] = mapped_column(Float, default=0.0)
    review_status: Mapped[str] = mapped_column(String(20), default="machine")
    created_at: Mapped[datetime] = mapped_column(DateTime)
    updated_at: Mapped[datetime] = mapped_column(DateTime)


class EventMapFeature(Base):
    """A located event's GeoJSON Feature as JSON text, for the map.

    Written only by the database's triggers (migration ``0006``) whenever the
    event is inserted, updated or deleted; Rasd's code only reads it.
    """

    __tablename__ = "event_map_features"

    event_id: Mapped[int] = mapped_column(ForeignKey("events.id", ondelete="CASCADE"), primary_key=True)
    feature: Mapped[str] = mapped_column(Text)


class EventSource(Base):
    """One report of an event: which document said it, and that document's own figures."""

    __tablename__ = "event_sources"
    __table_args__ = (UniqueConstraint("event_id", "document_id", "ordinal"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    event_id: Mapped[int] = mapped_column(ForeignKey("events.id", ondelete="CASCADE"), index=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"), index=True)
    ordinal: Mapped[int] = mapped_column(Integer, default=0)
    fatalities: Mapped[int | None] = mapped_column(Integer)
    fatalities_known: Mapped[bool] = mapped_column(Boolean, default=True)
    injuries: Mapped[int | None] = mapped_column(Integer)
    injuries_known: Mapped[bool] = mapped_column(Boolean, default=True)
    data: Mapped[dict[str, Any]] = mapped_column(JSON)  # the report's Event.to_dict() without evidence
    created_at: Mapped[datetime] = mapped_column(DateTime)


class EvidenceSpan(Base):
    """Where in a document's cleaned text a field's value was read."""

    __tablename__ = "evidence_spans"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    event_id: Mapped[int] = mapped_column(ForeignKey("events.id", ondelete="CASCADE"), index=True)
    event_source_id: Mapped[int] = mapped_column(ForeignKey("event_sources.id", ondelete="CASCADE"), index=True)
    field: Mapped[str] = mapped_column(String(40))
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)
    text: Mapped[str] = mapped_column(Text)


class Actor(Base):
    """A canonical actor name with its ACLED inter code."""

    __tablename__ = "actors"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(300), unique=True)
    inter: Mapped[int | None] = mapped_column(Integer)
    country: Mapped[str | None] = mapped_column(String(80))
    created_at: Mapped[datetime] = mapped_column(DateTime)


class ActorAlias(Base):
    """Another name of an actor (Arabic spellings, abbreviations), folded for lookup."""

    __tablename__ = "actor_aliases"
    __table_args__ = (UniqueConstraint("actor_id", "alias_folded"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    actor_id: Mapped[int] = mapped_column(ForeignKey("actors.id", ondelete="CASCADE"), index=True)
    alias: Mapped[str] = mapped_column(String(300))
    alias_folded: Mapped[str] = mapped_column(String(300), index=True)


class ActorFactRow(Base):
    """A dated, sourced statement about an actor: "backed by Russia", "about 7,000 fighters"."""

    __tablename__ = "actor_facts"
    __table_args__ = (UniqueConstraint("actor_id", "document_id", "kind", "value", "start"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    actor_id: Mapped[int] = mapped_column(ForeignKey("actors.id", ondelete="CASCADE"), index=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(40))
    value: Mapped[str] = mapped_column(Text)
    published: Mapped[str | None] = mapped_column(String(10))
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)
    text: Mapped[str] = mapped_column(Text)


class Place(Base):
    """A located place events happened at (the gazetteer's answer, kept for maps and merges)."""

    __tablename__ = "places"
    __table_args__ = (UniqueConstraint("country", "admin1", "admin2", "name"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    name_ar: Mapped[str | None] = mapped_column(String(200))
    country: Mapped[str | None] = mapped_column(String(80))
    admin1: Mapped[str | None] = mapped_column(String(120))
    admin2: Mapped[str | None] = mapped_column(String(120))
    admin3: Mapped[str | None] = mapped_column(String(120))
    latitude: Mapped[float | None] = mapped_column(Float)
    longitude: Mapped[float | None] = mapped_column(Float)
    geo_precision: Mapped[int | None] = mapped_column(Integer)


class ReviewHistory(Base):
    """Audit trail: who changed an event, when, and its fields before and after."""

    __tablename__ = "review_history"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    event_id: Mapped[int] = mapped_column(ForeignKey("events.id", ondelete="CASCADE"), index=True)
    reviewer: Mapped[str] = mapped_column(String(120))
    action: Mapped[str] = mapped_column(String(20))
    before: Mapped[dict[str, Any]] = mapped_column(JSON)
    after: Mapped[dict[str, Any]] = mapped_column(JSON)
    comment: Mapped[str | None] = mapped_column(Text)
    at: Mapped[datetime] = mapped_column(DateTime)


class DeadLetter(Base):
    """Input that could not be ingested, kept with the reason so it can be retried."""

    __tablename__ = "dead_letters"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    source: Mapped[str | None] = mapped_column(String(200))
    origin: Mapped[str] = mapped_column(Text)
    reason: Mapped[str] = mapped_column(Text)
    payload: Mapped[bytes | None] = mapped_column(LargeBinary)
    created_at: Mapped[datetime] = mapped_column(DateTime)
    retries: Mapped[int] = mapped_column(Integer, default=0)
    retried_at: Mapped[datetime | None] = mapped_column(DateTime)
    resolved_at: Mapped[datetime | None] = mapped_column(DateTime)


class IngestRun(Base):
    """One ``rasd ingest``/``watch`` run and its summary, for the record."""

    __tablename__ = "ingest_runs"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    started_at: Mapped[datetime] = mapped_column(DateTime)
    finished_at: Mapped[datetime | None] = mapped_column(DateTime)
    inputs: Mapped[list[Any]] = mapped_column(JSON, default=list)
    counts: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    status: Mapped[str] = mapped_column(String(20), default="running")
    pid: Mapped[int | None] = mapped_column(Integer)
    host: Mapped[str | None] = mapped_column(String(255))
    heartbeat_at: Mapped[datetime | None] = mapped_column(DateTime)  # written every 30 s while it runs (rasd.store.runs)


class LoginFailure(Base):
    """A failed login, kept while the throttle's window lasts: one row per account name and one per client address."""

    __tablename__ = "login_failures"
    __table_args__ = (Index("ix_login_failures_key_at", "key", "at"), Index("ix_login_failures_at", "at"))

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    key: Mapped[str] = mapped_column(String(200))  # "user:<name, casefolded>" or "client:<address>"
    at: Mapped[datetime] = mapped_column(DateTime)


def table_of(model: type[Base]) -> Table:
    """The Core table of a model, typed as such (the hot paths use Core statements)."""
    return cast(Table, model.__table__)


def new_id(result: Any) -> int:
    """The primary key an ``INSERT`` just created."""
    return int(result.inserted_primary_key[0])
