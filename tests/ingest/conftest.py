"""Ingest fixtures: a hostile HTTP server on 127.0.0.1 (:mod:`hostile_http`), and store URLs on SQLite and PostgreSQL.

PostgreSQL runs are marked ``postgres`` and need ``RASD_TEST_PG_URL``
(``eval "$(bash scripts/ci/postgres.sh)"``).
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from hostile_http import HostileServer
from store_factories import BACKENDS, empty_pg_url


@pytest.fixture
def hostile() -> Iterator[HostileServer]:
    server = HostileServer()
    thread = threading.Thread(target=server.httpd.serve_forever, daemon=True)
    thread.start()
    yield server
    server.httpd.shutdown()
    server.httpd.server_close()


@pytest.fixture(params=BACKENDS)
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """An empty database that several processes can open: a SQLite file, or PostgreSQL when available."""
    return empty_pg_url() if request.param == "postgres" else f"sqlite:///{tmp_path / 'ingest.db'}"
