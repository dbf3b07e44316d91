"""Where a protest is held when every place it names is its cause: the protesters' own country.

"تظاهر آلاف اليمنيين تنديدا بالعدوان على غزة" and "مظاهرة في العاصمة البولندية تطالب بوقف الحرب على غزة" name
Gaza only as what the protest is about; a protest is where the protesters are. Their nationality adjective in the
protest's sentence, before the cause and outside any place name ("اليمنيين", "البولندية"), gives the country, coded
at country level as ACLED codes an event whose town is not named.
"""

from __future__ import annotations

import re
from functools import cache
from typing import TYPE_CHECKING

from rasd.doc import Doc, Mention
from rasd.geo.model import PlaceMention

if TYPE_CHECKING:
    from rasd.extract.clusters import Cluster
    from rasd.geo.index import Gazetteer
    from rasd.geo.model import Candidate

__all__ = ["protesters_country"]

_WORD = re.compile(r"[^\W\d_]+")
_PEOPLE = frozenset(["protesters", "civilians"])  # actor kinds whose adjective says who protests ("المتظاهرين الأردنيين")


@cache
def _gazetteer() -> Gazetteer:
    from rasd.geo import get_geocoder

    return get_geocoder().gazetteer


@cache
def _country(code: str) -> Candidate | None:
    from rasd.geo.resolve import to_candidate

    gaz = _gazetteer()
    place = next((p for p in gaz.places if p.id == f"country:{code}"), None)
    return to_candidate(gaz, place, 1.0, None) if place is not None else None


def protesters_country(doc: Doc, cluster: Cluster, causes: list[Mention]) -> Mention | None:
    """A country-level place for the protest ``cluster`` from the nationality adjective of its head's sentence
    nearest to the protest word, before its cause and inside no place name nor after an armed or state actor, else None."""
    lo, hi = doc.sentences[cluster.head.sentence]
    cut = min((c.start for c in causes if lo <= c.start < hi and c.start >= cluster.head.start), default=hi)
    named = [(p.start, p.end) for p in doc.of("place")]
    # "برصاص الجيش الإسرائيلي", "قوات الاحتلال الإسرائيلية": the adjective of an armed or state actor, not the protesters'
    others = [(a.start, a.end) for a in doc.of("actor") if getattr(a.value, "actor", None) is not None
              and a.value.actor.kind not in _PEOPLE]
    adjectives = _gazetteer().adjectives
    head = cluster.head.start
    found = []
    for m in _WORD.finditer(doc.ntext, lo, cut):
        code = adjectives.get(m.group())
        if code is None or any(s <= m.start() < e for s, e in named) or any(
                s <= m.start() < e or (e <= m.start() and not doc.ntext[e : m.start()].strip()) for s, e in others):
            continue
        if (cand := _country(code)) is not None:
            found.append((abs(m.start() - head), m, cand))
    if found:  # the nearest to the protest word: "المظاهرات الفلسطينية", not the speaker's "الإسرائيلي" before it
        _, m, cand = min(found, key=lambda f: f[0])
        pm = PlaceMention(m.start(), m.end(), m.group(), None, [cand])
        return Mention("place", m.start(), m.end(), pm, sentence=cluster.head.sentence)
    return None
