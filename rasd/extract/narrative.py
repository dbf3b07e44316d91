"""A development told without a place continues the article's previous event.

Needs the records of the article's clusters, in text order, with their clusters (the
``places`` layer for a round-up item). :func:`continue_narrative` gives a protest, riot
or strategic development with no place of its own the previous event's place (and its
date when it has none), and an undated round-up item ("وفي جنوب الضفة، …") the day of the
item before (:func:`rasd.extract.dating.same_day_roundup`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from rasd.doc import Doc
from rasd.extract.dating import same_day_roundup
from rasd.extract.notes import english_notes
from rasd.extract.placing import PLACE_FIELDS
from rasd.model import Event

if TYPE_CHECKING:
    from rasd.extract.clusters import Cluster

__all__ = ["continue_narrative"]

_NARRATIVE = {"Protests", "Riots", "Strategic developments"}


def continue_narrative(doc: Doc, pairs: list[tuple[Cluster, Event]]) -> None:
    """A development told without a place happened where the article's previous event did.

    "وأقامت القوات خلال الحملة نقطة عسكرية جديدة" continues the raid before it: same place and,
    with no date of its own, the same day. Only specific, non-violent events inherit (a violent
    one without a place is detail or hearsay). The inherited fields keep the earlier evidence
    and lower the confidence, so a reviewer sees where they came from.
    """
    last: Event | None = None
    for cluster, ev in pairs:
        same_day_roundup(doc, cluster, ev, last)
        specific = cluster.head.value.strength in ("strong", "territory") and ev.event_type in _NARRATIVE
        if ev.location is None and last is not None and specific:
            for name in PLACE_FIELDS:
                setattr(ev, name, getattr(last, name))
            ev.evidence["location"] = list(last.evidence.get("location", []))
            if "event_date" not in ev.evidence and "event_date" in last.evidence:
                ev.event_date, ev.time_precision = last.event_date, last.time_precision
                ev.evidence["event_date"] = list(last.evidence["event_date"])
            ev.confidence = round(ev.confidence * 0.8, 2)
            ev.notes = english_notes(ev)
        if ev.location is not None:
            last = ev
