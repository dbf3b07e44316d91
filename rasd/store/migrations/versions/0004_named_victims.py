"""Named victims found by the extractor, and each event's Arabic source title (issue 7).

Revision ID: 0004
Revises: 0003

``victims.document_id`` marks a register entry the extractor read from a
document (a person's entry has none), so re-ingesting that document replaces
its entries instead of adding them again; ``victims.evidence`` keeps where the
name, age and status were read. ``events.source_title`` is the headline of
the report an event was coded from, carried beside the English notes.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Add ``events.source_title``, ``victims.document_id`` (indexed, cascading) and ``victims.evidence``."""
    op.add_column("events", sa.Column("source_title", sa.Text(), nullable=True))
    # victims is referenced by no table, so SQLite's batch copy of it is safe
    with op.batch_alter_table("victims", schema=None) as batch_op:
        batch_op.add_column(sa.Column("document_id", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("evidence", sa.JSON(), nullable=True))
        batch_op.create_foreign_key("fk_victims_document_id_documents", "documents", ["document_id"], ["id"], ondelete="CASCADE")
        batch_op.create_index("ix_victims_document_id", ["document_id"], unique=False)


def downgrade() -> None:
    """Drop the columns again (entries the extractor made stay, as if a person had made them)."""
    with op.batch_alter_table("victims", schema=None) as batch_op:
        batch_op.drop_index("ix_victims_document_id")
        batch_op.drop_constraint("fk_victims_document_id_documents", type_="foreignkey")
        batch_op.drop_column("evidence")
        batch_op.drop_column("document_id")
    op.drop_column("events", "source_title")
