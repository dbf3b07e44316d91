"""Events placed in a country the article never names: the wrong-country count of issue 14.

An event's country is named when the article's title or text names it, uses
its nationality adjective ("السورية", "الأردنيين") or names another place in it.
The event's own location, when the article writes it, counts for itself only
when it names its country as plainly as the country's name would: a governorate or region, a city of
500,000+, or a name of several words, that only that country holds ("قطاع غزة",
"تل أبيب", "صنعاء"); a one-word town ("تدمر", "البستان") does not, since a
common word taken for a town abroad is the error this measure looks for.
Used by ``rasd report`` and ``scripts/foreign_places.py`` over extraction
output; the count should approach 0.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from rasd.geo.countries import article_countries
from rasd.geo.geocoder import Geocoder
from rasd.geo.index import Gazetteer
from rasd.geo.model import PlaceMention
from rasd.geo.names import latin_key
from rasd.lang.ar.normalize import fold, normalize

__all__ = ["ForeignPlacement", "foreign_placements", "names_itself"]

_PLAIN_KINDS = frozenset(["country", "admin1", "region"])
_BIG_CITY = 500_000
_UNITS = frozenset(["admin2", "admin3"])


@dataclass(frozen=True, slots=True)
class ForeignPlacement:
    """One event whose country its article never names."""

    doc_id: str
    country: str
    location: str
    location_ar: str
    named: tuple[str, ...]  # ISO codes of the countries the article does name


def names_itself(gaz: Gazetteer, location: str, code: str) -> bool:
    """``location`` (an event's English place name) names its country ``code`` as plainly as the country's name:
    a governorate, region, city of 500,000+ or a name of several words there, that no other country holds."""
    for i in gaz.latin.get(latin_key(location), ()):
        p = gaz.places[i]
        key = " ".join(fold(p.name_ar).split())
        if p.country != code or not key or key in gaz.local or key in gaz.stop or p.kind in _UNITS:
            continue  # a district shares its town's name: "محافظة جنين" says no more than "جنين"
        plain = p.kind in _PLAIN_KINDS or p.population >= _BIG_CITY or " " in key
        holders = {gaz.places[j].country for j in gaz.exact.get(key, ()) if gaz.places[j].name != p.name}
        if plain and holders <= {code}:
            return True
    return False


def foreign_placements(
    events: Iterable[Mapping[str, object]], texts: Mapping[str, str], geocoder: Geocoder
) -> list[ForeignPlacement]:
    """The events (dicts as ``rasd extract`` writes them) placed outside their article's countries.

    ``texts``: doc_id → the article's title and text. Events of documents not in
    ``texts``, or without a country, are skipped.
    """
    gaz = geocoder.gazetteer
    found: list[ForeignPlacement] = []
    cache: dict[str, tuple[str, list[PlaceMention]]] = {}
    for ev in events:
        doc_id, country = str(ev.get("doc_id") or ""), str(ev.get("country") or "")
        if doc_id not in texts or not country or ev.get("location") == country:
            continue  # placed at the country itself: named by its own mention
        if doc_id not in cache:
            norm = normalize(texts[doc_id]).text
            cache[doc_id] = (norm, geocoder.find_places(norm))
        norm, mentions = cache[doc_id]
        location_ar = str(ev.get("location_ar") or "")
        named = article_countries(gaz, norm, mentions, besides=fold(location_ar) or None)
        code = gaz.country_code(country) or country
        written = fold(location_ar) in norm if location_ar else False  # the article names the place itself
        if code not in named and not (written and names_itself(gaz, str(ev.get("location") or ""), code)):
            found.append(ForeignPlacement(doc_id, country, str(ev.get("location") or ""), location_ar, tuple(sorted(named))))
    return found
