"""The migrations create what the models describe, on both backends, and run again harmlessly."""

from __future__ import annotations

from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import inspect

from rasd.store import Store
from rasd.store.engine import head_revision
from rasd.store.models import Base

TABLES = {
    "documents", "events", "event_sources", "evidence_spans", "actors", "actor_aliases", "actor_facts",
    "places", "sources", "review_history", "dead_letters", "ingest_runs", "documents_fts",
}


def test_migrations_create_every_table(store: Store) -> None:
    with store.engine.connect() as conn:
        names = set(inspect(conn).get_table_names())
    assert TABLES <= names
    assert store.revision() == head_revision()


def test_models_match_the_migrations(store: Store) -> None:
    with store.engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn, opts={"compare_type": True}), Base.metadata)
    # The search table is dialect-specific and deliberately not a model.
    diff = [d for d in diff if "documents_fts" not in repr(d)]
    assert diff == []


def test_migrate_twice_is_harmless(store: Store) -> None:
    store.migrate()
    assert store.revision() == head_revision()


def test_event_indexes_serve_area_type_date_queries(store: Store) -> None:
    with store.engine.connect() as conn:
        indexes = {i["name"]: i["column_names"] for i in inspect(conn).get_indexes("events")}
    assert indexes["ix_events_area_type_date"] == ["admin1", "event_type", "event_date"]
