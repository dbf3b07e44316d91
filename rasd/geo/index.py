"""The loaded gazetteer: every place, its Arabic keys in one phrase matcher, lookups by area.

Latin keys (Deir ez-Zor, deir ez zor) sit in a plain dictionary: Arabic news
is scanned for Arabic names only, and a Latin query is looked up whole.

Sources merge by row id, later ones winning: the shipped build, then the
curated supplement (its ``gn:`` rows correct GeoNames), then the user's
imports. Stoplisted names stay in the matcher but are flagged, so that
"بلدة النصر" still finds a village while a bare "النصر" (victory) does not.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from pathlib import Path

from rasd.geo.countries import adjective_forms
from rasd.geo.model import WORLD_CITY, Place
from rasd.geo.names import latin_key, place_keys
from rasd.geo.store import Country, load_countries, packaged, read_places, read_table
from rasd.lang.ar.normalize import fold
from rasd.lang.ar.places import BARE_REFERENCES
from rasd.text.matcher import PhraseMatcher

__all__ = ["BLOCK", "REFERENCE_BASE", "Gazetteer", "reference_kind"]

BLOCK = -1  # matcher value of a phrase that swallows the place names inside it
REFERENCE_BASE = -2  # matcher values at and below this are bare references ("المدينه")
_REFERENCES = tuple(BARE_REFERENCES.items())
_POINT_KINDS = frozenset(["city", "town"])


def reference_kind(value: int) -> tuple[str, str]:
    """``(phrase, kind)`` of a bare-reference matcher value."""
    return _REFERENCES[REFERENCE_BASE - value]


def _key(text: str) -> str:
    return " ".join(fold(text).split())


@dataclass
class Gazetteer:
    """All places and the matcher over their names; built once per process."""

    places: list[Place]
    countries: dict[str, Country]
    stop: frozenset[str]
    blocked: tuple[str, ...] = ()
    sources: list[str] = field(default_factory=list)
    local: frozenset[str] = frozenset()  # names that are also common phrases: a place only where its country is named
    describing: frozenset[str] = frozenset()  # common words without the article: no place so ("مناطق جديدة", "ورقة")
    matcher: PhraseMatcher[int] = field(init=False)
    primary: list[str] = field(init=False)  # folded display name of each place
    article_keys: set[str] = field(init=False)  # keys that start with the article
    latin: dict[str, list[int]] = field(init=False)  # Latin keys: looked up whole, never scanned for
    exact: dict[str, list[int]] = field(init=False)  # Arabic keys, for a query that is just a name
    prior_cache: dict[int, float] = field(init=False, default_factory=dict)  # filled by the resolver
    admin1_place: dict[tuple[str, str], int] = field(init=False)
    seats: dict[tuple[str, str], int] = field(init=False)
    facilities: dict[tuple[str, str], list[int]] = field(init=False)
    adjectives: dict[str, str] = field(init=False)  # folded nationality adjectives → ISO alpha-2
    capitals: frozenset[int] = field(init=False)  # indices of the countries' capital cities
    abroad: frozenset[str] = field(init=False)  # countries outside the region coded (gazetteer_countries.tsv)
    far: frozenset[int] = field(init=False)  # indices of the places abroad: in those countries, or world cities
    _country_alias: dict[str, str] = field(init=False)

    def __post_init__(self) -> None:
        self.matcher = PhraseMatcher()
        self.primary, self.article_keys, self.latin, self.exact = [], set(), {}, {}
        self.admin1_place, self.seats, self.facilities = {}, {}, {}
        for i, p in enumerate(self.places):
            self.primary.append(p.keys[0] if p.keys else _key(p.name_ar or p.name))
            for key in p.keys or place_keys(p.names()):
                if key.isascii():
                    self.latin.setdefault(key, []).append(i)
                    continue
                self.matcher.add(key, i)
                self.exact.setdefault(key, []).append(i)
                if key.startswith("ال"):
                    self.article_keys.add(key)
            self._index_area(i, p)
        for phrase in self.blocked:
            self.matcher.add(phrase, BLOCK)
        for n, (phrase, _) in enumerate(_REFERENCES):
            self.matcher.add(phrase, REFERENCE_BASE - n)
            self.article_keys.add(phrase)
        self.matcher.find("")  # build the automaton now, so the first article pays nothing
        self._country_alias = {}
        self.adjectives = adjective_forms(self.countries.values())
        capital_ids = {c.capital for c in self.countries.values() if c.capital}
        self.capitals = frozenset(i for i, p in enumerate(self.places) if p.id in capital_ids)
        self.abroad = frozenset(c.iso2 for c in self.countries.values() if c.abroad)
        self.far = frozenset(
            i for i, p in enumerate(self.places) if p.country in self.abroad or p.note.startswith(WORLD_CITY))
        for c in self.countries.values():
            for alias in (c.iso2, c.name, c.name_ar, *c.aliases):
                self._country_alias[latin_key(alias) if alias.isascii() else _key(alias)] = c.iso2

    def _index_area(self, i: int, p: Place) -> None:
        if not p.admin1:
            return
        area = (p.country, p.admin1)
        if p.kind == "admin1":
            self.admin1_place.setdefault(area, i)
        elif p.kind in _POINT_KINDS:
            seat = self.seats.get(area)
            if seat is None or p.population > self.places[seat].population:
                self.seats[area] = i
        elif p.kind in ("airport", "base"):
            self.facilities.setdefault(area, []).append(i)

    @classmethod
    def load(cls, user_path: Path | None = None) -> Gazetteer:
        """Shipped gazetteer + supplement (+ the user's file when it exists)."""
        files = [packaged("gazetteer.tsv"), packaged("places_supplement.tsv")]
        if user_path is not None and user_path.exists():
            files.append(user_path)
        merged: dict[str, Place] = {}
        for path in files:
            for p in read_places(path):
                if p.id in merged:
                    _absorb(p, merged[p.id])
                merged[p.id] = p
        countries = load_countries()
        for c in countries.values():
            merged.setdefault(
                f"country:{c.iso2}",
                Place(
                    id=f"country:{c.iso2}", kind="country", name=c.name, name_ar=c.name_ar, country=c.iso2,
                    admin1=None, admin2=None, admin3=None, latitude=c.latitude, longitude=c.longitude,
                    approximate=True, source="supplement", aliases=c.aliases,
                ),
            )
        rows = [(row["phrase"], row["action"]) for _, row in read_table(packaged("gazetteer_stoplist.tsv"))]
        stop = frozenset(_key(phrase) for phrase, action in rows if action == "stop")
        blocked = tuple(phrase for phrase, action in rows if action == "block")
        local = frozenset(_key(phrase) for phrase, action in rows if action == "local")
        describing = frozenset(_key(phrase) for phrase, action in rows if action == "article")
        return cls(list(merged.values()), countries, stop, blocked, [str(f) for f in files], local, describing)

    def country_code(self, name: str | None) -> str | None:
        """ISO alpha-2 of a country given by code, English or Arabic name; None if unknown."""
        if not name:
            return None
        return self._country_alias.get(latin_key(name) if name.isascii() else _key(name))

    def seat_of(self, country: str, admin1: str) -> int | None:
        """The most populous city or town of an admin1 (where its "المدينة" points)."""
        return self.seats.get((country, admin1))

    def facility_near(self, country: str, admin1: str, military: bool, lat: float, lon: float) -> int | None:
        """The airport or base of an admin1 nearest to a point; military ones first when asked."""
        found = self.facilities.get((country, admin1))
        if not found:
            return None

        def rank(i: int) -> tuple[bool, float]:
            p = self.places[i]
            is_military = p.kind == "base" or "military" in p.name.lower() or "airbase" in p.name.lower()
            return (military and not is_military, math.hypot(p.latitude - lat, p.longitude - lon))

        return min(found, key=rank)


def _absorb(new: Place, old: Place) -> None:
    """A row that corrects an earlier one keeps the earlier one's other spellings and population.

    An alias written ``-غزة`` drops that spelling from the corrected place (bare "غزة" is the Strip).
    """
    dropped = {_key(a[1:]) for a in new.aliases if a.startswith("-")}
    kept = [a for a in new.aliases if not a.startswith("-")]
    kept += [n for n in old.names() if n not in (new.name, new.name_ar)]
    new.aliases = tuple(a for a in dict.fromkeys(kept) if _key(a) not in dropped)
    new.population = new.population or old.population
    new.keys = ()
