"""A hostile HTTP server on 127.0.0.1 for the ingest tests (the ``hostile`` fixture serves it).

It misbehaves the way the web does: it loops redirects, says a body is gzip
when it is not, and closes the connection part-way through a body whose
``Content-Length`` promised more.
"""

from __future__ import annotations

from collections.abc import Callable
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

    def serve(self, path: str, body: bytes, ctype: str = "text/html; charset=utf-8", status: int = 200) -> None:
        """An honest response."""
        self.routes[path] = lambda h: _send(h, status, body, {"Content-Type": ctype})

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
