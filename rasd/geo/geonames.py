"""GeoNames records to gazetteer rows: shared by the build script and ``rasd gazetteer import``.

GeoNames gives a place its admin1 *code*, not a name, and no district; the
ACLED names come from ``gazetteer_admin1.tsv`` and districts from the nearest
known admin2/admin3 centroid in the same governorate (an approximation that
the review screen shows, never hides).
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from rasd.errors import InputError
from rasd.geo.model import Place
from rasd.geo.names import is_arabic, is_latin, pick_arabic, romanise

__all__ = [
    "DUMP_COLUMNS",
    "NearestAdmin",
    "geonames_place",
    "kind_for",
    "read_arabic_names",
    "read_dump",
]  # fmt: skip

DUMP_COLUMNS = 19  # geonameid … modification date, as in allCountries.txt / XX.txt
_FEATURE_KIND = {
    "PPLX": "neighbourhood", "AIRP": "airport", "AIRB": "airport", "AIRF": "airport", "AIRH": "airport",
    "MILB": "base", "INSM": "base", "NVB": "base", "CMPRF": "camp", "CMP": "camp", "DAM": "dam", "OILF": "oilfield",
    "GASF": "oilfield", "ADM1": "admin1", "ADM2": "admin2", "ADM3": "admin3", "RGN": "region", "AREA": "region",
    "DSRT": "region", "PLN": "region", "VAL": "region", "BCP": "crossing", "PSTB": "crossing", "HSP": "landmark",
    "MSQE": "landmark", "STDM": "landmark", "PRN": "landmark", "PRT": "landmark", "SCH": "landmark", "UNIV": "landmark",
}  # fmt: skip
_MAX_LATIN_ALIASES = 6


def kind_for(population: int, feature_code: str = "", name: str = "") -> str | None:
    """The gazetteer kind of a GeoNames feature; None for features the geocoder skips."""
    if feature_code in _FEATURE_KIND:
        return _FEATURE_KIND[feature_code]
    if feature_code and not feature_code.startswith("PPL"):
        return None
    if "camp" in name.lower():
        return "camp"
    if population >= 50_000 or feature_code in ("PPLC", "PPLA", "PPLA2"):
        return "city"
    if population >= 5_000 or feature_code in ("PPLA3", "PPLA4") or not (population or feature_code):
        return "town"  # cities500 lists a place of unknown size only when it matters
    return "village"


# GeoNames files some places under another country than ACLED does: the West Bank's settlements are Palestine's
_CODED_UNDER = {("IL", "WE"): "PS"}


def geonames_place(
    gid: str, name: str, lat: float, lon: float, country: str, admin1_code: str, population: int,
    alternates: Sequence[str], admin1_table: dict[tuple[str, str], dict[str, str]], feature_code: str = "",
    renames: dict[str, str] | None = None, fixes: dict[str, tuple[tuple[str, ...], frozenset[str]]] | None = None,
) -> Place | None:  # fmt: skip
    """One GeoNames feature as a Place (admin1 and, where known, its own name as ACLED spells them; ``fixes``: the
    alternate names to add or drop, "اريئيل" is the settlement Ariel, not Jerusalem)."""
    kind = kind_for(population, feature_code, name)
    if kind is None:
        return None
    if fixes and gid in fixes:
        add, drop = fixes[gid]
        alternates = [*(a for a in alternates if a not in drop), *add]
    if renames and gid in renames:
        alternates, name = [*alternates, name], renames[gid]
    elif country == "PS" and name.startswith("Bayt "):  # ACLED writes Palestinian towns "Beit …" (Beit Awwa)
        alternates, name = [*alternates, name], "Beit " + name[len("Bayt ") :]
    admin = admin1_table.get((country, admin1_code))
    country = _CODED_UNDER.get((country, admin1_code), country)
    arabic = [a for a in alternates if is_arabic(a)]
    latin = [a for a in alternates if is_latin(a) and a != name][:_MAX_LATIN_ALIASES]
    name_ar = pick_arabic(arabic)
    return Place(
        id=f"gn:{gid}", kind=kind, name=romanise(name), name_ar=name_ar, country=country,
        admin1=admin["name"] if admin else None, admin2=None, admin3=None, latitude=lat, longitude=lon,
        population=population, source="geonames",
        aliases=tuple(dict.fromkeys(a for a in (*arabic, name, *latin) if a and a != name_ar and a != romanise(name))),
    )


def read_dump(path: Path) -> Iterator[list[str]]:
    """Rows of a GeoNames dump (allCountries.txt / XX.txt); a malformed line is an InputError."""
    with _open(path) as handle:
        for lineno, line in enumerate(handle, 1):
            if not line.strip() or line.startswith("#"):
                continue
            cells = line.rstrip("\r\n").split("\t")
            if len(cells) != DUMP_COLUMNS:
                raise InputError(
                    f"line {lineno}: {len(cells)} fields; a GeoNames dump has {DUMP_COLUMNS}", source=str(path)
                )
            if not cells[0].isdigit():
                raise InputError(f"line {lineno}: geonameid {cells[0]!r} is not a number", source=str(path))
            yield cells


def read_arabic_names(path: Path, wanted: set[str]) -> dict[str, list[str]]:
    """geonameid → Arabic names from ``alternateNamesV2.txt``, preferred names first."""
    found: dict[str, list[tuple[bool, str]]] = {}
    with _open(path) as handle:
        for lineno, line in enumerate(handle, 1):
            cells = line.rstrip("\r\n").split("\t")
            if len(cells) < 4:
                raise InputError(f"line {lineno}: not an alternateNames row", source=str(path))
            if cells[1] in wanted and cells[2] == "ar" and is_arabic(cells[3]):
                preferred = len(cells) > 4 and cells[4] == "1"
                found.setdefault(cells[1], []).append((not preferred, cells[3]))
    return {gid: [n for _, n in sorted(names, key=lambda x: x[0])] for gid, names in found.items()}


def _open(path: Path):
    try:
        return path.open(encoding="utf-8", newline="")
    except OSError as exc:
        raise InputError(f"cannot open: {exc.strerror}", source=str(path)) from exc


@dataclass(frozen=True, slots=True)
class _Seed:
    latitude: float
    longitude: float
    admin2: str | None
    admin3: str | None


class NearestAdmin:
    """Fill a place's admin2/admin3 from the nearest seed centroid in its country and admin1."""

    def __init__(self, seeds: Iterable[Place]) -> None:
        self._seeds: dict[tuple[str, str | None], list[_Seed]] = {}
        for s in seeds:
            self._seeds.setdefault((s.country, s.admin1), []).append(
                _Seed(s.latitude, s.longitude, s.admin2, s.admin3)
            )

    def fill(self, place: Place) -> None:
        """Set ``admin2``/``admin3`` where they are empty and a seed shares the admin1."""
        seeds = self._seeds.get((place.country, place.admin1))
        if not seeds or place.admin2:
            return
        coslat = math.cos(math.radians(place.latitude))
        best = min(seeds, key=lambda s: (s.latitude - place.latitude) ** 2 + ((s.longitude - place.longitude) * coslat) ** 2)
        place.admin2 = best.admin2
        place.admin3 = place.admin3 or best.admin3
