"""Are these two reports one event? One set of gates, with parameters per scale.

Both scales ask it: within an article, where long texts retell the lead event
(:func:`rasd.extract.retellings.dedupe`), and across articles, where the store
and the batch merge join reports of one event (:mod:`rasd.store.merge`).
:func:`match_distance` runs the same gates at both, each of which can say no:

- **type**: the same event type; sub-types that differ (both given) part the
  types :attr:`Scale.sub_types` names (within an article only Strategic
  developments: an arrest campaign and the post set up during it are two
  records, while a strike retold as an airstrike is one).
- **date**: the same coded day (article), or date spans by time precision that overlap (archive).
- **areas**: country, governorate and, for places finer than a region, the
  district agree where both give them (archive; an article's records compare by place).
- **actors**: named sides agree, in a battle either way round. Across
  articles missing and unidentified actors agree with anyone and both sides
  must agree; within an article an unnamed attacker agrees with any, "unidentified"
  is a side of its own, a strike's victims never tell two retellings apart,
  and a battle's sides are compared only when both records name the attacker,
  the later one naming no side the first lacks.
- **tolls**: two positive death tolls too far apart to be one rising count
  part reports (archive; an article's retellings are folded by the count rule).
- **mass-casualty retellings** (archive, before the other gates): two violent reports of one town with at
  least :data:`MASS_TOLL` dead each are one event on the same day, when neither has a day of its own and
  their weeks overlap, or when one has none and comes within :data:`RETOLD_WITHIN_DAYS` days after the
  other (:func:`retold_mass_event`).
- **place**: within an article, two named places differ (but a record placed only at a country retells one
  placed in it, unless it counts more dead); across articles,
  coordinates further apart than the coarser geo precision allows, or, without
  coordinates, anything but the same named place in the same governorate; a
  region-wide report joins a finer one only with a named actor or the same toll behind it.

The gates read plain mappings of :class:`~rasd.model.Event` field names: the
store's rows as they are, an extracted record through :func:`fields_of`.
The distance (kilometres plus days apart) ranks candidates; ``None`` is "may be different events".
"""

from __future__ import annotations

import math
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from rasd.lang.ar.normalize import fold
from rasd.model import Event

__all__ = ["ARCHIVE", "ARTICLE", "MASS_TOLL", "RADIUS_KM", "RETOLD_WITHIN_DAYS", "Row", "Scale", "FIGHTING", "country_wide",
           "date_interval", "fields_of", "haversine_km", "mass", "match_distance", "retold_mass_event"]

Row = Mapping[str, Any]

#: How far apart two reports' coordinates may be, by the coarser geo precision of the two.
#: 1 (the village itself) is tight enough that neighbouring villages ~5 km apart never merge.
RADIUS_KM = {1: 2.0, 2: 8.0, 3: 60.0}
#: Half-width in days of the span a date stands for, by time precision (3 = the whole month).
_HALF_WINDOW = {1: 0, 2: 4}
#: Actors so generic that sharing them says nothing about being the same event.
_GENERIC_ACTORS = ("civilians", "protesters", "rioters")


@dataclass(frozen=True, slots=True)
class Scale:
    """How each gate of :func:`match_distance` reads at one scale (module docstring)."""

    name: str
    same_day: bool  # the same coded day, not overlapping date spans
    sub_types: frozenset[str] | None  # the event types whose sub-types must agree (None: all)
    by_distance: bool  # areas and coordinates, not place names
    wildcards: tuple[str, ...]  # actor names (folded, in part) that agree with anyone
    open_sides: bool  # both sides compared always, and a side one report leaves empty agrees with any
    toll_ratio: tuple[float, int] | None  # tolls further apart than ratio × lower + slack part reports


#: Records of one article: same day, places by name, the attacker tells retellings apart.
ARTICLE = Scale("article", same_day=True, sub_types=frozenset({"Strategic developments"}), by_distance=False,
                wildcards=(), open_sides=False, toll_ratio=None)
#: Reports in different articles: date spans, areas and distance, actors with wildcards, tolls that can be one count.
ARCHIVE = Scale("archive", same_day=False, sub_types=None, by_distance=True,
                wildcards=("unidentified", "unknown"), open_sides=True, toll_ratio=(3.0, 10))


class _EventFields(Mapping[str, Any]):
    """A read-only mapping view of an :class:`Event`'s fields (no copy: the gates read a handful)."""

    __slots__ = ("_ev",)

    def __init__(self, ev: Event) -> None:
        self._ev = ev

    def __getitem__(self, key: str) -> Any:
        if key not in Event.__dataclass_fields__:
            raise KeyError(key)
        return getattr(self._ev, key)

    def __iter__(self) -> Iterator[str]:
        return iter(Event.__dataclass_fields__)

    def __len__(self) -> int:
        return len(Event.__dataclass_fields__)


def fields_of(ev: Event) -> Row:
    """An extracted record as the gates read a stored row."""
    return _EventFields(ev)


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


def _actor_key(value: Any, wildcards: tuple[str, ...]) -> str | None:
    """Folded actor name; ``None`` for missing or a wildcard (they match anything)."""
    k = _key(value)
    if k is None or any(w in k for w in wildcards):
        return None
    return k


def _actors(a: Row, b: Row, scale: Scale) -> tuple[bool, int]:
    """Do the actors agree (module docstring)? Also: how many telling named ones match."""
    a1, a2, b1, b2 = (_actor_key(r.get(f), scale.wildcards) for r in (a, b) for f in ("actor1", "actor2"))
    battle = a.get("event_type") == "Battles"

    def agree(x: str | None, y: str | None, *, side: bool) -> bool:  # x of the first report, y of the later
        return y is None or x == y or (x is None and (scale.open_sides or not side))

    if not scale.open_sides and not (battle and a1 and b1):  # within an article a strike's victims tell nothing apart
        return agree(a1, b1, side=False), 0
    straight = agree(a1, b1, side=False) and agree(a2, b2, side=True)
    # In a clash, which side "acts" is the outlet's choice: allow the roles swapped.
    swapped = battle and agree(a1, b2, side=False) and agree(a2, b1, side=True)

    def telling(x: str | None, y: str | None) -> bool:
        return x is not None and x == y and not any(g in x for g in _GENERIC_ACTORS)

    named = sum(1 for x, y in ((a1, b1), (a2, b2)) if telling(x, y))
    if not straight and swapped:
        named = sum(1 for x, y in ((a1, b2), (a2, b1)) if telling(x, y))
    return straight or swapped, named


def _tolls(a: Row, b: Row, ratio: tuple[float, int] | None) -> tuple[bool, bool]:
    """Can the two tolls be one event's (allowing a toll that rose)? Also: are they equal and positive."""
    fa, fb = a.get("fatalities"), b.get("fatalities")
    if not (isinstance(fa, int) and isinstance(fb, int) and fa > 0 and fb > 0):
        return True, False
    lo, hi = min(fa, fb), max(fa, fb)
    return ratio is None or hi <= ratio[0] * lo + ratio[1], fa == fb


def _days_apart(a: Row, b: Row, scale: Scale) -> int | None:
    """Days between the two dates, ``None`` when they cannot be one event's."""
    if scale.same_day:
        return 0 if a.get("event_date") == b.get("event_date") else _undated_retelling(a, b)
    if not a.get("event_date") or not b.get("event_date"):
        return None
    (s1, e1), (s2, e2) = date_interval(a["event_date"], a.get("time_precision")), date_interval(b["event_date"], b.get("time_precision"))
    if s1 > e2 or s2 > e1:
        return None
    return abs((date.fromisoformat(a["event_date"][:10]) - date.fromisoformat(b["event_date"][:10])).days)


#: Within an article, how many days before the publication a dated record may lie and still be the event a record
#: with no date of its own retells (such a record is dated by the article: "… غارة للتحالف قتلت الصماد" after
#: "غارات استهدفته الخميس الماضي").
_RETOLD_DAYS = 3


def _undated_retelling(a: Row, b: Row) -> int | None:
    """Days between a record dated by the article and the dated record of the same sub-type it may retell, if at most
    _RETOLD_DAYS."""
    dated = [r for r in (a, b) if "event_date" in (r.get("evidence") or {})]
    if len(dated) != 1 or not a.get("event_date") or not b.get("event_date") or a.get("sub_event_type") != b.get("sub_event_type"):
        return None
    own, by_article = (dated[0], b if dated[0] is a else a)
    gap = (date.fromisoformat(by_article["event_date"][:10]) - date.fromisoformat(own["event_date"][:10])).days
    return gap if 0 < gap <= _RETOLD_DAYS else None


def country_wide(r: Row) -> bool:
    """Placed only at its country ("غارات للتحالف … بالساحل الغربي لليمن"): no governorate, the country as the place."""
    return not r.get("admin1") and r.get("location") is not None and r.get("location") == r.get("country")


def _within_country_retold(a: Row, b: Row) -> bool:
    """Within an article, a record placed only at a country retells one placed in that country (the named town
    beats the country), unless it counts more dead: then it sums up several events."""
    if country_wide(a) == country_wide(b):
        return False
    wide, fine = (a, b) if country_wide(a) else (b, a)
    if wide.get("country") != fine.get("country"):
        return False
    dead, own = wide.get("fatalities"), fine.get("fatalities")
    return not (isinstance(dead, int) and dead > (own if isinstance(own, int) else 0))


def _areas_agree(a: Row, b: Row, precision: int) -> bool:
    """Country and governorate, and for places finer than a region the district, agree where both give them."""
    for field in ("country", "admin1") + (("admin2",) if precision <= 2 else ()):
        x, y = _key(a.get(field)), _key(b.get(field))
        if x and y and x != y:
            return False
    return True


def _km_apart(a: Row, b: Row, precision: int) -> float | None:
    """Kilometres between the two places, ``None`` when they are too far apart or cannot be compared."""
    lat1, lon1, lat2, lon2 = a.get("latitude"), a.get("longitude"), b.get("latitude"), b.get("longitude")
    if None not in (lat1, lon1, lat2, lon2):
        km = haversine_km(float(lat1), float(lon1), float(lat2), float(lon2))  # type: ignore[arg-type]
        return km if km <= RADIUS_KM.get(precision, RADIUS_KM[3]) else None
    # Without coordinates only the same named place in the same area will do.
    if _key(a.get("admin1")) and _key(a.get("location")) and _key(a.get("location")) == _key(b.get("location")):
        return 0.0
    return None


#: A death toll at least this large makes an event one later articles retell by its town and toll alone.
MASS_TOLL = 20
#: How many days after a mass-casualty event an undated report (week precision) may still retell it.
RETOLD_WITHIN_DAYS = 45
#: The event types of fighting and of attacks on people (not riots): a massacre is one of them.
FIGHTING = frozenset({"Battles", "Explosions/Remote violence", "Violence against civilians"})


def mass(r: Row) -> bool:
    """A violent event placed at a town itself (geo precision 1) with a toll of at least :data:`MASS_TOLL` dead."""
    dead = r.get("fatalities")
    return (r.get("event_type") in FIGHTING and isinstance(dead, int) and dead >= MASS_TOLL
            and r.get("geo_precision") == 1 and bool(_key(r.get("location"))))


def retold_mass_event(a: Row, b: Row) -> int | None:
    """Days apart when ``a`` and ``b`` tell one mass-casualty event, whatever type and sides each report gives it.

    Later articles recall a massacre by its town and toll ("الهجوم الكيماوي على دوما الذي أودى بحياة 70"), retyping
    it and naming the states that answered it as if they had acted: two violent reports of one town, each with at
    least :data:`MASS_TOLL` dead and tolls that can be one count, are one event when they give the same day, when
    neither has a day of its own (week precision) and their weeks overlap, or when one has none and comes at most
    :data:`RETOLD_WITHIN_DAYS` days after the other's day.
    """
    if not (mass(a) and mass(b)) or not _tolls(a, b, ARCHIVE.toll_ratio)[0]:
        return None
    if any(_key(a.get(f)) != _key(b.get(f)) for f in ("country", "admin1", "location")):
        return None
    if not a.get("event_date") or not b.get("event_date"):
        return None
    pa, pb = a.get("time_precision") or 1, b.get("time_precision") or 1
    gap = (date.fromisoformat(a["event_date"][:10]) - date.fromisoformat(b["event_date"][:10])).days
    if pa == pb == 1:
        return 0 if gap == 0 else None
    if pa == pb == 2:  # two undated retellings of one week
        return abs(gap) if abs(gap) <= _HALF_WINDOW[2] else None
    if {pa, pb} != {1, 2}:
        return None
    later_undated = gap if pa == 2 else -gap  # the undated report's date minus the dated one's
    return abs(gap) if 0 <= later_undated <= RETOLD_WITHIN_DAYS else None


def match_distance(a: Row, b: Row, scale: Scale) -> float | None:
    """``None`` if ``a`` and ``b`` may be different events at ``scale``; otherwise a distance (lower = closer).

    ``a`` is the report or record seen first (an article's earlier record, the
    store's new report); only the article scale reads the order.
    """
    if scale.by_distance and (retold := retold_mass_event(a, b)) is not None:
        return float(retold)
    kind = a.get("event_type")
    if not kind or kind != b.get("event_type"):
        return None
    sa, sb = a.get("sub_event_type"), b.get("sub_event_type")
    if sa and sb and sa != sb and (scale.sub_types is None or kind in scale.sub_types):
        return None
    days = _days_apart(a, b, scale)
    if days is None:
        return None
    precision = max(a.get("geo_precision") or 1, b.get("geo_precision") or 1)
    if scale.by_distance and not _areas_agree(a, b, precision):
        return None
    ok, named = _actors(a, b, scale)
    if not ok:
        return None
    tolls_ok, same_toll = _tolls(a, b, scale.toll_ratio)
    if not tolls_ok:
        return None
    if not scale.by_distance:
        la, lb = a.get("location"), b.get("location")
        if la is not None and lb is not None and la != lb and not _within_country_retold(a, b):
            return None
        return float(days)
    km = _km_apart(a, b, precision)
    if km is None:
        return None
    if precision >= 3 and not (named or same_toll):
        # A region-wide report matches a village report only with a named actor or the same toll behind it.
        return None
    return km + days
