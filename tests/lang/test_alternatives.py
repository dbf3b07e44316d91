"""Regex helpers for speed: each must find exactly what the plain pattern finds."""

from __future__ import annotations

import random

import pytest

from rasd.lang.alternatives import WordInitial


@pytest.mark.parametrize("pattern", [r"ab|b", r"a\s+b", r"(?P<x>a)(?:b|\s)(?!\w)", r"b(?:\s|a)+", r"(?:a|ba)\W?a"])
def test_word_initial_finds_what_the_pattern_finds(pattern: str) -> None:
    rx = WordInitial(pattern)
    rnd = random.Random(pattern)
    for _ in range(3000):
        text = "".join(rnd.choice("ab .\n_") for _ in range(rnd.randint(0, 14)))
        pos, endpos = sorted(rnd.randint(0, len(text)) for _ in range(2))
        for window in ((), (pos,), (pos, endpos)):
            expected = [(m.span(), m.groups()) for m in rx.regex.finditer(text, *window)]
            assert [(m.span(), m.groups()) for m in rx.finditer(text, *window)] == expected, (text, window)


def test_word_initial_reads_matches_where_words_start() -> None:
    rx = WordInitial(r"(?P<year>(?:19|20)\d\d)(?!\w)")
    assert [m.group("year") for m in rx.finditer("1999 x2000 عام 2014، و2015")] == ["1999", "2014"]
