"""``rasd gazetteer import``: full public gazetteers a user downloads, into the user's gazetteer.

The shipped gazetteer stops at towns of 500 people; village-level coverage
comes from files too big to ship: a GeoNames country dump (``SY.txt``, with
``alternateNamesV2.txt`` for Arabic names) or an OCHA/HDX P-code gazetteer
(CSV or XLSX). Rows keep stable ids (``gn:ID``, ``ocha:PCODE``), so importing
again updates rather than duplicates, and a GeoNames row replaces the shipped
row with the same id.
"""

from __future__ import annotations

import csv
import datetime as _dt
from collections.abc import Iterable, Iterator
from pathlib import Path

from rasd.errors import InputError
from rasd.geo.geonames import NearestAdmin, geonames_place, read_arabic_names, read_dump
from rasd.geo.model import Place
from rasd.geo.store import (
    load_admin1,
    load_alternates,
    load_renames,
    packaged,
    read_places,
    write_places,
)

__all__ = ["import_geonames", "import_ocha", "save_user_places"]

_LAT = ("latitude", "lat", "center_lat", "y", "lat_y")
_LON = ("longitude", "lon", "long", "center_lon", "x", "lon_x")


def _shipped() -> list[Place]:
    return read_places(packaged("gazetteer.tsv")) + read_places(packaged("places_supplement.tsv"))


def import_geonames(dump: Path, alternate_names: Path | None = None) -> list[Place]:
    """Places of a GeoNames dump (populated places and the feature kinds the geocoder knows)."""
    admin1, renames, fixes = load_admin1(), load_renames(), load_alternates()
    rows = list(read_dump(dump))
    arabic = read_arabic_names(alternate_names, {r[0] for r in rows}) if alternate_names else {}
    shipped = _shipped()
    nearest = NearestAdmin(p for p in shipped if p.kind in ("admin2", "admin3"))
    places = []
    for r in rows:
        try:
            lat, lon, pop = float(r[4]), float(r[5]), int(r[14] or 0)
        except ValueError as exc:
            raise InputError(f"geonameid {r[0]}: bad coordinates or population", source=str(dump)) from exc
        alternates = [*arabic.get(r[0], []), *(a for a in r[3].split(",") if a), r[2]]
        p = geonames_place(r[0], r[1], lat, lon, r[8], r[10], pop, alternates, admin1, r[7], renames, fixes)
        if p is not None:
            nearest.fill(p)
            places.append(p)
    return places


def _xlsx_rows(path: Path) -> Iterator[dict[str, str]]:
    try:
        from openpyxl import load_workbook
    except ImportError as exc:
        raise InputError("reading .xlsx needs openpyxl: pip install openpyxl", source=str(path)) from exc
    try:
        book = load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many types for a broken file
        raise InputError(f"not a readable XLSX workbook: {exc}", source=str(path)) from exc
    try:
        rows = book.worksheets[0].iter_rows(values_only=True)
        header = [str(h or "").strip() for h in next(rows, ())]
        for row in rows:
            yield {h: "" if v is None else str(v).strip() for h, v in zip(header, row, strict=False)}
    finally:
        book.close()


def _csv_rows(path: Path) -> Iterator[dict[str, str]]:
    try:
        with path.open(encoding="utf-8-sig", newline="") as handle:
            sample = handle.read(4096)
            handle.seek(0)
            dialect = csv.Sniffer().sniff(sample, delimiters=",;\t") if sample else csv.excel
            for row in csv.DictReader(handle, dialect=dialect):
                yield {(k or "").strip(): (v or "").strip() for k, v in row.items()}
    except (OSError, UnicodeDecodeError, csv.Error) as exc:
        raise InputError(f"not a readable CSV file: {exc}", source=str(path)) from exc


def _pick(row: dict[str, str], names: Iterable[str]) -> str:
    lowered = {k.lower(): v for k, v in row.items()}
    return next((lowered[n] for n in names if lowered.get(n)), "")


def _names_en(row: dict[str, str], level: int) -> dict[int, str]:
    """English names of the row's admin levels 1..level (deeper levels empty)."""
    return {k: row.get(f"admin{k}Name_en", "") if k <= level else "" for k in range(1, max(level, 3) + 1)}


def _country(row: dict[str, str], pcode: str) -> str:
    """ISO alpha-2 from the P-codes: OCHA codes start with it (village codes like "C1234" do not)."""
    return (row.get("admin0Pcode") or row.get("admin1Pcode") or pcode)[:2].upper()


def import_ocha(path: Path) -> list[Place]:
    """Places of an OCHA/HDX P-code table: each row is its deepest ``adminN`` unit (N≥4: a village)."""
    rows = _xlsx_rows(path) if path.suffix.lower() in (".xlsx", ".xlsm") else _csv_rows(path)
    first = next(rows, None)
    if first is None:
        raise InputError("empty gazetteer file", source=str(path))
    level = max((n for n in range(1, 7) if f"admin{n}Name_en" in first or f"admin{n}Name_ar" in first), default=0)
    keys = {k.lower() for k in first}
    if not level or f"admin{level}pcode" not in keys or not keys & set(_LAT) or not keys & set(_LON):
        raise InputError("needs adminNName_en/_ar, adminNPcode and latitude/longitude columns", source=str(path))
    official = {p.id[3:]: p.admin1 for p in _shipped() if p.id.startswith("os:") and p.kind == "admin1"}
    places = []
    for n, row in enumerate([first, *rows], 2):
        pcode = row.get(f"admin{level}Pcode", "")
        lat, lon = _pick(row, _LAT), _pick(row, _LON)
        if not pcode or not lat or not lon:
            continue
        try:
            latitude, longitude = float(lat), float(lon)
        except ValueError as exc:
            raise InputError(f"row {n}: latitude/longitude {lat!r}, {lon!r} are not numbers", source=str(path)) from exc
        name = _names_en(row, level)
        a1 = official.get(row.get("admin1Pcode", ""), name[1]) or None
        places.append(
            Place(
                id=f"ocha:{pcode}", kind=f"admin{level}" if level <= 3 else "village", name=name[level],
                name_ar=row.get(f"admin{level}Name_ar", ""), country=_country(row, pcode), admin1=a1,
                admin2=name[2] or None, admin3=name[3] or None, latitude=latitude, longitude=longitude,
                source="user", note=f"OCHA P-code {pcode} ({path.name})",
            )
        )
    return places


def save_user_places(places: list[Place], user_path: Path, origin: str) -> int:
    """Merge ``places`` into the user's gazetteer (same id: replaced); returns the new row count."""
    merged = {p.id: p for p in read_places(user_path)} if user_path.exists() else {}
    for p in places:
        p.source = "user"
        merged[p.id] = p
    user_path.parent.mkdir(parents=True, exist_ok=True)
    stamp = _dt.date.today().isoformat()
    with user_path.open("w", encoding="utf-8", newline="") as handle:
        return write_places(
            handle,
            sorted(merged.values(), key=lambda p: (p.country, p.admin1 or "", p.name, p.id)),
            [
                ("Rasd user gazetteer, written by `rasd gazetteer import`; rows keep their sources' licences"
                " (GeoNames: CC BY 4.0; OCHA/HDX: see each dataset)."),
                f"Last import: {origin} on {stamp}.",
            ],
        )
