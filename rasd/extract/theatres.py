"""Who bombs where: the usual attacker of a bombardment whose report names none (``rasd/data/theatres.tsv``),
and which sides can strike from the air at all.

"استشهد فلسطينيان في قصف على قطاع غزة": conflict coders code Israel's forces, the only side that bombs
the Gaza Strip. Rasd does the same for the places the data file lists, and flags the attacker as inferred.
"""

from __future__ import annotations

import re
from functools import cache
from typing import TYPE_CHECKING

from rasd.extract.actors import Actor, army_of
from rasd.lexicon import read_tsv

if TYPE_CHECKING:
    from rasd.doc import Doc
    from rasd.extract.clusters import Cluster

__all__ = ["by_warplanes", "flies", "usual_attacker", "USUAL_ATTACKER"]

USUAL_ATTACKER = "not named: the only side that bombs this place so (rasd/data/theatres.tsv)"


_Period = tuple[str, str] | None  # (from, until) as ISO dates, inclusive; None: always
_Row = tuple[_Period, bool, Actor]  # the period, whether only a warplane strike counts, the attacker


@cache
def _theatres() -> dict[tuple[str, str, str], list[_Row]]:
    armies = army_of()
    out: dict[tuple[str, str, str], list[_Row]] = {}
    for r in read_tsv("theatres.tsv"):
        period = (r.get("from") or "", r.get("until") or "9999") if r.get("from") or r.get("until") else None
        for sub in r["sub_event_types"].split("|"):
            out.setdefault((r["country"], r["admin1"], sub), []).append(
                (period, r.get("means") == "warplanes", armies[r["attacker"]]))
    return out


def usual_attacker(country: str | None, admin1: str | None, sub_event_type: str | None,
                   day: str | None = None, *, warplanes: bool = False) -> Actor | None:
    """The attacker of a ``sub_event_type`` in (``country``, ``admin1``) when only one side strikes there so
    on ``day`` (ISO date; a row with a period needs the day inside it; a row for warplanes needs ``warplanes``:
    in Yemen only the coalition flew warplanes, but the Houthis fly drones)."""
    rows = _theatres().get((country or "", admin1 or "", sub_event_type or ""), [])
    return next((actor for period, planes, actor in rows
                 if (period is None or (day and period[0] <= day <= period[1])) and (warplanes or not planes)), None)


# Sides coded as a state that have drones and missiles but no warplanes: the Houthi authorities in Sanaa.
_GROUNDED = frozenset({"Ansar Allah"})


def flies(actor: Actor) -> bool:
    """``actor`` can carry out a warplane strike ("غارة", "قصف جوي"): a state's or a foreign state's forces."""
    return actor.kind in ("state", "external") and actor.canonical not in _GROUNDED

_WARPLANES = re.compile(r"غار|جوي|طيران|مقاتلات|حربي")
_DRONES = re.compile(r"مسير|درون|دون طيار|بلا طيار")


def by_warplanes(doc: Doc, cluster: Cluster) -> bool:
    """The event is a warplane strike ("غارات جوية", "قصف الطيران الحربي"), not a drone's."""
    head = cluster.head
    if head.value.sub_event_type != "Air/drone strike" or not _WARPLANES.search(doc.ntext, head.start, head.end):
        return False
    return not _DRONES.search(doc.ntext, max(0, head.start - 30), head.end + 40)
