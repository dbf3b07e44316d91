"""Find place names in normalised text and read the words around them.

A name alone says little: "قرب بلدة الشولا" is near a town, "ريف دير الزور
الغربي" is a governorate's western countryside, "شرقي خان يونس" is east of
a city. :func:`scan` returns each name with what those words say; the
resolver turns that into candidates and precision.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from functools import lru_cache

from rasd.geo.index import BLOCK, REFERENCE_BASE, Gazetteer, reference_kind
from rasd.lang.ar.places import (
    CENTRE_WORDS,
    COUNTRYSIDE_WORDS,
    DIRECTION_ADJECTIVES,
    DIRECTIONS,
    LINK_WORDS,
    NAMED_INSTITUTIONS,
    NAME_HEADS,
    NEAR_WORDS,
    ORGANISATION_NOUNS,
    PLACE_NOUNS,
    PREPOSITIONS,
)
from rasd.text.matcher import longest_first, word_spans

__all__ = ["Hit", "place_noun", "scan"]

_WORD = re.compile(r"\w+")
_GAP = re.compile(r"[\s\"'()]*")  # what may stand between a name and the word before it
_CLITICS = ("وب", "فب", "ول", "فل", "و", "ف", "ب", "ل", "ك")
_LOOKBACK = 48  # characters before a name searched for qualifiers (a few words)
_CAPITAL = "العاصمه"
# Nouns of an attack or a raid whose object is where it happened: "بضرب برزة", "قصف دوما", "اقتحام جنين".
_TARGET_NOUNS = frozenset(["قصف", "ضرب", "استهداف", "اقتحام", "اجتياح", "حصار"])
# Words that qualify a place and so are never places themselves ("بلدة" is also a village's name).
FUNCTION_WORDS = frozenset(
    [*PLACE_NOUNS, *NEAR_WORDS, *DIRECTIONS, *DIRECTION_ADJECTIVES, *COUNTRYSIDE_WORDS, *CENTRE_WORDS, *PREPOSITIONS]
)


@dataclass(slots=True)
class Hit:
    """A name found in the text, with the words around it read."""

    start: int  # phrase start (qualifiers included)
    end: int  # phrase end (trailing direction adjectives included)
    name_start: int
    name_end: int
    key: str
    places: tuple[int, ...]  # gazetteer indices; empty for a bare reference
    reference: str | None = None  # "city", "admin1", "strip", "airport", "military-airport"
    qualifier: str | None = None
    kinds: tuple[str, ...] = ()  # kinds a place noun points to ("مخيم" → camp)
    noun: bool = False  # a place noun stands before the name
    article: bool = False  # the name carries the article in the text (key without it)
    prefix: str = ""  # clitics glued to the name (و، ب، لل…)
    cue: bool = False  # a preposition, clitic ب/ل or qualifier marks it as a place
    at: bool = False  # the capital's title before it carries the clitic ب ("بالعاصمة الإسبانية مدريد")


@lru_cache(maxsize=16384)
def _stems(word: str) -> tuple[str, ...]:
    """``word``, then ``word`` less each leading clitic it starts with, in :data:`_CLITICS` order."""
    return (word, *(word[len(c) :] for c in _CLITICS if word.startswith(c)))


def _bare(word: str, table: object) -> str | None:
    """``word`` or ``word`` without a leading clitic, if that is in ``table``."""
    for stem in _stems(word):
        if stem in table:  # type: ignore[operator]
            return stem
    return None


def place_noun(word: str) -> str | None:
    """The place noun in ``word`` ("بمدينه" → "مدينه"), or None."""
    return _bare(word, PLACE_NOUNS)


def _words_before(text: str, pos: int) -> list[tuple[str, int]]:
    """Words right before ``pos`` (within the last few words' worth of characters), nearest first,
    stopping at punctuation; read off the text's word spans the matcher already holds."""
    lo = max(0, pos - _LOOKBACK)
    starts, ends = word_spans(text)
    out: list[tuple[str, int]] = []
    edge = pos
    k = bisect_left(starts, pos) - 1  # the last word starting before pos
    while k >= 0 and ends[k] > lo:
        start, end = max(starts[k], lo), min(ends[k], pos)  # cut at the window's edges
        if text[end:edge].strip():
            break
        out.append((text[start:end], start))
        edge = start
        k -= 1
    return out


def _read_before(hit: Hit, words: list[tuple[str, int]]) -> None:
    i = 0
    if i < len(words) and (noun := place_noun(words[i][0])) is not None:
        hit.kinds, hit.noun, hit.start = PLACE_NOUNS[noun], True, words[i][1]
        i += 1
    # "جنوب شرق العاصمة اليمنية صنعاء", "شمال العاصمة دمشق": the capital's title between the direction and the name
    capital = None
    if i + 1 < len(words) and words[i][0].startswith("ال") and words[i][0].endswith("يه") and _titles(words[i + 1][0]):
        capital, i = words[i + 1], i + 2
    elif i < len(words) and _titles(words[i][0]):
        capital, i = words[i], i + 1
    if capital is not None:  # "بالعاصمة الإسبانية مدريد", "في العاصمة البولندية وارسو": the title is part of the phrase
        hit.start = capital[1]
        hit.cue = hit.cue or capital[0] != _CAPITAL  # its clitic marks the place as the name's own would
        hit.at = capital[0].lstrip("و").startswith("ب")  # "بالعاصمة الإسبانية مدريد": something is there
    if i < len(words) and words[i][0] in LINK_WORDS and i + 1 < len(words):
        linked = _bare(words[i + 1][0], NEAR_WORDS) or _bare(words[i + 1][0], DIRECTIONS)
        if linked is not None:
            i += 1
    if i >= len(words):
        return
    word, start = words[i]
    if _bare(word, NEAR_WORDS):
        hit.qualifier, hit.start = "near", start
    elif (d := _bare(word, DIRECTIONS)) is not None:
        hit.qualifier, hit.start = DIRECTIONS[d], start
        if i + 1 < len(words) and (d2 := _bare(words[i + 1][0], DIRECTIONS)) is not None:
            hit.qualifier, hit.start = f"{DIRECTIONS[d2]}-{DIRECTIONS[d]}", words[i + 1][1]
    elif _bare(word, COUNTRYSIDE_WORDS):
        hit.qualifier, hit.start = "countryside", start
    elif _bare(word, CENTRE_WORDS):
        hit.qualifier, hit.start = "centre", start
    elif word in PREPOSITIONS or (i == 0 and _bare(word, _TARGET_NOUNS)):
        hit.cue = True
    hit.cue = hit.cue or hit.qualifier is not None


def _titles(word: str) -> bool:
    """``word`` is the capital's title, bare or after a clitic ("العاصمه", "بالعاصمه", "والعاصمه")."""
    return word == _CAPITAL or (word.endswith(_CAPITAL) and word[: -len(_CAPITAL)] in ("ب", "و", "وب", "ف", "ل", "ول"))


def _read_after(hit: Hit, text: str) -> None:
    """Direction adjectives after "ريف X" ("الغربي", "الشمالي الشرقي") join the phrase."""
    pos = hit.end
    for _ in range(2):
        m = _WORD.match(text, pos + 1) if text[pos : pos + 1] == " " else None
        if m is None or m.group() not in DIRECTION_ADJECTIVES:
            return
        hit.end = pos = m.end()


def _last_word(text: str, lo: int, pos: int) -> tuple[str, int] | None:
    """The last word of ``text[lo:pos]`` and where it starts (cut at ``lo``), if only spaces, quotes or brackets
    follow it; read off the text's word spans."""
    starts, ends = word_spans(text)
    k = bisect_left(starts, pos) - 1  # the last word starting before pos
    if k < 0 or ends[k] <= lo:
        return None
    start, end = max(starts[k], lo), min(ends[k], pos)
    return (text[start:end], start) if _GAP.fullmatch(text, end, pos) else None


def _in_organisation(text: str, pos: int) -> bool:
    """The name follows "لواء", "جيش", "وكالة", "قمة", "الموالية لـ"… (quotes or "من" allowed between):
    it names a group, a meeting or an allegiance, not a place."""
    word = _last_word(text, max(0, pos - 24), pos)
    if word is not None and word[0] == "من":  # "المدعومة من إيران"
        word = _last_word(text, max(0, word[1] - 24), word[1])
    return word is not None and _bare(word[0], ORGANISATION_NOUNS) is not None  # also "باتفاق غزة", "لجيش"


def _institution_name(text: str, pos: int) -> bool:
    """The name follows "مدرسة" directly: it names the school."""
    word = _last_word(text, max(0, pos - 16), pos)
    return word is not None and _bare(word[0], NAMED_INSTITUTIONS) is not None


def _piece_of_name(text: str, key: str, prefix: str, before: list[tuple[str, int]], end: int) -> bool:
    """"تل" of "تل السلطان", "حمام" of "أبو حمام": a name head ("تل", "أبو", "برج"…) and the word after it
    are one name, which the matcher did not find whole; neither piece is a place."""
    if key in NAME_HEADS and text[end : end + 1] == " ":
        nxt = _WORD.match(text, end + 1)
        if nxt is not None and not nxt.group().isdigit() and nxt.group() not in FUNCTION_WORDS:
            return True
    if prefix not in ("", "ال"):
        return False
    return bool(before) and before[0][0] in NAME_HEADS


def scan(gaz: Gazetteer, text: str) -> list[Hit]:
    """Every place name or bare reference in ``text`` (normalised), in order, with its qualifiers."""
    hits: list[Hit] = []
    for m in longest_first(gaz.matcher.find(text)):
        if BLOCK in m.values or m.key in FUNCTION_WORDS:
            continue
        if _in_organisation(text, m.outer_start) and place_noun(m.key.split(maxsplit=1)[0]) is None:
            continue  # "التابعة لإيران" is an allegiance, "التابعة لمديرية نعمان" a district
        lead = m.key.split(maxsplit=1)[0]
        if (not m.prefix.startswith(("ب", "ل", "وب", "ول")) and lead not in DIRECTIONS and lead not in CENTRE_WORDS
                and _institution_name(text, m.outer_start)):
            continue  # "مدرسة صلاح الدين": the school's name
        if "س" in m.prefix:
            continue  # the future particle: سيطره is not س + طره
        article = m.prefix.endswith(("ال", "لل"))
        if article and "ال" + m.key not in gaz.article_keys:
            continue  # "السوريه" is an adjective, not "سوريه" with an article
        before = _words_before(text, m.outer_start)
        if " " not in m.key and _piece_of_name(text, m.key, m.prefix, before, m.end):
            continue
        refs = [v for v in m.values if v <= REFERENCE_BASE]
        hit = Hit(m.outer_start, m.end, m.start, m.end, m.key, tuple(v for v in m.values if v >= 0), article=article, prefix=m.prefix)
        if refs:
            hit.reference, hit.places = reference_kind(refs[0])[1], ()
        _read_before(hit, before)
        if hit.qualifier == "countryside":
            _read_after(hit, text)
        prev = hits[-1] if hits else None
        if prev is not None and m.prefix.startswith("و") and not text[prev.end : m.outer_start].strip():
            hit.qualifier = hit.qualifier or prev.qualifier  # "قرب بلدتي X وY": Y shares X's words
            hit.kinds = hit.kinds or prev.kinds
            hit.noun, hit.cue = hit.noun or prev.noun, hit.cue or prev.cue
        hits.append(hit)
    return hits
