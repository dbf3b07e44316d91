"""A real Rasd server for the API and browser tests: a SQLite file store, Arabic articles, users, uvicorn.

The articles (``data/articles.jsonl``) are written for these tests; one of
them carries ``<script>`` and ``"><img onerror=…>`` in its text, title and
source, and its event gets the same in its fields (as a careless import
might), so every view can be checked for escaping.
"""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import uvicorn

from rasd.api import create_app
from rasd.ingest.run import ingest
from rasd.store import Store, open_store
from rasd.store.accounts import Accounts

ARTICLES = Path(__file__).with_name("data") / "articles.jsonl"
PASSWORD = "correct horse battery"
USERS = {"admin": "admin", "rana": "reviewer", "vera": "viewer"}
BackendSite = tuple[str, Store, Any, dict[str, str]]  # URL, store, TestClient, tokens
XSS_SCRIPT = "<script>window.__xss=1</script>"
XSS_IMG = '"><img src=x onerror="window.__xss=1">'


@dataclass
class Site:
    """A running server: its URL, its store and the ids the tests need."""

    url: str
    store: Store
    tokens: dict[str, str] = field(default_factory=dict)
    xss_event: int = 0


def populate(store: Store) -> tuple[dict[str, str], int]:
    """Ingest the test articles, add one user per role with an API token; returns (tokens, XSS event id)."""
    ingest([str(ARTICLES)], store)
    accounts = Accounts(store)
    tokens = {}
    for name, role in USERS.items():
        accounts.add_user(name, PASSWORD, role)
        tokens[name] = accounts.create_token(name, "tests")
    with store.engine.connect() as conn:
        from sqlalchemy import text

        xss = conn.execute(text(
            "SELECT es.event_id FROM event_sources es JOIN documents d ON d.id = es.document_id WHERE d.doc_key = 'xss-probe'"
        )).scalar_one()
    store.review(xss, "corrected", reviewer="importer", changes={"location": XSS_IMG, "actor1": XSS_SCRIPT, "notes": XSS_SCRIPT + XSS_IMG})
    return tokens, int(xss)


def bearer(token: str) -> dict[str, str]:
    """The Authorization header for an API token."""
    return {"Authorization": f"Bearer {token}"}


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@contextmanager
def serve(store: Store, **app_options: Any) -> Iterator[str]:
    """Run the app (``create_app(store, **app_options)``) with uvicorn in a thread on 127.0.0.1; yields its base URL."""
    port = free_port()
    server = uvicorn.Server(uvicorn.Config(create_app(store, **app_options), host="127.0.0.1", port=port, log_level="warning", lifespan="on"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("the test server did not start")
        time.sleep(0.02)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(10)


@contextmanager
def running_site(db_path: Path) -> Iterator[Site]:
    """A populated store at ``db_path`` served on loopback."""
    store = open_store(str(db_path))
    tokens, xss = populate(store)
    try:
        with serve(store) as url:
            yield Site(url, store, tokens, xss)
    finally:
        store.close()
