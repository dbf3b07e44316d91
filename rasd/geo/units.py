"""A place and the unit named with it: "قرية الطيبة بريف درعا", "حي صلاح الدين في حلب".

When a report names the governorate, district or town a village lies in, that
unit settles which of the same-named places is meant. A candidate in the unit
goes first. When no candidate lies in the unit's country, nor near it (a
border town: "سلوان في القدس"), the gazetteer does not hold this place: the
mention is dropped, so that a place noun before it makes
it an unlisted place of that unit (:mod:`rasd.geo.unlisted`) and a bare name
leaves the unit itself as the location.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence

from rasd.geo.model import KIND_RANK, Candidate, PlaceMention
from rasd.geo.phrases import place_noun
from rasd.lang.ar.normalize import fold
from rasd.lang.ar.places import UNLISTED_NOUNS

__all__ = ["settle_by_unit"]

_UNITS = frozenset(["admin3", "admin2", "admin1", "region", "city", "town", "country"])
_SETTLED = frozenset(["village", "town", "city", "camp", "neighbourhood"])
# What may stand between a place and its unit: "X في Y", "X، Y", "X التابعة لـ Y", "X الواقعة في Y".
_GAP = re.compile(r"(?:[\s،,]|(?<!\w)(?:في|من|ضمن|داخل|التابعه|التابع|الواقعه|الواقع|ل)(?!\w))*")
_NEAR_DEGREES = 0.35  # ~35 km: a candidate this close to the unit counts as in it


def _near(c: Candidate, unit: Candidate) -> bool:
    return math.hypot(c.latitude - unit.latitude, c.longitude - unit.longitude) <= _NEAR_DEGREES


def _in_unit(c: Candidate, unit: Candidate) -> bool:
    return c.country == unit.country and (unit.kind == "country" or (bool(unit.admin1) and c.admin1 == unit.admin1))


def _introduced(m: PlaceMention) -> bool:
    """The mention starts with a settlement noun ("قرية", "حي", "مخيم"…): the text says what it is."""
    words = m.phrase.split(maxsplit=1)
    noun = place_noun(words[0]) if len(words) > 1 else None
    return noun is not None and noun in UNLISTED_NOUNS


def _unit_after(text: str, mentions: Sequence[PlaceMention], k: int) -> Candidate | None:
    """The coarser unit named right after mention ``k`` ("… بريف درعا الشرقي", "… في جبل الزاوية")."""
    m, nxt = mentions[k], mentions[k + 1] if k + 1 < len(mentions) else None
    if nxt is None or nxt.best is None or m.best is None or nxt.best.kind not in _UNITS:
        return None
    if KIND_RANK[nxt.best.kind] <= KIND_RANK[m.best.kind] and not _introduced(m):
        return None
    if nxt.phrase.startswith("و") and not fold(nxt.best.name_ar or "").startswith("و"):
        return None  # "غارات على بيروت وإسرائيل …": the next item of a list, not where the first lies
    gap = _GAP.match(text, m.end, nxt.start)
    return nxt.best if gap is not None and gap.end() == nxt.start else None


def settle_by_unit(text: str, mentions: list[PlaceMention]) -> list[PlaceMention]:
    """``mentions`` (in text order) with each settlement's candidates checked against the unit named with it."""
    out: list[PlaceMention] = []
    for k, m in enumerate(mentions):
        unit = _unit_after(text, mentions, k)
        settled = m.best is not None and (m.best.kind in _SETTLED or _introduced(m))
        if unit is None or m.best is None or not settled or _in_unit(m.best, unit):
            out.append(m)
            continue
        inside = [c for c in m.candidates if _in_unit(c, unit)]
        if inside:
            m.candidates = inside + [c for c in m.candidates if c not in inside]
        if inside or m.best.country == unit.country or _near(m.best, unit):
            out.append(m)  # same country: the unit may be a region ("عرسال في البقاع"); near: a border town
    return out
