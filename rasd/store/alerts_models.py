"""Tables of what leaves Rasd: stable export ids, subscriptions, the alert outbox and the casualty register.

Same declarative :class:`~rasd.store.models.Base` as the core tables, created
by migration ``0003``. Three ideas shape them:

* ``event_codes`` gives each event its ACLED ``event_id_cnty`` once (ISO3 +
  a per-country sequence), so the same event has the same id in every export.
* Alerting is an *outbox*: ingestion only inserts ``alert_outbox`` rows in its
  own transaction (cheap, never a network call); ``rasd alerts run`` drains
  them. ``UNIQUE(subscription_id, event_id)`` is the dedupe key that keeps a
  merged event from alerting a subscriber twice.
* ``alert_marks`` remembers *what* a subscriber was told, by identities that
  survive re-extraction (a document and the event's fingerprint in it), not
  by event row ids: ``rasd ingest --force`` or a new extraction version may
  delete an event and create it again under a new id, and must not alert again.
* Every delivery attempt is logged in ``alert_deliveries``, failed ones too.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column

from rasd.store.models import Base

__all__ = ["AlertDelivery", "AlertKey", "AlertMark", "AlertOutbox", "EventCode", "Subscription", "Victim"]


class EventCode(Base):
    """An event's ACLED ``event_id_cnty`` ("SYR12"), assigned once and kept across exports."""

    __tablename__ = "event_codes"
    __table_args__ = (UniqueConstraint("iso3", "seq"),)

    event_id: Mapped[int] = mapped_column(ForeignKey("events.id", ondelete="CASCADE"), primary_key=True)
    iso3: Mapped[str] = mapped_column(String(3))
    seq: Mapped[int] = mapped_column(Integer)
    code: Mapped[str] = mapped_column(String(20), unique=True)


class Subscription(Base):
    """A standing filter and where its matches go (an e-mail address or a webhook URL)."""

    __tablename__ = "subscriptions"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    owner: Mapped[str | None] = mapped_column(String(200))
    channel: Mapped[str] = mapped_column(String(40))  # "email", "webhook" or a plugin's channel
    target: Mapped[str] = mapped_column(Text)  # address or URL
    secret: Mapped[str | None] = mapped_column(String(200))  # webhook HMAC key
    mode: Mapped[str] = mapped_column(String(20), default="immediate")  # immediate, daily, weekly
    filters: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    language: Mapped[str] = mapped_column(String(10), default="ar")
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[datetime] = mapped_column(DateTime)
    last_digest_at: Mapped[datetime | None] = mapped_column(DateTime)


class AlertOutbox(Base):
    """One event owed to one subscription: written at ingest time, drained by the sender."""

    __tablename__ = "alert_outbox"
    __table_args__ = (
        UniqueConstraint("subscription_id", "event_id"),
        Index("ix_alert_outbox_due", "status", "next_attempt_at"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    subscription_id: Mapped[int] = mapped_column(ForeignKey("subscriptions.id", ondelete="CASCADE"), index=True)
    event_id: Mapped[int] = mapped_column(ForeignKey("events.id", ondelete="CASCADE"), index=True)
    reason: Mapped[str] = mapped_column(String(20), default="new")  # new, merged
    status: Mapped[str] = mapped_column(String(20), default="pending")  # pending, sent
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    next_attempt_at: Mapped[datetime] = mapped_column(DateTime)
    last_error: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(DateTime)
    sent_at: Mapped[datetime | None] = mapped_column(DateTime)


class AlertMark(Base):
    """One report identity a subscription was owed an alert for (migration 0007); never tied to an event row.

    ``identity`` is :func:`rasd.alerts.outbox.report_identity` of a report: its document and the event it
    tells of. An event whose reports carry any identity already marked for a subscription is not queued again.
    """

    __tablename__ = "alert_marks"

    subscription_id: Mapped[int] = mapped_column(ForeignKey("subscriptions.id", ondelete="CASCADE"), primary_key=True)
    identity: Mapped[str] = mapped_column(String(64), primary_key=True)
    created_at: Mapped[datetime] = mapped_column(DateTime)


class AlertDelivery(Base):
    """One attempt to deliver one message (an alert or a digest), successful or not."""

    __tablename__ = "alert_deliveries"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    subscription_id: Mapped[int] = mapped_column(ForeignKey("subscriptions.id", ondelete="CASCADE"), index=True)
    channel: Mapped[str] = mapped_column(String(40))
    event_ids: Mapped[list[Any]] = mapped_column(JSON, default=list)
    attempt: Mapped[int] = mapped_column(Integer)
    ok: Mapped[bool] = mapped_column(Boolean)
    status_code: Mapped[int | None] = mapped_column(Integer)
    error: Mapped[str | None] = mapped_column(Text)
    duration_ms: Mapped[float | None] = mapped_column(Float)
    at: Mapped[datetime] = mapped_column(DateTime)


class AlertKey(Base):
    """A named secret Rasd generated for itself (the unsubscribe-link signing key)."""

    __tablename__ = "alert_keys"

    name: Mapped[str] = mapped_column(String(60), primary_key=True)
    value: Mapped[str] = mapped_column(String(200))


class Victim(Base):
    """A person named in a report as killed or injured: the casualty register documentation teams keep.

    ``document_id`` is set on entries the extractor read from a document (migration 0004): re-ingesting
    the document replaces them. A person's entry has none and is never touched by ingestion.
    """

    __tablename__ = "victims"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    event_id: Mapped[int | None] = mapped_column(ForeignKey("events.id", ondelete="SET NULL"), index=True)
    document_id: Mapped[int | None] = mapped_column(
        ForeignKey("documents.id", ondelete="CASCADE", name="fk_victims_document_id_documents"), index=True
    )
    evidence: Mapped[dict[str, Any] | None] = mapped_column(JSON)  # field → [{start, end, text}] in the document
    name: Mapped[str] = mapped_column(String(300))
    name_en: Mapped[str | None] = mapped_column(String(300))
    age: Mapped[int | None] = mapped_column(Integer)
    sex: Mapped[str | None] = mapped_column(String(10))
    group: Mapped[str | None] = mapped_column(String(200))  # nationality or group: "Palestinian refugee"
    status: Mapped[str] = mapped_column(String(20), default="killed")  # killed, injured, missing, detained
    date: Mapped[str | None] = mapped_column(String(10))
    place: Mapped[str | None] = mapped_column(String(200))
    cause: Mapped[str | None] = mapped_column(String(200))
    sources: Mapped[list[Any]] = mapped_column(JSON, default=list)
    created_at: Mapped[datetime] = mapped_column(DateTime)
