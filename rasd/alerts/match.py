"""Does an event match a subscription's filter? A pure function over plain dicts, testable without a database.

A filter is a JSON object; every key present must hold (keys left out match
anything), and list-valued keys match when any of their values does:

    {"country": "Syria", "admin1": ["Deir ez-Zor", "Idlib"], "admin2": [...],
     "bbox": [west, south, east, north], "polygon": [[lon, lat], ...],
     "actors": ["Liwa al-Quds"], "event_types": ["Battles"], "sub_event_types": [...],
     "min_fatalities": 1}

``min_fatalities`` compares ACLED's coded figure, so deaths reported without
a number (coded 3 or 10 by convention) still reach a subscriber who asked for
"any deaths".
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from rasd.errors import InputError
from rasd.model import acled_fatalities

__all__ = ["FILTER_KEYS", "matches", "point_in_polygon", "validate_filters"]

FILTER_KEYS = frozenset({"country", "admin1", "admin2", "bbox", "polygon", "actors", "event_types", "sub_event_types", "min_fatalities"})


def _as_list(value: Any) -> list[Any]:
    return list(value) if isinstance(value, list | tuple) else [value]


def validate_filters(filters: Mapping[str, Any]) -> dict[str, Any]:
    """The filter as stored, or :class:`InputError` saying what is wrong with it."""
    unknown = set(filters) - FILTER_KEYS
    if unknown:
        raise InputError(f"unknown filter keys: {', '.join(sorted(unknown))}; known: {', '.join(sorted(FILTER_KEYS))}")
    out = {k: v for k, v in filters.items() if v not in (None, "", [])}
    if "bbox" in out and (len(out["bbox"]) != 4 or not all(isinstance(x, int | float) for x in out["bbox"])):
        raise InputError("bbox must be [west, south, east, north] in degrees")
    if "polygon" in out and (len(out["polygon"]) < 3 or not all(len(p) == 2 for p in out["polygon"])):
        raise InputError("polygon must be at least three [lon, lat] points")
    if "min_fatalities" in out and (not isinstance(out["min_fatalities"], int) or out["min_fatalities"] < 0):
        raise InputError("min_fatalities must be a non-negative integer")
    return out


def point_in_polygon(lon: float, lat: float, polygon: Sequence[Sequence[float]]) -> bool:
    """Ray casting: is the point inside the ring (closed or not)? Good enough for areas drawn on a map."""
    inside = False
    n = len(polygon)
    for i in range(n):
        (x1, y1), (x2, y2) = polygon[i], polygon[(i + 1) % n]
        if (y1 > lat) != (y2 > lat) and lon < (x2 - x1) * (lat - y1) / (y2 - y1) + x1:
            inside = not inside
    return inside


def matches(filters: Mapping[str, Any], ev: Mapping[str, Any]) -> bool:
    """True when the event passes every condition of ``filters``."""
    for key, field in (("country", "country"), ("admin1", "admin1"), ("admin2", "admin2"),
                       ("event_types", "event_type"), ("sub_event_types", "sub_event_type")):
        if key in filters and ev.get(field) not in _as_list(filters[key]):
            return False
    if "actors" in filters:
        named = {ev.get("actor1"), ev.get("actor2"), *str(ev.get("assoc_actor_1") or "").split("; "), *str(ev.get("assoc_actor_2") or "").split("; ")}
        if not named & set(_as_list(filters["actors"])):
            return False
    lon, lat = ev.get("longitude"), ev.get("latitude")
    if "bbox" in filters:
        w, s, e, n = filters["bbox"]
        if lon is None or lat is None or not (w <= lon <= e and s <= lat <= n):
            return False
    if "polygon" in filters and (lon is None or lat is None or not point_in_polygon(lon, lat, filters["polygon"])):
        return False
    return not ("min_fatalities" in filters and acled_fatalities(ev)[0] < filters["min_fatalities"])
