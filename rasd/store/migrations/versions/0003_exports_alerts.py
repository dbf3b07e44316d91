"""Subscriptions, alert deliveries, casualty register and tags (issue 7: exports and alerts).

Revision ID: 0003
Revises: 0002
"""

from __future__ import annotations

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Filled in by the exports/alerts work."""


def downgrade() -> None:
    """Filled in by the exports/alerts work."""
