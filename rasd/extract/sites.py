"""One event per place struck: the sites of a strike, a bombardment or an advance.

ACLED codes a strike wave that hits three villages as three events, one per
location. Arabic reports name the sites in two shapes:

- a list in one clause: "استعادت الفصائل بلدة حمورية وأجزاء من سقبا
  وكفربطنا", "غارات على مديرية الزيدية وزبيد";
- one sentence per site, each retelling the act: "وأسفرت الغارات عن تدمير
  مخازن في منطقة الجاح …، كما دمرت المقاتلات آليات في منطقة الفازة".

A site is a place at most district-sized (no governorate, region or
country), named without a direction ("شمال القدس" orients the reader) after
one of the event's own triggers, in that trigger's clause (a headline's
list counts only for an event the body does not retell). A place named right after another
without a list word ("منطقة الجاح التابعة لمديرية بيت الفقيه", "حي الدرج
بمدينة غزة") says where the first one lies: it is context, not a site. A
district and a village inside it are one site.

Tolls follow the text: a figure said in a site's own sentence is that
sentence's; a figure said once for all the sites is split evenly, the
remainder on the first, and the notes say so.
"""

from __future__ import annotations

import copy
import re
from typing import TYPE_CHECKING

from rasd.doc import Doc, Mention
from rasd.extract.clusters import AIRCRAFT
from rasd.extract.notes import english_notes
from rasd.extract.projectiles import origin
from rasd.extract.scope import pick_toll
from rasd.extract.tolls import cite_toll
from rasd.geo.model import KIND_RANK
from rasd.geo.unlisted import UNLISTED, UNLISTED_FLAG

if TYPE_CHECKING:
    from rasd.extract.clusters import Cluster
    from rasd.geo.model import Candidate
    from rasd.model import Event

__all__ = ["LIST_GAP", "SPLIT_TYPES", "listed_with", "part_of_toll", "set_place", "sites", "split_by_site", "subset_place"]

# Sub-types ACLED codes per location: a strike, a shelling, a clash or an advance at each place it reaches.
SPLIT_TYPES = frozenset({"Government regains territory", "Non-state actor overtakes territory", "Air/drone strike", "Armed clash",
                         "Disrupted weapons use",
                         "Shelling/artillery/missile attack"})
_LARGEST_SITE = KIND_RANK["admin2"]  # a district at most: a governorate is where the sites are, not one of them
# "غارات على ميناء الحديدة بعد يومين من هجوم استهدف تل أبيب": what follows is another act, told for its time or cause
_OTHER_ACT = re.compile(r"(?<!\w)(?:بعد|قبل|عقب|اثر|ردا|منذ|خلال|جراء)(?!\w)")
# a clause that retells the act at another site: "كما دمرت المقاتلات …", "إضافة إلى استهداف …"
# ("…، خاصة في مدينة غزة شمالا وخان يونس جنوبا": the same act, at the places it names)
_GOES_ON = re.compile(r"\W*(?:و|ف)?(?:(?:كما\s+|اضافه الي\s+)?(?:دمرت|دمر|استهدفت|استهدف|استهداف|طالت|طال|قصفت|قصف|ضربت|اغارت)(?!\w)"
                      r"|(?:ب)?(?:خاصه|خصوصا|لا\s?سيما|تحديدا)\s+(?:في\s|ب))")
_LIST_JOIN = re.compile(r"(?:^|\s)(?:و|او)|[،,]|اضافه الي")
# "استشهد 85 في غارات على القطاع بينهم 50 بمدينة غزة", "بينهم 16 شهيدا في مدينة غزة", "46 منهم بمدينة غزة",
# "معظمهم في جباليا": where part of the dead fell, not the event's place nor a site of its own
# ("بينهم طفلان في بلدة X" keeps X: with no count of its own the place may be the whole event's)
_SUBSET = re.compile(r"(?<!\w)(?:(?:بينهم|منهم|معظمهم|اغلبهم|غالبيتهم|اكثرهم)\s+(?:\d+\s+(?:\S+\s+)?(?:في\s+|ب)?|في\s+|ب)"
                     r"|(?<=\d\s)منهم\s+)$")
# "تركزت على منازل في مدينة غزة": where the strikes fell most, inside the event's wider place
_FOCUS = re.compile(r"(?<!\w)تركز\S*\s+(?:\S+\s+){0,4}?(?:في\s+|ب)?$")
_PART_REACH = 45  # characters before the place
LIST_GAP = 4  # characters between two items of one list ("الخليل ورام الله", "نابلس، جنين", "خان يونس وجباليا")


def sites(doc: Doc, cluster: Cluster) -> list[Mention]:
    """The places the cluster's acts hit, in text order, one mention per site."""
    territory = cluster.head.value.strength == "territory"
    acts: dict[int, int] = {}  # clause → where its first act of this event ends
    titled = cluster.head.start < doc.title_end  # a headline's list is the event's only when the body tells no more
    for t in cluster.triggers:  # "استعادت" beside a strike is another event's act, and the other way round
        if (t.value.strength == "territory") == territory and (titled or t.start >= doc.title_end):
            clause = doc.clause_of(t.start)
            acts[clause] = min(acts.get(clause, t.end), t.end)
    text = doc.ntext
    for c in range(min(acts, default=0) + 1, len(doc.clauses)):  # "…، كما دمرت الطائرات مستودعا في …": the same act goes on
        if c not in acts and c - 1 in acts and _GOES_ON.match(text, *doc.clauses[c]) and not (
                cluster.event_type == "Battles" and AIRCRAFT.search(text, *doc.clauses[c])):  # jets striking: not the clash
            acts[c] = doc.clauses[c][0]
    named = sorted((p for p in doc.of("place") if (c := doc.clause_of(p.start)) in acts and p.start >= acts[c]
                    and not _OTHER_ACT.search(text, acts[c], p.start)
                    and not origin(doc, p)), key=lambda p: p.start)  # "صواريخ أطلقت من صعدة": whence, not a site
    found: list[Mention] = []
    for before, p in zip([None, *named], named):
        if not _site_like(p) or subset_place(doc, p):  # "بينهم 16 شهيدا في مدينة غزة": where part of the dead fell
            continue
        if before is not None and before.sentence == p.sentence and not listed_with(doc, before, p):
            continue  # "منطقة الجاح التابعة لمديرية بيت الفقيه": where the first lies
        if not any(_same_site(p.value.best, q.value.best) for q in found):
            found.append(p)
    return found


def split_by_site(doc: Doc, cluster: Cluster, ev: Event) -> list[Event]:
    """``ev`` as one event per site (or unchanged when it has fewer than two)."""
    if ev.sub_event_type not in SPLIT_TYPES:
        return [ev]
    found = sites(doc, cluster)
    if len(found) < 2:
        return [ev]
    groups: dict[int, list[Mention]] = {}
    for p in found:
        groups.setdefault(p.sentence, []).append(p)
    own = {s: [c for c in cluster.casualties if c.sentence == s] for s in groups}
    said_once = not any(own.values())  # the figures (if any) are said once for every site
    out = []
    for s, group in groups.items():
        share_of = found if said_once else group
        source = ev if said_once else _tolls(doc, own[s], ev)
        for p in group:
            part = copy.deepcopy(source)
            set_place(doc, part, p)
            split = _share(part, source, share_of.index(p), len(share_of))
            part.notes = english_notes(part) + (
                f" Toll of {' and '.join(split)} reported for {len(share_of)} places, split evenly." if split else "")
            out.append(part)
    return out


def part_of_toll(doc: Doc, p: Mention) -> bool:
    """The place names where part of the toll fell (:func:`subset_place`) or the strikes fell most, inside the
    event's wider place."""
    return subset_place(doc, p) or bool(_FOCUS.search(doc.ntext, _reach(doc, p), p.start))


def subset_place(doc: Doc, p: Mention) -> bool:
    """The place names where part of the dead fell ("بينهم 16 شهيدا في مدينة غزة"), and so does the next item of its
    list ("معظمهم في خان يونس ورفح")."""
    if _SUBSET.search(doc.ntext, _reach(doc, p), p.start):
        return True
    before = next((q for q in reversed(doc.of("place")) if q.end <= p.start), None)
    return (before is not None and p.value.qualifier is None  # "في مخيم النصيرات وسط القطاع": where it lies
            and p.start - before.end <= LIST_GAP and listed_with(doc, before, p) and subset_place(doc, before))


def _reach(doc: Doc, p: Mention) -> int:
    return max(doc.clauses[doc.clause_of(p.start)][0], p.start - _PART_REACH)


def set_place(doc: Doc, ev: Event, place: Mention) -> None:
    """Write ``place``'s best reading into ``ev``'s location fields, with its evidence."""
    cand = place.value.best
    ev.country, ev.iso = cand.country, cand.iso
    ev.admin1, ev.admin2, ev.admin3 = cand.admin1, cand.admin2, cand.admin3
    ev.location, ev.location_ar = cand.name, cand.name_ar
    ev.latitude, ev.longitude, ev.geo_precision = cand.latitude, cand.longitude, cand.geo_precision
    ev.evidence["location"] = [place.span(doc)]
    ev.vague.pop("location", None)
    if cand.source == UNLISTED:  # review sees it first: the coordinates are the unit's, not the village's
        ev.vague["location"] = f"{UNLISTED_FLAG}: placed at {cand.admin3 or cand.admin2 or cand.admin1 or cand.country}"


def _site_like(p: Mention) -> bool:
    cand = p.value.best
    return cand is not None and p.value.qualifier is None and KIND_RANK.get(cand.kind, len(KIND_RANK)) <= _LARGEST_SITE


def listed_with(doc: Doc, a: Mention, b: Mention) -> bool:
    """``a`` and ``b`` are items of one list, not a place and where it lies."""
    text = doc.ntext
    clitic = text[b.start] == "و" and not (b.value.best.name_ar or "").startswith("و")  # "وكفربطنا"
    return bool(_LIST_JOIN.search(text[a.end : b.start])) or clitic


def _same_site(a: Candidate, b: Candidate) -> bool:
    """One name, or a district and a village inside it ("مديرية التحيتا" … "مزارع التحيتا")."""
    return a.name == b.name or a.name in (b.admin2, b.admin3) or b.name in (a.admin2, a.admin3)


def _tolls(doc: Doc, mentions: list[Mention], ev: Event) -> Event:
    """A copy of ``ev`` with the tolls of one sentence's figures (none said there: none reported for it)."""
    part = copy.deepcopy(ev)
    for kind, name in (("killed", "fatalities"), ("injured", "injuries")):
        count, known, evidence, vague = pick_toll(mentions, kind)
        if not evidence and name == "fatalities":
            count, known = 0, True
        setattr(part, name, count)
        setattr(part, f"{name}_known", known)
        part.vague.pop(name, None)
        cite_toll(doc, part, name, evidence)
        if vague:
            part.vague[name] = doc.evidence(evidence[0].start, evidence[0].end).text
    return part


def _share(part: Event, source: Event, i: int, n: int) -> list[str]:
    """Give ``part`` its even share (the remainder on the first) of ``source``'s tolls; what was split."""
    split = []
    for name in ("fatalities", "injuries"):
        total = getattr(source, name)
        if total and n > 1:
            setattr(part, name, total // n + (total % n if i == 0 else 0))
            split.append(f"{total} {'killed' if name == 'fatalities' else 'wounded'}")
    return split
