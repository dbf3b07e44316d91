"""Is this report the same event as that one? And what does the event say, given all its reports?

Two questions, answered by pure functions over plain dicts of
:class:`~rasd.model.Event` fields, so they can be tested without a database.

:func:`same_event` is deliberately conservative: a wrong merge destroys an
event (two strikes become one, a toll is lost), a missed merge only leaves a
duplicate a reviewer can join. So every test is a *gate* that can say no:
type, date window by time precision, country and admin area, distance by geo
precision, actors, and casualty figures that cannot be the same toll.

:func:`combine` derives a machine event's columns from its reports: the most
precise report gives place and date, gaps are filled from the others, and
the figures follow ACLED's rule of the most conservative credible figure,
with ``notes`` saying so when reports disagree.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from datetime import date, timedelta
from typing import Any

from rasd.lang.ar.normalize import fold

__all__ = ["RADIUS_KM", "combine", "conservative_figure", "date_interval", "haversine_km", "match_distance", "same_event"]

#: How far apart two reports' coordinates may be, by the coarser geo precision of the two.
#: 1 (the village itself) is tight enough that neighbouring villages ~5 km apart never merge.
RADIUS_KM = {1: 2.0, 2: 8.0, 3: 60.0}
#: Half-width in days of the span a date stands for, by time precision (3 = the whole month).
_HALF_WINDOW = {1: 0, 2: 4}
_WILDCARD_ACTORS = ("unidentified", "unknown")
#: Actors so generic that sharing them says nothing about being the same event.
_GENERIC_ACTORS = ("civilians", "protesters", "rioters")
#: Two positive tolls further apart than this are different events, not a rising count.
_MAX_TOLL_RATIO = 3.0
_TOLL_SLACK = 10

Row = Mapping[str, Any]


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in kilometres."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0088 * math.asin(min(1.0, math.sqrt(a)))


def date_interval(event_date: str, precision: int | None) -> tuple[date, date]:
    """The days a coded date stands for: the day, a week around it, or its month."""
    d = date.fromisoformat(event_date[:10])
    p = precision or 1
    if p >= 3:
        start = d.replace(day=1)
        nxt = (start.replace(day=28) + timedelta(days=4)).replace(day=1)
        return start, nxt - timedelta(days=1)
    half = _HALF_WINDOW.get(p, 0)
    return d - timedelta(days=half), d + timedelta(days=half)


def _key(value: Any) -> str | None:
    return fold(str(value)).strip() if value not in (None, "") else None


def _actor_key(value: Any) -> str | None:
    """Folded actor name; ``None`` for missing or unidentified (they match anything)."""
    k = _key(value)
    if k is None or any(w in k for w in _WILDCARD_ACTORS):
        return None
    return k


def _actors_compatible(a: Row, b: Row) -> tuple[bool, int]:
    """Do the actors agree (missing and unidentified agree with anyone)? Also: how many named ones match."""

    def agree(x: str | None, y: str | None) -> bool:
        return x is None or y is None or x == y

    a1, a2, b1, b2 = (_actor_key(a.get("actor1")), _actor_key(a.get("actor2")), _actor_key(b.get("actor1")), _actor_key(b.get("actor2")))
    straight = agree(a1, b1) and agree(a2, b2)
    # In a clash, which side "acts" is the outlet's choice: allow the roles swapped.
    swapped = a.get("event_type") == "Battles" and agree(a1, b2) and agree(a2, b1)
    def telling(x: str | None, y: str | None) -> bool:
        return x is not None and x == y and not any(g in x for g in _GENERIC_ACTORS)

    named = sum(1 for x, y in ((a1, b1), (a2, b2)) if telling(x, y))
    if not straight and swapped:
        named = sum(1 for x, y in ((a1, b2), (a2, b1)) if telling(x, y))
    return straight or swapped, named


def _tolls_compatible(a: Row, b: Row) -> tuple[bool, bool]:
    """Can the two tolls be one event's (allowing a toll that rose)? Also: are they equal and positive."""
    fa, fb = a.get("fatalities"), b.get("fatalities")
    if not (isinstance(fa, int) and isinstance(fb, int) and fa > 0 and fb > 0):
        return True, False
    lo, hi = min(fa, fb), max(fa, fb)
    return hi <= _MAX_TOLL_RATIO * lo + _TOLL_SLACK, fa == fb


def match_distance(new: Row, old: Row) -> float | None:
    """``None`` if ``new`` and ``old`` may be different events; otherwise a distance (lower = closer).

    The distance ranks candidates: kilometres apart plus days apart.
    """
    if not new.get("event_type") or new.get("event_type") != old.get("event_type"):
        return None
    sa, sb = new.get("sub_event_type"), old.get("sub_event_type")
    if sa and sb and sa != sb:
        return None
    if not new.get("event_date") or not old.get("event_date"):
        return None
    (s1, e1), (s2, e2) = date_interval(new["event_date"], new.get("time_precision")), date_interval(old["event_date"], old.get("time_precision"))
    if s1 > e2 or s2 > e1:
        return None
    days = abs((date.fromisoformat(new["event_date"][:10]) - date.fromisoformat(old["event_date"][:10])).days)
    for field in ("country", "admin1"):
        x, y = _key(new.get(field)), _key(old.get(field))
        if x and y and x != y:
            return None
    precision = max(new.get("geo_precision") or 1, old.get("geo_precision") or 1)
    if precision <= 2:
        x, y = _key(new.get("admin2")), _key(old.get("admin2"))
        if x and y and x != y:
            return None
    ok, named = _actors_compatible(new, old)
    if not ok:
        return None
    tolls_ok, same_toll = _tolls_compatible(new, old)
    if not tolls_ok:
        return None
    lat1, lon1, lat2, lon2 = new.get("latitude"), new.get("longitude"), old.get("latitude"), old.get("longitude")
    if None not in (lat1, lon1, lat2, lon2):
        km = haversine_km(float(lat1), float(lon1), float(lat2), float(lon2))  # type: ignore[arg-type]
        if km > RADIUS_KM.get(precision, RADIUS_KM[3]):
            return None
    else:
        # Without coordinates only the same named place in the same area will do.
        if not (_key(new.get("admin1")) and _key(new.get("location")) and _key(new.get("location")) == _key(old.get("location"))):
            return None
        km = 0.0
    if precision >= 3 and not (named or same_toll):
        # A region-wide report matches a village report only with a named actor or the same toll behind it.
        return None
    return km + days


def same_event(new: Row, old: Row) -> bool:
    """Could ``new`` and ``old`` be reports of one event? (Every gate of :func:`match_distance`.)"""
    return match_distance(new, old) is not None


def conservative_figure(reports: Sequence[Row], field: str) -> tuple[int | None, bool, str | None]:
    """The event's figure for ``field`` ("fatalities" or "injuries") from its reports, and a note.

    The lowest *positive* reported figure wins (ACLED: the most conservative
    credible figure). A report that gives no number for deaths it mentions
    (``*_known`` false) or mentions none (0) does not lower a reported toll:
    early or partial reports are silence, not a counter-claim.
    """
    known = f"{field}_known"
    positive = [r[field] for r in reports if r.get(known, True) and isinstance(r.get(field), int) and r[field] > 0]
    unknown = any(r.get(known) is False for r in reports)
    if positive:
        value = min(positive)
        distinct = sorted(set(positive))
        note = None
        if len(distinct) > 1:
            shown = ", ".join(str(v) for v in distinct)
            note = (
                f"Reports differ on {field} ({shown} across {len(reports)} reports); "
                f"{value} is coded as the most conservative figure."
            )
        return value, True, note
    if unknown:
        return None, False, None
    zeros = [r.get(field) for r in reports if r.get(field) == 0]
    return (0 if zeros or field == "fatalities" else None), True, None


def _precision_key(indexed: tuple[int, Row]) -> tuple[int, int, float, int]:
    i, r = indexed
    return (r.get("geo_precision") or 9, r.get("time_precision") or 9, -(r.get("confidence") or 0.0), i)


def combine(reports: Sequence[Row]) -> dict[str, Any]:
    """A machine event's fields from all its reports (see the module docstring for the rules)."""
    if not reports:
        raise ValueError("combine() needs at least one report")
    ordered = [r for _, r in sorted(enumerate(reports), key=_precision_key)]
    out: dict[str, Any] = dict(ordered[0])
    for r in ordered[1:]:
        for k, v in r.items():
            if out.get(k) in (None, "") and v not in (None, ""):
                out[k] = v
    notes = [str(ordered[0].get("notes") or "").strip()]
    for field in ("fatalities", "injuries"):
        value, known, note = conservative_figure(reports, field)
        out[field], out[f"{field}_known"] = value, known
        if note:
            notes.append(note)
    if len(notes) > 1:
        notes.append("Reports that mention no deaths, or give no number, do not lower a reported toll.")
    out["notes"] = " ".join(n for n in notes if n)
    sources: list[str] = []
    tags: list[str] = []
    for r in reports:
        for s in str(r.get("source") or "").split(";"):
            if s.strip() and s.strip() not in sources:
                sources.append(s.strip())
        for t in r.get("tags") or []:
            if t not in tags:
                tags.append(t)
    out["source"] = "; ".join(sources) or None
    out["tags"] = tags
    out["confidence"] = max(float(r.get("confidence") or 0.0) for r in reports)
    out["n_sources"] = len(reports)
    return out
