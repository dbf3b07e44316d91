"""Arabic cardinal numbers: digits, number words in every gender and case, vague counts.

Works on *normalised* tokens (see :mod:`rasd.lang.ar.normalize`: ة→ه, ى→ي,
hamza seats folded), so "ثلاثةُ", "ثلاث" and "ثلاثه" are one word here.
:func:`parse_number` reads the longest number starting at a token and says
how many tokens it used; the casualty component decides what it counts.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = ["Number", "parse_number", "UNITS", "VAGUE", "DUAL_STEMS", "SOUND_STEMS"]

UNITS: dict[str, int] = {
    "واحد": 1, "واحده": 1, "احد": 1, "احدي": 1,
    "اثنان": 2, "اثنين": 2, "اثنتان": 2, "اثنتين": 2, "اثنا": 2, "اثني": 2, "اثنتا": 2, "اثنتي": 2,
    "ثلاثه": 3, "ثلاث": 3, "اربعه": 4, "اربع": 4, "خمسه": 5, "خمس": 5, "سته": 6, "ست": 6,
    "سبعه": 7, "سبع": 7, "ثمانيه": 8, "ثماني": 8, "ثمان": 8, "تسعه": 9, "تسع": 9,
}
TENS: dict[str, int] = {
    "عشره": 10, "عشر": 10,
    "عشرون": 20, "عشرين": 20, "ثلاثون": 30, "ثلاثين": 30, "اربعون": 40, "اربعين": 40,
    "خمسون": 50, "خمسين": 50, "ستون": 60, "ستين": 60, "سبعون": 70, "سبعين": 70,
    "ثمانون": 80, "ثمانين": 80, "تسعون": 90, "تسعين": 90,
}
HUNDREDS: dict[str, int] = {
    "مايه": 100, "ميه": 100, "مئه": 100, "مايتان": 200, "مايتين": 200, "ميتان": 200, "ميتين": 200,
    **{u + s: v * 100 for u, v in (("ثلاث", 3), ("اربع", 4), ("خمس", 5), ("ست", 6), ("سبع", 7), ("ثماني", 8), ("ثمان", 8), ("تسع", 9))
       for s in ("مايه", "ميه")},
}
SCALES: dict[str, int] = {
    "الف": 1000, "الاف": 1000, "الفا": 1000, "الفان": 2000, "الفين": 2000,
    "مليون": 1_000_000, "ملايين": 1_000_000, "مليونا": 1_000_000,
}
# Vague counts, ACLED's convention: "tens" → 10, "hundreds" → 100; "dozens" does not exist in Arabic news.
VAGUE: dict[str, int] = {"عشرات": 10, "العشرات": 10, "ميات": 100, "مايات": 100, "الميات": 100, "المايات": 100, "الاف": 1000, "الالاف": 1000}
# Nouns whose "-ين/-ان" ending is a dual (their plural is broken), so "قتيلين" counts 2.
# (Nouns with a sound plural, "مدنيين", are dual only in the nominative "-ان": see SOUND_STEMS.)
DUAL_STEMS: frozenset[str] = frozenset(
    ["قتيل", "شهيد", "جريح", "جندي", "شخص", "طفل", "عنصر", "شاب", "ضابط", "امرات", "رجل", "اسير", "فرد"]
)

# Nouns whose plural is sound ("مدنيين" = civilians): "-ان" is still a dual ("مدنيان" = two civilians).
SOUND_STEMS: frozenset[str] = frozenset(
    ["مدني", "مواطن", "مسلح", "صحفي", "مقاتل", "فلسطيني", "مستوطن", "معتقل", "مسعف", "ناشط", "مزارع", "متظاهر", "محتج", "موظف"]
)

_DIGITS = re.compile(r"^\d{1,3}(?:[,٬]\d{3})+$|^\d+(?:\.\d+)?$")


@dataclass(frozen=True, slots=True)
class Number:
    """A parsed number: ``value`` and the tokens ``[start, end)`` it spans; ``vague`` for عشرات & co."""

    value: int
    start: int
    end: int
    vague: bool = False


def _strip_waw(tok: str) -> str | None:
    return tok[1:] if tok.startswith("و") and len(tok) > 2 else None


def _word(tok: str) -> int | None:
    for table in (UNITS, TENS, HUNDREDS):
        if tok in table:
            return table[tok]
    return None


def _digits(tok: str) -> int | None:
    if not _DIGITS.match(tok):
        return None
    return int(float(tok.replace(",", "").replace("٬", "")))


def parse_number(tokens: list[str], i: int) -> Number | None:
    """The number starting at ``tokens[i]``, or ``None``.

    Handles "7", "1,200", "ثلاثه", "احد عشر", "خمسه وعشرون", "ثلاثمايه وعشرون",
    "7 الاف", "سبعه الاف", "الف" (1000), and vague "عشرات".
    """
    if i >= len(tokens):
        return None
    tok = tokens[i]
    if tok in VAGUE:
        return Number(VAGUE[tok], i, i + 1, vague=True)
    value = _digits(tok)
    j = i + 1
    if value is None:
        value = _word(tok)
        if value is None and tok.startswith("و") and (_word(tok[1:]) or tok[1:] in VAGUE):
            value = _word(tok[1:])  # "واربعه جرحى": the conjunction is glued to the number
            if value is None:
                return Number(VAGUE[tok[1:]], i, i + 1, vague=True)
        if value is None:
            if tok in ("الف", "مليون"):
                value, j = SCALES[tok], i + 1
                return Number(value, i, j)
            return None
        # teens: "احد عشر", "ثلاثه عشر"
        if value < 10 and j < len(tokens) and tokens[j] in ("عشر", "عشره"):
            value, j = value + 10, j + 1
        # compounds joined by و: "خمسه وعشرون", "مايه وخمسه وعشرون"
        last = value
        while j < len(tokens):
            nxt = _strip_waw(tokens[j])
            add = _word(nxt) if nxt else None
            if add is None or not (last < 10 and 20 <= add < 100 or last >= 100 and add < 100):
                break
            value, last, j = value + add, add, j + 1
            if add < 10 and j < len(tokens) and tokens[j] in ("عشر", "عشره"):
                value, last, j = value + 10, 10, j + 1
    # scales: "7 الاف", "سبعه الاف", "40 الف"
    if j < len(tokens) and tokens[j] in SCALES and value < 1000:
        value, j = value * SCALES[tokens[j]], j + 1
    return Number(value, i, j)
