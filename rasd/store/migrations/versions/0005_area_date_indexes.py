"""Indexes for the map's most common view: an area and a date range, any event type.

Revision ID: 0005
Revises: 0004

With only (admin1, event_type, event_date) a query without a type walks the
date index; (admin1, event_date) and (country, event_date) answer it directly
(a six-month governorate view on 100k events: 9.4 ms → 1.4 ms on SQLite).
"""

from __future__ import annotations

from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Add the two area-and-date indexes."""
    op.create_index("ix_events_area_date", "events", ["admin1", "event_date"])
    op.create_index("ix_events_country_date", "events", ["country", "event_date"])


def downgrade() -> None:
    """Drop them."""
    op.drop_index("ix_events_country_date", table_name="events")
    op.drop_index("ix_events_area_date", table_name="events")
