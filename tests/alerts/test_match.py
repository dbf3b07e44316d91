"""Subscription filters are the event filter: areas, boxes, polygons, actors, types, dates and minimum fatalities, in SQL."""

from __future__ import annotations

import pytest
from store_factories import doc, strike

from rasd.alerts import matching, validate_filters
from rasd.errors import InputError
from rasd.store import Store

CLASH = {"country": "Syria", "admin1": "Deir ez-Zor", "admin2": "Deir ez-Zor", "location": "Deir ez-Zor", "event_type": "Battles",
         "sub_event_type": "Armed clash", "actor1": "Liwa al-Quds", "actor2": "Usud al-Sharqiya", "latitude": 35.285, "longitude": 40.176,
         "fatalities": None, "fatalities_known": False, "event_date": "2024-03-12"}
SQUARE = [[40.0, 35.0], [40.5, 35.0], [40.5, 35.5], [40.0, 35.5]]
CASES = [
    ({}, True),
    ({"admin1": ["Idlib", "Deir ez-Zor"]}, True),
    ({"admin1": "Idlib"}, False),
    ({"bbox": [40.0, 35.0, 40.5, 35.5]}, True),
    ({"bbox": [36.0, 35.0, 37.0, 36.0]}, False),
    ({"polygon": SQUARE}, True),
    ({"polygon": [[41, 35], [42, 35], [41.5, 36]]}, False),
    ({"polygon": [[40.5, 35.0], [40.5, 35.5], [40.0, 35.5]]}, False),  # inside the box of the triangle, outside the triangle
    ({"actor": ["Usud al-Sharqiya"]}, True),
    ({"actor": "usud al"}, True),  # part of the name, any case: as in the API and the export
    ({"actor": ["Military Forces of Russia"]}, False),
    ({"event_type": ["Battles"], "sub_event_type": ["Armed clash"]}, True),
    ({"event_type": ["Protests"]}, False),
    ({"date_from": "2024-03", "date_to": "2024"}, True),
    ({"date_to": "2024-02"}, False),
    ({"min_fatalities": 1}, True),  # deaths without a number count as ACLED's 3
    ({"min_fatalities": 3}, True),
    ({"min_fatalities": 4}, False),
]


def test_every_filter_is_evaluated_by_the_database(store: Store) -> None:
    store.save(doc("clash", "اشتباك في دير الزور"), [strike(**CLASH)])
    [event] = store.events()
    filters = [validate_filters(f) for f, _ in CASES]
    with store.transaction() as conn:
        got = matching(conn, event["id"], filters)
    assert list(zip([f for f, _ in CASES], got, strict=True)) == [(f, want) for f, want in CASES]


def test_a_stored_filter_reads_back_the_same() -> None:
    stored = validate_filters({"admin1": "Idlib", "actor": ["liwa"], "min_fatalities": 1, "date_from": "2024-03", "polygon": SQUARE, "q": ""})
    assert stored == {"admin1": ["Idlib"], "actor": ["liwa"], "date_from": "2024-03", "min_fatalities": 1, "polygon": SQUARE}
    assert validate_filters(stored) == stored


@pytest.mark.parametrize("bad", [
    {"colour": "red"}, {"actors": ["Liwa al-Quds"]}, {"bbox": [1, 2, 3]}, {"polygon": [[1, 2]]}, {"min_fatalities": -1},
    {"date_from": "2024-13"}, {"date_to": "12/03/2024"}, {"review_status": "maybe"}, {"actor": "a\x00b"},
])
def test_bad_filters_are_refused(bad: dict) -> None:
    with pytest.raises(InputError):
        validate_filters(bad)
