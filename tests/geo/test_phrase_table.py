"""Accuracy on the phrase table (goal: ≥95 % admin1, ≥85 % exact place) and each row's own result."""

from __future__ import annotations

import pytest

from rasd.geo import Geocoder

from .phrase_table import PHRASES


def _best(geocoder: Geocoder, phrase: str, country: str | None) -> tuple[str | None, str | None]:
    found = geocoder.geocode(phrase, country=country)
    return (found[0].name, found[0].admin1) if found else (None, None)


def test_table_is_large_and_covers_the_regions() -> None:
    assert len(PHRASES) >= 150
    admin1s = {row[3] for row in PHRASES}
    for region in ["Deir ez-Zor", "Gaza Strip", "West Bank", "Nabatieh", "Ninewa", "Aden", "North Darfur"]:
        assert region in admin1s


def test_accuracy_meets_the_goal(geocoder: Geocoder) -> None:
    results = [(row, _best(geocoder, row[0], row[1])) for row in PHRASES]
    exact = sum(got[0] == row[2] and got[1] == row[3] for row, got in results) / len(results)
    admin1 = sum(got[1] == row[3] for row, got in results) / len(results)
    misses = [f"{row[0]} → {got}" for row, got in results if got != (row[2], row[3])]
    print(f"\nphrase table: {len(results)} phrases, exact place {exact:.1%}, admin1 {admin1:.1%}")
    assert admin1 >= 0.95, misses
    assert exact >= 0.85, misses


@pytest.mark.parametrize("phrase,country,name,admin1", PHRASES[:40])
def test_syrian_rows_resolve(geocoder: Geocoder, phrase: str, country: str | None, name: str, admin1: str) -> None:
    assert _best(geocoder, phrase, country) == (name, admin1)
