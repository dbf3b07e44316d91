"""English notes in ACLED's manner: date, actors, what, where, casualties, honest about vague and unknown figures."""

from __future__ import annotations

import pytest

from rasd.extract.notes import english_notes

STRIKE = {"event_date": "2021-04-05", "time_precision": 1, "event_type": "Explosions/Remote violence", "sub_event_type": "Air/drone strike",
          "actor1": "Military Forces of Russia", "actor2": "Liwa al-Quds", "location": "Ash Shula", "admin1": "Deir ez-Zor",
          "geo_precision": 2, "fatalities": 3, "injuries": 4}


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        ({}, ("On 5 April 2021, Military Forces of Russia carried out an air/drone strike on Liwa al-Quds near Ash Shula (Deir ez-Zor). "
              "3 Liwa al-Quds members were killed and 4 wounded.")),
        ({"fatalities": None, "fatalities_known": False, "injuries": None}, "Fatalities were reported, but no number was given."),
        ({"fatalities": 10, "vague": {"fatalities": "عشرات القتلى"}}, "reported only as a vague count (عشرات القتلى), coded as 10."),
        ({"time_precision": 2, "event_date": "2021-02-15"}, "Around 15 February 2021,"),
        ({"time_precision": 3, "event_date": "2021-02-15"}, "In February 2021,"),
        ({"geo_precision": 3, "location": "Syrian Desert", "admin1": None}, "in the Syrian Desert area."),
        ({"actor2": "Civilians (Syria)", "fatalities": 1, "injuries": 0}, "1 civilian was killed."),
        ({"actor1": None}, "Unidentified actors carried out"),
        ({"sub_event_type": "Armed clash", "event_type": "Battles"}, "Military Forces of Russia clashed with Liwa al-Quds near"),
        ({"sub_event_type": "Armed clash", "event_type": "Battles", "actor2": None}, "Russia clashed with an unidentified armed group near Ash Shula"),
        ({"sub_event_type": "Shelling/artillery/missile attack", "actor2": None}, "Russia carried out shelling near Ash Shula"),
        ({"event_date": None}, "On an unknown date, Military Forces of Russia carried out"),
    ],
)
def test_notes(change: dict, expected: str) -> None:
    assert expected in english_notes({**STRIKE, **change})


def test_source_count_is_said_when_several() -> None:
    assert english_notes(STRIKE, n_sources=3).endswith("Reported by 3 sources.")
    assert "Reported" not in english_notes(STRIKE)
