"""``/api/v1/alerts``: subscribe with an API token, see only your own, read the log, end it."""

from __future__ import annotations

import pytest

from rasd.store import Store

pytest.importorskip("fastapi")


def test_subscriptions_are_per_user(store: Store) -> None:
    from fastapi.testclient import TestClient

    from rasd.api import create_app

    app = create_app(store, web=False)
    accounts = app.state.rasd.accounts
    accounts.add_user("huda", "a long enough password", role="viewer")
    accounts.add_user("omar", "another long password", role="viewer")
    huda = {"Authorization": f"Bearer {accounts.create_token('huda')}"}
    omar = {"Authorization": f"Bearer {accounts.create_token('omar')}"}
    client = TestClient(app)
    body = {"name": "دير الزور", "channel": "webhook", "target": "https://example.org/hook", "mode": "weekly",
            "filters": {"admin1": ["Deir ez-Zor"], "min_fatalities": 1}}
    assert client.post("/api/v1/alerts/subscriptions", json=body).status_code == 401
    created = client.post("/api/v1/alerts/subscriptions", json=body, headers=huda)
    assert created.status_code == 201 and len(created.json()["secret"]) == 48 and created.json()["owner"] == "huda"
    sub_id = created.json()["id"]
    bad = client.post("/api/v1/alerts/subscriptions", json={**body, "filters": {"colour": "red"}}, headers=huda)
    assert bad.status_code == 400 and "unknown filter keys" in bad.json()["error"]["message"]
    [mine] = client.get("/api/v1/alerts/subscriptions", headers=huda).json()
    assert mine["id"] == sub_id and "secret" not in mine
    assert client.get("/api/v1/alerts/subscriptions", headers=omar).json() == []
    assert client.get(f"/api/v1/alerts/subscriptions/{sub_id}/deliveries", headers=omar).status_code == 404
    assert client.get(f"/api/v1/alerts/subscriptions/{sub_id}/deliveries", headers=huda).json() == []
    assert client.delete(f"/api/v1/alerts/subscriptions/{sub_id}", headers=omar).status_code == 404
    assert client.delete(f"/api/v1/alerts/subscriptions/{sub_id}", headers=huda).status_code == 204
    assert client.get("/api/v1/alerts/subscriptions", headers=huda).json()[0]["active"] is False
