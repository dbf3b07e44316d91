"""Ingest fixtures: a hostile HTTP server on 127.0.0.1 (:mod:`hostile_http`), and store URLs on SQLite and PostgreSQL.

PostgreSQL runs are marked ``postgres`` and need ``RASD_TEST_PG_URL``
(``eval "$(bash scripts/ci/postgres.sh)"``).
"""

from __future__ import annotations

import os
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from hostile_http import HostileServer

PG_URL = os.environ.get("RASD_TEST_PG_URL")


@pytest.fixture
def hostile() -> Iterator[HostileServer]:
    server = HostileServer()
    thread = threading.Thread(target=server.httpd.serve_forever, daemon=True)
    thread.start()
    yield server
    server.httpd.shutdown()
    server.httpd.server_close()


def fresh_pg_url() -> str:
    """``RASD_TEST_PG_URL`` with its public schema emptied (each test starts from nothing)."""
    from sqlalchemy import create_engine, text

    assert PG_URL
    engine = create_engine(PG_URL)
    with engine.begin() as conn:
        conn.execute(text("DROP SCHEMA public CASCADE"))
        conn.execute(text("CREATE SCHEMA public"))
    engine.dispose()
    return PG_URL


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """An empty database that several processes can open: a SQLite file, or PostgreSQL when available."""
    if request.param == "postgres":
        if not PG_URL:
            pytest.skip('RASD_TEST_PG_URL is not set; start PostgreSQL with: eval "$(bash scripts/ci/postgres.sh)"')
        return fresh_pg_url()
    return f"sqlite:///{tmp_path / 'ingest.db'}"
