"""Whose dead: martyrs are the news's own side's dead, which says whose act they were not.

The Arabic news calls the dead of its own side martyrs and their killing a massacre ("29 شهيدا", "استشهد",
"ارتقى", "مجزرة"), never Israel's soldiers or civilians. Two things follow, each applied once the event's
sides are known (:func:`rasd.extract.record.event_of`):

- an act on an Israeli side that is no battle does not count martyrs: "55 شهيدا وإصابة 4 جنود إسرائيليين
  بتفجير عبوة" (the 55 were killed in the day's strikes, not by the bomb); the wounded counted with them
  ("71 شهيدا و112 مصابا") are theirs too (:func:`martyr_figures`, :func:`martyrs_not_theirs`);
- a Palestinian or Lebanese armed group named beside a one-sided act that made martyrs did not commit it:
  "73 شهيدا في مجزرة بيت لاهيا وحماس تندد" (:func:`mourner`), unless the act hit Israelis.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from rasd.doc import Doc, Mention
    from rasd.extract.actors import Actor
    from rasd.model import Event

__all__ = ["counts_martyrs", "martyr_figures", "martyrs_not_theirs", "mourner"]

_MARTYRS = re.compile(r"شهيد|شهدا|استشه|ارتق|مجزر|مجازر")
_ISRAELI = re.compile(r"\bIsrael")
_WITH_MARTYRS = re.compile(r"\s*(?:[^\s،,.]+\s+)?و\s*")  # "استشهد 56 فلسطينيا وأصيب 278"
_MOURNERS = frozenset({"PS", "LB"})  # whose news calls the dead of Israel's strikes martyrs
_ONE_SIDED = frozenset({"Violence against civilians", "Explosions/Remote violence"})
_ARMED_GROUPS = frozenset({"rebel", "political_militia", "identity_militia"})


def counts_martyrs(doc: Doc, figures: list[Mention]) -> bool:
    """One of these casualty figures counts martyrs or a massacre."""
    return any(_MARTYRS.search(doc.ntext, m.start, m.end) for m in figures)


def martyr_figures(doc: Doc, figures: list[Mention]) -> list[Mention]:
    """The figures of martyrs and of the wounded counted with them ("71 شهيدا و112 مصابا"; not "وإصابة 4 جنود")."""
    dead = [m for m in figures if _MARTYRS.search(doc.ntext, m.start, m.end)]
    return dead + [m for m in figures if m not in dead and not m.value.role
                   and any(_WITH_MARTYRS.fullmatch(doc.ntext, d.end, m.start) for d in dead)]


def martyrs_not_theirs(ev: Event) -> bool:
    """Martyrs are not this event's dead: it is no battle and the side it hit is Israeli."""
    return ev.event_type != "Battles" and bool(_ISRAELI.search(ev.actor2 or ""))


def mourner(actor: Actor, event_type: str | None, hit: set[str | None]) -> bool:
    """A Palestinian or Lebanese armed group, named with a one-sided act that made martyrs, did not commit it,
    unless the act hit Israelis (``hit``: the event's country and the homes of those it names as hit)."""
    return (event_type in _ONE_SIDED and actor.home in _MOURNERS and actor.kind in _ARMED_GROUPS
            and "IL" not in hit)
