"""Fold the headline into the body: which body event each headline word announces.

Needs the clusters of :func:`rasd.extract.clusters.group_triggers`. A headline word joins
the body event of its sub-type, else of its type; a generic one ("غارات", "مقتل") joins the
lead violent event; a storming ("الجيش يقتحم مديرية عبس") with no raid in the body is the body's
battle. A headline event the body does not report stands alone only if it
is specific (or the article has no body event at all).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from rasd.doc import Doc, Mention
from rasd.extract.clusters import GENERIC, VIOLENT, Cluster

if TYPE_CHECKING:
    from rasd.extract.triggers import Trigger

__all__ = ["fold_title"]


_STORMING = re.compile(r"[يتو]?(?:قتحم|اقتحم|اقتحام)")


def fold_title(doc: Doc, clusters: list[Cluster]) -> list[Cluster]:
    """Each headline trigger joins the body event of its type; what the body lacks stands alone if specific."""
    body = [c for c in clusters if not all(t.value.in_title for t in c.triggers)]
    leftover: list[Cluster] = []
    for c in clusters:
        if c in body:
            continue
        rest = []
        for t in c.triggers:
            match = _title_host(doc, t, body)
            if match is None:
                rest.append(t)
            else:
                match.triggers.append(t)
                match.sentences.add(t.sentence)
        if any(t.value.strength not in GENERIC for t in rest) or (rest and not body):
            leftover.append(Cluster(rest, {rest[0].sentence}, set(c.clauses), c.date))
    return leftover + body


def _title_host(doc: Doc, m: Mention, body: list[Cluster]) -> Cluster | None:
    """The body event a headline word announces: the lead event for a generic word, else the first of its kind."""
    t: Trigger = m.value
    storming = _STORMING.match(doc.ntext, m.start) is not None
    if t.strength in GENERIC:
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

