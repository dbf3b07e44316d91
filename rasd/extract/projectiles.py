"""Where a projectile event happened: the place it was downed over or aimed at, not where it came from.

ACLED codes an interception (Disrupted weapons use) and a missile attack at the target: "اعترض الدفاع
الجوي صاروخا في سماء جازان، أطلق من الأراضي اليمنية" is Jazan, "صاروخ أطلق من اليمن باتجاه منطقة
جازان" is Jazan, not Yemen. A place after a launch word's "من" is the origin (:func:`origin`); a place
right after "سماء، أجواء، فوق، باتجاه، صوب، نحو، استهدف" is the aim (:func:`aimed`).
"""

from __future__ import annotations

import re

from rasd.doc import Doc, Mention
from rasd.lang.ar.places import AIM_WORDS, LAUNCH_WORDS

__all__ = ["PROJECTILE_TYPES", "aimed", "origin", "projectile_places"]

#: Sub-types whose place is where the projectile was aimed or downed.
PROJECTILE_TYPES = frozenset({"Disrupted weapons use", "Shelling/artillery/missile attack"})


def _words(words: frozenset[str]) -> str:
    return "|".join(sorted(words, key=len, reverse=True))


# a place noun or "العاصمة" between the word and the name ("باتجاه العاصمة الرياض")
_NOUN = r"(?:(?:العاصمه|مدينه|منطقه|محافظه|مطار|قاعده)\s+)?"
_AIM = re.compile(r"(?:^|[\s،,(\"])[وف]?(?:" + _words(AIM_WORDS) + r")\s+" + _NOUN + r"$")
# "من داخل الأراضي اليمنية (صعدة)", "من محافظة صعدة", "من اليمن"
_FROM = re.compile(r"(?:^|\s)من\s+(?:داخل\s+)?(?:الاراضي\s+\S+\s*\(\s*|الاراضي\s+)?" + _NOUN + r"$")
_LAUNCH = re.compile(r"(?<!\w)[وف]?(?:ال)?(?:" + _words(LAUNCH_WORDS) + r")(?!\w)")
_REACH = 40  # characters before the place where the aim word or "من" must be


def aimed(doc: Doc, p: Mention) -> bool:
    """``p`` is what a projectile flew over or was aimed at ("في سماء جازان", "باتجاه الرياض")."""
    return bool(_AIM.search(doc.ntext, max(0, p.start - _REACH), p.start))


def origin(doc: Doc, p: Mention) -> bool:
    """``p`` is where a projectile was launched from: "من X" after a launch word or a projectile in its clause."""
    if p.value.qualifier is not None:  # "بالقرب من", "الى الشرق من": where, not whence
        return False
    text = doc.ntext
    m = _FROM.search(text, max(0, p.start - _REACH), p.start)
    if not m:
        return False
    clause_start = doc.clauses[doc.clause_of(p.start)][0] if doc.clauses else 0
    return bool(_LAUNCH.search(text, clause_start, m.start() + 1))


def projectile_places(doc: Doc, places: list[Mention]) -> list[Mention]:
    """Of an interception's or a missile attack's places, the aimed ones, else all but the origins."""
    kept = [p for p in places if not origin(doc, p)] or places
    return [p for p in kept if aimed(doc, p)] or kept
