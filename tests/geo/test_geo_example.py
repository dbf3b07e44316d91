"""The worked example in ../shared/examples: the places a coder records, found by find_places."""

from __future__ import annotations

import json

import pytest

from rasd.geo import Geocoder
from rasd.lang.ar.normalize import normalize

from .conftest import shared_path

pytestmark = pytest.mark.shared


@pytest.fixture(scope="module")
def mentions(geocoder: Geocoder):  # type: ignore[no-untyped-def]
    text = shared_path("examples", "alhal-2021-04-06-liwa-al-quds.txt").read_text(encoding="utf-8")
    return geocoder.find_places(normalize(text).text, country="SY")


def test_villages(mentions) -> None:  # type: ignore[no-untyped-def]
    found = {(m.best.name, m.best.kind, m.best.admin1) for m in mentions}
    assert ("Ash Shula", "village", "Deir ez-Zor") in found
    assert ("Kabajab", "village", "Deir ez-Zor") in found


def test_bare_airport_and_city(mentions) -> None:  # type: ignore[no-untyped-def]
    airport = next(m for m in mentions if "المطار العسكري" in m.phrase)
    assert airport.best.name == "Deir ez-Zor Military Airport"
    cities = [m for m in mentions if m.phrase == "المدينه"]
    assert cities and all((m.best.name, m.best.kind) == ("Deir ez-Zor", "city") for m in cities)


def test_no_jerusalem_from_liwa_al_quds(mentions) -> None:  # type: ignore[no-untyped-def]
    assert all(m.best.country in ("Syria", "Russia", "Iran") for m in mentions)


def test_gold_locations_are_found(mentions) -> None:  # type: ignore[no-untyped-def]
    gold = json.loads(shared_path("examples", "alhal-2021-04-06-liwa-al-quds.gold.json").read_text(encoding="utf-8"))
    names = {m.best.name for m in mentions}
    for event in gold["events"]:
        assert event["location"] in names, event["location"]
