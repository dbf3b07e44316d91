"""Accounts, sessions, API tokens and review workflow tables (issue 6: web app and API).

Revision ID: 0002
Revises: 0001
"""

from __future__ import annotations

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Filled in by the web/API work."""


def downgrade() -> None:
    """Filled in by the web/API work."""
