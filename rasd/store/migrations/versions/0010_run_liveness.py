"""Ingest runs say where they run and when they last showed life (issue 16).

Revision ID: 0010
Revises: 0009

``ingest_runs`` gains ``pid`` and ``host`` (the process running it, until
then kept in ``counts``) and ``heartbeat_at``: a running run's process
writes it every half minute, so a run whose heartbeat stopped — killed on
any host — can be told from one still working (:mod:`rasd.store.runs`).
Runs still ``running`` keep their pid and host from ``counts``, and their
start as their last heartbeat.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Add ``pid``, ``host`` and ``heartbeat_at``; fill them in for running runs."""
    with op.batch_alter_table("ingest_runs") as batch:
        batch.add_column(sa.Column("pid", sa.Integer(), nullable=True))
        batch.add_column(sa.Column("host", sa.String(length=255), nullable=True))
        batch.add_column(sa.Column("heartbeat_at", sa.DateTime(), nullable=True))
    runs = sa.table(
        "ingest_runs", sa.column("id", sa.Integer()), sa.column("status", sa.String()), sa.column("counts", sa.JSON()),
        sa.column("started_at", sa.DateTime()), sa.column("pid", sa.Integer()), sa.column("host", sa.String()),
        sa.column("heartbeat_at", sa.DateTime()),
    )
    conn = op.get_bind()
    for r in conn.execute(sa.select(runs.c.id, runs.c.counts, runs.c.started_at).where(runs.c.status == "running")).all():
        counts = r.counts if isinstance(r.counts, dict) else {}
        pid = counts.get("pid") if isinstance(counts.get("pid"), int) else None
        conn.execute(sa.update(runs).where(runs.c.id == r.id).values(pid=pid, host=counts.get("host"), heartbeat_at=r.started_at))


def downgrade() -> None:
    """Drop the three columns."""
    with op.batch_alter_table("ingest_runs") as batch:
        batch.drop_column("heartbeat_at")
        batch.drop_column("host")
        batch.drop_column("pid")
