"""The store's own gazetteer: villages reviewers placed (issue 14).

Revision ID: 0008
Revises: 0007

``gazetteer_places`` holds a place a reviewer added while correcting an
event the gazetteer could not place (see :mod:`rasd.store.gazetteer`): the
Arabic name as written and its folded key (indexed: the geocoder and the
review page's search look names up by it), transliteration, kind, ISO
country, admin1–3, the point, aliases, who added it and when, and the event
it came from (kept as ``NULL`` if that event is deleted).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Create ``gazetteer_places`` and its name index."""
    op.create_table(
        "gazetteer_places",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("name_ar", sa.String(length=200), nullable=False),
        sa.Column("name_key", sa.String(length=200), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("country", sa.String(length=2), nullable=False),
        sa.Column("admin1", sa.String(length=120), nullable=True),
        sa.Column("admin2", sa.String(length=120), nullable=True),
        sa.Column("admin3", sa.String(length=120), nullable=True),
        sa.Column("latitude", sa.Float(), nullable=False),
        sa.Column("longitude", sa.Float(), nullable=False),
        sa.Column("aliases", sa.JSON(), nullable=False),
        sa.Column("added_by", sa.String(length=120), nullable=False),
        sa.Column("added_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("event_id", sa.Integer(), nullable=True),
        sa.Column("note", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(["event_id"], ["events.id"], ondelete="SET NULL"),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("gazetteer_places", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_gazetteer_places_name_key"), ["name_key"], unique=False)


def downgrade() -> None:
    """Drop the table (events keep the coordinates reviewers gave them)."""
    with op.batch_alter_table("gazetteer_places", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_gazetteer_places_name_key"))
    op.drop_table("gazetteer_places")
