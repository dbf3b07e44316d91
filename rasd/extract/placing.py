"""Choose the event's place: the most specific place named with it, else the article's country.

Needs the ``places`` layer and a cluster with its casualty mentions attached.
:func:`place_of` picks the event's place mention (body before headline, named before
"near", "ريف X" last, the headline's town when the body names only the country; a place
said of part of the toll, "بينهم 50 بمدينة غزة", only when no other is named);
:func:`place_event` writes it into the record (``sites.set_place``), or only the
country the article is mostly about (:func:`doc_country`); :func:`placed` drops a record
with no place and no victims, which is a statement, not an event.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from rasd.doc import Doc, Mention
from rasd.extract.countries import iso2_of
from rasd.extract.eventness import cause_at
from rasd.extract.protesters import protesters_country
from rasd.extract.projectiles import PROJECTILE_TYPES, aimed, projectile_places
from rasd.extract.sites import LIST_GAP, listed_with, part_of_toll, set_place
from rasd.extract.whose import elsewhere, of_a_person, voiced_abroad
from rasd.geo.model import KIND_RANK
from rasd.geo.unlisted import UNLISTED
from rasd.lang.ar.places import SUPPORT_WORDS
from rasd.model import Event

if TYPE_CHECKING:
    from rasd.extract.actors import Actor
    from rasd.extract.clusters import Cluster
    from rasd.geo.model import Candidate

__all__ = ["PLACE_FIELDS", "doc_country", "fired_from_abroad", "place_event", "place_of", "placed"]

#: The location fields of an event, copied together when one record takes another's place.
PLACE_FIELDS = ("country", "iso", "admin1", "admin2", "admin3", "location", "location_ar", "latitude", "longitude", "geo_precision")

# "شمال شرقي حلب" orients the reader from a bigger place; "ريف مدينة منبج" names the place itself
_DIRECTIONS = {"west", "east", "north", "south", "north-east", "north-west", "south-east", "south-west"}


def place_of(doc: Doc, cluster: Cluster) -> Mention | None:
    """The most specific place named with the event, preferring the trigger's own sentence."""
    own = cause_at(doc, cluster.head.start)
    causes = [c for c in doc.of("cause") if c is not own]
    places = _candidates(doc, cluster, causes)
    if cluster.event_type == "Protests" and places and all(  # a protest is where its protesters are, not its cause
            _supported(doc, p) or any(c.start <= p.start < c.end for c in causes) for p in places):
        places = [p] if (p := protesters_country(doc, cluster, causes)) else places
    if not places:
        return None
    if cluster.head.value.sub_event_type in PROJECTILE_TYPES:  # "صاروخ أطلق من اليمن باتجاه جازان": Jazan
        places = projectile_places(doc, places)
    places = _own_conjunct(doc, cluster, places)
    in_sentences = [q for q in doc.of("place") if q.sentence in cluster.sentences and not elsewhere(doc, cluster, q)]
    places = _finer_in_sentence(doc, places, in_sentences, causes) or places
    head_sentence = cluster.head.sentence
    first = places[0].value.best
    first_admin1 = first.admin1
    if first.kind == "country":  # "في سوريا بعد الهجوم الكيماوي في دوما": the first governorate named inside it
        first_admin1 = next((c.admin1 for p in places if (c := p.value.best).country == first.country and c.admin1), None)
    context = _where_others_lie(doc, places)
    # "اعتقالات قرب الخليل ورام الله": of the items of one list, the first
    later = {id(q) for before, q in zip(places, places[1:])
             if 0 <= q.start - before.end <= LIST_GAP and listed_with(doc, before, q)}

    def rank(p: Mention) -> tuple[int, int, int, bool, int, bool, int, float]:
        cand = p.value.best
        if first_admin1 is None:  # a country with none of its governorates named rules out the areas of others
            # ("الاعتداءات على لبنان وقطاع غزة"), not a town named ("على الحدود مع سوريا … في منطقة أرسوز")
            consistent = 0 if cand.country == first.country or cand.kind not in _COARSE else 1
        else:
            consistent = 0 if cand.admin1 in (first_admin1, None) else 1
        directional = p.value.qualifier in _DIRECTIONS or (  # "غربي دير الزور" is the area around the city
            p.value.qualifier == "countryside" and cand.kind in ("admin1", "region"))
        in_title = p.start < doc.title_end
        finer = KIND_RANK.get(cand.kind, len(KIND_RANK))  # "حي الدرج بمدينة غزة": the neighbourhood, not the city
        return (consistent, cand.geo_precision, in_title, directional, p.sentence != head_sentence, id(p) in later, finer,
                -cand.score)

    best = min(places, key=rank)
    while id(best) in context:  # "حي الزيتون بمدينة غزة": the neighbourhood the city is named to locate
        best = context[id(best)]
    return _headline_detail(doc, cluster, best) or best


def _candidates(doc: Doc, cluster: Cluster, causes: list[Mention]) -> list[Mention]:
    """The places that may be the event's: those of its body clauses, else of its body sentences, else of its
    headline clauses and sentences — in the first of these that names one of its own: not another act's, a
    speaker's or a launch site (:func:`rasd.extract.whose.elsewhere`), nor a protest's cause or what it supports
    ("تظاهر المئات في عمان تضامنا مع غزة", "مظاهرة داعمة لغزة في لندن"); a place said of part of the toll only
    when no other is named there."""
    in_clauses = [p for p in doc.of("place") if doc.clause_of(p.start) in cluster.clauses]
    in_sentences = [p for p in doc.of("place") if p.sentence in cluster.sentences]
    tiers = [[p for p in in_clauses if p.start >= doc.title_end], [p for p in in_sentences if p.start >= doc.title_end],
             in_clauses, in_sentences]
    head = cluster.head
    body = [*(t for t in cluster.triggers if t.value.strength != "weak"), *cluster.casualties]
    headline: list[Mention] = []
    if head.value.in_title and not any(m.start >= doc.title_end for m in body):
        # "معارك في جباليا" over a body that names only a weapon ("غطاء الطائرات المسيرة") and no toll: the headline
        # tells the act, at a town it names (not "احتجاجات جنوب العراق")
        headline = [p for p in doc.of("place") if doc.clause_of(p.start) == doc.clause_of(head.start)
                    and p.value.best.kind not in _COARSE and p.value.qualifier not in _DIRECTIONS]
    for tier in (headline, *tiers):
        kept = [p for p in tier if not elsewhere(doc, cluster, p) and not _supported(doc, p)
                and not any(c.start <= p.start < c.end for c in causes)]
        if kept:
            return [p for p in kept if not part_of_toll(doc, p)] or kept
    return next((kept for t in tiers if (kept := [p for p in t if not of_a_person(doc, p)])), [])


_COARSE = frozenset({"country", "admin1", "region"})
_AND_BEFORE = re.compile(r"(?<!\w)و$")


def _own_conjunct(doc: Doc, cluster: Cluster, places: list[Mention]) -> list[Mention]:
    """An event told from a word joined by "و" ("خطة لإجلاء سكان عسقلان ومقتل شاب في طولكرم") is its own conjunct:
    the places of its clause before that word are the first conjunct's, when the clause names one after it (a record
    of both, "57 شهيدا في القطاع وغارات على صنعاء", starts before the "و" and keeps them)."""
    clause = doc.clause_of(cluster.head.start)
    first = min((m for m in (*cluster.triggers, *cluster.casualties) if doc.clause_of(m.start) == clause),
                key=lambda m: m.start)
    if not _AND_BEFORE.search(doc.ntext, max(0, first.start - 1), first.start):
        return places
    if not any(p.start >= first.end and doc.clause_of(p.start) == clause for p in places):
        return places
    return [p for p in places if p.end > first.start or doc.clause_of(p.start) != clause]


def _finer_in_sentence(doc: Doc, places: list[Mention], in_sentences: list[Mention], causes: list[Mention]) -> list[Mention]:
    """When the event's clauses name only a governorate, region or country ("كبرى المجازر التي شهدها القطاع"), a town
    its sentences name inside it ("مدرسة التابعين بحي الدرج") is the place, when they name one: the named town
    beats the area."""
    if any(p.value.best.kind not in _COARSE for p in places):
        return []
    areas = {(p.value.best.country, p.value.best.admin1 if p.value.best.kind != "country" else None) for p in places}
    # the governorates named, not the country around them ("في محافظة أبين، جنوب شرق العاصمة اليمنية صنعاء")
    areas = {a for a in areas if a[1] is not None} or areas
    finer = [q for q in in_sentences if q.start >= doc.title_end and q.value.best.kind not in _COARSE and not part_of_toll(doc, q)
             and not any(c.start <= q.start < c.end for c in causes)
             and any(q.value.best.country == country and admin1 in (None, q.value.best.admin1) for country, admin1 in areas)]
    # a place named right after another without a list word says where the first lies ("حي الزيتون (شرق مدينة غزة)")
    sites = [q for before, q in zip([None, *finer], finer)
             if before is None or before.sentence != q.sentence or listed_with(doc, before, q)]
    # one town only: beside several ("غارات على بلدات الغوطة: حمورية وسقبا"), the area is the event's place
    return sites if len({q.value.best.name for q in sites}) == 1 else []


# "منطقة مواصي مدينة خان يونس", "المأذنية في حي القدم", "قرية X التابعة لمديرية Y", "(شرق مدينة غزة)": where the first lies
_LIES_IN = re.compile(r"\s*(?:[،,(]\s*)?(?:(?:التابعه|الواقعه|التابع|الواقع)\s*(?:ل|في)?\s*|(?:في|ضمن|داخل)\s+)?")
_LIES_REACH = 25  # characters between the two names at most
_WHENCE = re.compile(r"(?<!\w)من\s+$")  # "شاب من مخيم جنين في نابلس": where he is from, not where it happened


def _where_others_lie(doc: Doc, places: list[Mention]) -> dict[int, Mention]:
    """Each place named right after a finer one only to say where it lies (by ``id``) → that finer place; and a
    neighbourhood no gazetteer holds → the city named right after it, where ACLED codes it ("حي طريق السد بمدينة
    درعا", "حي الشعب شرقي العاصمة بغداد")."""
    text = doc.ntext
    context: dict[int, Mention] = {}
    for q, p in zip(places, places[1:]):
        unlisted_quarter = q.value.best.source == UNLISTED and q.value.best.kind == "neighbourhood"
        if q.value.best.source == UNLISTED:  # a village no gazetteer holds is placed by the unit named with it
            finer = not unlisted_quarter
        else:
            finer = KIND_RANK.get(q.value.best.kind, len(KIND_RANK)) < KIND_RANK.get(p.value.best.kind, len(KIND_RANK))
        inside = (q.value.best.country, q.value.best.admin1) == (p.value.best.country, p.value.best.admin1)
        if ((finer or unlisted_quarter) and inside and q.sentence == p.sentence and 0 <= p.start - q.end <= _LIES_REACH
                and _LIES_IN.fullmatch(text, q.end, p.start) and not listed_with(doc, q, p)
                and not _WHENCE.search(text, max(0, q.start - 6), q.start)):
            if finer:
                context[id(p)] = q
            elif p.value.best.kind in ("city", "town"):
                context[id(q)] = p
    return context


# "داعمة لغزة", "مؤيدة لقطاع غزة", "مناهضين للحرب الإسرائيلية على قطاع غزة": the cause of a protest
_SUPPORTED = re.compile(r"(?<!\w)[وف]?(?:" + "|".join(sorted(SUPPORT_WORDS, key=len, reverse=True)) + r")\w{0,3}\s+"
                        r"(?:(?:ل|لل)(?=\S*$)|(?:لل|ال)?(?:حرب|عدوان|حصار|احتلال)\S*\s+(?:\S+\s+){0,2}?(?:علي|في|ب)\s*)$")
_SUPPORTED_REACH = 60


def _supported(doc: Doc, p: Mention) -> bool:
    """``p`` is what a protest supports or opposes ("مظاهرة داعمة لغزة"), not where it is held."""
    start = max(doc.clauses[doc.clause_of(p.start)][0], p.start - _SUPPORTED_REACH)
    head = doc.ntext[p.start : p.start + 2]
    lam = len(head) - len(head.lstrip("ل"))  # "لغزة", "للقطاع": the support word's clitic is inside the mention
    return bool(_SUPPORTED.search(doc.ntext, start, p.start + lam))


def _headline_detail(doc: Doc, cluster: Cluster, best: Mention) -> Mention | None:
    """The headline's place when the body names only the country around it ("غارات على بيروت" / "على لبنان")."""
    outer = best.value.best
    if best.start < doc.title_end or outer.kind != "country":
        return None
    titled = {doc.clause_of(t.start) for t in cluster.triggers if t.value.in_title}
    inner = [p for p in doc.of("place") if doc.clause_of(p.start) in titled and p.value.best
             and p.value.best.kind != "country" and p.value.best.country == outer.country]
    return inner[0] if len(inner) == 1 else None



# The fronts that fire at Israel from abroad: an attack of theirs is in Israel, never in the Gaza Strip the article
# is also about ("في حين أطلق حزب الله نحو 90 قذيفة اتجاه إسرائيل")
_FIRING_AT_ISRAEL = frozenset({"LB", "IQ", "YE", "IR"})
_FIRE = PROJECTILE_TYPES | {"Air/drone strike"}


def fired_from_abroad(doc: Doc, cluster: Cluster, attacker: Actor | None, place: Mention | None) -> Mention | None:
    """The place in Israel named with a strike by a force based in Lebanon, Iraq, Yemen or Iran that the place rules
    put in the Gaza Strip: the event's sentences first, then the article; the aim of the fire first, then a town
    before a region or the country."""
    if (attacker is None or attacker.home not in _FIRING_AT_ISRAEL or place is None
            or place.value.best.admin1 != "Gaza Strip" or cluster.head.value.sub_event_type not in _FIRE):
        return place
    israeli = [p for p in doc.of("place") if iso2_of(p.value.best.country) == "IL"]
    for pool in ([p for p in israeli if p.sentence in cluster.sentences], israeli):
        if pool:
            return min(pool, key=lambda p: (not aimed(doc, p), p.value.best.kind in _COARSE, p.start))
    return place


def place_event(doc: Doc, ev: Event, place: Mention | None, country: Candidate | None) -> None:
    """Write ``place`` into ``ev``'s location fields, else only ``country`` (the article's)."""
    if place is not None:
        set_place(doc, ev, place)
    elif country:
        ev.country, ev.iso = country.country, country.iso


def doc_country(doc: Doc) -> Candidate | None:
    """The reading of the country the article's places lie in most often; a city abroad a statement is voiced in
    ("قال الوزير في باريس إن غارة …") is not where the article is."""
    counts: dict[str, int] = {}
    for p in doc.of("place"):
        if p.value.best and p.value.best.country and not voiced_abroad(doc, p):
            counts[p.value.best.country] = counts.get(p.value.best.country, 0) + 1
    if not counts:
        return None
    best = max(counts, key=lambda k: counts[k])
    return next(p.value.best for p in doc.of("place") if p.value.best.country == best and not voiced_abroad(doc, p))


def placed(ev: Event) -> bool:
    """ACLED codes nothing without a place: an event with no place and no victims is a statement, not a record."""
    return ev.location is not None or bool(ev.fatalities) or ev.fatalities_known is False
