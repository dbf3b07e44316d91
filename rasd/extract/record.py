"""Fill one event record from its cluster: counts, actors, type, place, date, then the finishing fields.

Needs a cluster with its casualty mentions attached (:mod:`rasd.extract.tolls`) and the
``actors``, ``places``, ``dates`` and ``casualties`` layers. :func:`event_of` runs the
per-event stages in the order each needs the one before: the tolls (the actor stage
reads whether anyone was hurt), the actors (:mod:`rasd.extract.roles`), the type
and disorder type (:mod:`rasd.extract.subtypes`), the place (:mod:`rasd.extract.placing`)
and the date (:mod:`rasd.extract.dating`); it finishes with the evidence of the type and
the tolls, tags, a rule confidence and the English notes.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from rasd.doc import Doc, Mention
from rasd.extract.dating import event_day, set_date
from rasd.extract.martyrs import martyrs_not_theirs
from rasd.extract.notes import english_notes
from rasd.extract.placing import fired_from_abroad, place_event, place_of
from rasd.extract.roles import assign_actors
from rasd.extract.struck import names_agent
from rasd.extract.sources import says
from rasd.extract.subtypes import resolve_type
from rasd.extract.tolls import Tolls
from rasd.model import DISORDER_TYPES, Event

if TYPE_CHECKING:
    from rasd.extract.clusters import Cluster
    from rasd.geo.model import Candidate

__all__ = ["event_of"]


def event_of(doc: Doc, cluster: Cluster, doc_country: Candidate | None, earlier: dict[str, Mention]) -> Event:
    """The record of ``cluster``; ``earlier`` maps an event type to the article's last attacker of that type."""
    place = place_of(doc, cluster)
    ev = Event(doc_id=doc.doc_id, source=doc.source, source_title=doc.title)
    tolls = Tolls.of(doc, cluster)
    tolls.write(doc, ev)
    roles = [c.value.role for c in cluster.casualties if c.value.role]
    sentence = cluster.head.sentence
    roles += [m.value for m in doc.of("role") if m.sentence == sentence and not names_agent(doc, m)  # not "برصاص جنود"
              and not says(doc, m)]  # nor "أكد قيادي بحماس"
    actors = assign_actors(doc, cluster, earlier)
    if actors.actor1 is not None:
        earlier[cluster.event_type] = actors.actor1
    place = fired_from_abroad(doc, cluster, actors.actor1.value.actor if actors.actor1 else actors.implied1, place)
    ev.event_type, ev.sub_event_type = resolve_type(doc, cluster, actors, roles)
    ev.disorder_type = DISORDER_TYPES[ev.event_type]
    actors.apply(ev, (place.value.best if place else None) or doc_country, roles, event_day(doc, cluster),
                 martyrs=tolls.counts_martyrs(doc))
    if martyrs_not_theirs(ev):
        ev.vague.pop("fatalities", None)
        tolls = Tolls.of(doc, cluster, martyrs=False)
        tolls.write(doc, ev)
    place_event(doc, ev, place, doc_country)
    set_date(doc, cluster, ev)
    _finish(doc, cluster, ev, tolls)
    return ev


def _finish(doc: Doc, cluster: Cluster, ev: Event, tolls: Tolls) -> None:
    """The evidence of the type and the tolls, tags, confidence and notes."""
    ev.evidence["event_type"] = [t.span(doc) for t in sorted(cluster.triggers, key=lambda m: m.start)]
    tolls.cite(doc, ev)
    ev.tags = list(dict.fromkeys(doc.tags + [t for t in (ev.actor1, ev.actor2, ev.location) if t]))
    ev.confidence = _confidence(cluster, ev)
    ev.notes = english_notes(ev)


def _confidence(cluster: Cluster, ev: Event) -> float:
    """The rules' confidence: a strong trigger, a named attacker, a place, an explicit date, several mentions."""
    score = 0.55 if cluster.head.value.strength in ("strong", "territory") else 0.4
    score += 0.1 * sum(bool(x) for x in (ev.actor1, ev.location, "event_date" in ev.evidence))
    score += 0.05 * (len(cluster.triggers) > 1)
    return round(min(score, 0.95), 2)
