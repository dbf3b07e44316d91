"""Migration 0012: subscriptions stored with the old plural keys read as the event filter afterwards, on SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest
from sqlalchemy import insert, select
from store_factories import BACKENDS, empty_pg_url

from rasd.alerts.match import validate_filters
from rasd.store import open_store
from rasd.store.alerts_models import Subscription
from rasd.store.engine import migrate
from rasd.store.models import table_of

SUB = table_of(Subscription)
OLD = {"actors": ["Liwa al-Quds"], "event_types": ["Battles"], "sub_event_types": ["Armed clash"], "admin1": ["Deir ez-Zor"]}


@pytest.mark.parametrize("backend", BACKENDS)
def test_old_keys_become_the_filters(backend: str, tmp_path: Path) -> None:
    store = open_store(empty_pg_url() if backend == "postgres" else str(tmp_path / "rasd.db"), migrate=False)
    try:
        migrate(store.engine, "0011")  # a database from before the rename, with a subscription in the old words
        with store.transaction() as conn:
            conn.execute(insert(SUB).values(name="قديم", channel="email", target="a@example.org", mode="immediate", filters=OLD,
                                            language="ar", active=True, created_at=datetime(2024, 1, 1)))
        store.migrate()
        with store.transaction() as conn:
            [filters] = conn.execute(select(SUB.c.filters)).scalars()
    finally:
        store.close()
    assert filters == {"actor": ["Liwa al-Quds"], "event_type": ["Battles"], "sub_event_type": ["Armed clash"], "admin1": ["Deir ez-Zor"]}
    assert validate_filters(filters) == filters
