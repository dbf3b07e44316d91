"""A hostile HTTP server on 127.0.0.1 for the ingest tests (the ``hostile`` fixture serves it).

It misbehaves the way the web does: it loops redirects, says a body is gzip
when it is not, closes the connection part-way through a body whose
``Content-Length`` promised more, answers slowly, or 503 a few times first.
It also serves honestly, feeds with an ETag included (for conditional GETs).
"""

from __future__ import annotations

import time
from collections.abc import Callable
from email.utils import formatdate
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

__all__ = ["HostileServer"]

Route = Callable[[BaseHTTPRequestHandler], None]


class HostileServer:
    """``routes`` maps a path to what the handler does; ``hits`` counts requests per path."""

    def __init__(self) -> None:
        self.routes: dict[str, Route] = {}
        self.hits: dict[str, int] = {}
        outer = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                outer.hits[self.path] = outer.hits.get(self.path, 0) + 1
                route = outer.routes.get(self.path)
                if route is None:
                    self.send_error(404)
                    return
                try:
                    route(self)
                except (BrokenPipeError, ConnectionResetError):
                    pass

            def log_message(self, *args: Any) -> None:
                pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.base = f"http://127.0.0.1:{self.httpd.server_address[1]}"

    def url(self, path: str) -> str:
        return self.base + path

    def serve(self, path: str, body: bytes, ctype: str = "text/html; charset=utf-8", status: int = 200, delay: float = 0.0) -> None:
        """An honest response, after ``delay`` seconds."""
        def route(h: BaseHTTPRequestHandler) -> None:
            time.sleep(delay)
            _send(h, status, body, {"Content-Type": ctype})

        self.routes[path] = route

    def serve_feed(self, path: str, body: bytes, etag: str) -> None:
        """A feed with an ``ETag``: a request that sends it back (``If-None-Match``) gets 304 Not Modified."""
        def route(h: BaseHTTPRequestHandler) -> None:
            if h.headers.get("If-None-Match") == etag:
                _send(h, 304, b"", {})
            else:
                _send(h, 200, body, {"Content-Type": "application/rss+xml; charset=utf-8", "ETag": etag, "Last-Modified": formatdate(usegmt=True)})

        self.routes[path] = route

    def flaky(self, path: str, failures: int) -> None:
        """Answer the first ``failures`` requests for ``path`` with 503 (``Retry-After: 0``), then as routed before."""
        route, left = self.routes[path], [failures]

        def flaky_route(h: BaseHTTPRequestHandler) -> None:
            if left[0] > 0:
                left[0] -= 1
                _send(h, 503, b"", {"Retry-After": "0"})
            else:
                route(h)

        self.routes[path] = flaky_route

    def loop(self, path: str) -> None:
        """A redirect to itself, for ever."""
        def route(h: BaseHTTPRequestHandler) -> None:
            h.send_response(302)
            h.send_header("Location", path)
            h.send_header("Content-Length", "0")
            h.end_headers()

        self.routes[path] = route

    def lie_gzip(self, path: str, body: bytes) -> None:
        """A plain body sent as ``Content-Encoding: gzip``."""
        self.routes[path] = lambda h: _send(h, 200, body, {"Content-Type": "text/html; charset=utf-8", "Content-Encoding": "gzip"})

    def cut(self, path: str, body: bytes, keep: int, ctype: str = "application/rss+xml; charset=utf-8") -> None:
        """Promise all of ``body`` (Content-Length), send its first ``keep`` bytes, close the connection."""
        def route(h: BaseHTTPRequestHandler) -> None:
            h.send_response(200)
            h.send_header("Content-Type", ctype)
            h.send_header("Content-Length", str(len(body)))
            h.end_headers()
            h.wfile.write(body[:keep])
            h.wfile.flush()
            h.close_connection = True

        self.routes[path] = route


def _send(h: BaseHTTPRequestHandler, status: int, body: bytes, headers: dict[str, str]) -> None:
    h.send_response(status)
    for name, value in headers.items():
        h.send_header(name, value)
    h.send_header("Content-Length", str(len(body)))
    h.end_headers()
    h.wfile.write(body)
