"""The read API over a real server: filters, paging, sorting, detail with evidence, GeoJSON, statistics."""

from __future__ import annotations

import httpx
import pytest

from rasd import __version__


def ids(client: httpx.Client, **params: object) -> list[int]:
    r = client.get("/api/v1/events", params={"limit": 500, **params})
    assert r.status_code == 200, r.text
    return [e["id"] for e in r.json()["items"]]


def test_list_is_newest_first_and_pages(http: httpx.Client) -> None:
    all_ids = ids(http)
    assert len(all_ids) >= 6
    page = http.get("/api/v1/events", params={"limit": 2, "offset": 2, "total": True}).json()
    assert [e["id"] for e in page["items"]] == all_ids[2:4]
    assert page["has_more"] is True and page["total"] == len(all_ids)
    dates = [e["event_date"] for e in http.get("/api/v1/events").json()["items"]]
    assert dates == sorted(dates, reverse=True)


def test_sort_by_fatalities(http: httpx.Client) -> None:
    items = http.get("/api/v1/events", params={"sort": "-fatalities"}).json()["items"]
    tolls = [e["fatalities"] or 0 for e in items]
    assert tolls == sorted(tolls, reverse=True)
    assert http.get("/api/v1/events", params={"sort": "password_hash"}).status_code == 422


@pytest.mark.parametrize(
    ("params", "check"),
    [
        ({"country": "Yemen"}, lambda e: e["country"] == "Yemen"),
        ({"admin1": "Idlib"}, lambda e: e["admin1"] == "Idlib"),
        ({"event_type": "Battles"}, lambda e: e["event_type"] == "Battles"),
        ({"sub_event_type": "Air/drone strike"}, lambda e: e["sub_event_type"] == "Air/drone strike"),
        ({"date_from": "2024-03-01", "date_to": "2024-03-31"}, lambda e: "2024-03-01" <= e["event_date"] <= "2024-03-31"),
        ({"date_from": "2024-03"}, lambda e: e["event_date"] >= "2024-03-01"),
        ({"bbox": "35,33,37.5,37"}, lambda e: 33 <= e["latitude"] <= 37 and 35 <= e["longitude"] <= 37.5),
        ({"review_status": "machine"}, lambda e: e["review_status"] == "machine"),
        ({"actor": "rapid support"}, lambda e: "Rapid Support" in (e["actor1"] or "") + (e["actor2"] or "")),
    ],
)
def test_each_filter(http: httpx.Client, params: dict[str, str], check: object) -> None:
    items = http.get("/api/v1/events", params={"limit": 500, **params}).json()["items"]
    assert items, params
    assert all(check(e) for e in items)  # type: ignore[operator]
    assert len(items) < len(ids(http))


def test_free_text_searches_fields_and_articles(http: httpx.Client) -> None:
    by_article = http.get("/api/v1/events", params={"q": "الدفاع المدني"}).json()["items"]  # only in the Kafranbel article
    assert [e["location"] for e in by_article] == ["Kafranbel"]
    assert [e["location"] for e in http.get("/api/v1/events", params={"q": "Jabalia"}).json()["items"]] == ["Jabalia Camp"]


def test_event_detail_has_reports_evidence_and_trail(http: httpx.Client) -> None:
    event_id = ids(http, admin1="Gaza Strip")[0]
    d = http.get(f"/api/v1/events/{event_id}").json()
    assert d["event"]["id"] == event_id and d["history"] == []
    (report,) = d["reports"]
    text = http.get(f"/api/v1/documents/{report['document_id']}").json()["text"]
    assert {s["field"] for s in report["evidence"]} >= {"event_type", "location", "fatalities"}
    for span in report["evidence"]:
        assert text[span["start"] : span["end"]] == span["text"]


def test_geojson(http: httpx.Client) -> None:
    r = http.get("/api/v1/events.geojson", params={"country": "Syria"})
    assert r.headers["content-type"].startswith("application/geo+json")
    geo = r.json()
    assert geo["type"] == "FeatureCollection" and geo["features"]
    events = {e["id"]: e for e in http.get("/api/v1/events", params={"country": "Syria", "limit": 500}).json()["items"]}
    assert [f["id"] for f in geo["features"]] == [i for i, e in events.items() if e["latitude"] is not None]  # same order
    for f in geo["features"]:
        lon, lat = f["geometry"]["coordinates"]
        assert 35 < lon < 43 and 32 < lat < 38 and f["properties"]["country"] == "Syria"
        e = events[f["id"]]
        assert (lon, lat) == (round(e["longitude"], 5), round(e["latitude"], 5))
        assert f["properties"] == {k: e[k] for k in f["properties"]} and isinstance(f["properties"]["fatalities_known"], bool)
    assert len(http.get("/api/v1/events.geojson", params={"country": "Syria", "limit": 1}).json()["features"]) == 1


def test_health(http: httpx.Client) -> None:
    assert http.get("/api/v1/health").json() == {"status": "ok", "version": __version__, "database": "sqlite"}


def test_stats_by_week_and_type(http: httpx.Client) -> None:
    rows = http.get("/api/v1/stats", params={"interval": "week", "by": "event_type"}).json()["rows"]
    assert sum(r["events"] for r in rows) == len(ids(http))
    assert all(r["period"] <= "2024-12-31" and r["key"] for r in rows)
    gaza = http.get("/api/v1/stats", params={"interval": "week", "admin1": "Gaza Strip"}).json()["rows"]
    assert gaza == [{"period": "2024-02-05", "events": 1, "fatalities": 5, "unknown_tolls": 0}]  # Saturday 10 Feb → week of Monday 5 Feb
    by_area = http.get("/api/v1/stats", params={"interval": "none", "by": "country"}).json()["rows"]
    assert {r["key"] for r in by_area} >= {"Syria", "Yemen", "Sudan"}


def test_documents_actors_places(http: httpx.Client) -> None:
    hits = http.get("/api/v1/documents", params={"q": "الفاشر"}).json()
    assert [h["doc_key"] for h in hits] == ["sudan-attack"]
    actors = http.get("/api/v1/actors", params={"q": "ansar"}).json()
    assert actors and any(a["name"] == "Ansar Allah" for a in actors)
    one = http.get(f"/api/v1/actors/{actors[0]['id']}").json()
    assert one["aliases"] and "facts" in one
    places = http.get("/api/v1/places", params={"country": "Sudan"}).json()
    assert [p["name"] for p in places] == ["El Fasher"] and places[0]["n_events"] == 1
    events = http.get(f"/api/v1/documents/{hits[0]['document_id']}/events").json()
    assert events[0]["evidence"]


def test_errors_are_json_with_status(http: httpx.Client) -> None:
    for path in ("/api/v1/events/999999", "/api/v1/documents/999999", "/api/v1/actors/999999"):
        r = http.get(path)
        assert r.status_code == 404 and r.json()["error"]["status"] == 404
    bad = http.get("/api/v1/events", params={"limit": 0})
    assert bad.status_code == 422 and bad.json()["error"]["kind"] == "ValidationError"
    assert http.get("/api/v1/openapi.json").json()["info"]["title"] == "Rasd API"
