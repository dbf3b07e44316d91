"""The :class:`Store`: one object for everything the rest of Rasd asks of the database.

It owns the engine and the transaction boundaries — one short transaction
per document, per dead letter, per review — and translates every
SQLAlchemy error into :class:`~rasd.store.errors.StoreError` with ``raise …
from``, so callers (the ingest run, the CLI) deal with Rasd's errors only.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from datetime import timedelta
from dataclasses import dataclass
from typing import Any, Self

from sqlalchemy import Connection, Engine, func, select, text, update
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.pool import StaticPool

from rasd.clock import now
from rasd.model import ActorFact, Event, interaction_code
from rasd.store import engine as _engine
from rasd.store import failures, gazetteer, review, runs, search, sources
from rasd.store.documents import (
    EVENT_COLUMNS,
    DocumentInput,
    SaveOutcome,
    save_document,
)
from rasd.store.errors import StoreError
from rasd.store.filters import EventFilter
from rasd.store.models import (
    REVIEW_STATUSES,
    Actor,
    Base,
    Document,
    table_of,
)
from rasd.store.models import Event as EventRow
from rasd.store.sources import SourceInfo

__all__ = ["DocumentState", "Store", "open_store"]

A, D, E = table_of(Actor), table_of(Document), table_of(EventRow)
#: What :meth:`Store.events` lists unless told otherwise: every event, whatever its review status.
EVERY_EVENT = EventFilter(review_status=REVIEW_STATUSES)


@dataclass(frozen=True, slots=True)
class DocumentState:
    """What the store already has for a document key: enough to decide new / unchanged / changed."""

    id: int
    raw_sha256: str
    extraction_version: str


#: The PostgreSQL advisory lock every document save takes (an arbitrary constant: "rasd" in ASCII).
_SAVE_LOCK = 0x72617364


def _document_state(conn: Connection, doc_key: str) -> DocumentState | None:
    r = conn.execute(select(D.c.id, D.c.raw_sha256, D.c.extraction_version).where(D.c.doc_key == doc_key)).first()
    return DocumentState(r.id, r.raw_sha256, r.extraction_version) if r else None


class Store:
    """A Rasd database (SQLite or PostgreSQL). Use :func:`open_store` to get one."""

    def __init__(self, url: str) -> None:
        self.url = url
        self.engine: Engine = _engine.make_engine(url)
        self._caches: dict[str, dict[Any, int]] = {}
        self._heartbeats: dict[int, runs.Heartbeat] = {}

    # -- plumbing -----------------------------------------------------------
    @contextmanager
    def transaction(self, what: str = "write") -> Iterator[Connection]:
        """One transaction; any database error is re-raised as :class:`StoreError`."""
        try:
            with self.engine.begin() as conn:
                yield conn
        except SQLAlchemyError as exc:
            self._caches.clear()  # ids cached during a rolled-back transaction may not exist
            raise StoreError(f"{what} failed: {exc.__class__.__name__}: {_short(exc)}", source=_engine.redact(self.url)) from exc
        except BaseException:
            self._caches.clear()
            raise

    def migrate(self) -> None:
        """Create or upgrade the schema (``rasd db init`` / ``rasd db upgrade``)."""
        _engine.migrate(self.engine)

    def revision(self) -> str | None:
        """The schema revision the database is at."""
        return _engine.current_revision(self.engine)

    def close(self) -> None:
        """Release connections (the file stays)."""
        self.engine.dispose()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- documents ----------------------------------------------------------
    def document_state(self, doc_key: str) -> DocumentState | None:
        """What is stored under ``doc_key``, or ``None`` for a new document."""
        with self.transaction("lookup") as conn:
            return _document_state(conn, doc_key)

    def save(
        self, doc: DocumentInput, events: Sequence[Event], facts: Iterable[ActorFact] = (), *, skip_unchanged: bool = False,
    ) -> SaveOutcome:
        """Write one document and its events in one transaction (all or nothing).

        Writers queue for the whole transaction (SQLite: ``BEGIN IMMEDIATE``;
        PostgreSQL: a transaction-scoped advisory lock), so the events a
        concurrent run just stored are seen when merging. With
        ``skip_unchanged``, a document stored meanwhile with the same content and
        extraction version is left alone (status ``"unchanged"``, nothing written):
        two runs over the same input do the work once.
        """
        with self.transaction(f"saving {doc.doc_key}") as conn:
            if conn.dialect.name == "postgresql":
                conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": _SAVE_LOCK})
            if skip_unchanged:
                state = _document_state(conn, doc.doc_key)
                if state is not None and (state.raw_sha256, state.extraction_version) == (doc.raw_sha256, doc.extraction_version):
                    return SaveOutcome(state.id, "unchanged")
            return save_document(conn, doc, events, facts, caches=self._caches)

    # -- dead letters -------------------------------------------------------
    def add_failure(self, *, origin: str, reason: str, source: str | None = None, payload: bytes | None = None) -> int:
        """Record input that could not be ingested (its own transaction)."""
        with self.transaction("recording a failure") as conn:
            return failures.add_failure(conn, origin=origin, reason=reason, source=source, payload=payload, at=now())

    def failures(self, *, include_resolved: bool = False, ids: Sequence[int] = (), limit: int | None = None) -> list[failures.Failure]:
        """Dead letters, oldest first."""
        with self.transaction("listing failures") as conn:
            return failures.list_failures(conn, include_resolved=include_resolved, ids=ids, limit=limit)

    def failure_payload(self, failure_id: int) -> bytes | None:
        """The raw bytes kept with a dead letter."""
        with self.transaction("reading a failure") as conn:
            return failures.payload_of(conn, failure_id)

    def mark_retried(self, failure_id: int, *, resolved: bool, reason: str | None = None) -> None:
        """Count a retry of a dead letter and resolve it if it went through."""
        with self.transaction("updating a failure") as conn:
            failures.mark_retried(conn, failure_id, resolved=resolved, reason=reason, at=now())

    # -- sources ------------------------------------------------------------
    def add_source(self, name: str, url: str | None, **kwargs: Any) -> int:
        """Add a source (see :func:`rasd.store.sources.add_source`)."""
        with self.transaction("adding a source") as conn:
            return sources.add_source(conn, name=name, url=url, at=now(), **kwargs)

    def sources(self, *, enabled_only: bool = False) -> list[SourceInfo]:
        """Configured sources by name."""
        with self.transaction("listing sources") as conn:
            return sources.list_sources(conn, enabled_only=enabled_only)

    def source(self, name: str) -> SourceInfo | None:
        """The source called ``name``."""
        with self.transaction("reading a source") as conn:
            return sources.get_source(conn, name)

    def record_poll(self, source_id: int, *, etag: str | None = None, last_modified: str | None = None) -> None:
        """Remember a poll and the validators for the next conditional GET."""
        with self.transaction("recording a poll") as conn:
            sources.record_poll(conn, source_id, at=now(), etag=etag, last_modified=last_modified)

    # -- reading ------------------------------------------------------------
    def search(self, query: str, *, limit: int = 20) -> list[search.SearchHit]:
        """Documents containing every term of ``query`` (Arabic folded)."""
        with self.transaction("searching") as conn:
            return search.search_documents(conn, query, limit=limit)

    def events(self, f: EventFilter = EVERY_EVENT, *, limit: int = 100, offset: int = 0) -> list[dict[str, Any]]:
        """Events ``f`` selects (:class:`~rasd.store.filters.EventFilter`; by default every event, rejected ones too), newest first."""
        q = select(E).where(*f.conditions(self.engine.dialect.name))
        q = q.order_by(E.c.event_date.desc(), E.c.id.desc()).limit(limit).offset(offset)
        with self.transaction("querying events") as conn:
            return [dict(r._mapping) for r in conn.execute(q)]

    def event_reports(self, event_id: int) -> list[dict[str, Any]]:
        """Each report of an event: its document and that report's own figures."""
        from rasd.store.models import EventSource

        ES = table_of(EventSource)
        q = (
            select(ES.c.document_id, D.c.doc_key, D.c.source, D.c.published, ES.c.fatalities, ES.c.fatalities_known, ES.c.injuries, ES.c.injuries_known)
            .join(D, D.c.id == ES.c.document_id).where(ES.c.event_id == event_id).order_by(ES.c.id)
        )
        with self.transaction("reading reports") as conn:
            return [dict(r._mapping) for r in conn.execute(q)]

    def counts(self) -> dict[str, int]:
        """Rows per table, for ``rasd db info`` and tests."""
        out: dict[str, int] = {}
        with self.transaction("counting") as conn:
            for name, table in Base.metadata.tables.items():
                out[name] = int(conn.execute(select(func.count()).select_from(table)).scalar() or 0)
        return out

    # -- review -------------------------------------------------------------
    def review(
        self, event_id: int, status: str, *, reviewer: str, changes: Mapping[str, Any] | None = None, comment: str | None = None,
        new_place: str | None = None,
    ) -> None:
        """Approve, correct or reject an event, keeping its fields before and after in the audit trail.

        Once reviewed, an event is never recomputed by later ingests. A review that places an event
        the gazetteer could not (or ``new_place``, the kind of a place the reviewer adds) adds the
        place to the store's gazetteer (:func:`rasd.store.gazetteer.learn_from_review`).
        """
        if status not in REVIEW_STATUSES:
            raise StoreError(f"unknown review status {status!r}; one of {', '.join(REVIEW_STATUSES)}")
        bad = set(changes or {}) - set(EVENT_COLUMNS)
        if bad:
            raise StoreError(f"not event fields: {', '.join(sorted(bad))}")
        with self.transaction("reviewing an event") as conn:
            before = review.snapshot(conn, event_id)
            values = dict(changes or {})
            values.update(_actor_codes(conn, before, values))
            values.update(review_status=status, updated_at=now())
            conn.execute(update(E).where(E.c.id == event_id).values(**values))
            gazetteer.learn_from_review(conn, event_id, before, reviewer, new_place=new_place)
            review.log_review(conn, event_id, reviewer=reviewer, action=status, before=before, comment=comment, at=now())

    def split(
        self, event_id: int, *, reviewer: str, report_ids: Sequence[int] = (), changes: Mapping[str, Any] | None = None,
        comment: str | None = None,
    ) -> int:
        """Make a second event out of one, moving ``report_ids`` to it (or sharing every report); returns its id (:func:`rasd.store.review.split`)."""
        bad = set(changes or {}) - set(EVENT_COLUMNS)
        if bad:
            raise StoreError(f"not event fields: {', '.join(sorted(bad))}")
        with self.transaction("splitting an event") as conn:
            return review.split(conn, event_id, reviewer=reviewer, at=now(), report_ids=report_ids, changes=changes, comment=comment)

    def merge(self, event_id: int, others: Sequence[int], *, reviewer: str, comment: str | None = None) -> None:
        """Join duplicate events ``others`` into ``event_id``; they are rejected as duplicates (:func:`rasd.store.review.merge`)."""
        with self.transaction("merging events") as conn:
            review.merge(conn, event_id, others, reviewer=reviewer, at=now(), comment=comment)

    # -- runs ---------------------------------------------------------------
    def start_run(self, inputs: Sequence[str]) -> int:
        """Record the start of an ingest run, which beats until it finishes; killed runs are marked interrupted (:mod:`rasd.store.runs`)."""
        with self.transaction("recording a run") as conn:
            run_id = runs.start_run(conn, inputs, at=now())
        if not isinstance(self.engine.pool, StaticPool):  # an in-memory store: one connection, and no other process sees it
            self._heartbeats[run_id] = runs.Heartbeat(lambda: self.beat_run(run_id))
        return run_id

    def beat_run(self, run_id: int) -> None:
        """A running run's sign of life (its :class:`~rasd.store.runs.Heartbeat` calls this)."""
        with self.transaction("recording a run's heartbeat") as conn:
            runs.beat(conn, run_id, at=now())

    def finish_run(self, run_id: int, counts: Mapping[str, Any], status: str = "done") -> None:
        """Record a run's summary."""
        if heartbeat := self._heartbeats.pop(run_id, None):
            heartbeat.stop()
        with self.transaction("recording a run") as conn:
            runs.finish_run(conn, run_id, counts, status=status, at=now())

    def mark_interrupted_runs(self, stale_after: timedelta = runs.STALE_AFTER) -> list[int]:
        """Mark killed runs ``interrupted`` now (``rasd db runs --mark-interrupted``); returns their ids."""
        with self.transaction("marking interrupted runs") as conn:
            return runs.mark_interrupted(conn, at=now(), stale_after=stale_after)

    def runs(self, *, limit: int = 20, status: str | None = None) -> list[dict[str, Any]]:
        """The latest ingest runs, newest first."""
        with self.transaction("listing runs") as conn:
            return runs.list_runs(conn, limit=limit, status=status)


def _actor_codes(conn: Connection, before: Mapping[str, Any], changes: Mapping[str, Any]) -> dict[str, Any]:
    """A reviewer who picks another actor changes its ACLED inter code and the interaction with it.

    The code comes from the actors table (every actor Rasd has coded); a name it does not know, or a
    code the reviewer set explicitly, is left alone.
    """
    out: dict[str, Any] = {}
    for actor, inter in (("actor1", "inter1"), ("actor2", "inter2")):
        if actor not in changes or inter in changes:
            continue
        name = changes[actor]
        code = conn.execute(select(A.c.inter).where(A.c.name == name)).scalar() if name else None
        if code is not None or not name:
            out[inter] = code
    if out and "interaction" not in changes:
        out["interaction"] = interaction_code(out.get("inter1", before.get("inter1")), out.get("inter2", before.get("inter2")))
    return out


def _short(exc: SQLAlchemyError) -> str:
    return str(getattr(exc, "orig", None) or exc).splitlines()[0][:300]


def open_store(db: str | None = None, *, migrate: bool = True) -> Store:
    """Open the store at ``db`` (URL or path; ``$RASD_DB``; the default file), creating its schema.

    ``migrate=False`` opens without touching the schema (``rasd db info``).
    """
    store = Store(_engine.resolve_url(db))
    if migrate:
        store.migrate()
    return store
