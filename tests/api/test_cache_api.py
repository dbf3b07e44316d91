"""The response cache: a repeated read is served from it, and any write shows on the very next read."""

from __future__ import annotations

from pathlib import Path

import pytest
from apikit import BackendSite, bearer, populate
from fastapi.testclient import TestClient
from sqlalchemy import create_engine, text
from store_factories import PG_SKIP, PG_URL

from rasd.api import create_app
from rasd.api.cache import ResponseCache
from rasd.store import open_store
from rasd.store.models import REVIEW_STATUSES


def cache_of(client: TestClient) -> ResponseCache:
    """The cache middleware in the app's stack."""
    layer = client.app.middleware_stack  # type: ignore[attr-defined]
    while not isinstance(layer, ResponseCache):
        layer = layer.app
    return layer


def status_of(client: TestClient, eid: int) -> dict[str, object]:
    """How the list, the map and the statistics see one event's review status."""
    every = {"review_status": list(REVIEW_STATUSES)}  # a rejected event is left out unless asked for
    page = client.get("/api/v1/events", params={"sort": "id", "limit": 500, **every}).json()["items"]
    geo = client.get("/api/v1/events.geojson", params=every).json()["features"]
    stats = client.get("/api/v1/stats", params={"interval": "none", "by": "review_status", **every}).json()["rows"]
    return {
        "list": next(e["review_status"] for e in page if e["id"] == eid),
        "map": next(f["properties"]["review_status"] for f in geo if f["id"] == eid),
        "stats": {r["key"]: r["events"] for r in stats},
    }


def test_a_repeated_read_is_served_from_the_cache(backend_site: BackendSite) -> None:
    _, _, client, _ = backend_site
    first = client.get("/api/v1/events.geojson", params={"limit": 3, "country": "Palestine"})
    assert len(cache_of(client)) == 1
    again = client.get("/api/v1/events.geojson", params={"country": "Palestine", "limit": 3})  # same query, other order
    plain = client.get("/api/v1/events.geojson", params={"limit": 3, "country": "Palestine"}, headers={"accept-encoding": "identity"})
    assert len(cache_of(client)) == 1
    assert first.headers["content-encoding"] == again.headers["content-encoding"] == "gzip"  # built or kept, sent gzipped
    assert "content-encoding" not in plain.headers
    assert first.content == again.content == plain.content
    assert first.headers["content-type"] == again.headers["content-type"] == plain.headers["content-type"] == "application/geo+json"
    assert again.headers["content-security-policy"] and again.headers["vary"] == "accept-encoding"


def test_a_review_shows_on_the_next_read(backend_site: BackendSite) -> None:
    _, _, client, tokens = backend_site
    eid = client.get("/api/v1/events", params={"sort": "id"}).json()["items"][0]["id"]
    before = status_of(client, eid)
    assert before == status_of(client, eid) and before["list"] == before["map"] == "machine"  # second round from the cache
    r = client.post(f"/api/v1/events/{eid}/review", json={"action": "reject"}, headers=bearer(tokens["rana"]))
    assert r.status_code == 200, r.text
    after = status_of(client, eid)
    assert after["list"] == after["map"] == "rejected"
    assert eid not in {e["id"] for e in client.get("/api/v1/events", params={"sort": "id", "limit": 500}).json()["items"]}  # unless asked for
    assert after["stats"]["rejected"] == before["stats"].get("rejected", 0) + 1  # type: ignore[union-attr]


def test_a_write_from_another_process_shows_on_the_next_read(backend_site: BackendSite) -> None:
    url, _, client, _ = backend_site
    eid = client.get("/api/v1/events", params={"sort": "id"}).json()["items"][0]["id"]
    assert status_of(client, eid)["map"] == "machine"
    assert len(cache_of(client)) == 4  # the first page, then the list, map and statistics status_of reads: all kept
    with open_store(url) as other:  # its own engine and connections, as ``rasd ingest`` elsewhere would have
        other.review(eid, "corrected", reviewer="elsewhere", changes={"location": "Khan Younis camp"})
    assert status_of(client, eid)["map"] == "corrected"
    located = client.get("/api/v1/events.geojson").json()["features"]
    assert next(f["properties"]["location"] for f in located if f["id"] == eid) == "Khan Younis camp"


def test_the_register_is_kept_and_a_new_entry_shows_on_the_next_read(backend_site: BackendSite) -> None:
    _, _, client, tokens = backend_site
    before = client.get("/api/v1/casualties", params={"limit": 1000}).json()
    assert client.get("/api/v1/casualties", params={"limit": 1000}).json() == before and len(cache_of(client)) == 1
    r = client.post("/api/v1/casualties", json={"name": "سلمى يوسف الحاج", "date": "2024-03-01", "place": "Jenin"}, headers=bearer(tokens["rana"]))
    assert r.status_code == 201, r.text
    after = client.get("/api/v1/casualties", params={"limit": 1000}).json()
    assert len(after) == len(before) + 1 and any(p["name"] == "سلمى يوسف الحاج" for p in after)


def test_a_wrong_token_is_refused_even_for_a_cached_read(backend_site: BackendSite) -> None:
    _, _, client, _ = backend_site
    assert client.get("/api/v1/events").status_code == 200
    assert client.get("/api/v1/events", headers=bearer("rasd_wrong")).status_code == 401


def test_a_private_site_caches_nothing(tmp_path: Path) -> None:
    store = open_store(str(tmp_path / "rasd.db"))
    populate(store)
    with TestClient(create_app(store, public_read=False)) as client:
        assert client.get("/api/v1/events").status_code == 401
        assert client.get("/api/v1/events").status_code == 401
        assert not len(cache_of(client))
    store.close()


def test_without_a_data_version_answers_are_gzipped_but_not_kept() -> None:
    store = open_store(":memory:")  # no file, so no PRAGMA data_version to trust: as on PostgreSQL
    populate(store)
    with TestClient(create_app(store)) as client:
        zipped = client.get("/api/v1/events.geojson")
        plain = client.get("/api/v1/events.geojson", headers={"accept-encoding": "identity"})
        assert zipped.headers["content-encoding"] == "gzip" and "content-encoding" not in plain.headers
        assert zipped.json() == plain.json() and zipped.json()["features"]
        assert zipped.headers["vary"] == plain.headers["vary"] == "accept-encoding"
        assert not len(cache_of(client))
    store.close()


@pytest.mark.postgres
def test_a_lost_postgres_connection_only_stops_the_keeping() -> None:
    if not PG_URL:
        pytest.skip(PG_SKIP)
    from rasd.api.cache import SnapshotVersion

    version = SnapshotVersion(PG_URL)
    first = version()
    assert version() == first  # nothing written in between
    pid = version._conn.exec_driver_sql("SELECT pg_backend_pid()").scalar_one()  # type: ignore[union-attr]
    engine = create_engine(PG_URL)
    with engine.begin() as conn:  # the server ends the version's connection, as a restart would
        assert conn.execute(text("SELECT pg_terminate_backend(:pid)"), {"pid": pid}).scalar_one()
    engine.dispose()
    lost = version()
    assert lost != version()  # while it reconnects, versions equal nothing: nothing is served from the cache
    again = version()
    assert isinstance(again, str) and version() == again  # reconnected
    version.close()
