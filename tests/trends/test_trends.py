"""Tags per event and document, and trends: rising this week against the four before, areas, weekly tolls."""

from __future__ import annotations

from collections import Counter
from datetime import date, timedelta

import pytest
from store_factories import doc, strike

from rasd.store import Store
from rasd.trends import document_hashtags, event_tags, flat_tags, rising, trends

TODAY = date(2023, 10, 12)  # a Thursday; its week starts on Monday 9 October


def test_hashtags_are_kept_as_the_source_wrote_them() -> None:
    assert document_hashtags("قصف على #دير_الزور و#الشولا ثم #دير_الزور") == ["دير الزور", "الشولا"]


def test_event_tags_by_kind() -> None:
    tags = event_tags({"actor1": "Liwa al-Quds", "actor2": "Usud al-Sharqiya", "location": "Ash Shula", "admin1": "Deir ez-Zor",
                       "country": "Syria", "event_type": "Battles", "sub_event_type": "Armed clash", "tags": ["لواء القدس", "Liwa al-Quds"]})
    assert tags == {"actors": ["Liwa al-Quds", "Usud al-Sharqiya"], "places": ["Ash Shula", "Deir ez-Zor", "Syria"],
                    "topics": ["Battles", "Armed clash"], "hashtags": ["لواء القدس"]}
    assert "hashtag:لواء القدس" in flat_tags(tags) and "actor:Liwa al-Quds" in flat_tags(tags)


def test_rising_beats_the_four_week_average() -> None:
    rows = rising(Counter({"A": 4, "B": 1, "C": 2}), Counter({"A": 4, "B": 8, "C": 0}))
    assert [r["name"] for r in rows] == ["C", "A"]  # C: 2 vs 0; A: 4 vs 1; B fell
    assert rows[1] == {"name": "A", "this_week": 4, "baseline": 1.0, "score": 1.5}


def _on(store: Store, key: str, day: date, **kw: object) -> None:
    store.save(doc(key, text=f"خبر {key}"), [strike(event_date=day.isoformat(), **kw)])


def test_trends_from_stored_events(store: Store) -> None:
    monday = TODAY - timedelta(days=TODAY.weekday())
    for i in range(3):  # this week: three strikes by one actor in three places of North Gaza
        _on(store, f"now{i}", monday + timedelta(days=i), location=f"Village {i}", latitude=31.5 + i / 10, longitude=34.5,
            actor1="Military Forces of Israel (2022-)")
    _on(store, "old", monday - timedelta(weeks=2), location="Rafah", latitude=31.28, longitude=34.25, admin1="Gaza Strip", admin2="Rafah",
        actor1="Hamas", fatalities=None, fatalities_known=False)
    t = trends_of(store)
    assert t["week_of"] == "2023-10-09"
    assert t["rising"]["actors"][0]["name"] == "Military Forces of Israel (2022-)" and t["rising"]["actors"][0]["this_week"] == 3
    assert "Hamas" not in [r["name"] for r in t["rising"]["actors"]]
    assert t["most_active_areas"] == [{"admin1": "Gaza Strip", "events": 4}]
    weeks = {w["week"]: w for w in t["fatalities_by_week"]}
    assert len(weeks) == 12 and weeks["2023-10-09"] == {"week": "2023-10-09", "events": 3, "fatalities": 15, "unknown_tolls": 0}
    assert weeks["2023-09-25"]["fatalities"] == 3 and weeks["2023-09-25"]["unknown_tolls"] == 1


def trends_of(store: Store) -> dict:
    with store.transaction() as conn:
        return trends(conn, today=TODAY)


def test_trends_and_tags_endpoints(store: Store) -> None:
    pytest.importorskip("fastapi")
    from fastapi.testclient import TestClient

    from rasd.api import create_app

    store.save(doc("a"), [strike(event_date=TODAY.isoformat(), tags=["غزة"])])
    client = TestClient(create_app(store, web=False))
    t = client.get("/api/v1/trends", params={"week_of": TODAY.isoformat(), "country": "Palestine"}).json()
    assert t["rising"]["places"][0]["name"] == "Jabalia"
    assert client.get("/api/v1/trends", params={"week_of": TODAY.isoformat(), "country": "Syria"}).json()["most_active_areas"] == []
    tags = client.get("/api/v1/events/1/tags").json()
    assert tags["actors"] == ["Military Forces of Israel (2022-)", "Civilians (Palestine)"] and tags["topics"][0] == "Explosions/Remote violence"
    assert client.get("/api/v1/events/99/tags").status_code == 404
