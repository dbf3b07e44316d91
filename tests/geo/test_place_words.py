"""Words around a name that decide whether and where it is the place (issue 14), on sentences written for these tests.

Each pattern was counted on the shared corpora before it became a rule: the outskirts of a capital
that is its own governorate ("قرب دمشق" 494 times).
"""

from __future__ import annotations

import pytest

from rasd.geo import Geocoder, PlaceMention
from rasd.lang.ar.normalize import fold, normalize


def _find(geocoder: Geocoder, text: str) -> list[PlaceMention]:
    return [m for m in geocoder.find_places(normalize(text).text) if m.best]


def _at(mentions: list[PlaceMention], phrase: str) -> PlaceMention | None:
    return next((m for m in mentions if m.phrase == normalize(phrase).text), None)


# The land around a capital that is a governorate of its own lies in the governorate around it.
OUTSKIRTS = [
    ("قرب دمشق", "Damascus", "Rif Dimashq"),
    ("بالقرب من دمشق", "Damascus", "Rif Dimashq"),
    ("في محيط دمشق", "Damascus", "Rif Dimashq"),
    ("على أطراف مدينة دمشق", "Damascus", "Rif Dimashq"),
    ("ضواحي صنعاء", "Sanaa", "Sanaa"),
    ("بضواحي صنعاء", "Sanaa", "Sanaa"),
    ("قرب بيروت", "Beirut", "Mount Lebanon"),
    # the capital itself, a direction from it, and a place inside it keep its own governorate
    ("دمشق", "Damascus", "Damascus"),
    ("جنوب دمشق", "Damascus", "Damascus"),
    ("بالقرب من حي برزة", "Barzeh", "Damascus"),
    ("صنعاء", "Sanaa", "Amanat al Asimah"),
    # a city that is not its own governorate is unchanged
    ("قرب حلب", "Aleppo", "Aleppo"),
    ("قرب الموصل", "Mosul", "Ninewa"),
]  # fmt: skip


@pytest.mark.parametrize(("phrase", "name", "admin1"), OUTSKIRTS)
def test_the_outskirts_of_a_capital_lie_in_the_governorate_around_it(
    geocoder: Geocoder, phrase: str, name: str, admin1: str
) -> None:
    best = geocoder.geocode(phrase)[0]
    assert (best.name, best.admin1) == (name, admin1)


def test_a_village_near_the_capital_takes_the_governorate_around_it(geocoder: Geocoder) -> None:
    best = geocoder.geocode("قرية الحمراوية قرب دمشق")[0]
    found = (best.source, best.name_ar, best.admin1, best.geo_precision)
    assert found == ("unlisted", fold("الحمراوية"), "Rif Dimashq", 2)


def test_a_region_beside_the_capital_is_finer_than_its_outskirts(geocoder: Geocoder) -> None:
    mentions = _find(geocoder, "قصفت الطائرات الغوطة الشرقية قرب دمشق")
    ghouta, near = _at(mentions, "الغوطة الشرقية"), _at(mentions, "قرب دمشق")
    assert ghouta is not None and near is not None
    assert near.best.admin1 == ghouta.best.admin1 == "Rif Dimashq"
    # the governorate around, known to that level, at the capital's point: coarser than the Ghouta
    assert (near.best.kind, near.best.geo_precision) == ("admin1", 3) and ghouta.best.geo_precision == 2
    city = geocoder.geocode("دمشق")[0]
    assert (near.best.latitude, near.best.longitude) == (city.latitude, city.longitude)
