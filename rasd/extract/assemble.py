"""Assemble events: the stages that turn an article's mentions into its records.

The ``assemble`` component runs, in order:

1. :mod:`rasd.extract.candidates` — which triggers may head an event (is it an event?);
2. :mod:`rasd.extract.clusters` and :mod:`rasd.extract.headlines` — which mentions are one
   event, the headline folded into the body;
3. :mod:`rasd.extract.tolls` — each casualty figure to its event;
4. :mod:`rasd.extract.record` — one record per cluster: counts, actors, type, place, date;
5. :mod:`rasd.extract.sites` — one record per place struck;
6. :mod:`rasd.extract.narrative` — a development without a place continues the one before;
7. :mod:`rasd.extract.dating` and :mod:`rasd.extract.placing` — background too old, and
   records with no place and no victims, are dropped;
8. :mod:`rasd.extract.retellings` — retellings of one event within the article merge;
9. each record is anchored at its head trigger (an ``event`` mention, read by the judge),
   named victims are attached (:mod:`rasd.extract.victims`) and count towards the toll.
"""

from __future__ import annotations

import re

from rasd.doc import Doc, Mention
from rasd.extract.candidates import event_triggers
from rasd.extract.clusters import Cluster, group_triggers
from rasd.extract.dating import stale
from rasd.extract.headlines import fold_title
from rasd.extract.narrative import continue_narrative
from rasd.extract.placing import doc_country, placed
from rasd.extract.record import event_of
from rasd.extract.retellings import dedupe
from rasd.extract.sites import split_by_site
from rasd.extract.tolls import attach_casualties, count_named_dead
from rasd.extract.victims import attach_victims

__all__ = ["Assemble", "Cluster"]

# "غارة أخرى", "هجوم آخر": the head word tells another act of its kind, not the one told before
_ANOTHER = re.compile(r"\s+(?:اخري|اخر)(?!\w)")


class Assemble:
    """Pipeline component: the events of the document (``doc.events``)."""

    name = "assemble"
    requires: tuple[str, ...] = ("triggers", "actors", "dates", "casualties", "scopes", "victims", "places")
    sets: tuple[str, ...] = ("events",)

    def __call__(self, doc: Doc) -> Doc:
        clusters = fold_title(doc, group_triggers(doc, event_triggers(doc)))
        attach_casualties(doc, clusters)
        country = doc_country(doc)
        earlier: dict[str, Mention] = {}
        pairs = [(c, part) for c in clusters for part in split_by_site(doc, c, event_of(doc, c, country, earlier))]
        continue_narrative(doc, pairs)
        others = frozenset(id(ev) for c, ev in pairs if _ANOTHER.match(doc.ntext, c.head.end))
        doc.events = dedupe([ev for _, ev in pairs if not stale(doc, ev) and placed(ev)], others)
        heads = {id(ev): c.head for c, ev in pairs}
        for ev in doc.events:  # each record's anchor in the text: its head trigger (read by the judge)
            head = heads[id(ev)]
            doc.add(Mention("event", head.start, head.end, ev, head.sentence))
        attach_victims(doc)
        for ev in doc.events:
            count_named_dead(ev)
        return doc
