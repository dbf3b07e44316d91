"""Hostile input: SQL metacharacters in every filter, markup in articles and fields, the OpenAPI schema fuzzed."""

from __future__ import annotations

import httpx
import pytest
from apikit import XSS_IMG, XSS_SCRIPT, Site

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
