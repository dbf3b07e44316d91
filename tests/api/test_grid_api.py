"""``/api/v1/events.grid``: every matching event counted in cells, on SQLite and PostgreSQL."""

from __future__ import annotations

from apikit import BackendSite

from rasd.model import acled_fatalities


def test_cells_count_every_located_event_once(backend_site: BackendSite) -> None:
    _, _, client, _ = backend_site
    points = client.get("/api/v1/events.geojson").json()["features"]
    r = client.get("/api/v1/events.grid", params={"cell": 0.5})
    assert r.status_code == 200 and r.headers["content-type"].startswith("application/geo+json")
    cells = r.json()["features"]
    assert sum(c["properties"]["events"] for c in cells) == len(points)
    assert sum(c["properties"]["fatalities"] for c in cells) == sum(acled_fatalities(p["properties"])[0] for p in points)
    assert sum(c["properties"]["unknown_tolls"] for c in cells) == sum(p["properties"]["fatalities_known"] is False for p in points)
    for cell in cells:
        west, south, east, north = cell["properties"]["bounds"]
        lon, lat = cell["geometry"]["coordinates"]
        assert east - west == north - south == 0.5 and west <= lon <= east and south <= lat <= north
        inside = [p for p in points if west <= p["geometry"]["coordinates"][0] < east and south <= p["geometry"]["coordinates"][1] < north]
        assert len(inside) == cell["properties"]["events"]
        assert sum(cell["properties"]["event_types"].values()) == len(inside)
        assert cell["properties"]["top_type"] in {p["properties"]["event_type"] for p in inside}


def test_filters_apply_and_bad_cells_are_refused(backend_site: BackendSite) -> None:
    _, _, client, _ = backend_site
    syria = client.get("/api/v1/events.grid", params={"country": "Syria", "cell": 10}).json()["features"]
    everywhere = client.get("/api/v1/events.grid", params={"cell": 10}).json()["features"]
    assert 0 < sum(c["properties"]["events"] for c in syria) < sum(c["properties"]["events"] for c in everywhere)
    assert client.get("/api/v1/events.grid", params={"cell": 0}).status_code == 422
    assert client.get("/api/v1/events.grid", params={"cell": 11}).status_code == 422
