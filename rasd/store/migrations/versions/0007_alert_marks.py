"""What each subscriber was alerted about, by identities that survive re-extraction (issue 16).

Revision ID: 0007
Revises: 0006

``alert_outbox`` rows name an event row, and cascade away with it: ``rasd
ingest --force`` or a new extraction version deletes a machine event and
creates it again under a new id, so the outbox forgot it had alerted and
queued it again. ``alert_marks`` keeps, per subscription, the identity of
every report it was alerted for (:func:`rasd.alerts.outbox.report_identity`:
the document and the event's fingerprint in it) with no link to the event
row. The upgrade marks what the outbox already holds, with the identity
frozen as it was at this revision (a migration never imports alerting: the
store is the lower layer; ``tests/alerts/test_marks_migration.py`` checks
the copy still agrees).
"""

from __future__ import annotations

import hashlib
import json
from typing import Any

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None

#: ``rasd.alerts.outbox.IDENTITY_FIELDS`` at this revision.
IDENTITY_FIELDS = ("event_date", "event_type", "country", "admin1", "location")


def report_identity(doc_key: str, report: dict[str, Any]) -> str:
    """``rasd.alerts.outbox.report_identity`` at this revision: a hash of the document key and :data:`IDENTITY_FIELDS`."""
    parts = [doc_key, *(str(report.get(f) or "") for f in IDENTITY_FIELDS)]
    return hashlib.sha256("\x1f".join(parts).encode()).hexdigest()


def upgrade() -> None:
    """Create ``alert_marks`` and mark the reports of every event already in the outbox."""
    op.create_table(
        "alert_marks",
        sa.Column("subscription_id", sa.Integer(), nullable=False),
        sa.Column("identity", sa.String(length=64), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(["subscription_id"], ["subscriptions.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("subscription_id", "identity"),
    )
    conn = op.get_bind()
    rows = conn.execute(sa.text(
        "SELECT o.subscription_id, o.created_at, d.doc_key, es.data FROM alert_outbox o "
        "JOIN event_sources es ON es.event_id = o.event_id JOIN documents d ON d.id = es.document_id"
    )).all()
    marks = {
        (r.subscription_id, report_identity(r.doc_key, r.data if isinstance(r.data, dict) else json.loads(r.data))): r.created_at
        for r in rows
    }
    if marks:
        conn.execute(
            sa.text("INSERT INTO alert_marks (subscription_id, identity, created_at) VALUES (:s, :i, :c)"),
            [{"s": s, "i": i, "c": c} for (s, i), c in marks.items()],
        )


def downgrade() -> None:
    """Drop the marks (alerts are then again remembered by event row only)."""
    op.drop_table("alert_marks")
