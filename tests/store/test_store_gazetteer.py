"""The store's own gazetteer: a review that places an unlisted village teaches the store, the geocoder uses it, export reads back."""

from __future__ import annotations

import io
from collections.abc import Iterator
from pathlib import Path

import pytest
from store_factories import doc, strike
from typer.testing import CliRunner

from rasd.cli import app
from rasd.geo import get_geocoder
from rasd.geo.geocoder import Geocoder
from rasd.geo.store import read_places
from rasd.store import Store, open_store
from rasd.store.gazetteer import StoreGazetteer, is_unlisted

FLAG = {"location": "not in the gazetteer: placed at Ariha"}
# An event as the extractor writes a village it cannot find: named as written, placed at the district.
BARA = {
    "country": "Syria", "iso": 760, "admin1": "Idlib", "admin2": "Ariha", "admin3": None, "location": "Al-Bara",
    "location_ar": "البارة", "latitude": 35.68, "longitude": 36.55, "geo_precision": 2, "vague": dict(FLAG),
    "event_date": "2024-03-02", "actor1": "Military Forces of Syria (2000-)", "actor2": "Civilians (Syria)",
    "notes": "On 2 March 2024, regime forces shelled Al-Bara.", "evidence": {},
}  # fmt: skip


@pytest.fixture(autouse=True)
def clean_geocoder() -> Iterator[None]:
    """The process-wide geocoder forgets any store's places after each test."""
    yield
    get_geocoder().use_places([], version=None)


def _event(store: Store, key: str = "bara-1", **kw: object) -> int:
    store.save(doc(key, "قصفت قوات النظام قرية البارة في جبل الزاوية"), [strike(**(BARA | kw))])
    return int(store.events()[0]["id"])


def test_setting_coordinates_of_an_unlisted_village_adds_it(store: Store) -> None:
    eid = _event(store)
    store.review(eid, "corrected", reviewer="rana", changes={"latitude": 35.6843, "longitude": 36.5289, "geo_precision": 1})
    [row] = StoreGazetteer(store).rows()
    assert (row["name_ar"], row["name"], row["kind"], row["country"]) == ("البارة", "Al-Bara", "village", "SY")
    assert (row["admin1"], row["admin2"], row["admin3"]) == ("Idlib", "Ariha", None)
    assert (row["latitude"], row["longitude"]) == (35.6843, 36.5289)
    assert row["added_by"] == "rana" and row["event_id"] == eid and row["added_at"] is not None
    event = store.events()[0]
    assert not is_unlisted(event["vague"]) and event["geo_precision"] == 1


def test_latitude_then_longitude_moves_one_place(store: Store) -> None:
    eid = _event(store)
    store.review(eid, "corrected", reviewer="rana", changes={"latitude": 35.6843})
    store.review(eid, "corrected", reviewer="omar", changes={"longitude": 36.5289})
    [row] = StoreGazetteer(store).rows()
    assert (row["latitude"], row["longitude"], row["added_by"]) == (35.6843, 36.5289, "omar")


@pytest.mark.parametrize(
    ("vague", "changes"),
    [
        ({}, {"latitude": 35.7, "longitude": 36.6}),  # a known place moved: nothing to learn
        (FLAG, {"fatalities": 4}),  # the toll corrected, the place left alone
        (FLAG, {"location": "Ariha", "location_ar": "أريحا", "latitude": 35.81, "longitude": 36.61}),  # the event moved elsewhere
    ],
)
def test_reviews_that_place_no_village_add_nothing(store: Store, vague: dict[str, str], changes: dict[str, object]) -> None:
    eid = _event(store, vague=dict(vague))
    store.review(eid, "corrected", reviewer="rana", changes=changes)
    assert StoreGazetteer(store).rows() == []
    assert is_unlisted(store.events()[0]["vague"]) == bool(vague)


def test_a_new_place_keeps_the_article_spelling_as_alias(store: Store) -> None:
    eid = _event(store, vague={})
    changes = {"location": "Al Barah", "location_ar": "البارة الشرقية", "latitude": 35.69, "longitude": 36.53, "geo_precision": 1}
    store.review(eid, "corrected", reviewer="rana", changes=changes, new_place="town")
    [place] = StoreGazetteer(store).places()
    assert (place.name_ar, place.name, place.kind, place.source) == ("البارة الشرقية", "Al Barah", "town", "store")
    assert place.aliases == ("البارة",)
    assert place.note.startswith("added by rana on ") and place.note.endswith(f"from event #{eid}")


def test_the_geocoder_places_the_village_at_the_reviewers_point(store: Store) -> None:
    eid = _event(store)
    geocoder = Geocoder(get_geocoder().gazetteer)
    places = StoreGazetteer(store)
    assert places.sync(geocoder) is False  # an empty store changes nothing
    assert geocoder.geocode("قرية البارة جبل الزاوية")[0].source == "unlisted"
    store.review(eid, "corrected", reviewer="rana", changes={"latitude": 35.6843, "longitude": 36.5289})
    assert places.sync(geocoder) is True and places.sync(geocoder) is False
    best = geocoder.geocode("قرية البارة جبل الزاوية")[0]
    assert (best.name, best.source, best.geo_precision, best.latitude, best.longitude) == ("Al-Bara", "store", 1, 35.6843, 36.5289)
    assert (best.country, best.admin1, best.admin2) == ("Syria", "Idlib", "Ariha")
    store.review(eid, "corrected", reviewer="rana", changes={"latitude": 35.7})
    assert places.sync(geocoder) is True and geocoder.geocode("البارة")[0].latitude == 35.7


def test_export_writes_what_import_reads(store: Store, tmp_path: Path) -> None:
    eid = _event(store)
    store.review(eid, "corrected", reviewer="rana", changes={"latitude": 35.6843, "longitude": 36.5289})
    store.save(doc("camp-1", "مخيم الكرامة"), [strike(**(BARA | {"location_ar": "مخيم الكرامة", "location": "Karama Camp", "event_date": "2024-05-01", "latitude": 36.0}))])
    camp = next(e["id"] for e in store.events() if e["location_ar"] == "مخيم الكرامة")
    store.review(camp, "corrected", reviewer="omar", changes={"location_ar": "الكرامة", "latitude": 36.1, "longitude": 36.7}, new_place="camp")
    buffer = io.StringIO()
    assert StoreGazetteer(store).export(buffer) == 2
    out = tmp_path / "places.tsv"
    out.write_text(buffer.getvalue(), encoding="utf-8")
    assert read_places(out) == StoreGazetteer(store).places()


def test_cli_export_then_import_round_trip(store: Store, tmp_path: Path) -> None:
    target = store if store.url != "sqlite://" else open_store(str(tmp_path / "events.db"))  # the CLI needs a file or a server
    target.review(_event(target), "corrected", reviewer="rana", changes={"latitude": 35.6843, "longitude": 36.5289})
    url = target.url
    if target is not store:
        target.close()
    out, user = tmp_path / "places.tsv", tmp_path / "user.tsv"
    runner = CliRunner()
    result = runner.invoke(app, ["gazetteer", "export", "--db", url, "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert "1 places" in result.output
    result = runner.invoke(app, ["gazetteer", "import", str(out), "--gazetteer", str(user)])
    assert result.exit_code == 0, result.output
    [imported] = read_places(user)
    [exported] = read_places(out)
    assert imported.source == "user" and exported.source == "store"
    assert (imported.id, imported.name_ar, imported.latitude, imported.longitude, imported.admin2, imported.note) == (
        exported.id, "البارة", 35.6843, 36.5289, "Ariha", exported.note,
    )
    best = Geocoder(user_gazetteer=user).geocode("قرية البارة")[0]
    assert (best.name, best.latitude, best.geo_precision) == ("Al-Bara", 35.6843, 1)
