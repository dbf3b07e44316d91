"""Store fixtures: every store test runs on in-memory SQLite, and on PostgreSQL when it is available.

PostgreSQL runs are marked ``postgres`` and need ``RASD_TEST_PG_URL``; start a
throwaway server with ``eval "$(bash scripts/ci/postgres.sh)"``. Each test
gets an empty schema (dropped and migrated again).
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from store_factories import fresh_store

from rasd.store import Store


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def store(request: pytest.FixtureRequest) -> Iterator[Store]:
    """An empty, migrated store on each backend."""
    s = fresh_store(request.param)
    try:
        yield s
    finally:
        s.close()
