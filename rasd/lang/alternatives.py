"""Long regex alternations of phrases, regrouped so that the engine tries fewer alternatives per character.

Python's regex engine tries the alternatives of ``a|b|c…`` in turn at each position it scans; with some
sixty phrases that is sixty tests per letter. Alternatives that open with different letters can never
match at the same position, so grouping them by their first letter (``م(?:نذ…|ن…)|خ(?:لال…)``), in the
order of their first appearance and each group's alternatives in their own order, gives the same match at
every position (the first alternative that matches) for one test per group.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

__all__ = ["by_first_letter", "words_alternation"]

_LETTER = re.compile(r"[^\W\d_]")
_QUANTIFIERS = ("?", "*", "+", "{")


def _alternatives(pattern: str) -> list[str]:
    """The top-level alternatives of ``pattern`` (escapes, character classes and groups kept whole)."""
    out: list[str] = []
    depth = start = i = 0
    while i < len(pattern):
        ch = pattern[i]
        if ch == "\\":
            i += 2
            continue
        if ch == "[":  # a class may open with "]" or "^]", which do not close it
            i = pattern.index("]", i + (3 if pattern.startswith("[^]", i) else 2 if pattern.startswith("[]", i) else 1)) + 1
            continue
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
        elif ch == "|" and depth == 0:
            out.append(pattern[start:i])
            start = i + 1
        i += 1
    out.append(pattern[start:])
    return out


def by_first_letter(pattern: str) -> str:
    """``pattern``, an alternation whose every alternative opens with a letter, grouped by that letter."""
    groups: dict[str, list[str]] = {}
    for alternative in _alternatives(pattern):
        head = alternative[:1]
        if not _LETTER.fullmatch(head) or alternative[1:2] in _QUANTIFIERS:
            raise ValueError(f"alternative does not open with a letter: {alternative!r}")
        groups.setdefault(head, []).append(alternative[1:])
    return "|".join(f"{head}(?:{'|'.join(rests)})" for head, rests in groups.items())


def words_alternation(words: Iterable[str]) -> str:
    """An alternation of the literal ``words``, longest first (so a longer word wins over its prefix), grouped by
    first letter."""
    return by_first_letter("|".join(sorted((re.escape(w) for w in words), key=len, reverse=True)))
