"""Subscription filters: areas, boxes, polygons, actors, types and minimum fatalities."""

from __future__ import annotations

import pytest

from rasd.alerts import matches, validate_filters
from rasd.errors import InputError

EV = {"country": "Syria", "admin1": "Deir ez-Zor", "admin2": "Deir ez-Zor", "event_type": "Battles", "sub_event_type": "Armed clash",
      "actor1": "Liwa al-Quds", "actor2": "Usud al-Sharqiya", "latitude": 35.285, "longitude": 40.176, "fatalities": None, "fatalities_known": False}
SQUARE = [[40.0, 35.0], [40.5, 35.0], [40.5, 35.5], [40.0, 35.5]]


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        ({}, True),
        ({"admin1": ["Idlib", "Deir ez-Zor"]}, True),
        ({"admin1": "Idlib"}, False),
        ({"bbox": [40.0, 35.0, 40.5, 35.5]}, True),
        ({"bbox": [36.0, 35.0, 37.0, 36.0]}, False),
        ({"polygon": SQUARE}, True),
        ({"polygon": [[41, 35], [42, 35], [41.5, 36]]}, False),
        ({"actors": ["Usud al-Sharqiya"]}, True),
        ({"actors": ["Military Forces of Russia"]}, False),
        ({"event_types": ["Battles"], "sub_event_types": ["Armed clash"]}, True),
        ({"event_types": ["Protests"]}, False),
        ({"min_fatalities": 1}, True),  # deaths without a number count as ACLED's 3
        ({"min_fatalities": 5}, False),
    ],
)
def test_matches(filters: dict, expected: bool) -> None:
    assert matches(validate_filters(filters), EV) is expected


@pytest.mark.parametrize("bad", [{"colour": "red"}, {"bbox": [1, 2, 3]}, {"polygon": [[1, 2]]}, {"min_fatalities": -1}])
def test_bad_filters_are_refused(bad: dict) -> None:
    with pytest.raises(InputError):
        validate_filters(bad)
