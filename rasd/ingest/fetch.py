"""Fetching feeds and article pages over HTTP, politely.

A monitoring run hits the same few outlets again and again, so the
:class:`Fetcher` is built to be a good guest: a per-host minimum interval
between requests, retries with exponential backoff only for errors that can
pass (timeouts, connection errors, 429 and 5xx — honouring ``Retry-After``),
and conditional GET (``If-None-Match`` / ``If-Modified-Since``) so an
unchanged feed costs a 304. Every failure — any httpx error included: a
redirect loop, a body that is not what its ``Content-Encoding`` says, a
non-http URL — leaves as a :class:`FetchError` (an
:class:`~rasd.errors.InputError`) whose message says what happened, which
the ingest run turns into a dead letter. A body cut off part-way is kept
with the error (:attr:`FetchError.partial`), so a feed keeps the entries
that came before the break.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Self
from urllib.parse import urlsplit

import httpx

from rasd import __version__
from rasd.errors import InputError

__all__ = ["USER_AGENT", "FetchError", "FetchResult", "Fetcher", "is_url"]

USER_AGENT = f"Rasd/{__version__} (Arabic conflict-event monitoring; polite crawler)"
_RETRY_STATUS = frozenset({408, 425, 429, 500, 502, 503, 504})
_MAX_RETRY_AFTER = 60.0


class FetchError(InputError):
    """A URL could not be fetched (timeout, connection refused, HTTP error, redirect loop, bad body, too large).

    ``partial`` is what arrived before a body broke off (a 2xx response), or ``None``.
    """

    def __init__(self, message: str, *, source: str | None = None, partial: FetchResult | None = None) -> None:
        super().__init__(message, source=source)
        self.partial = partial


class _BodyBroken(Exception):
    """Internal: an httpx error while reading a body, with what had arrived and the response it belongs to."""

    def __init__(self, cause: httpx.HTTPError, response: httpx.Response, received: bytes) -> None:
        super().__init__(str(cause))
        self.cause, self.response, self.received = cause, response, received


def is_url(value: str) -> bool:
    """Whether an ingest argument is an http(s) URL rather than a path."""
    return value.startswith(("http://", "https://"))


@dataclass(frozen=True, slots=True)
class FetchResult:
    """A response worth processing, or a 304 (``not_modified``, no content)."""

    url: str
    status: int
    content: bytes
    content_type: str
    etag: str | None
    last_modified: str | None
    not_modified: bool = False

    @classmethod
    def of(cls, response: httpx.Response, content: bytes) -> FetchResult:
        """The result for a (2xx/3xx) response and the body bytes read from it."""
        h = response.headers
        return cls(str(response.url), response.status_code, content, h.get("content-type", ""), h.get("etag"), h.get("last-modified"))


def _error(exc: Exception, url: str, timeout: float) -> tuple[FetchError, bool]:
    """The :class:`FetchError` for an httpx error, and whether trying again may help."""
    if isinstance(exc, httpx.TimeoutException):
        return FetchError(f"timed out after {timeout:g}s ({type(exc).__name__})", source=url), True
    if isinstance(exc, httpx.TooManyRedirects):
        return FetchError(f"too many redirects (a redirect loop?): {exc}", source=url), False
    if isinstance(exc, httpx.DecodingError):
        return FetchError(f"body could not be decoded as its Content-Encoding says: {exc}", source=url), False
    if isinstance(exc, httpx.UnsupportedProtocol | httpx.InvalidURL | httpx.LocalProtocolError):
        return FetchError(f"not a fetchable URL: {type(exc).__name__}: {exc}", source=url), False
    if isinstance(exc, httpx.TransportError):
        return FetchError(f"connection failed: {type(exc).__name__}: {exc}", source=url), True
    return FetchError(f"request failed: {type(exc).__name__}: {exc}", source=url), False


@dataclass
class Fetcher:
    """An HTTP client with timeouts, retries, a per-host rate limit and conditional GET.

    ``min_interval`` is the least time between two requests to one host;
    ``retries`` the extra attempts after the first; ``backoff`` the first
    wait, doubled each time. ``sleep`` is injectable so tests need not wait.
    """

    timeout: float = 10.0
    retries: int = 2
    backoff: float = 0.5
    min_interval: float = 1.0
    max_bytes: int = 20_000_000
    sleep: Callable[[float], None] = time.sleep
    _client: httpx.Client | None = field(default=None, repr=False)
    _last: dict[str, float] = field(default_factory=dict, repr=False)
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    @property
    def client(self) -> httpx.Client:
        if self._client is None:
            self._client = httpx.Client(
                timeout=httpx.Timeout(self.timeout, connect=min(self.timeout, 5.0)),
                follow_redirects=True,
                headers={"User-Agent": USER_AGENT, "Accept-Language": "ar,en;q=0.5"},
            )
        return self._client

    def close(self) -> None:
        """Close the connection pool."""
        if self._client is not None:
            self._client.close()
            self._client = None

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _wait_for_host(self, url: str) -> None:
        host = urlsplit(url).netloc.lower()
        with self._lock:
            last = self._last.get(host)
            now = time.monotonic()
            wait = 0.0 if last is None else last + self.min_interval - now
            self._last[host] = max(now, now + wait)
        if wait > 0:
            self.sleep(wait)

    def get(self, url: str, *, etag: str | None = None, last_modified: str | None = None) -> FetchResult:
        """GET ``url`` (conditionally when validators are given); raises :class:`FetchError`."""
        headers = {}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        attempt = 0
        while True:
            self._wait_for_host(url)
            delay = self.backoff * (2**attempt)
            try:
                response = self._request(url, headers)
            except _BodyBroken as exc:
                error, retry = _error(exc.cause, url, self.timeout)
                if exc.response.status_code < 400 and exc.received:
                    error.partial = FetchResult.of(exc.response, exc.received)
                    error.message += f" (body cut off after {len(exc.received):,} bytes)"
                if not retry:
                    raise error from exc.cause
            except (httpx.HTTPError, httpx.InvalidURL, httpx.StreamError) as exc:
                error, retry = _error(exc, url, self.timeout)
                if not retry:
                    raise error from exc
            else:
                if response.status_code == 304:
                    return FetchResult(url, 304, b"", "", etag, last_modified, not_modified=True)
                if response.status_code < 400:
                    return FetchResult.of(response, response.content)
                error = FetchError(f"HTTP {response.status_code} {response.reason_phrase}", source=url)
                if response.status_code not in _RETRY_STATUS:
                    raise error
                delay = max(delay, _retry_after(response.headers.get("retry-after")))
            if attempt >= self.retries:
                if attempt:
                    error.message += f"; gave up after {attempt + 1} attempts"
                raise error
            attempt += 1
            self.sleep(delay)

    def _request(self, url: str, headers: dict[str, str]) -> httpx.Response:
        """One GET, reading at most ``max_bytes`` of the body; a body that breaks off raises :class:`_BodyBroken`."""
        with self.client.stream("GET", url, headers=headers) as response:
            chunks: list[bytes] = []
            size = 0
            try:
                for chunk in response.iter_bytes():
                    size += len(chunk)
                    if size > self.max_bytes:
                        raise FetchError(f"too large: more than {self.max_bytes:,} bytes", source=url)
                    chunks.append(chunk)
            except httpx.HTTPError as exc:
                raise _BodyBroken(exc, response, b"".join(chunks)) from exc
            response._content = b"".join(chunks)
            return response


def _retry_after(value: str | None) -> float:
    """Seconds a ``Retry-After`` header asks for (numbers only; dates are rare), capped."""
    try:
        return min(float(value), _MAX_RETRY_AFTER) if value else 0.0
    except ValueError:
        return 0.0
