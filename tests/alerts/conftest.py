"""Alert fixtures: every alert test runs on SQLite and on PostgreSQL, and mail goes to a real SMTP server (aiosmtpd)."""

from __future__ import annotations

import socket
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TypeVar

import pytest
from mailkit import HoldingInbox, Inbox
from store_factories import store  # noqa: F401  (the fixture, on both backends)

H = TypeVar("H", bound=Inbox)


@pytest.fixture
def inbox(monkeypatch: pytest.MonkeyPatch) -> Iterator[Inbox]:
    """A real SMTP server on loopback that Rasd's e-mail channel is pointed at."""
    with _smtp(monkeypatch, Inbox()) as handler:
        yield handler


@pytest.fixture
def holding_inbox(monkeypatch: pytest.MonkeyPatch) -> Iterator[HoldingInbox]:
    """A real SMTP server that keeps each message but holds its 250 until the test releases it."""
    with _smtp(monkeypatch, HoldingInbox()) as handler:
        try:
            yield handler
        finally:
            handler.release.set()  # before the server stops: it waits for a held answer


@contextmanager
def _smtp(monkeypatch: pytest.MonkeyPatch, handler: H) -> Iterator[H]:
    controller_mod = pytest.importorskip("aiosmtpd.controller")
    with socket.socket() as s:  # a free port (aiosmtpd's readiness check cannot use port 0)
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    controller = controller_mod.Controller(handler, hostname="127.0.0.1", port=port)
    controller.start()
    monkeypatch.setenv("RASD_SMTP_HOST", "127.0.0.1")
    monkeypatch.setenv("RASD_SMTP_PORT", str(port))
    monkeypatch.setenv("RASD_SMTP_FROM", "alerts@rasd.test")
    try:
        yield handler
    finally:
        controller.stop()
