"""Place names for the map, from the shipped gazetteer, so a reader can tell where a point is offline.

``GET /map/places?bbox=west,south,east,north&zoom=Z`` answers the settlements in the box that a map at
zoom ``Z`` has room for, most populous first: a place is left out when its label (a box as wide
as its longer name, :data:`LETTER` pixels a letter, and :data:`LINE` high) would overlap one already kept,
and :data:`MOST` at most. Zoomed out, that leaves capitals and big cities;
zoomed in, towns and then villages. Names are in the page's language (``name_ar`` in Arabic).
"""

from __future__ import annotations

from functools import cache
from typing import Annotated, NamedTuple

from fastapi import APIRouter, Query, Request

from rasd.lexicon import read_tsv
from rasd.web.i18n import language

__all__ = ["LETTER", "LINE", "MOST", "Place", "labels_in", "pixels", "router"]

router = APIRouter(include_in_schema=False)
LETTER, LINE = 7, 18  # a label's letter width and height in pixels, about (12 px text)
MOST = 80
_GRID = 256  # pixels: wider than any label, so overlapping labels sit in neighbouring squares
_KINDS = ("city", "town", "village")


class Place(NamedTuple):
    """A settlement a label can name."""

    name: str
    name_ar: str
    latitude: float
    longitude: float
    population: int

    @property
    def width(self) -> int:
        """Pixels its label takes, in either language."""
        return LETTER * max(len(self.name), len(self.name_ar)) + 10


@cache
def _places() -> tuple[Place, ...]:
    """The gazetteer's settlements named in both languages, most populous first."""
    rows = [
        Place(r["name"], r["name_ar"], float(r["latitude"]), float(r["longitude"]), int(r["population"] or 0))
        for r in read_tsv("gazetteer.tsv") if r["kind"] in _KINDS and r["latitude"] and r["longitude"] and r["name"] and r["name_ar"]
    ]
    return tuple(sorted(rows, key=lambda p: -p.population))


def pixels(latitude: float, longitude: float, zoom: int) -> tuple[float, float]:
    """Where a point falls on a map at ``zoom``, in pixels (equirectangular: near enough for spacing labels)."""
    scale = 256 * 2**zoom / 360
    return longitude * scale, latitude * scale


def labels_in(west: float, south: float, east: float, north: float, zoom: int) -> list[Place]:
    """The places a map at ``zoom`` labels in the box: the most populous first, none whose label overlaps a kept one."""
    kept: dict[tuple[int, int], list[tuple[float, float, int]]] = {}  # kept labels (x, y, width) by grid square
    out: list[Place] = []
    for p in _places():
        if not (south <= p.latitude <= north and west <= p.longitude <= east):
            continue
        x, y = pixels(p.latitude, p.longitude, zoom)
        gx, gy = int(x // _GRID), int(y // _GRID)
        near = (q for dx in (-1, 0, 1) for dy in (-1, 0, 1) for q in kept.get((gx + dx, gy + dy), ()))
        if any(abs(x - qx) < (p.width + qw) / 2 and abs(y - qy) < LINE for qx, qy, qw in near):
            continue
        kept.setdefault((gx, gy), []).append((x, y, p.width))
        out.append(p)
        if len(out) == MOST:
            break
    return out


@router.get("/map/places")
async def map_places(
    request: Request, bbox: Annotated[str, Query(pattern=r"^-?[0-9.]+,-?[0-9.]+,-?[0-9.]+,-?[0-9.]+$", max_length=100)],
    zoom: Annotated[int, Query(ge=0, le=18)],
) -> list[dict[str, object]]:
    """``[{"name", "lat", "lon"}]`` for the map's place labels, in the page's language."""
    west, south, east, north = (float(v) for v in bbox.split(","))
    arabic = language(request) == "ar"
    return [{"name": p.name_ar if arabic else p.name, "lat": p.latitude, "lon": p.longitude}
            for p in labels_in(west, south, east, north, zoom)]
