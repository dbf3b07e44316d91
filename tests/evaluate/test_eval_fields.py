"""Field rules: what a careful coder would accept for each field."""

from __future__ import annotations

import pytest
from evalhelpers import gold_event

from rasd.evaluate.fields import FIELDS, check_fields, haversine_km
from rasd.evaluate.names import name_key


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Ash Shula", "al-Shula"),
        ("الشولا", "شولا"),
        ("مَعَرَّة النعمان", "معرة النعمان"),
        ("Deir ez-Zor (city)", "Deir ez-Zor"),
        ("Ma'arrat", "Maarrat"),
        ("Ḥomṣ", "Homs"),
    ],
)
def test_name_keys_ignore_spelling_noise(a: str, b: str) -> None:
    assert name_key(a) == name_key(b) != ""


@pytest.mark.parametrize(
    ("precision", "produced", "ok"),
    [
        (1, "2024-03-02", True),
        (1, "2024-03-01", False),
        (2, "2024-03-09", True),
        (2, "2024-03-10", False),
        (3, "2024-03-31", True),
        (3, "2024-04-01", False),
        (1, None, False),
        (1, "not a date", False),
    ],
)
def test_date_window_follows_time_precision(precision: int, produced: str | None, ok: bool) -> None:
    gold = gold_event(time_precision=precision)
    assert check_fields(gold, {"event_date": produced})["event_date"] is ok


@pytest.mark.parametrize(
    ("produced", "ok"),
    [("Idlib", True), ("إدلب", True), ("Idlib Governorate", True), ("محافظة إدلب", True), ("Aleppo", False), (None, False)],
)
def test_admin1_accepts_any_spelling_of_the_governorate(produced: str | None, ok: bool) -> None:
    assert check_fields(gold_event(), {"admin1": produced})["admin1"] is ok


def test_admin1_uses_gold_aliases() -> None:
    gold = gold_event(admin1="Gaza Strip", admin1_aliases=["غزة"])
    assert check_fields(gold, {"admin1": "غزة"})["admin1"]
    assert check_fields(gold, {"admin1": "Gaza"})["admin1"]  # a known spelling of the same area


@pytest.mark.parametrize(
    ("produced", "exact", "near"),
    [
        ({"location": "Maarat al-Numan"}, True, True),
        ({"location_ar": "مَعرة النعمان"}, True, True),
        ({"location": "Somewhere", "latitude": 35.70, "longitude": 36.70}, False, True),  # ~6 km away
        ({"location": "Idlib", "latitude": 35.93, "longitude": 36.63}, False, False),  # ~32 km away
        ({"location": "Somewhere"}, False, False),
    ],
)
def test_location_exact_and_within_10_km(produced: dict, exact: bool, near: bool) -> None:
    result = check_fields(gold_event(), produced)
    assert (result["location_exact"], result["location"]) == (exact, near)


def test_location_also_accepted_and_radius() -> None:
    gold = gold_event(location_also_accepted=["Idlib"], radius_km=50)
    assert check_fields(gold, {"location": "Idlib"})["location_exact"]
    assert check_fields(gold, {"latitude": 35.93, "longitude": 36.63})["location"]


@pytest.mark.parametrize(
    ("produced", "ok"),
    [
        ({"actor1": "Military Forces of Russia"}, True),
        ({"actor1": "روسيا"}, True),
        ({"actor2": "Russian Military Forces of Russia (2000-)"}, True),
        ({"assoc_actor_1": "Syrian Army; Military Forces of Russia"}, True),
        ({"actor1": "Military Forces of Syria"}, False),
        ({}, False),
    ],
)
def test_actors_found_in_any_role(produced: dict, ok: bool) -> None:
    assert check_fields(gold_event(), produced)["actors"] is ok


def test_both_gold_actors_needed() -> None:
    gold = gold_event(actor2="Hayat Tahrir al-Sham")
    assert not check_fields(gold, {"actor1": "Military Forces of Russia"})["actors"]
    assert check_fields(gold, {"actor1": "Russia", "actor2": "Hayat Tahrir al-Sham (HTS)"})["actors"]
    assert check_fields(gold, {"actor1": "Military Forces of Russia", "actor2": "Hayat Tahrir al-Sham"})["actors"]


@pytest.mark.parametrize(
    ("gold", "produced", "ok"),
    [
        ({"fatalities": 2}, {"fatalities": 2}, True),
        ({"fatalities": 2}, {"fatalities": "2"}, True),
        ({"fatalities": 2}, {"fatalities": 3}, False),
        ({"fatalities": 2}, {"fatalities": None}, False),
        ({"fatalities": None}, {"fatalities": None, "fatalities_known": False}, True),
        ({"fatalities": None}, {"fatalities": 0}, False),  # "dead and wounded": not zero
        ({"fatalities": None}, {"fatalities": None, "fatalities_known": True}, False),
    ],
)
def test_fatalities_unknown_must_stay_unknown(gold: dict, produced: dict, ok: bool) -> None:
    assert check_fields(gold_event(**gold), produced)["fatalities"] is ok


def test_fields_not_coded_are_not_scored() -> None:
    gold = gold_event()
    del gold["fatalities"]
    result = check_fields(gold, {"fatalities": 9})
    assert result["fatalities"] is True and result["injuries"] is None
    assert check_fields(gold_event(injuries=4), {"injuries": 4})["injuries"] is True
    assert list(result) == list(FIELDS)


def test_sub_event_type_alternatives() -> None:
    gold = gold_event(sub_event_type="Attack", sub_event_type_also_accepted=["Armed clash"])
    assert check_fields(gold, {"sub_event_type": "Armed clash"})["sub_event_type"]
    assert not check_fields(gold, {"sub_event_type": "Shelling/artillery/missile attack"})["sub_event_type"]


def test_haversine() -> None:
    assert haversine_km((33.5138, 36.2765), (33.5138, 36.2765)) == 0
    assert 140 < haversine_km((33.5138, 36.2765), (34.7324, 36.7137)) < 145  # Damascus to Homs
