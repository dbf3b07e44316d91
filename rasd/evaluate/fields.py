"""Field-by-field agreement between one gold event and one produced event.

Each check answers "would a careful coder accept this value?", using what the
gold event allows: aliases, other accepted sub-types and places, the date
window its time precision implies, the radius around its coordinates.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import date
from math import asin, cos, radians, sin, sqrt
from typing import Any

from rasd.evaluate.names import accepted_names, actor_tokens, admin1_equivalents, name_key

__all__ = ["FIELDS", "MATCH_FIELDS", "check_fields", "haversine_km"]

Event = Mapping[str, Any]

# The fields scored on every matched pair, in report order.
FIELDS: tuple[str, ...] = (
    "event_type", "sub_event_type", "event_date", "actors", "admin1",
    "location_exact", "location", "fatalities", "injuries",
)
# The fields whose agreement ranks candidate pairs (location_exact is implied by location).
MATCH_FIELDS: tuple[str, ...] = tuple(f for f in FIELDS if f != "location_exact")

DEFAULT_RADIUS_KM = 10.0


def _parse_date(value: Any) -> date | None:
    try:
        return date.fromisoformat(str(value)[:10])
    except (TypeError, ValueError):
        return None


def date_ok(gold: Event, pred: Event) -> bool:
    """Same day (precision 1), within a week (2), or same month (3) as the gold date or an accepted other."""
    p = _parse_date(pred.get("event_date"))
    if p is None:
        return False
    precision = int(gold.get("time_precision") or 1)
    for value in (gold.get("event_date"), *gold.get("event_date_also_accepted", [])):
        g = _parse_date(value)
        if g is None:
            continue
        if precision == 1 and g == p:
            return True
        if precision == 2 and abs((g - p).days) <= 7:
            return True
        if precision >= 3 and (g.year, g.month) == (p.year, p.month):
            return True
    return False


def admin1_ok(gold: Event, pred: Event) -> bool:
    """The produced first-level area is the gold one under any accepted spelling."""
    got = name_key(pred.get("admin1"))
    if not got:
        return False
    accepted = accepted_names(gold, "admin1")
    return got in accepted or any(got in admin1_equivalents(a) for a in accepted)


def location_exact_ok(gold: Event, pred: Event) -> bool:
    """The produced place name (English or Arabic) is one the gold event accepts."""
    accepted = accepted_names(gold, "location") | {name_key(gold.get("location_ar"))}
    accepted |= {name_key(x) for x in gold.get("location_also_accepted", [])}
    accepted.discard("")
    return name_key(pred.get("location")) in accepted or name_key(pred.get("location_ar")) in accepted


def haversine_km(a: tuple[float, float], b: tuple[float, float]) -> float:
    """Great-circle distance between two (latitude, longitude) points."""
    (la1, lo1), (la2, lo2) = a, b
    h = sin(radians(la2 - la1) / 2) ** 2 + cos(radians(la1)) * cos(radians(la2)) * sin(radians(lo2 - lo1) / 2) ** 2
    return 6371 * 2 * asin(sqrt(h))


def location_ok(gold: Event, pred: Event) -> bool:
    """An accepted name, or coordinates within the gold radius (10 km unless it says otherwise)."""
    if location_exact_ok(gold, pred):
        return True
    if gold.get("latitude") is None or pred.get("latitude") is None:
        return False
    try:
        distance = haversine_km(
            (float(gold["latitude"]), float(gold["longitude"])),
            (float(pred["latitude"]), float(pred["longitude"])),
        )
        return distance <= float(gold.get("radius_km", DEFAULT_RADIUS_KM))
    except (TypeError, ValueError, KeyError):
        return False


def _actor_found(gold: Event, key: str, produced: list[str]) -> bool:
    if accepted_names(gold, key) & {name_key(p) for p in produced}:
        return True
    # a naming variant: the distinctive words of the gold name are (nearly) all in one produced name
    want = actor_tokens(gold.get(key))
    return bool(want) and any(
        want <= actor_tokens(p) or (len(want) > 1 and len(want & actor_tokens(p)) >= len(want) - 1)
        for p in produced
    )


def actors_ok(gold: Event, pred: Event) -> bool:
    """Each gold actor appears among the produced actors, in any role (main or associated)."""
    produced = [str(pred[k]) for k in ("actor1", "actor2") if pred.get(k)]
    for k in ("assoc_actor_1", "assoc_actor_2"):
        produced += [x for x in re.split(r";\s*", pred.get(k) or "") if x]
    return all(_actor_found(gold, k, produced) for k in ("actor1", "actor2") if gold.get(k))


def count_ok(gold: Event, pred: Event, key: str) -> bool:
    """The gold number or one it also accepts; an unknown gold count ("dead and wounded") must stay unknown, not 0."""
    g, p = gold.get(key), pred.get(key)
    unknown = p is None and pred.get(f"{key}_known") is not True
    if g is None:
        return True if key not in gold else unknown
    also = gold.get(f"{key}_also_accepted", [])
    if p is None:
        return None in also and unknown
    try:
        return int(p) in {int(g), *(int(x) for x in also if x is not None)}
    except (TypeError, ValueError):
        return False


def check_fields(gold: Event, pred: Event) -> dict[str, bool | None]:
    """Every field of :data:`FIELDS`; ``None`` where the gold event does not code it.

    Injuries are unscored when the gold event does not count them, admin1 when
    the gold event is placed at country level. Coders who split on the type
    itself list ``event_type_also_accepted`` pairs ``[event_type, sub_event_type]``.
    """
    sub_types = {gold.get("sub_event_type"), *gold.get("sub_event_type_also_accepted", [])}
    pairs = {tuple(pair) for pair in gold.get("event_type_also_accepted", [])}
    kind = pred.get("event_type")
    return {
        "event_type": kind == gold.get("event_type") or any(kind == t for t, _ in pairs),
        "sub_event_type": pred.get("sub_event_type") in sub_types or (kind, pred.get("sub_event_type")) in pairs,
        "event_date": date_ok(gold, pred),
        "actors": actors_ok(gold, pred),
        "admin1": admin1_ok(gold, pred) if gold.get("admin1") else None,
        "location_exact": location_exact_ok(gold, pred),
        "location": location_ok(gold, pred),
        "fatalities": count_ok(gold, pred, "fatalities"),
        "injuries": count_ok(gold, pred, "injuries") if "injuries" in gold else None,
    }
