"""Limits that hold before login (issue 16): request bodies over the limit are 413 before they are read, chunked
or not; failed logins are bounded per name and per client address, counted in the store so every worker shares them
(SQLite and PostgreSQL); a wrong method is 405 with ``Allow``."""

from __future__ import annotations

import socket
from collections.abc import Iterator
from datetime import datetime, timedelta

import httpx
import pytest
from apikit import PASSWORD, BackendSite, Site, populate, serve
from fastapi.testclient import TestClient
from sqlalchemy import func, select

from rasd.api import create_app
from rasd.api.limits import LoginThrottle, TooManyAttempts
from rasd.store import open_store
from rasd.store.models import LoginFailure, table_of

LIMIT = 64 * 1024


@pytest.fixture(scope="module")
def small_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Site]:
    """A real server with a 64 KiB body limit."""
    store = open_store(str(tmp_path_factory.mktemp("limits") / "rasd.db"))
    tokens, xss = populate(store)
    try:
        with serve(store, max_body=LIMIT) as url:
            yield Site(url, store, tokens, xss)
    finally:
        store.close()


def _raw(url: str, head: str, chunks: Iterator[bytes] | None = None) -> bytes:
    """Send a request by hand (httpx would not let a body outrun the server's answer); the server's reply."""
    host, port = url.removeprefix("http://").split(":")
    with socket.create_connection((host, int(port)), timeout=20) as sock:
        sock.sendall(head.encode())
        try:
            for chunk in chunks or iter(()):
                sock.sendall(chunk)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the server answered and hung up: that is the point
        reply = b""
        try:
            while data := sock.recv(65536):
                reply += data
        except ConnectionResetError:
            pass
    return reply


def test_a_declared_oversize_body_is_413_before_a_byte_is_read(small_site: Site) -> None:
    head = (f"POST /api/v1/events/1/review HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
            f"Content-Length: {500 * 1024 * 1024}\r\n\r\n")
    reply = _raw(small_site.url, head)  # no body is sent at all: the answer comes from the header alone
    assert reply.startswith(b"HTTP/1.1 413") and b'"kind":"PayloadTooLarge"' in reply


def test_a_chunked_anonymous_upload_is_cut_off_at_the_limit(small_site: Site) -> None:
    head = "POST /api/v1/events/1/review HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n"
    sent = 0

    def chunks() -> Iterator[bytes]:
        nonlocal sent
        piece = b"x" * 16384
        for _ in range(64 * 1024):  # up to 1 GiB: the server must stop it long before
            sent += len(piece)
            yield f"{len(piece):x}\r\n".encode() + piece + b"\r\n"

    reply = _raw(small_site.url, head, chunks())
    assert reply.startswith(b"HTTP/1.1 413"), reply[:200]
    assert sent < 64 * 1024 * 1024, "the server stopped reading soon after the limit"
    with httpx.Client(base_url=small_site.url, timeout=20) as http:  # and it still answers
        assert http.get("/api/v1/events", params={"limit": 1}).status_code == 200


def test_bodies_under_the_limit_still_work(small_site: Site) -> None:
    with httpx.Client(base_url=small_site.url, timeout=20) as http:
        assert http.post("/api/v1/auth/login", json={"name": "rana", "password": PASSWORD}).status_code == 200
        big = http.post("/api/v1/auth/login", json={"name": "rana", "password": "p" * (LIMIT + 1)})
        assert big.status_code == 413


def test_failed_logins_are_bounded_per_name_and_per_address(tmp_path_factory: pytest.TempPathFactory) -> None:
    store = open_store(str(tmp_path_factory.mktemp("logins") / "rasd.db"))
    populate(store)
    try:
        with serve(store) as url, httpx.Client(base_url=url, timeout=20) as http:
            login = "/api/v1/auth/login"
            assert [http.post(login, json={"name": "vera", "password": "wrong"}).status_code for _ in range(5)] == [401] * 5
            locked = http.post(login, json={"name": "vera", "password": PASSWORD})
            assert locked.status_code == 429 and int(locked.headers["Retry-After"]) > 0, "the right password waits too"
            assert http.post(login, json={"name": "rana", "password": PASSWORD}).status_code == 200, "another name is not locked"
            # one address spraying names: 20 failures in all (5 on vera above), then every name is refused
            codes = [http.post(login, json={"name": f"user{i}", "password": "wrong"}).status_code for i in range(15)]
            assert codes == [401] * 15
            assert http.post(login, json={"name": "admin", "password": PASSWORD}).status_code == 429
    finally:
        store.close()


def test_the_window_slides(backend_site: BackendSite) -> None:
    _, store, _, _ = backend_site
    clock = [datetime(2026, 3, 1, 12, 0, 0)]
    throttle = LoginThrottle(store, per_user=2, per_client=100, window=60, clock=lambda: clock[0])
    for _ in range(2):
        throttle.check("Huda", "10.0.0.1")
        throttle.failed("Huda", "10.0.0.1")
    with pytest.raises(TooManyAttempts) as err:
        throttle.check("huda", "10.0.0.2")  # names are counted casefolded
    assert err.value.retry_after == 60
    clock[0] += timedelta(seconds=61)
    throttle.check("huda", "10.0.0.1")  # the failures left the window
    throttle.failed("huda", None)  # ... and are deleted as this one is counted
    with store.transaction() as conn:
        assert conn.execute(select(func.count()).select_from(table_of(LoginFailure))).scalar() == 1
    throttle.succeeded("huda")
    throttle.check("huda", None)


def test_every_worker_counts_the_same_failures(backend_site: BackendSite) -> None:
    """Two apps on one database, as ``rasd serve --workers 2`` runs them: failures on either count for both."""
    url, _, first, _ = backend_site
    other_store = open_store(url)
    try:
        with TestClient(create_app(other_store)) as second:
            login = "/api/v1/auth/login"
            wrong = {"name": "vera", "password": "wrong"}
            codes = [client.post(login, json=wrong).status_code for client in (first, second, first, second, first)]
            assert codes == [401] * 5
            for client in (first, second):
                locked = client.post(login, json={"name": "vera", "password": PASSWORD})
                assert locked.status_code == 429 and int(locked.headers["Retry-After"]) > 0
            assert second.post(login, json={"name": "rana", "password": PASSWORD}).status_code == 200
    finally:
        other_store.close()


def test_trace_is_405_with_allow(small_site: Site) -> None:
    with httpx.Client(base_url=small_site.url, timeout=20) as http:
        r = http.request("TRACE", "/api/v1/events")
    assert r.status_code == 405 and "GET" in r.headers["Allow"] and r.json()["error"]["status"] == 405
