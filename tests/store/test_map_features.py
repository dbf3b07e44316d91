"""The map's stored features follow their events through every write, on both backends (migration 0006)."""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy import select
from store_factories import doc, strike

from rasd.store import Store
from rasd.store.models import EventMapFeature, table_of

MF = table_of(EventMapFeature)


def features(store: Store) -> dict[int, dict[str, Any]]:
    """Every stored feature, parsed, by event id."""
    with store.engine.connect() as conn:
        return {r.event_id: json.loads(r.feature) for r in conn.execute(select(MF.c.event_id, MF.c.feature))}


def test_a_saved_event_gets_its_feature(store: Store) -> None:
    store.save(doc("a"), [strike()])
    (eid, feature), = features(store).items()
    assert feature["type"] == "Feature" and feature["id"] == eid
    assert feature["geometry"] == {"type": "Point", "coordinates": [34.4835, 31.5272]}
    props = feature["properties"]
    assert props["id"] == eid and props["event_date"] == "2023-10-10" and props["location"] == "Jabalia"
    assert props["fatalities"] == 5 and props["fatalities_known"] is True and props["review_status"] == "machine"
    assert props["actor1"] == "Military Forces of Israel (2022-)" and props["sub_event_type"] == "Air/drone strike"


def test_an_unlocated_event_has_no_feature(store: Store) -> None:
    store.save(doc("a"), [strike(latitude=None, longitude=None, location=None)])
    assert features(store) == {}


def test_a_review_rewrites_or_drops_the_feature(store: Store) -> None:
    store.save(doc("a"), [strike()])
    (eid,) = features(store)
    store.review(eid, "corrected", reviewer="rana", changes={"location": "Beit Lahia", "latitude": 31.55, "longitude": 34.50, "fatalities": None, "fatalities_known": False})
    props = features(store)[eid]["properties"]
    assert props["location"] == "Beit Lahia" and props["review_status"] == "corrected"
    assert props["fatalities"] is None and props["fatalities_known"] is False
    assert features(store)[eid]["geometry"]["coordinates"] == [34.5, 31.55]
    store.review(eid, "corrected", reviewer="rana", changes={"latitude": None})
    assert features(store) == {}
    store.review(eid, "approved", reviewer="rana", changes={"latitude": 31.6})
    assert features(store)[eid]["properties"]["review_status"] == "approved"


def test_a_deleted_event_takes_its_feature_along(store: Store) -> None:
    store.save(doc("a", version="t1"), [strike()])
    assert len(features(store)) == 1
    store.save(doc("a", "النص تغيّر ولم يعد فيه حدث", version="t1"), [])  # the changed document no longer reports it
    assert store.counts()["events"] == 0 and features(store) == {}


def test_upgrading_fills_the_features_of_stored_events_and_downgrading_removes_them(store: Store) -> None:
    from alembic import command
    from sqlalchemy import inspect

    from rasd.store.engine import _alembic_config, migrate

    with store.engine.begin() as conn:
        command.downgrade(_alembic_config(conn), "0005")
    with store.engine.connect() as conn:
        assert not inspect(conn).has_table("event_map_features")
    store.save(doc("a"), [strike()])  # written while the schema had no map table
    migrate(store.engine)
    (feature,) = features(store).values()
    assert feature["properties"]["location"] == "Jabalia"
