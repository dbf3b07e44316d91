"""Webhooks to a real HTTP receiver on loopback: HMAC signature, retries with backoff, the delivery log."""

from __future__ import annotations

import hashlib
import hmac
import json
import threading
from collections.abc import Iterator
from datetime import timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from store_factories import doc, strike

from rasd.alerts import create_subscription, deliveries, send_due
from rasd.alerts.targets import ALLOW_ENV
from rasd.clock import now
from rasd.store import Store


class Receiver(ThreadingHTTPServer):
    """Answers 500 to the first ``fail`` requests, then 200; keeps what it got."""

    def __init__(self, fail: int) -> None:
        self.fail, self.received = fail, []  # type: ignore[var-annotated]
        super().__init__(("127.0.0.1", 0), _Handler)


class _Handler(BaseHTTPRequestHandler):
    def do_POST(self) -> None:
        server: Receiver = self.server  # type: ignore[assignment]
        body = self.rfile.read(int(self.headers["Content-Length"]))
        server.received.append((dict(self.headers), body))
        self.send_response(500 if len(server.received) <= server.fail else 200)
        self.end_headers()

    def log_message(self, *_args: object) -> None:
        """Quiet."""


@pytest.fixture
def receiver(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> Iterator[Receiver]:
    """A receiver on loopback, which the admin allows (``RASD_WEBHOOK_ALLOW_HOSTS``): by default it is refused."""
    monkeypatch.setenv(ALLOW_ENV, "127.0.0.1")
    server = Receiver(getattr(request, "param", 0))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield server
    finally:
        server.shutdown()
        server.server_close()


def _hook(store: Store, receiver: Receiver) -> dict:
    with store.transaction() as conn:
        return create_subscription(conn, name="hook", channel="webhook", target=f"http://127.0.0.1:{receiver.server_port}/hook",
                                   filters={"actor": ["Military Forces of Israel (2022-)"]}, at=now())


def test_payload_is_signed_with_hmac_sha256(store: Store, receiver: Receiver) -> None:
    sub = _hook(store, receiver)
    store.save(doc("a"), [strike()])
    assert send_due(store).messages_sent == 1
    [(headers, body)] = receiver.received
    expected = hmac.new(sub["secret"].encode(), headers["X-Rasd-Timestamp"].encode() + b"." + body, hashlib.sha256).hexdigest()
    assert headers["X-Rasd-Signature"] == f"sha256={expected}"
    payload = json.loads(body)
    assert payload["kind"] == "alert" and payload["events"][0]["event_id_cnty"] == "PSE1" and payload["events"][0]["fatalities"] == 5


@pytest.mark.parametrize("receiver", [2], indirect=True)
def test_fails_twice_then_succeeds_with_backoff_and_a_log(store: Store, receiver: Receiver) -> None:
    sub = _hook(store, receiver)
    store.save(doc("a"), [strike()])
    t0 = now()
    assert send_due(store, at=t0, backoff_base=30).messages_failed == 1
    assert send_due(store, at=t0 + timedelta(seconds=10), backoff_base=30).as_dict()["messages_failed"] == 0, "not due before its backoff"
    assert send_due(store, at=t0 + timedelta(seconds=31), backoff_base=30).messages_failed == 1
    assert send_due(store, at=t0 + timedelta(seconds=60), backoff_base=30).messages_sent == 0, "second backoff is 60 s"
    assert send_due(store, at=t0 + timedelta(seconds=92), backoff_base=30).messages_sent == 1
    assert send_due(store, at=t0 + timedelta(days=1)).messages_sent == 0, "sent once, never again"
    log = list(reversed(deliveries_of(store, sub["id"])))
    assert [(d["attempt"], d["ok"], d["status_code"]) for d in log] == [(1, False, 500), (2, False, 500), (3, True, 200)]
    assert "500" in log[0]["error"] and len(receiver.received) == 3


def test_an_unreachable_target_is_kept_not_lost(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(ALLOW_ENV, "127.0.0.1")
    with store.transaction() as conn:
        create_subscription(conn, name="down", channel="webhook", target="http://127.0.0.1:9/hook", filters={}, at=now())
    store.save(doc("a"), [strike()])
    for i in range(3):
        assert send_due(store, at=now() + timedelta(hours=2 * i), backoff_cap=60).messages_failed == 1
    assert store.counts()["alert_outbox"] == 1 and store.counts()["alert_deliveries"] == 3


def deliveries_of(store: Store, sub_id: int) -> list[dict]:
    with store.transaction() as conn:
        return deliveries(conn, subscription_id=sub_id)


@pytest.mark.parametrize("target", [
    "http://127.0.0.1:{port}/internal-admin", "http://localhost:{port}/", "http://[::1]:{port}/", "http://[::ffff:127.0.0.1]:{port}/",
    "http://10.0.0.5/", "http://192.168.1.1/", "http://169.254.169.254/latest/meta-data/", "http://0.0.0.0:{port}/",
])
def test_a_viewer_cannot_point_a_webhook_at_internal_addresses(store: Store, receiver: Receiver, monkeypatch: pytest.MonkeyPatch,
                                                                target: str) -> None:
    from fastapi.testclient import TestClient

    from rasd.api import create_app

    monkeypatch.delenv(ALLOW_ENV)
    app = create_app(store, web=False)
    app.state.rasd.accounts.add_user("vera", "a long enough password", role="viewer")
    token = {"Authorization": f"Bearer {app.state.rasd.accounts.create_token('vera')}"}
    body = {"name": "probe", "channel": "webhook", "target": target.format(port=receiver.server_port), "filters": {}}
    with TestClient(app) as client:
        refused = client.post("/api/v1/alerts/subscriptions", json=body, headers=token)
    assert refused.status_code == 400 and "non-public address" in refused.json()["error"]["message"]
    assert store.counts()["subscriptions"] == 0


def test_a_target_that_turned_internal_is_refused_at_delivery_without_a_call(store: Store, receiver: Receiver,
                                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    sub = _hook(store, receiver)  # allowed when it was made
    monkeypatch.delenv(ALLOW_ENV)  # the admin withdrew the allowance
    store.save(doc("a"), [strike()])
    assert send_due(store).messages_failed == 1
    [entry] = deliveries_of(store, sub["id"])
    assert entry["status_code"] is None and "non-public address" in entry["error"]
    assert receiver.received == []
