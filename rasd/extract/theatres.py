"""The usual attacker of a bombardment whose report names none (``rasd/data/theatres.tsv``).

"استشهد فلسطينيان في قصف على قطاع غزة": conflict coders code Israel's forces, the only side that bombs
the Gaza Strip. Rasd does the same for the places the data file lists, and flags the attacker as inferred.
"""

from __future__ import annotations

from functools import cache

from rasd.extract.actors import Actor, army_of
from rasd.lexicon import read_tsv

__all__ = ["usual_attacker", "USUAL_ATTACKER"]

USUAL_ATTACKER = "not named: the only side that bombs this place so (rasd/data/theatres.tsv)"


@cache
def _theatres() -> dict[tuple[str, str, str], Actor]:
    armies = army_of()
    return {(r["country"], r["admin1"], sub): armies[r["attacker"]] for r in read_tsv("theatres.tsv")
            for sub in r["sub_event_types"].split("|")}


def usual_attacker(country: str | None, admin1: str | None, sub_event_type: str | None) -> Actor | None:
    """The attacker of a ``sub_event_type`` in (``country``, ``admin1``) when only one side strikes there so."""
    return _theatres().get((country or "", admin1 or "", sub_event_type or ""))
