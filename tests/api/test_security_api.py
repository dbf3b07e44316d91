"""Hostile input: SQL metacharacters in every filter, markup in articles and fields, the OpenAPI schema fuzzed."""

from __future__ import annotations

import httpx
import pytest
from apikit import PASSWORD, XSS_IMG, XSS_SCRIPT, Site, populate
from fastapi.testclient import TestClient
from store_factories import PG_SKIP, PG_URL

from rasd.api import create_app
from rasd.store import open_store

NASTY = ["' OR '1'='1", "'; DROP TABLE events; --", '" OR ""="', "%", "_x_", "\\", "%' --", "1) OR (1=1", "ق' UNION SELECT password_hash FROM users --", "*", '"قصف" NEAR/2 "xyzzy" *']
FILTERS = ["country", "admin1", "event_type", "sub_event_type", "actor", "q"]


@pytest.mark.parametrize("name", FILTERS)
def test_sql_metacharacters_in_every_filter_are_just_text(http: httpx.Client, name: str) -> None:
    total = len(http.get("/api/v1/events", params={"limit": 500}).json()["items"])
    for value in NASTY:
        for path in ("/api/v1/events", "/api/v1/events.geojson", "/api/v1/stats"):
            r = http.get(path, params={name: value})
            assert r.status_code == 200, (path, value, r.text)
        assert http.get("/api/v1/events", params={name: value}).json()["items"] == [], value
    assert len(http.get("/api/v1/events", params={"limit": 500}).json()["items"]) == total


def test_malformed_dates_bbox_and_sorts_are_422(http: httpx.Client) -> None:
    for params in ({"date_from": "2024-01-01' OR 1=1"}, {"bbox": "1,2,3"}, {"sort": "id; DROP TABLE users"}, {"q": "a\x00b"}):
        assert http.get("/api/v1/events", params=params).status_code == 422


def test_server_pages_escape_markup(http: httpx.Client, site: Site) -> None:
    event = http.get(f"/api/v1/events/{site.xss_event}").json()
    pages = [http.get(f"/events/{site.xss_event}").text, http.get(f"/documents/{event['reports'][0]['document_id']}").text]
    for html in pages:
        assert "<script>window.__xss" not in html and "<img src=x" not in html
        assert "&lt;script&gt;window.__xss=1&lt;/script&gt;" in html
    assert "&lt;img src=x onerror=" in pages[1]


def test_json_carries_markup_verbatim(http: httpx.Client, site: Site) -> None:
    e = http.get(f"/api/v1/events/{site.xss_event}").json()["event"]
    assert e["actor1"] == XSS_SCRIPT and e["location"] == XSS_IMG


def test_security_headers(http: httpx.Client) -> None:
    r = http.get("/")
    assert "script-src 'self'" in r.headers["content-security-policy"]
    assert r.headers["x-content-type-options"] == "nosniff"


@pytest.mark.postgres
def test_an_unreachable_database_is_503_not_500() -> None:
    """PostgreSQL refuses connections mid-run (a restart, a failover): reads and writes answer 503 with Retry-After."""
    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url

    if not (pg := PG_URL):
        pytest.skip(PG_SKIP)
    admin = create_engine(pg, isolation_level="AUTOCOMMIT")
    name = "rasd_down_test"
    with admin.connect() as conn:
        conn.execute(text(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)"))
        conn.execute(text(f"CREATE DATABASE {name}"))
    store = open_store(make_url(pg).set(database=name).render_as_string(hide_password=False))
    try:
        populate(store)
        with TestClient(create_app(store)) as client:
            assert client.get("/api/v1/events").status_code == 200
            with admin.connect() as conn:
                conn.execute(text(f"ALTER DATABASE {name} ALLOW_CONNECTIONS false"))
                conn.execute(text(f"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '{name}'"))
            for r in (client.get("/api/v1/events", params={"limit": 7}), client.get("/api/v1/health"),
                      client.post("/api/v1/auth/login", json={"name": "rana", "password": PASSWORD})):
                assert r.status_code == 503, (r.request.url, r.status_code, r.text)
                assert r.json()["error"]["kind"] == "DatabaseUnavailable" and r.headers["retry-after"] == "5"
    finally:
        store.close()
        with admin.connect() as conn:
            conn.execute(text(f"ALTER DATABASE {name} ALLOW_CONNECTIONS true"))
            conn.execute(text(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)"))
        admin.dispose()
