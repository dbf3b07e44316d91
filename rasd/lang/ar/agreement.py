"""Arabic counted nouns: the form a noun takes after a number, as Rasd writes counts in Arabic text.

With the number in digits, as newsrooms write it:

* 1: the singular and واحد after it — ``قتيل واحد``;
* 2: the dual, no number — ``قتيلان``;
* 3–10: the number and the broken plural — ``3 جرحى``;
* 11–99: the number and the singular in the accusative — ``11 قتيلاً``;
* 100, 1000, …: the singular in the genitive — ``100 قتيل``; a larger number
  follows its last two digits (``103 قتلى``, ``111 قتيلاً``, ``101 قتيل``).
"""

from __future__ import annotations

from typing import NamedTuple

__all__ = ["CASUALTY_NOUNS", "Noun", "count_noun"]


class Noun(NamedTuple):
    """The forms of a counted noun."""

    singular: str
    dual: str
    plural: str
    accusative: str
    one: str = "واحد"


#: The nouns Rasd counts in its Arabic text.
CASUALTY_NOUNS = {
    "killed": Noun("قتيل", "قتيلان", "قتلى", "قتيلاً"),
    "injured": Noun("جريح", "جريحان", "جرحى", "جريحاً"),
    "event": Noun("حدث", "حدثان", "أحداث", "حدثاً"),
}


def count_noun(n: int, noun: Noun) -> str:
    """``n`` of ``noun``, with the noun in the form the number takes (``count_noun(2, killed) == "قتيلان"``)."""
    if n < 0:
        raise ValueError(f"a count cannot be negative: {n}")
    if n == 1:
        return f"{noun.singular} {noun.one}"
    if n == 2:
        return noun.dual
    tail = n % 100
    if 3 <= tail <= 10:
        return f"{n} {noun.plural}"
    if 11 <= tail <= 99:
        return f"{n} {noun.accusative}"
    return f"{n} {noun.singular}" if n >= 100 else f"{n} {noun.plural}"
