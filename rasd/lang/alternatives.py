"""Long regex alternations of phrases, regrouped so that the engine tries fewer alternatives per character.

Python's regex engine tries the alternatives of ``a|b|c…`` in turn at each position it scans; with some
sixty phrases that is sixty tests per letter. Alternatives that open with different letters can never
match at the same position, so grouping them by their first letter (``م(?:نذ…|ن…)|خ(?:لال…)``), in the
order of their first appearance and each group's alternatives in their own order, gives the same match at
every position (the first alternative that matches) for one test per group.

A pattern that can only match at the start of a word (``(?<!\\w)…``) is still tried at every character: the
engine skips ahead only for a pattern that opens with a character or a class of them. :class:`WordInitial`
finds the same matches by searching for a non-word character followed by the pattern, which the engine
skips to, and reading each match at the word start it found.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterable, Iterator

__all__ = ["WordInitial", "by_first_letter", "words_alternation"]

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


class WordInitial:
    """``(?<!\\w)(?:pattern)`` compiled, with a :meth:`finditer` that skips to the words' starts.

    Each match of ``\\W(?:pattern)`` is a non-word character followed by a match that opens a word there;
    searched again from just before the end of the last match (the character before a word may end it), they are
    the matches of the pattern itself, read one by one with :attr:`regex` where they start.
    """

    def __init__(self, pattern: str, flags: int = 0) -> None:
        self.regex = re.compile(rf"(?<!\w)(?:{pattern})", flags)
        self._after_gap = re.compile(rf"\W(?:{pattern})", flags)

    def finditer(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> Iterator[re.Match[str]]:
        """The matches in ``text[pos:endpos]``, as ``self.regex.finditer(text, pos, endpos)`` gives them (the
        pattern never matches empty)."""
        m = self.regex.match(text, pos, endpos)  # at the start, whatever stands before it
        end = start = pos
        while True:
            if m is not None:
                yield m
                end = m.end()
            gap = self._after_gap.search(text, max(end - 1, start), endpos)
            if gap is None:
                return
            start = gap.start() + 1
            m = self.regex.match(text, start, endpos)
