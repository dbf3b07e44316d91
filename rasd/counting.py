"""One count rule: an event's killed (or injured) figure, given every report of it.

Both scales use it. Within an article, :func:`rasd.extract.retellings.dedupe`
folds the retellings of one event into one record; across articles,
:func:`rasd.store.merge.combine` (the store and the batch merge) derives a
machine event from its reports. Each report gives a :class:`Figure`; the rule
(:func:`count`), from the event model's counting rules:

1. **An update supersedes what it updates.** A figure told as a rise of a
   running toll ("ارتفعت حصيلة الشهداء إلى 24", ``update``) replaces every
   smaller figure told no later than it. Within one article every figure is
   told at once (``at`` is the same), so the largest update wins over the
   article's other figures, as :func:`rasd.extract.scope.pick_toll` does within one record.
   Across articles ``at`` is the order reports arrived in: a rise reported
   later supersedes the smaller figures before it, while a figure reported
   after the rise is a competing report, not one the rise updated. A casualty
   monitor expects both: yesterday's "5 killed" is not a counter-claim to
   today's "the toll rose to 12", but a later outlet's "8 killed" is.
   A rise never supersedes a larger figure: it is not that figure's update,
   and the lower of the two wins anyway.
2. **Specific before vague.** A vague word ("عشرات" → 10) counts only when no
   remaining report gives a number.
3. **The most conservative credible figure**: the lowest positive one left (ACLED).
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
    at: int = 0  # when it was told: figures of one article share one moment


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
    rises = [figures[i] for i in positive if figures[i].update and not figures[i].vague]
    left = [i for i in positive if not any(u.at >= figures[i].at and u.value > figures[i].value for u in rises)]  # type: ignore[operator]
    reported = tuple(sorted({figures[i].value for i in positive}))  # type: ignore[type-var]
    if positive:
        winner = min(_specific(figures, left), key=lambda i: (figures[i].value, i))
        plain = min(_specific(figures, positive), key=lambda i: (figures[i].value, i))  # the rule without rises
        return Count(figures[winner].value, True, winner, reported, figures[plain].value != figures[winner].value)  # type: ignore[arg-type]
    if any(not f.known for f in figures):
        return Count(None, False, None, (), False)
    return Count(0 if any(f.value == 0 for f in figures) else nothing, True, None, (), False)


def _specific(figures: Sequence[Figure], indexes: list[int]) -> list[int]:
    """The specific figures among ``indexes``, or all of them when every one is vague."""
    return [i for i in indexes if not figures[i].vague] or indexes
