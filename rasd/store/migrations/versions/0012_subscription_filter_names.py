"""Subscription filters say each thing as every other filter does (issue 18): the event filter's field names.

Revision ID: 0012
Revises: 0011

A subscription's filter is now a :class:`rasd.store.filters.EventFilter`,
the filter of the API, exports, trends and the CLI, so its keys are that
filter's: ``actors`` → ``actor``, ``event_types`` → ``event_type``,
``sub_event_types`` → ``sub_event_type`` (what the values mean changes as
the filter documents: an actor is part of a name, in any case). The names
are written here, frozen, not imported: a migration must not change when
the code does.
"""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa
from alembic import op

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None

RENAMED = {"actors": "actor", "event_types": "event_type", "sub_event_types": "sub_event_type"}
SUB = sa.table("subscriptions", sa.column("id", sa.Integer()), sa.column("filters", sa.JSON()))


def _rename(names: dict[str, str]) -> None:
    conn = op.get_bind()
    for sub_id, filters in conn.execute(sa.select(SUB.c.id, SUB.c.filters)).all():
        if isinstance(filters, dict) and set(filters) & set(names):
            renamed: dict[str, Any] = {names.get(str(k), str(k)): v for k, v in filters.items()}
            conn.execute(sa.update(SUB).where(SUB.c.id == sub_id).values(filters=renamed))


def upgrade() -> None:
    """Rename the plural keys of every stored filter."""
    _rename(RENAMED)


def downgrade() -> None:
    """Give stored filters their plural keys back."""
    _rename({new: old for old, new in RENAMED.items()})
