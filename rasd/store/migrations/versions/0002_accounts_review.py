"""Accounts, sessions, API tokens and review workflow tables (issue 6: web app and API).

Revision ID: 0002
Revises: 0001

The review workflow itself needs no new table: every approval, correction,
split and merge is a ``review_history`` row (migration 0001). This adds who
may make them (see :mod:`rasd.store.accounts`).
"""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Create ``users``, ``user_sessions`` and ``api_tokens``."""
    op.create_table(
        "users",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=120), nullable=False),
        sa.Column("password_hash", sa.Text(), nullable=False),
        sa.Column("role", sa.String(length=20), nullable=False),
        sa.Column("disabled", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("name"),
    )
    for table in ("user_sessions", "api_tokens"):
        extra: list[sa.Column[Any]] = (
            [sa.Column("csrf", sa.String(length=64), nullable=False), sa.Column("created_at", sa.DateTime(), nullable=False),
             sa.Column("expires_at", sa.DateTime(), nullable=False)]
            if table == "user_sessions"
            else [sa.Column("label", sa.String(length=120), nullable=True), sa.Column("created_at", sa.DateTime(), nullable=False),
                  sa.Column("last_used_at", sa.DateTime(), nullable=True)]
        )
        op.create_table(
            table,
            sa.Column("id", sa.Integer(), nullable=False),
            sa.Column("token_hash", sa.String(length=64), nullable=False),
            sa.Column("user_id", sa.Integer(), nullable=False),
            *extra,
            sa.ForeignKeyConstraint(["user_id"], ["users.id"], ondelete="CASCADE"),
            sa.PrimaryKeyConstraint("id"),
            sa.UniqueConstraint("token_hash"),
        )
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.create_index(batch_op.f(f"ix_{table}_user_id"), ["user_id"], unique=False)


def downgrade() -> None:
    """Drop the account tables (the audit trail keeps reviewers' names as text)."""
    for table in ("api_tokens", "user_sessions"):
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.drop_index(batch_op.f(f"ix_{table}_user_id"))
        op.drop_table(table)
    op.drop_table("users")
