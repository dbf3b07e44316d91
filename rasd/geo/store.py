"""Reading and writing gazetteer files: one TSV format for every source.

The shipped gazetteer, the curated supplement and the user's imports share
:data:`~rasd.geo.model.PLACE_COLUMNS`, so one reader validates them all and a
coder can fix a row in any of them with a text editor. Lines starting with
``#`` carry provenance (source, licence) and are kept by the writer.
"""

from __future__ import annotations

import csv
import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path
from typing import IO

from rasd.errors import DataError
from rasd.geo.model import KEYS_COLUMN, KIND_RANK, PLACE_COLUMNS, Place

__all__ = [
    "Country",
    "load_admin1",
    "load_countries",
    "load_outskirts",
    "outskirts",
    "load_alternates",
    "load_renames",
    "packaged",
    "place_to_row",
    "read_places",
    "read_table",
    "user_gazetteer_path",
    "write_places",
]  # fmt: skip

csv.field_size_limit(1 << 24)


@dataclass(frozen=True, slots=True)
class Country:
    """A country as ACLED names it, with its ISO numeric code."""

    iso2: str
    iso: int
    name: str
    name_ar: str
    aliases: tuple[str, ...]
    latitude: float
    longitude: float
    adjectives: tuple[str, ...] = ()  # nationality adjectives, masculine singular ("سوري")
    capital: str = ""  # gazetteer id of the capital city ("gn:290030" for Doha), empty where none is given
    abroad: bool = False  # outside the region coded: a place there only where the text puts something there


def packaged(name: str) -> Path:
    """Path of a data file shipped in ``rasd/data``."""
    return Path(str(resources.files("rasd") / "data" / name))


def user_gazetteer_path(override: str | os.PathLike[str] | None = None) -> Path:
    """The user's gazetteer: ``override``, else ``$RASD_GAZETTEER``, else the platform data dir."""
    if override:
        return Path(override)
    env = os.environ.get("RASD_GAZETTEER")
    if env:
        return Path(env)
    try:
        from platformdirs import user_data_dir
    except ImportError:  # platformdirs is optional: fall back to the XDG default
        return Path.home() / ".local" / "share" / "rasd" / "gazetteer.tsv"
    return Path(user_data_dir("rasd", appauthor=False)) / "gazetteer.tsv"


def read_table(path: Path) -> Iterator[tuple[int, dict[str, str]]]:
    """Rows of a headed TSV (``#`` lines skipped) as ``(line number, dict)``."""
    try:
        handle = path.open(encoding="utf-8", newline="")
    except OSError as exc:
        raise DataError(f"cannot open gazetteer file: {exc.strerror}", source=str(path)) from exc
    with handle:
        lines = ((i, line) for i, line in enumerate(handle, 1) if line.strip() and not line.startswith("#"))
        header: list[str] | None = None
        for lineno, line in lines:
            cells = line.rstrip("\r\n").split("\t")
            if header is None:
                header = cells
                continue
            if len(cells) != len(header):
                raise DataError(f"line {lineno}: {len(cells)} fields, expected {len(header)}", source=str(path))
            yield lineno, dict(zip(header, cells, strict=True))


def _float(value: str, what: str, lineno: int, path: Path) -> float:
    try:
        return float(value)
    except ValueError as exc:
        raise DataError(f"line {lineno}: {what} {value!r} is not a number", source=str(path)) from exc


def read_places(path: Path) -> list[Place]:
    """Every row of a gazetteer TSV, checked: kinds, coordinates, required names."""
    places: list[Place] = []
    for lineno, row in read_table(path):
        missing = [] if places else [c for c in PLACE_COLUMNS if c not in row]
        if missing:
            raise DataError(f"missing columns: {', '.join(missing)}", source=str(path))
        if row["kind"] not in KIND_RANK:
            raise DataError(f"line {lineno}: unknown kind {row['kind']!r}", source=str(path))
        if not (row["name"] or row["name_ar"]) or len(row["country"]) != 2:
            raise DataError(f"line {lineno}: a place needs a name and a two-letter country", source=str(path))
        lat = _float(row["latitude"], "latitude", lineno, path)
        lon = _float(row["longitude"], "longitude", lineno, path)
        if not (-90 <= lat <= 90 and -180 <= lon <= 180):
            raise DataError(f"line {lineno}: coordinates out of range", source=str(path))
        places.append(
            Place(
                id=row["id"], kind=row["kind"], name=row["name"], name_ar=row["name_ar"],
                country=row["country"].upper(), admin1=row["admin1"] or None, admin2=row["admin2"] or None,
                admin3=row["admin3"] or None, latitude=lat, longitude=lon,
                population=int(_float(row["population"] or "0", "population", lineno, path)),
                approximate=row["approximate"] in ("1", "true", "yes"),
                precision=int(row["precision"]) if row["precision"] else None, source=row["source"] or "user",
                aliases=tuple(filter(None, row["aliases"].split("|"))), note=row["note"],
                keys=tuple(filter(None, row.get(KEYS_COLUMN, "").split("|"))),
            )
        )
    return places


def place_to_row(p: Place, with_keys: bool = False) -> list[str]:
    """A place as TSV cells in :data:`PLACE_COLUMNS` order (+ keys), tabs and newlines removed."""
    cells = [
        p.id, p.kind, p.name, p.name_ar, p.country, p.admin1 or "", p.admin2 or "", p.admin3 or "",
        f"{p.latitude:.5f}", f"{p.longitude:.5f}", str(p.population or ""), "1" if p.approximate else "",
        str(p.precision or ""), p.source, "|".join(p.aliases), p.note, *(["|".join(p.keys)] if with_keys else []),
    ]  # fmt: skip
    return [" ".join(c.split()) for c in cells]


def write_places(
    out: IO[str], places: Iterable[Place], header_notes: Iterable[str] = (), *, with_keys: bool = False
) -> int:
    """Write ``places`` as a gazetteer TSV with ``# note`` lines first; returns the row count."""
    for note in header_notes:
        out.write(f"# {note}\n")
    out.write("\t".join([*PLACE_COLUMNS, *([KEYS_COLUMN] if with_keys else [])]) + "\n")
    n = 0
    for p in places:
        out.write("\t".join(place_to_row(p, with_keys)) + "\n")
        n += 1
    return n


def load_countries(path: Path | None = None) -> dict[str, Country]:
    """ISO alpha-2 → :class:`Country`, from ``gazetteer_countries.tsv``."""
    path = path or packaged("gazetteer_countries.tsv")
    table: dict[str, Country] = {}
    for lineno, row in read_table(path):
        table[row["iso2"]] = Country(
            row["iso2"], int(_float(row["iso_num"], "iso_num", lineno, path)), row["name"], row["name_ar"],
            tuple(a for a in row["aliases"].split("|") if a),
            _float(row["latitude"], "latitude", lineno, path), _float(row["longitude"], "longitude", lineno, path),
            tuple(a for a in row.get("adjectives", "").split("|") if a), row.get("capital") or "",
            row.get("abroad") == "1",
        )
    return table


def load_alternates(path: Path | None = None) -> dict[str, tuple[tuple[str, ...], frozenset[str]]]:
    """GeoNames id → (alternate names to add, alternate names to drop), from ``gazetteer_alternates.tsv``."""
    path = path or packaged("gazetteer_alternates.tsv")
    found: dict[str, tuple[list[str], set[str]]] = {}
    for lineno, row in read_table(path):
        if row["action"] not in ("add", "drop"):
            raise DataError(f"line {lineno}: action must be add or drop, not {row['action']!r}", source=str(path))
        add, drop = found.setdefault(row["geonameid"], ([], set()))
        (add.append if row["action"] == "add" else drop.add)(row["alternate"])
    return {gid: (tuple(add), frozenset(drop)) for gid, (add, drop) in found.items()}


def load_renames(path: Path | None = None) -> dict[str, str]:
    """GeoNames id → the name ACLED writes, from ``gazetteer_names.tsv``."""
    path = path or packaged("gazetteer_names.tsv")
    return {row["geonameid"]: row["name"] for _, row in read_table(path)}


def load_admin1(path: Path | None = None) -> dict[tuple[str, str], dict[str, str]]:
    """``(country, GeoNames admin1 code)`` → row with the ACLED name and Arabic names."""
    path = path or packaged("gazetteer_admin1.tsv")
    return {(row["country"], row["code"]): row for _, row in read_table(path)}


def load_outskirts(path: Path | None = None) -> dict[tuple[str, str], str]:
    """``(country, admin1)`` of a capital that is its own division → the division around it.

    From ``gazetteer_outskirts.tsv``: "قرب دمشق" is Rif Dimashq, "ضواحي صنعاء" Sanaa governorate.
    """
    path = path or packaged("gazetteer_outskirts.tsv")
    return {(row["country"], row["admin1"]): row["around"] for _, row in read_table(path)}


@cache
def outskirts() -> dict[tuple[str, str], str]:
    """The packaged :func:`load_outskirts` table, read once per process."""
    return load_outskirts()
