"""Places the gazetteer does not hold, when the text says what they are.

"قرية البارة في جبل الزاوية", "بلدة بني قيس بمحافظة حجة", "منطقتي الوهبية
وحوران": a name introduced by a place noun (village, town, camp,
neighbourhood, farm, area) that no gazetteer row matches is still the place
the report names. ACLED's practice is to code the named village, at the
nearest known point when its own coordinates are unknown: the candidate takes
its name as written (transliterated by :func:`rasd.lang.ar.translit.transliterate`),
its admin units and coordinates from the known place named with it in the
sentence (else the article's main governorate), ``geo_precision`` 2 and
``source="unlisted"`` so review sees it first. A reviewer who fixes its
coordinates adds it to the user gazetteer, and the next report finds it there.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from rasd.geo.index import Gazetteer
from rasd.geo.model import Candidate, PlaceMention
from rasd.geo.resolve import Context, nation_after, to_candidate
from rasd.lang.alternatives import WordInitial
from rasd.lang.ar.places import (
    DIRECTION_ADJECTIVES,
    DIRECTIONS,
    NAME_HEADS,
    NEAR_WORDS,
    PLACE_NOUNS,
    PREPOSITIONS,
    UNLISTED_NOUNS,
    UNLISTED_NOT_NAMES,
)
from rasd.lang.ar.normalize import fold
from rasd.lang.ar.translit import transliterate

__all__ = ["UNLISTED_FLAG", "UNLISTED", "unlisted_places"]

# The start of the location flag of an event placed at an unlisted village: review finds these by it.
UNLISTED_FLAG = "not in the gazetteer"
UNLISTED = "unlisted"  # Candidate.source of a place found only by its noun
_SCORE = 0.5
_CONTEXT_REACH = 90  # characters after (or before) the name searched for the unit named with it
_NOUN = WordInitial(r"(?:[وفب]|وب|ل)?(" + "|".join(sorted(UNLISTED_NOUNS, key=len, reverse=True)) + r")\s+")
_WORD = re.compile(r"[^\W\d_]+")
_SENTENCE_END = re.compile(r"[.!?؟\n]")
_STOP_AT = frozenset([*PREPOSITIONS, *DIRECTIONS, *DIRECTION_ADJECTIVES, *NEAR_WORDS, *PLACE_NOUNS, *UNLISTED_NOT_NAMES])
_AREAS = ("admin3", "admin2", "admin1", "region", "city", "town")


def _not_a_name(word: str) -> bool:
    """A word that describes or continues instead of naming: a stop word (also after "و"), a short
    particle, or an indefinite adjective ("قرية بدوية", "منطقة فلسطينية")."""
    if word in _STOP_AT or (len(word) < 3 and word not in NAME_HEADS):
        return True
    if word.startswith(("و", "لل", "بال", "بم")) and word not in NAME_HEADS:
        return True  # a clitic: "ومواقع", "للنازحين", "بمحافظات" continue the sentence, they name nothing
    return not word.startswith("ال") and word not in NAME_HEADS and len(word) >= 4 and word.endswith(("يه", "ي"))


def _adjective(word: str) -> bool:
    """A nisba adjective ("الجنوبيه"), or a dual one agreeing with "قريتي"/"منطقتي" ("المواليتين", "التابعتين")."""
    return word.endswith("يه") or (word.endswith("تين") and len(word) > 6)


def _name_words(text: str, pos: int) -> list[tuple[int, int]]:
    """The one or two words of a name starting at ``pos``: "البارة", "بني قيس", "تل الصوان"."""
    words: list[tuple[int, int]] = []
    while len(words) < 2:
        m = _WORD.match(text, pos)
        if m is None or _not_a_name(m.group()):
            break
        head = text[words[0][0] : words[0][1]] if words else ""
        if words and not (head in NAME_HEADS or (m.group().startswith("ال") and not _adjective(m.group()))):
            break  # a second word only after "تل", "عين", "بني"…, or a genitive with the article (not an adjective:
            # "قرية X الجنوبية", "قريتي X وY المواليتين")
        words.append((m.start(), m.end()))
        if text[m.end() : m.end() + 1] != " ":
            break  # punctuation ends the name
        pos = m.end() + 1
    return words


def _names_after_noun(text: str, noun: re.Match[str]) -> list[tuple[int, int]]:
    """The name (or two, after a dual noun: "منطقتي الوهبية وحوران") a place noun introduces."""
    first = _name_words(text, noun.end())
    if not first:
        return []
    spans = [(first[0][0], first[-1][1])]
    if noun.group(1).endswith("تي") and text.startswith(" و", spans[0][1]):
        second = _name_words(text, spans[0][1] + 2)
        if second:
            spans.append((second[0][0], second[-1][1]))
    return spans


def _unit_near(text: str, known: Sequence[PlaceMention], start: int, end: int) -> Candidate | None:
    """The known area or town named with the name: in its sentence just after it ("… في جبل الزاوية"), else just
    before it; else the one named just before that sentence ("في محافظة الضالع. وقصفت قرية X"), else the next
    one after it (a unit in the next sentence starts another statement: "قرية X. وفي محافظة Y")."""
    areas = [m for m in known if m.best and m.best.kind in _AREAS]
    after = [m for m in areas if 0 <= m.start - end <= _CONTEXT_REACH]
    before = [m for m in areas if 0 <= start - m.end <= _CONTEXT_REACH]
    pick = [m for m in after if not _SENTENCE_END.search(text, end, m.start)][:1] or [
        m for m in before if not _SENTENCE_END.search(text, m.end, start)][-1:] or before[-1:] or after[:1]
    return pick[0].best if pick else None


def _country_unit(gaz: Gazetteer, known: Sequence[PlaceMention], code: str, start: int) -> Candidate | None:
    """The unit of country ``code`` named nearest before ``start`` (else after), else the country itself."""
    theirs = [m for m in known if m.best and m.best.kind in _AREAS and gaz.country_code(m.best.country) == code]
    if theirs:
        return min(theirs, key=lambda m: (m.start > start, abs(m.start - start))).best
    country = gaz.countries.get(code)
    key = " ".join(fold(country.name_ar).split()) if country else ""
    i = next((i for i in gaz.exact.get(key, ()) if gaz.places[i].kind == "country"), None)
    return to_candidate(gaz, gaz.places[i], _SCORE, None) if i is not None else None


def _from_unit(name: str, kind: str, unit: Candidate) -> Candidate:
    admin = {"admin1": unit.admin1, "admin2": unit.admin2, "admin3": unit.admin3}
    if unit.kind in ("admin1", "admin2", "admin3"):
        admin[unit.kind] = admin[unit.kind] or unit.name  # the unit itself is the deepest level known
    return Candidate(
        name=transliterate(name), name_ar=name, kind=kind, admin1=admin["admin1"], admin2=admin["admin2"],
        admin3=admin["admin3"], country=unit.country, iso=unit.iso, latitude=unit.latitude, longitude=unit.longitude,
        geo_precision=2, score=_SCORE, source=UNLISTED, approximate=True,
    )


def _main_unit(gaz: Gazetteer, ctx: Context, known: Sequence[PlaceMention]) -> Candidate | None:
    """The article's main governorate as a candidate, for a name with no unit beside it."""
    area = ctx.main_area()
    if area is None:
        counts: dict[tuple[str, str], int] = {}
        for m in known:
            if m.best and m.best.admin1:
                key = (m.best.country, m.best.admin1)
                counts[key] = counts.get(key, 0) + 1
        if not counts:
            return None
        best = max(counts, key=counts.__getitem__)
        return next(m.best for m in known if m.best and (m.best.country, m.best.admin1) == best)
    i = gaz.admin1_place.get(area)
    if i is None:
        return None
    return to_candidate(gaz, gaz.places[i], _SCORE, None)


def unlisted_places(gaz: Gazetteer, text: str, known: Sequence[PlaceMention], ctx: Context) -> list[PlaceMention]:
    """Mentions of places introduced by a place noun that no gazetteer row (and no known mention) covers."""
    out: list[PlaceMention] = []
    covered = [(m.start, m.end) for m in known]
    for noun in _NOUN.finditer(text):
        kind = UNLISTED_NOUNS[noun.group(1)]
        for start, end in _names_after_noun(text, noun):
            if any(s < end and start < e for s, e in covered):
                continue  # the gazetteer knows it: the known mention stands
            if any(text.startswith(phrase, start) for phrase in gaz.local):
                continue  # "منطقة البحر الأحمر" in a report about Yemen: a local name the resolver left out
            unit = _unit_near(text, known, start, end) or _main_unit(gaz, ctx, known)
            if (nation := nation_after(gaz, text, end)) and (unit is None or gaz.country_code(unit.country) != nation):
                unit = _country_unit(gaz, known, nation, start)  # "منطقة قنديل العراقية" in a report from Ankara
            if unit is None:
                continue
            cand = _from_unit(text[start:end], kind, unit)
            out.append(PlaceMention(start, end, text[start:end], None, [cand]))
            covered.append((start, end))
    return out
