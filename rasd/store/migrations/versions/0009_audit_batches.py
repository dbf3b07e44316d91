"""Audit batches: random samples of machine events and the reviewer's verdict on each, field by field (issue 17).

Revision ID: 0009
Revises: 0008

``audit_batches`` records how a sample was drawn (size, seed, filters, who,
when); ``audit_items`` holds each sampled event: its stratum (sub-type,
source), the extraction version of its first report, the audited fields as
drawn, and the verdict (right / corrected / not_event) with the field
verdicts, reviewer and time. See :mod:`rasd.store.audit`.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Create ``audit_batches`` and ``audit_items``."""
    op.create_table(
        "audit_batches",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("seed", sa.Integer(), nullable=False),
        sa.Column("requested", sa.Integer(), nullable=False),
        sa.Column("filters", sa.JSON(), nullable=False),
        sa.Column("created_by", sa.String(length=120), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_table(
        "audit_items",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("batch_id", sa.Integer(), nullable=False),
        sa.Column("event_id", sa.Integer(), nullable=True),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("sub_event_type", sa.String(length=80), nullable=True),
        sa.Column("source", sa.Text(), nullable=True),
        sa.Column("extraction_version", sa.String(length=40), nullable=True),
        sa.Column("drawn", sa.JSON(), nullable=False),
        sa.Column("verdict", sa.String(length=20), nullable=True),
        sa.Column("fields", sa.JSON(), nullable=False),
        sa.Column("reviewer", sa.String(length=120), nullable=True),
        sa.Column("comment", sa.Text(), nullable=True),
        sa.Column("reviewed_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(["batch_id"], ["audit_batches.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["event_id"], ["events.id"], ondelete="SET NULL"),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("audit_items", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_audit_items_batch_id"), ["batch_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_audit_items_event_id"), ["event_id"], unique=False)


def downgrade() -> None:
    """Drop both tables (the events keep the review statuses the audit gave them)."""
    with op.batch_alter_table("audit_items", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_audit_items_event_id"))
        batch_op.drop_index(batch_op.f("ix_audit_items_batch_id"))
    op.drop_table("audit_items")
    op.drop_table("audit_batches")
