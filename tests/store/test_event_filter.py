"""The event filter in SQL: ACLED's coded toll as the database computes it, the three date forms, rejected events."""

from __future__ import annotations

import pytest
from sqlalchemy import select
from store_factories import doc, strike

from rasd.model import acled_fatalities
from rasd.store import EventFilter, Store
from rasd.store.filters import E, coded_fatalities

TOLLS = {  # location → the toll as reported
    "Jabalia": {"fatalities": 5},
    "Rafah": {"fatalities": None, "fatalities_known": False},  # a limited event: 3
    "Khan Younis": {"fatalities": None, "fatalities_known": False, "sub_event_type": "Suicide bomb"},  # 10
    "Beit Lahia": {"fatalities": None, "fatalities_known": False, "vague": {"scale": "significant"}},  # 10
    "Deir al-Balah": {"fatalities": None},  # nothing said: 0
}


def _fill(store: Store, rows: dict[str, dict]) -> None:
    for i, (place, changes) in enumerate(rows.items()):
        store.save(doc(f"d{i}", f"تقرير عن {place} رقم {i}"), [strike(location=place, admin2=place, latitude=31 + i / 10, longitude=34 + i / 10, **changes)])


def test_the_database_codes_a_toll_as_the_model_does(store: Store) -> None:
    _fill(store, TOLLS)
    with store.transaction() as conn:
        coded = {r.location: r.coded for r in conn.execute(select(E.c.location, coded_fatalities().label("coded")))}
    assert coded == {e["location"]: acled_fatalities(e)[0] for e in store.events()} == {
        "Jabalia": 5, "Rafah": 3, "Khan Younis": 10, "Beit Lahia": 10, "Deir al-Balah": 0}
    assert {e["location"] for e in store.events(EventFilter(min_fatalities=4))} == {"Jabalia", "Khan Younis", "Beit Lahia"}


@pytest.mark.parametrize(("date_from", "date_to", "kept"), [
    ("2023", "2023", {"2023-01-01", "2023-02-28", "2023-12-31"}),
    ("2023-02", "2023-02", {"2023-02-28"}),
    ("2023-02-28", "2023-12", {"2023-02-28", "2023-12-31"}),
    ("2024", None, {"2024-01-01"}),
])
def test_a_year_month_or_day_at_either_end(store: Store, date_from: str, date_to: str | None, kept: set[str]) -> None:
    _fill(store, {f"Village {d}": {"event_date": d} for d in ("2022-12-31", "2023-01-01", "2023-02-28", "2023-12-31", "2024-01-01")})
    f = EventFilter.parse({"date_from": date_from, "date_to": date_to})
    assert {e["event_date"] for e in store.events(f)} == kept


def test_a_rejected_event_is_left_out_unless_asked_for(store: Store) -> None:
    _fill(store, {"Jabalia": {}, "Rafah": {"event_date": "2023-10-11"}})
    rafah = next(e["id"] for e in store.events() if e["location"] == "Rafah")
    store.review(rafah, "rejected", reviewer="rana")
    assert [e["location"] for e in store.events(EventFilter())] == ["Jabalia"]
    assert [e["location"] for e in store.events(EventFilter(review_status=("rejected",)))] == ["Rafah"]
    assert len(store.events()) == 2  # Store.events lists every event unless given a filter
