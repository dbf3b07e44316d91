"""API test fixtures: one real server for the session, and fresh stores for tests that change data."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from apikit import BackendSite, Site, populate, running_site
from fastapi.testclient import TestClient
from store_factories import BACKENDS, empty_pg_url

from rasd.api import create_app
from rasd.store import Store, open_store


@pytest.fixture(scope="session")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Site]:
    """The shared server (uvicorn on 127.0.0.1) over a populated SQLite file."""
    with running_site(tmp_path_factory.mktemp("site") / "rasd.db") as s:
        yield s


@pytest.fixture
def http(site: Site) -> Iterator[httpx.Client]:
    """An anonymous client of the shared server."""
    with httpx.Client(base_url=site.url, timeout=30) as client:
        yield client


@pytest.fixture
def fresh() -> Iterator[tuple[Store, TestClient, dict[str, str], int]]:
    """A new populated in-memory store and a client of its app: for tests that review events."""
    store = open_store(":memory:")
    tokens, xss = populate(store)
    with TestClient(create_app(store)) as client:
        yield store, client, tokens, xss
    store.close()



@pytest.fixture(params=BACKENDS)
def backend_site(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[BackendSite]:
    """A populated store — a SQLite file, or PostgreSQL in an empty schema — its URL, and a client of its app."""
    url = empty_pg_url() if request.param == "postgres" else str(tmp_path / "rasd.db")
    store = open_store(url)
    tokens, _ = populate(store)
    with TestClient(create_app(store)) as client:
        yield url, store, client, tokens
    store.close()
