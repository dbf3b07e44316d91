"""Named victims into the casualty register, as each document is saved.

The extractor names people ("استشهد الشاب أحمد شايب (19 عاماً)"); documentation
teams keep them one by one beside the tolls. Each becomes a ``victims`` row
linked to the event the report was merged into and to the document that named
them. Re-saving a changed document replaces its own rows, so re-ingesting is
idempotent; entries a person made (no ``document_id``) are never touched.
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Any

from sqlalchemy import Connection, delete, insert

from rasd.model import Event
from rasd.store.alerts_models import Victim
from rasd.store.models import table_of

if TYPE_CHECKING:
    from rasd.store.documents import DocumentInput

__all__ = ["clear_document_victims", "save_victims"]

V = table_of(Victim)


def clear_document_victims(conn: Connection, document_id: int) -> None:
    """Forget the entries an earlier extraction of this document made (before saving the new ones)."""
    conn.execute(delete(V).where(V.c.document_id == document_id))


def save_victims(conn: Connection, event: Event, event_id: int, document_id: int, doc: DocumentInput, at: datetime) -> int:
    """Register ``event``'s named victims under stored event ``event_id``; returns how many.

    Date and place are the report's own (what this source says happened to
    them), the cause is the event's sub-event type, and the source is the
    document's address.
    """
    rows: list[dict[str, Any]] = [
        {
            "event_id": event_id, "document_id": document_id, "name": v.name, "age": v.age, "sex": v.sex, "group": v.group,
            "status": v.status, "date": event.event_date, "place": event.location, "cause": event.sub_event_type,
            "sources": [doc.url or doc.doc_key], "created_at": at,
            "evidence": {f: [{"start": s.start, "end": s.end, "text": s.text} for s in spans] for f, spans in v.evidence.items()},
        }
        for v in event.victims
    ]
    if rows:
        conn.execute(insert(V), rows)
    return len(rows)
