"""Failed logins kept in the store, so every server process shares the login limits (issue 16).

Revision ID: 0011
Revises: 0010

``login_failures`` holds one row per failed login and key — the account
name (``user:…``) and the client address (``client:…``) — with its time;
rows older than the throttle's window are deleted as new ones come
(:mod:`rasd.store.logins`). Indexed by key and time (the count a login
checks) and by time (the clean-up).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Create ``login_failures`` and its indexes."""
    op.create_table(
        "login_failures",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("key", sa.String(length=200), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_login_failures_key_at", "login_failures", ["key", "at"])
    op.create_index("ix_login_failures_at", "login_failures", ["at"])


def downgrade() -> None:
    """Drop ``login_failures``."""
    op.drop_index("ix_login_failures_at", table_name="login_failures")
    op.drop_index("ix_login_failures_key_at", table_name="login_failures")
    op.drop_table("login_failures")
