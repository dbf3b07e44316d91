"""The geocoder's public records (Candidate, PlaceMention) and its internal Place row.

Candidate fields follow ACLED's location columns so the extractor can copy
them into an event as they are; Place is one gazetteer row, shared by the
shipped file, the curated supplement and the user's imports.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

__all__ = [
    "COUNTRIES", "KEYS_COLUMN", "KINDS", "KIND_RANK", "PLACE_COLUMNS", "WORLD_CITY", "Candidate", "Place", "PlaceMention",
    "base_precision",
]  # fmt: skip

# The region Rasd codes (ISO 3166 alpha-2): the gazetteer holds its villages; elsewhere only capitals and big cities.
COUNTRIES = (
    "SY", "IQ", "PS", "IL", "LB", "JO", "YE", "LY", "SD", "SS", "EG", "SO", "TR", "IR",
    "SA", "KW", "BH", "QA", "AE", "OM", "TN", "DZ", "MA", "MR", "DJ", "ER", "TD",
)  # fmt: skip

# Every kind a gazetteer row may have, finest first (the rank orders "the most specific place").
KINDS: tuple[str, ...] = (
    "neighbourhood", "landmark", "airport", "base", "crossing", "dam", "oilfield", "camp",
    "village", "town", "city", "admin3", "admin2", "region", "admin1", "country",
)  # fmt: skip
KIND_RANK: dict[str, int] = {k: i for i, k in enumerate(KINDS)}

# Column order of every gazetteer TSV (shipped, supplement, user).
PLACE_COLUMNS: tuple[str, ...] = (
    "id", "kind", "name", "name_ar", "country", "admin1", "admin2", "admin3", "latitude", "longitude",
    "population", "approximate", "precision", "source", "aliases", "note",
)  # fmt: skip
# Optional last column of the shipped build: the place's matching keys, precomputed so loading stays fast.
KEYS_COLUMN = "keys"
# Note of the shipped build's cities outside the region ("world city", "world city; capital"): places abroad,
# wherever their country is (Kabul and Kyiv as much as Tokyo).
WORLD_CITY = "world city"

_AREA_PRECISION = {"country": 3, "admin1": 3, "region": 3, "admin2": 2, "admin3": 2}


@dataclass(slots=True)
class Place:
    """One gazetteer row; ``country`` is ISO 3166 alpha-2, ``aliases`` any script."""

    id: str
    kind: str
    name: str
    name_ar: str
    country: str
    admin1: str | None
    admin2: str | None
    admin3: str | None
    latitude: float
    longitude: float
    population: int = 0
    approximate: bool = False
    precision: int | None = None
    source: str = "user"
    aliases: tuple[str, ...] = ()
    note: str = ""
    keys: tuple[str, ...] = ()

    def names(self) -> list[str]:
        """Every spelling this place answers to (display names first)."""
        return [n for n in (self.name_ar, self.name, *self.aliases) if n]


def base_precision(place: Place) -> int:
    """ACLED geo_precision of a bare mention: 1 for a point, 2–3 for an area."""
    if place.precision:
        return place.precision
    return _AREA_PRECISION.get(place.kind, 1)


@dataclass
class Candidate:
    """One reading of a place reference, in ACLED's location fields."""

    name: str
    name_ar: str
    kind: str
    admin1: str | None
    admin2: str | None
    admin3: str | None
    country: str
    iso: int
    latitude: float
    longitude: float
    geo_precision: int
    score: float
    source: str
    approximate: bool = False

    def to_dict(self) -> dict[str, Any]:
        """Plain JSON-ready fields, in the order the CLI prints them."""
        return asdict(self)


@dataclass
class PlaceMention:
    """A place reference found in normalised text; ``candidates`` best first."""

    start: int
    end: int
    phrase: str
    qualifier: str | None
    candidates: list[Candidate] = field(default_factory=list)

    @property
    def best(self) -> Candidate | None:
        """The top candidate, or None when nothing fits."""
        return self.candidates[0] if self.candidates else None
