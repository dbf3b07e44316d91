"""Gzip once, and keep the answers of the busiest reads: events, the map's GeoJSON and cells, statistics, facets, the register.

Many clients ask the same questions, so a finished ``200`` answer is kept,
keyed on the path and the normalised query string, and served again while
the data is unchanged.

"Unchanged" is SQLite's ``PRAGMA data_version`` read on a connection of the
cache's own that never writes: it moves whenever any other connection —
this server's review routes, another worker, a ``rasd ingest`` in another
process — commits. On PostgreSQL it is the server's current snapshot, which
every commit moves (:class:`SnapshotVersion`). It is read before the request
runs, so an answer is only ever stored under a version at least as old as
the data it shows, and a write is visible on the very next read. An
in-memory store has no such version: nothing is kept, answers are still gzipped.

Answers are gzipped once, at level 1 with ISA-L's igzip when the ``isal``
package is installed (a 400 KB map view in 0.14 ms; zlib takes 0.85 ms):
a client that accepts gzip — every browser — gets those bytes, kept or
not, and others get them inflated. Kept answers stay gzipped, so eight
times more fit.

The cache sits in front of FastAPI as plain ASGI and keeps only what does
not depend on who asks: public reads (the default) without an
``Authorization`` header, so a wrong API token is still refused.
"""

from __future__ import annotations

import gzip
import sqlite3
import threading
import zlib
from collections import OrderedDict
from collections.abc import Hashable
from dataclasses import dataclass
from typing import Any
from urllib.parse import parse_qsl, urlencode

from sqlalchemy import Connection, Engine, create_engine
from sqlalchemy.engine import make_url
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.pool import NullPool

try:
    from isal import igzip as _igzip
except ImportError:  # the web extra installs it; plain zlib does the same job slower
    _igzip = None  # type: ignore[assignment]

__all__ = ["CACHED_PATHS", "DataVersion", "ResponseCache", "SnapshotVersion", "Version", "data_version", "gzip_bytes"]

# The busiest reads, and the casualty register: grouping a big register into people takes seconds
CACHED_PATHS = frozenset({
    "/api/v1/events", "/api/v1/events.geojson", "/api/v1/events.grid", "/api/v1/stats", "/api/v1/facets", "/api/v1/casualties",
})
MAX_BYTES = 64 * 2**20  # gzipped, per worker process: a thousand or more map views
MAX_ENTRY = 8 * 2**20  # a 20,000-feature GeoJSON is about this; larger answers are rebuilt
VARY = (b"vary", b"accept-encoding")


class DataVersion:
    """``PRAGMA data_version`` of a SQLite file, on a read-only connection used for nothing else.

    The connection opens on first use (so in each worker process, after the fork) and again after
    :meth:`close`; numbers from two connections do not compare, so each opening starts a new generation.
    """

    def __init__(self, path: str) -> None:
        self.path = path
        self._conn: sqlite3.Connection | None = None
        self._generation = 0
        self._lock = threading.Lock()  # the event loop calls it; a lock keeps a stray thread safe too

    def __call__(self) -> Hashable:
        """The current version: different from the last one whenever another connection has committed."""
        with self._lock:
            if self._conn is None:
                self._conn = sqlite3.connect(self.path, check_same_thread=False, isolation_level=None)
                self._conn.execute("PRAGMA query_only=ON")
                self._generation += 1
            return self._generation, int(self._conn.execute("PRAGMA data_version").fetchone()[0])

    def close(self) -> None:
        """Close the connection (at app shutdown)."""
        with self._lock:
            if self._conn is not None:
                self._conn.close()
                self._conn = None


class SnapshotVersion:
    """PostgreSQL's current snapshot (``xmin:xmax:xip``), read outside any transaction.

    Every commit of a writing transaction moves it: the transaction's id either
    becomes the latest completed one (``xmax`` grows) or leaves the in-progress
    list. It is read before the request's own query, so, as with SQLite, an
    answer is kept under a version no newer than its data, and a write shows on
    the next read. Writes elsewhere on the server move it too: the cache then
    empties for nothing, never serves stale data.
    """

    def __init__(self, url: str) -> None:
        self.url = url
        self._engine: Engine | None = None
        self._conn: Connection | None = None
        self._sql = ""
        self._lock = threading.Lock()

    def __call__(self) -> Hashable:
        """The snapshot as text ("1234:1240:1236,1238"); a fresh object, equal to nothing, while the server is away."""
        with self._lock:
            try:
                if self._conn is None:
                    self._engine = create_engine(self.url, poolclass=NullPool, isolation_level="AUTOCOMMIT")
                    self._conn = self._engine.connect()
                    modern = int(self._conn.exec_driver_sql("SHOW server_version_num").scalar_one()) >= 130000
                    self._sql = "SELECT pg_current_snapshot()::text" if modern else "SELECT txid_current_snapshot()::text"
                return str(self._conn.exec_driver_sql(self._sql).scalar_one())
            except SQLAlchemyError:  # a restart or a dropped connection: keep nothing, reconnect next time
                self._drop()
                return object()

    def close(self) -> None:
        """Close the connection (at app shutdown)."""
        with self._lock:
            self._drop()

    def _drop(self) -> None:
        if self._conn is not None:
            try:
                self._conn.close()
            except SQLAlchemyError:
                pass  # already broken
            self._conn = None
        if self._engine is not None:
            self._engine.dispose()
            self._engine = None


Version = DataVersion | SnapshotVersion


def data_version(url: str) -> Version | None:
    """How to tell that the data changed: SQLite's data version, PostgreSQL's snapshot; ``None`` for an in-memory store."""
    parsed = make_url(url)
    backend = parsed.get_backend_name()
    if backend == "postgresql":
        return SnapshotVersion(url)
    if backend != "sqlite" or parsed.database in (None, "", ":memory:"):
        return None
    return DataVersion(parsed.database)


def _key(scope: dict[str, Any]) -> str:
    """The path and its parameters sorted by name (values of one name keep their order: the last one wins)."""
    pairs = parse_qsl(scope["query_string"].decode("latin-1"), keep_blank_values=True)
    return scope["path"] + "?" + urlencode(sorted(pairs, key=lambda kv: kv[0]))


def _accepts_gzip(scope: dict[str, Any]) -> bool:
    """Whether the client's ``Accept-Encoding`` allows gzip (``gzip;q=0`` refuses it)."""
    for name, value in scope["headers"]:
        if name == b"accept-encoding":
            for part in value.decode("latin-1").lower().split(","):
                coding, _, params = part.partition(";")
                if coding.strip() in ("gzip", "*"):
                    return params.replace(" ", "") not in ("q=0", "q=0.0", "q=0.00", "q=0.000")
    return False


def gzip_bytes(body: bytes) -> bytes:
    """``body`` gzipped fast: ISA-L's igzip (the ``isal`` package, ~6× zlib at a better ratio) when installed."""
    if _igzip is not None:
        return _igzip.compress(body, 1, mtime=0)
    return gzip.compress(body, compresslevel=1, mtime=0)


@dataclass(frozen=True, slots=True)
class _Entry:
    """A finished answer, gzipped: eight times more answers fit, and browsers take it as it is."""

    headers: list[tuple[bytes, bytes]]
    gzipped: bytes

    def send_as(self, gzip_ok: bool) -> tuple[list[tuple[bytes, bytes]], bytes]:
        """Headers and body for a client that does or does not accept gzip."""
        if not gzip_ok:
            return _plain(self.headers, zlib.decompress(self.gzipped, wbits=31))
        extra = [(b"content-encoding", b"gzip"), (b"content-length", str(len(self.gzipped)).encode())]
        return self.headers + extra, self.gzipped


def _plain(headers: list[tuple[bytes, bytes]], body: bytes) -> tuple[list[tuple[bytes, bytes]], bytes]:
    return headers + [(b"content-length", str(len(body)).encode())], body


class ResponseCache:
    """Pure ASGI middleware: gzip the busiest reads once, and serve a kept answer while the data version holds.

    Without a version (an in-memory store) answers are still gzipped for clients that
    accept it, but nothing is kept. Least recently used answers go first once
    ``max_bytes`` (compressed) is reached; the whole cache empties when the version moves.
    """

    def __init__(self, app: Any, *, version: Version | None, public_read: bool, max_bytes: int = MAX_BYTES) -> None:
        self.app = app
        self.version = version
        self.public_read = public_read
        self.max_bytes = max_bytes
        self._entries: OrderedDict[str, _Entry] = OrderedDict()
        self._bytes = 0
        self._at: Hashable | None = None

    def __len__(self) -> int:
        """How many answers are kept."""
        return len(self._entries)

    def _cacheable(self, scope: dict[str, Any]) -> bool:
        if self.version is None or not self.public_read:
            return False
        return not any(name == b"authorization" for name, _ in scope["headers"])

    def _current(self) -> Hashable:
        assert self.version is not None
        now = self.version()
        if now != self._at:
            self._entries.clear()
            self._bytes, self._at = 0, now
        return now

    async def __call__(self, scope: dict[str, Any], receive: Any, send: Any) -> None:
        if scope["type"] != "http" or scope["method"] != "GET" or scope["path"] not in CACHED_PATHS:
            await self.app(scope, receive, send)
            return
        gzip_ok = _accepts_gzip(scope)
        at = self._current() if self._cacheable(scope) else None
        key = _key(scope)
        hit = self._entries.get(key) if at is not None else None
        if hit is not None:
            self._entries.move_to_end(key)
            await self._send(send, 200, *hit.send_as(gzip_ok))
            return
        started: dict[str, Any] = {}
        chunks: list[bytes] = []

        async def finish(message: dict[str, Any]) -> None:
            if message["type"] == "http.response.start":
                started.update(message)  # held back until the body is complete: its length and encoding are not known yet
                return
            if message["type"] != "http.response.body":
                await send(message)
                return
            chunks.append(message.get("body", b""))
            if message.get("more_body"):
                return
            status, body = started["status"], b"".join(chunks)
            headers = [(name, value) for name, value in started.get("headers", []) if name.lower() != b"content-length"]
            if status != 200:
                await self._send(send, status, *_plain(headers, body))
                return
            headers.append(VARY)
            if at is None and not gzip_ok:
                await self._send(send, status, *_plain(headers, body))
                return
            entry = _Entry(headers, gzip_bytes(body))
            if at is not None:
                self._store(at, key, entry, len(body))
            await self._send(send, status, *entry.send_as(gzip_ok))

        await self.app(scope, receive, finish)

    @staticmethod
    async def _send(send: Any, status: int, headers: list[tuple[bytes, bytes]], body: bytes) -> None:
        await send({"type": "http.response.start", "status": status, "headers": headers})
        await send({"type": "http.response.body", "body": body})

    def _store(self, at: Hashable, key: str, entry: _Entry, size: int) -> None:
        if at != self._at or size > MAX_ENTRY:
            return  # the data moved on while this answer was built, or it is too big to keep
        old = self._entries.pop(key, None)
        if old is not None:
            self._bytes -= len(old.gzipped)
        self._entries[key] = entry
        self._bytes += len(entry.gzipped)
        while self._bytes > self.max_bytes and self._entries:
            _, dropped = self._entries.popitem(last=False)
            self._bytes -= len(dropped.gzipped)
