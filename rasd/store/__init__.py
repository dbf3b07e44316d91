"""The event store: documents, events merged from many reports, actors, sources and dead letters.

    >>> from rasd.store import EventFilter, open_store
    >>> store = open_store("events.db")          # or a postgresql+psycopg:// URL, or $RASD_DB
    >>> store.events(EventFilter.parse({"admin1": "Gaza Strip", "event_type": "Explosions/Remote violence", "date_from": "2023-10"}))

SQLite (WAL) is the embedded default; PostgreSQL works with the same code
and the same Alembic migrations (``pip install 'rasd[postgres]'``).
"""

from __future__ import annotations

from rasd.store import accounts as _accounts  # noqa: F401  (its tables join the schema)
from rasd.store import alerts_models as _alerts_models  # noqa: F401  (its tables join the schema)
from rasd.store import audit as _audit  # noqa: F401  (its tables join the schema)
from rasd.store import gazetteer as _gazetteer  # noqa: F401  (its table joins the schema)
from rasd.store.documents import DocumentInput, SaveOutcome
from rasd.store.engine import default_db_path, resolve_url
from rasd.store.errors import StoreError
from rasd.store.failures import Failure
from rasd.store.filters import EventFilter
from rasd.store.search import SearchHit
from rasd.store.sources import SourceInfo
from rasd.store.store import DocumentState, Store, open_store

__all__ = [
    "DocumentInput",
    "DocumentState",
    "EventFilter",
    "Failure",
    "SaveOutcome",
    "SearchHit",
    "SourceInfo",
    "Store",
    "StoreError",
    "default_db_path",
    "open_store",
    "resolve_url",
]
