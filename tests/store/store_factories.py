"""Factories for store tests: an airstrike report and a document record, each with overridable fields, and a fresh store per backend.

The ``store`` fixture here runs a test on SQLite and on PostgreSQL; the conftests of tests/store, tests/alerts,
tests/export and tests/trends import it.
"""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest

from rasd.model import Event, Span
from rasd.store import DocumentInput, Store, open_store


def strike(**kw: object) -> Event:
    """An airstrike report on Jabalia (Gaza), 2023-10-10, 5 killed: change what a test needs."""
    base: dict[str, object] = {
        "event_date": "2023-10-10", "time_precision": 1, "disorder_type": "Political violence",
        "event_type": "Explosions/Remote violence", "sub_event_type": "Air/drone strike",
        "actor1": "Military Forces of Israel (2022-)", "inter1": 8, "actor2": "Civilians (Palestine)", "inter2": 7,
        "country": "Palestine", "admin1": "Gaza Strip", "admin2": "North Gaza", "location": "Jabalia",
        "latitude": 31.5272, "longitude": 34.4835, "geo_precision": 1, "fatalities": 5, "injuries": 12,
        "notes": "On 10 October 2023, an Israeli airstrike hit Jabalia.", "confidence": 0.8,
        "evidence": {"fatalities": [Span(0, 4, "خمسة")]},
    }
    base.update(kw)
    return Event(**base)  # type: ignore[arg-type]


def doc(key: str, text: str = "غارة جوية على جباليا أدت إلى مقتل خمسة", *, sha: str | None = None, version: str = "t1", source: str | None = None, published: str = "2023-10-10") -> DocumentInput:
    """A document record for ``key`` (its hash derives from the text unless given)."""
    import hashlib

    return DocumentInput(
        doc_key=key, raw_sha256=sha or hashlib.sha256(text.encode()).hexdigest(), text=text, extraction_version=version,
        title=text.split("\n")[0][:40], source=source or f"outlet-{key}", published=published, origin=f"{key}.txt",
    )


PG_URL = os.environ.get("RASD_TEST_PG_URL")
PG_SKIP = 'RASD_TEST_PG_URL is not set; start PostgreSQL with: eval "$(bash scripts/ci/postgres.sh)"'
#: The backends a store-level test runs on: in-memory SQLite, and PostgreSQL (marked ``postgres``) when available.
BACKENDS = ["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)]


def empty_pg_url() -> str:
    """``$RASD_TEST_PG_URL`` with its public schema dropped and created again (each test starts from nothing)."""
    if not PG_URL:
        pytest.skip(PG_SKIP)
    from sqlalchemy import create_engine, text

    engine = create_engine(PG_URL)
    with engine.begin() as conn:
        conn.execute(text("DROP SCHEMA public CASCADE"))
        conn.execute(text("CREATE SCHEMA public"))
    engine.dispose()
    return PG_URL


def fresh_store(backend: str) -> Store:
    """An empty, migrated store: in-memory SQLite, or PostgreSQL in an emptied schema."""
    return open_store(":memory:" if backend == "sqlite" else empty_pg_url())


@pytest.fixture(params=BACKENDS)
def store(request: pytest.FixtureRequest) -> Iterator[Store]:
    """An empty, migrated store on each backend; a folder's conftest imports it to run its tests on both."""
    s = fresh_store(request.param)
    try:
        yield s
    finally:
        s.close()
