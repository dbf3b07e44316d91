"""Every row of the phrase table resolves to its place and admin1 (all 265 did when pinned, 2026-12-02).

Each row is its own test, so a change that moves one place shows by name instead of hiding
under an accuracy average.
"""

from __future__ import annotations

import pytest

from rasd.geo import Geocoder

from .phrase_table import PHRASES


def _best(geocoder: Geocoder, phrase: str, country: str | None) -> tuple[str | None, str | None]:
    found = geocoder.geocode(phrase, country=country)
    return (found[0].name, found[0].admin1) if found else (None, None)


def test_table_is_large_and_covers_the_regions() -> None:
    assert len(PHRASES) >= 265
    admin1s = {row[3] for row in PHRASES}
    for region in ["Deir ez-Zor", "Gaza Strip", "West Bank", "Nabatieh", "Ninewa", "Aden", "North Darfur"]:
        assert region in admin1s


@pytest.mark.parametrize(("phrase", "country", "name", "admin1"), PHRASES, ids=[f"{i:03d}-{row[2]}" for i, row in enumerate(PHRASES)])
def test_row_resolves(geocoder: Geocoder, phrase: str, country: str | None, name: str, admin1: str) -> None:
    assert _best(geocoder, phrase, country) == (name, admin1)
