"""Fold the headline into the body: which body event each headline word announces.

Needs the clusters of :func:`rasd.extract.clusters.group_triggers`. A headline word joins
the body event of its sub-type, else of its type; a generic one ("غارات", "مقتل") joins the
lead violent event; a storming ("الجيش يقتحم مديرية عبس") with no raid in the body is the body's
battle. A headline event the body does not report stands alone only if it
is specific (or the article has no body event at all).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import TYPE_CHECKING

from rasd.doc import Doc, Mention
from rasd.extract.clusters import GENERIC, VIOLENT, Cluster
from rasd.extract.countries import iso2_of
from rasd.geo.store import outskirts
from rasd.sameness import haversine_km

if TYPE_CHECKING:
    from rasd.extract.triggers import Trigger
    from rasd.geo.model import Candidate

__all__ = ["fold_title"]


_STORMING = re.compile(r"[يتو]?(?:قتحم|اقتحم|اقتحام)")


def fold_title(doc: Doc, clusters: list[Cluster]) -> list[Cluster]:
    """Each headline trigger joins the body event of its type; what the body lacks stands alone if specific."""
    body = [c for c in clusters if not all(t.value.in_title for t in c.triggers)]
    leftover: list[Cluster] = []
    for c in clusters:
        if c in body:
            continue
        apart = False
        rest = []
        for t in c.triggers:
            # the body events told at the ground of the word's headline clause ("ومقتل جندي في طولكرم": not Gaza's)
            here = _places(doc, [doc.clause_of(t.start)], clause=True)
            grounded = [b for b in body if _same_ground(here, _body_places(doc, b))]
            match = _title_host(doc, t, grounded, c.head)
            if match is None:
                rest.append(t)
                # a killing counted at a place no body event is told at ("ومقتل 5 جنود بجنوب لبنان"): its own event
                apart = apart or bool(here and not grounded and t.value.strength == "kill" and _counted(doc, t))
            else:
                match.triggers.append(t)
                match.sentences.add(t.sentence)
        if any(t.value.strength not in GENERIC for t in rest) or (rest and not body) or apart:
            leftover.append(Cluster(rest, {rest[0].sentence}, set(c.clauses), c.date))
    return leftover + body


def _title_host(doc: Doc, m: Mention, body: list[Cluster], lead: Mention) -> Cluster | None:
    """The body event (of those told at its ground) a headline word announces: for a generic word the body event its
    headline event's head (``lead``) announces ("يعترض صاروخا": the interception), else the lead violent event; for a
    specific one the first of its kind."""
    t: Trigger = m.value
    storming = _STORMING.match(doc.ntext, m.start) is not None
    if t.strength in GENERIC:
        if lead is not m and lead.value.strength in GENERIC and (host := next(
                (b for b in body if b.head.value.sub_event_type == lead.value.sub_event_type), None)) is not None:
            return host
        if t.event_type not in VIOLENT:
            return None
        return next((b for b in body if b.event_type in VIOLENT), None)
    return (next((b for b in body if b.head.value.sub_event_type == t.sub_event_type), None)
            or next((b for b in body if b.event_type == t.event_type), None)
            or next((b for b in body if storming and b.event_type == "Battles"), None)
            or next((b for b in body if b.event_type in VIOLENT and b.head.value.strength in GENERIC
                     and t.event_type in VIOLENT and _names_how(t, b)), None))  # "غارات" names the body's "مقتل 87"


def _names_how(t: Trigger, b: Cluster) -> bool:
    """A headline word can say how a vague body act happened: any violent word a killing ("مقتل 87"), but only a
    word of remote violence a bombardment ("اشتباكات ضارية بحي الزيتون" is no name for "قصف مستشفيين")."""
    return b.head.value.strength != "bombard" or t.event_type == b.head.value.event_type



def _counted(doc: Doc, m: Mention) -> bool:
    """The clause of ``m`` counts its dead or wounded."""
    clause = doc.clause_of(m.start)
    return any(c.value.count and doc.clause_of(c.start) == clause for c in doc.of("casualty"))


def _places(doc: Doc, units: Iterable[int], *, clause: bool = False) -> list[Candidate]:
    """The places named in these sentences (or clauses)."""
    of = doc.clause_of if clause else doc.sentence_of
    wanted = set(units)
    return [p.value.best for p in doc.of("place") if p.value.best is not None and of(p.start) in wanted]


def _body_places(doc: Doc, b: Cluster) -> list[Candidate]:
    """The places the body names in the sentences of event ``b`` (not those of headline words folded into it)."""
    return _places(doc, (i for i in b.sentences if doc.sentences[i][0] >= doc.title_end))


def _same_ground(title: list[Candidate], body: list[Candidate]) -> bool:
    """Both name no place, or one of the title's places is, holds, lies in or is near one of the body's."""
    return not title or not body or any(_near(a, b) or _near(b, a) for a in title for b in body)


_NEAR_KM = 16  # "المزة" in the body of "دمشق" in the headline: one event; Jenin and Tubas are two
_AROUND_KM = 30  # the suburbs of a capital that is its own division, in the division around it


def _near(inner: Candidate, outer: Candidate) -> bool:
    if inner.name == outer.name or outer.kind == "country" and inner.country == outer.country:
        return True
    if outer.kind == "admin1":
        return inner.admin1 == outer.admin1
    # "قصف مستودع بدمشق" over "منطقة الكسوة في ريف دمشق": a headline's capital holds the land around it
    around = outer.kind == "city" and bool(inner.admin1) and inner.admin1 == outskirts().get(
        (iso2_of(outer.country) or "", outer.admin1 or ""))
    reach = _AROUND_KM if around else _NEAR_KM
    return inner.kind != "country" and haversine_km(inner.latitude, inner.longitude, outer.latitude, outer.longitude) <= reach
