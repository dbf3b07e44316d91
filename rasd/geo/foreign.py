"""Events placed in a country the article never names: the wrong-country count of issue 14.

An event's country is named when the article's title or text names it, uses
its nationality adjective ("السورية", "الأردنيين") or names another place in it
(the event's own location does not count for itself). Used by
``scripts/foreign_places.py`` over extraction output; the count should approach 0.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from rasd.geo.countries import article_countries
from rasd.geo.geocoder import Geocoder
from rasd.geo.model import PlaceMention
from rasd.lang.ar.normalize import fold, normalize

__all__ = ["ForeignPlacement", "foreign_placements"]


@dataclass(frozen=True, slots=True)
class ForeignPlacement:
    """One event whose country its article never names."""

    doc_id: str
    country: str
    location: str
    location_ar: str
    named: tuple[str, ...]  # ISO codes of the countries the article does name


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
        if code not in named:
            found.append(ForeignPlacement(doc_id, country, str(ev.get("location") or ""), location_ar, tuple(sorted(named))))
    return found
