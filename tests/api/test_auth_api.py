"""Accounts over a real server: login cookies, CSRF, roles on every write route, API tokens, logout."""

from __future__ import annotations

import re

import httpx
import pytest
from apikit import PASSWORD, Site, bearer

from rasd.api import create_app

EXEMPT = {"/api/v1/auth/login", "/api/v1/auth/logout"}
# A viewer's own settings rather than the data: their alert subscriptions (issue 7). Anonymous is still refused.
VIEWER_MAY = {("POST", "/api/v1/alerts/subscriptions"), ("DELETE", "/api/v1/alerts/subscriptions/1")}


def write_routes() -> list[tuple[str, str]]:
    """Every unsafe API operation in the OpenAPI schema (issue 7's included when installed), ids filled in."""
    from rasd.store import open_store

    paths = create_app(open_store(":memory:"), web=False).openapi()["paths"]
    return [
        (method.upper(), re.sub(r"\{[^}]+\}", "1", path))
        for path, ops in sorted(paths.items())
        for method in ops
        if method in ("post", "put", "patch", "delete") and path not in EXEMPT
    ]


def login(client: httpx.Client, name: str) -> str:
    r = client.post("/api/v1/auth/login", json={"name": name, "password": PASSWORD})
    assert r.status_code == 200, r.text
    return str(r.json()["csrf_token"])


def test_login_sets_a_guarded_cookie(site: Site) -> None:
    with httpx.Client(base_url=site.url) as client:
        r = client.post("/api/v1/auth/login", json={"name": "rana", "password": PASSWORD})
        cookie = r.headers["set-cookie"].lower()
        assert "httponly" in cookie and "samesite=lax" in cookie and "rasd_session=" in cookie
        assert client.get("/api/v1/auth/me").json()["user"] == {"id": 2, "name": "rana", "role": "reviewer"}


def test_wrong_password_is_401(http: httpx.Client) -> None:
    for name in ("rana", "nobody"):
        r = http.post("/api/v1/auth/login", json={"name": name, "password": "wrong password"})
        assert r.status_code == 401 and r.json()["error"]["message"] == "wrong name or password"


@pytest.mark.parametrize(("method", "path"), write_routes())
def test_every_write_route_refuses_anonymous_and_viewers(site: Site, method: str, path: str) -> None:
    with httpx.Client(base_url=site.url) as client:
        assert client.request(method, path, json={}).status_code == 401
        if (method, path) in VIEWER_MAY:
            return
        assert client.request(method, path, json={}, headers=bearer(site.tokens["vera"])).status_code == 403
        csrf = login(client, "vera")
        assert client.request(method, path, json={}, headers={"X-CSRF-Token": csrf}).status_code == 403


def test_cookie_writes_need_the_csrf_token(site: Site) -> None:
    body = {"action": "approve", "comment": "csrf test"}
    with httpx.Client(base_url=site.url) as client:
        csrf = login(client, "rana")
        path = f"/api/v1/events/{site.xss_event}/review"
        assert client.post(path, json=body).status_code == 403
        assert client.post(path, json=body, headers={"X-CSRF-Token": "forged"}).status_code == 403
        r = client.post(path, json=body, headers={"X-CSRF-Token": csrf})
        assert r.status_code == 200 and r.json()["history"][-1]["reviewer"] == "rana"


def test_api_tokens(site: Site) -> None:
    with httpx.Client(base_url=site.url) as client:
        assert client.get("/api/v1/auth/me", headers=bearer(site.tokens["admin"])).json()["user"]["role"] == "admin"
        assert client.get("/api/v1/events", headers=bearer("rasd_not-a-token")).status_code == 401
        assert client.get("/api/v1/events", headers={"Authorization": "Basic abc"}).status_code == 401


def test_logout_ends_the_session(site: Site) -> None:
    with httpx.Client(base_url=site.url) as client:
        csrf = login(client, "rana")
        stolen = client.cookies.get("rasd_session")
        assert client.post("/api/v1/auth/logout", headers={"X-CSRF-Token": csrf}).status_code == 204
        assert client.get("/api/v1/auth/me").json()["user"] is None
    with httpx.Client(base_url=site.url, cookies={"rasd_session": stolen or ""}) as replay:
        assert replay.get("/api/v1/auth/me").json()["user"] is None


def test_html_login_form_needs_its_token_and_redirects_only_locally(site: Site) -> None:
    with httpx.Client(base_url=site.url) as client:
        assert client.post("/login", data={"name": "rana", "password": PASSWORD}).status_code == 403
        page = client.get("/login").text
        token = re.search(r'name="csrf_token" value="([^"]+)"', page).group(1)  # type: ignore[union-attr]
        r = client.post("/login", data={"name": "rana", "password": PASSWORD, "csrf_token": token, "next": "//evil.example/"})
        assert r.status_code == 303 and r.headers["location"] == "/"


def test_private_mode_needs_a_viewer(site: Site) -> None:
    from fastapi.testclient import TestClient

    with TestClient(create_app(site.store, public_read=False)) as client:
        assert client.get("/api/v1/events").status_code == 401
        assert client.get("/api/v1/events", headers=bearer(site.tokens["vera"])).status_code == 200
        assert client.get("/", follow_redirects=False).status_code == 303
