"""One count rule: an event's killed (or injured) figure, given every report of it.

Both scales use it. Within an article, :func:`rasd.extract.retellings.dedupe`
folds the retellings of one event into one record; across articles,
:func:`rasd.store.merge.combine` (the store and the batch merge) derives a
machine event from its reports. Each report gives a :class:`Figure`; figures
with the same ``at`` are one *telling*: one source at one moment (every
record of one article; in the store, every report from one document). The
rule (:func:`count`), from the event model's counting rules:

1. **A telling's figure is its whole.** A telling that gives an event several
   figures counts its largest: its smaller ones are parts ("13 طفلا" of 80
   killed), the earlier counts it updates ("أودى بحياة 29" before "مقتل 51"),
   or passing mentions. A figure told as a rise of a running toll
   ("ارتفعت حصيلة الشهداء إلى 24", ``update``) is the telling's current count
   even beside a larger figure, as :func:`rasd.extract.scope.pick_toll` reads
   one record's figures; a number before a vague word ("عشرات" → 10).
2. **A rise supersedes the smaller figures told before it.** Across tellings
   ``at`` is the order reports arrived in: yesterday's "5 killed" is not a
   counter-claim to today's "the toll rose to 12", but a figure reported after
   the rise is a competing report, not one the rise updated; nor is a larger figure.
3. **Between tellings, the most conservative credible figure**: a number
   before a vague word, then the lowest positive figure (ACLED: different
   sources, different figures → the lowest).
4. **Silence is not a counter-claim.** A report of deaths with no number
   (``known`` false) or of none (0) never lowers a reported toll; with no
   positive figure, one report of deaths without a number makes the toll
   unknown, else it is 0 (or what the caller says "nothing reported" is).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import NamedTuple

__all__ = ["Count", "Figure", "count"]


class Figure(NamedTuple):
    """One report's figure for one field: the count, whether it has one, and how it was told."""

    value: int | None
    known: bool = True
    update: bool = False  # told as a rise of a running toll
    vague: bool = False  # a vague word ("عشرات"), not a number
    at: int = 0  # its telling, in the order tellings came: every figure of one article shares one


@dataclass(frozen=True, slots=True)
class Count:
    """What :func:`count` decided: the value, whether it is known, which figure gave it and what was set aside."""

    value: int | None
    known: bool
    winner: int | None  # index of the figure the value is, None when no positive figure was reported
    reported: tuple[int, ...]  # the distinct positive figures reported, ascending
    superseded: bool  # a rise replaced smaller figures the value would otherwise have been


def count(figures: Sequence[Figure], *, nothing: int | None = 0) -> Count:
    """The event's figure under the count rule (module docstring); ``nothing`` is the value when no report says any."""
    positive = [i for i, f in enumerate(figures) if f.known and f.value is not None and f.value > 0]
    if positive:
        tellings: dict[int, list[int]] = {}
        for i in positive:
            tellings.setdefault(figures[i].at, []).append(i)
        whole = {at: _whole(figures, told) for at, told in tellings.items()}
        rises = [figures[i] for i in whole.values() if _rise(figures[i])]
        left = [i for i in whole.values() if not any(u.at > figures[i].at and _value(u) > _value(figures[i]) for u in rises)]
        winner = _lowest(figures, left)
        plain = _lowest(figures, list(whole.values()))  # what the tellings give with no rise superseding
        reported = tuple(sorted({_value(figures[i]) for i in positive}))
        return Count(figures[winner].value, True, winner, reported, _value(figures[plain]) != _value(figures[winner]))
    if any(not f.known for f in figures):
        return Count(None, False, None, (), False)
    return Count(0 if any(f.value == 0 for f in figures) else nothing, True, None, (), False)


def _value(f: Figure) -> int:
    return f.value or 0


def _rise(f: Figure) -> bool:
    return f.update and not f.vague


def _whole(figures: Sequence[Figure], told: list[int]) -> int:
    """One telling's figure: its largest rise, else its largest number, else its largest vague word (the first of equals)."""
    return max(told, key=lambda i: (_rise(figures[i]), not figures[i].vague, _value(figures[i]), -i))


def _lowest(figures: Sequence[Figure], indexes: list[int]) -> int:
    """The most conservative of the tellings' figures: the lowest number, else the lowest vague word (the first of equals)."""
    return min(indexes, key=lambda i: (figures[i].vague, _value(figures[i]), i))
