"""Store fixtures: every store test runs on in-memory SQLite, and on PostgreSQL when it is available.

PostgreSQL runs are marked ``postgres`` and need ``RASD_TEST_PG_URL``; start a
throwaway server with ``eval "$(bash scripts/ci/postgres.sh)"``. Each test
gets an empty schema (dropped and migrated again).
"""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest

from rasd.store import Store, open_store

PG_URL = os.environ.get("RASD_TEST_PG_URL")
PG_SKIP = 'RASD_TEST_PG_URL is not set; start PostgreSQL with: eval "$(bash scripts/ci/postgres.sh)"'


def _fresh_pg() -> Store:
    from sqlalchemy import create_engine, text

    engine = create_engine(PG_URL)  # type: ignore[arg-type]
    with engine.begin() as conn:
        conn.execute(text("DROP SCHEMA public CASCADE"))
        conn.execute(text("CREATE SCHEMA public"))
    engine.dispose()
    return open_store(PG_URL)


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def store(request: pytest.FixtureRequest) -> Iterator[Store]:
    """An empty, migrated store on each backend."""
    if request.param == "postgres":
        if not PG_URL:
            pytest.skip(PG_SKIP)
        s = _fresh_pg()
    else:
        s = open_store(":memory:")
    try:
        yield s
    finally:
        s.close()
