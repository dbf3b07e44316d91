"""Arabic number agreement of counted nouns, as a table."""

from __future__ import annotations

import pytest

from rasd.lang.ar.agreement import CASUALTY_NOUNS, count_noun

KILLED, INJURED = CASUALTY_NOUNS["killed"], CASUALTY_NOUNS["injured"]


@pytest.mark.parametrize(
    ("n", "killed", "injured"),
    [
        (0, "0 قتلى", "0 جرحى"),
        (1, "قتيل واحد", "جريح واحد"),
        (2, "قتيلان", "جريحان"),
        (3, "3 قتلى", "3 جرحى"),
        (10, "10 قتلى", "10 جرحى"),
        (11, "11 قتيلاً", "11 جريحاً"),
        (25, "25 قتيلاً", "25 جريحاً"),
        (99, "99 قتيلاً", "99 جريحاً"),
        (100, "100 قتيل", "100 جريح"),
        (101, "101 قتيل", "101 جريح"),
        (102, "102 قتيل", "102 جريح"),
        (103, "103 قتلى", "103 جرحى"),
        (111, "111 قتيلاً", "111 جريحاً"),
        (1000, "1000 قتيل", "1000 جريح"),
    ],
)
def test_counted_nouns_agree(n: int, killed: str, injured: str) -> None:
    assert count_noun(n, KILLED) == killed
    assert count_noun(n, INJURED) == injured


def test_a_negative_count_is_an_error() -> None:
    with pytest.raises(ValueError):
        count_noun(-1, KILLED)
