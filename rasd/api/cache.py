"""A response cache for the busiest reads: the events list, the map's GeoJSON, statistics and facets.

Under load the time of these endpoints goes into building and encoding the
answer (a map view is thousands of features), not into the query, and many
clients ask the same questions. So a finished ``200`` answer is kept, keyed
on the path and the normalised query string, and served again while the
data is unchanged.

"Unchanged" is SQLite's ``PRAGMA data_version`` read on a connection of the
cache's own that never writes: it moves whenever any other connection —
this server's review routes, another worker, a ``rasd ingest`` in another
process — commits. It is read before the request runs, so an answer is only
ever stored under a version at least as old as the data it shows, and a
write is visible on the very next read. Without such a version (PostgreSQL,
an in-memory store) nothing is cached.

Answers are kept gzipped (level 1: a millisecond for a big map view), so
many more fit, and a client that accepts gzip — every browser — gets them
as they are; others get them inflated.

The cache sits in front of FastAPI as plain ASGI and answers only what does
not depend on who asks: public reads (the default) without an
``Authorization`` header, so a wrong API token is still refused.
"""

from __future__ import annotations

import gzip
import sqlite3
import threading
import zlib
from collections import OrderedDict
from dataclasses import dataclass
from typing import Any
from urllib.parse import parse_qsl, urlencode

from sqlalchemy.engine import make_url

__all__ = ["CACHED_PATHS", "DataVersion", "ResponseCache", "data_version"]

CACHED_PATHS = frozenset({"/api/v1/events", "/api/v1/events.geojson", "/api/v1/stats", "/api/v1/facets"})
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

    def __call__(self) -> tuple[int, int]:
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


def data_version(url: str) -> DataVersion | None:
    """A :class:`DataVersion` for a SQLite file URL; ``None`` where there is no cheap, correct version."""
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite" or parsed.database in (None, "", ":memory:"):
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


@dataclass(frozen=True, slots=True)
class _Entry:
    """A kept answer, gzipped: eight times more answers fit, and browsers take it as it is."""

    headers: list[tuple[bytes, bytes]]
    gzipped: bytes

    def send_as(self, gzip_ok: bool) -> tuple[list[tuple[bytes, bytes]], bytes]:
        """Headers and body for a client that does or does not accept gzip."""
        if not gzip_ok:
            body = zlib.decompress(self.gzipped, wbits=31)
            return self.headers + [(b"content-length", str(len(body)).encode())], body
        extra = [(b"content-encoding", b"gzip"), (b"content-length", str(len(self.gzipped)).encode())]
        return self.headers + extra, self.gzipped


class ResponseCache:
    """Pure ASGI middleware: serve a kept answer for the same query while the data version holds.

    Least recently used answers go first once ``max_bytes`` (compressed) is
    reached; the whole cache empties when the version moves.
    """

    def __init__(self, app: Any, *, version: DataVersion, public_read: bool, max_bytes: int = MAX_BYTES) -> None:
        self.app = app
        self.version = version
        self.public_read = public_read
        self.max_bytes = max_bytes
        self._entries: OrderedDict[str, _Entry] = OrderedDict()
        self._bytes = 0
        self._at: tuple[int, int] | None = None

    def __len__(self) -> int:
        """How many answers are kept."""
        return len(self._entries)

    def _cacheable(self, scope: dict[str, Any]) -> bool:
        if scope["type"] != "http" or scope["method"] != "GET" or scope["path"] not in CACHED_PATHS or not self.public_read:
            return False
        return not any(name == b"authorization" for name, _ in scope["headers"])

    def _current(self) -> tuple[int, int]:
        now = self.version()
        if now != self._at:
            self._entries.clear()
            self._bytes, self._at = 0, now
        return now

    async def __call__(self, scope: dict[str, Any], receive: Any, send: Any) -> None:
        if not self._cacheable(scope):
            await self.app(scope, receive, send)
            return
        at = self._current()
        key = _key(scope)
        hit = self._entries.get(key)
        if hit is not None:
            self._entries.move_to_end(key)
            headers, body = hit.send_as(_accepts_gzip(scope))
            await send({"type": "http.response.start", "status": 200, "headers": headers})
            await send({"type": "http.response.body", "body": body})
            return
        started: dict[str, Any] = {}
        chunks: list[bytes] = []

        async def keep(message: dict[str, Any]) -> None:
            if message["type"] == "http.response.start":
                message["headers"] = [*message.get("headers", []), VARY]
                started.update(message)
            elif message["type"] == "http.response.body":
                chunks.append(message.get("body", b""))
                if not message.get("more_body") and started.get("status") == 200:
                    self._store(at, key, started["headers"], b"".join(chunks))
            await send(message)

        await self.app(scope, receive, keep)

    def _store(self, at: tuple[int, int], key: str, headers: list[tuple[bytes, bytes]], body: bytes) -> None:
        if at != self._at or len(body) > MAX_ENTRY:
            return  # the data moved on while this answer was built, or it is too big to keep
        kept = [(name, value) for name, value in headers if name.lower() != b"content-length"]
        entry = _Entry(kept, gzip.compress(body, compresslevel=1, mtime=0))
        old = self._entries.pop(key, None)
        if old is not None:
            self._bytes -= len(old.gzipped)
        self._entries[key] = entry
        self._bytes += len(entry.gzipped)
        while self._bytes > self.max_bytes and self._entries:
            _, dropped = self._entries.popitem(last=False)
            self._bytes -= len(dropped.gzipped)
