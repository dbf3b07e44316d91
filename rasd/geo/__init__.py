"""Gazetteer and Arabic geocoder: place references in news to ACLED-style locations.

    from rasd.geo import get_geocoder
    gc = get_geocoder()
    gc.geocode("قرب بلدة الشولا في ريف دير الزور الغربي")[0].name   # 'Ash Shula'
    gc.find_places(normalize(article).text)                          # every mention, in order

Data: rasd/data/gazetteer.tsv (built by scripts/build_gazetteer.py from
open-syria and GeoNames), places_supplement.tsv (curated), and the user's
gazetteer filled by ``rasd gazetteer import``.
"""

from rasd.geo.geocoder import Geocoder, geocode, get_geocoder
from rasd.geo.model import Candidate, PlaceMention

__all__ = ["Candidate", "Geocoder", "PlaceMention", "geocode", "get_geocoder"]
