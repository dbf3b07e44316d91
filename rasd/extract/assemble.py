"""Assemble events: group triggers into distinct events and fill every field from its clauses.

An article about one strike mentions it three times (headline, lead, a
quote): those triggers become one event. A background paragraph with its own
date ("منتصف شباط الفائت") becomes its own event. Each field takes the
mentions nearest its triggers and keeps them as evidence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import TYPE_CHECKING

from rasd.doc import Doc, Mention
from rasd.extract.notes import english_notes
from rasd.extract.roles import assign_actors
from rasd.extract.scope import pick_toll
from rasd.extract.sites import set_place, split_by_site
from rasd.extract.subtypes import resolve_type
from rasd.extract.victims import attach_victims
from rasd.model import DISORDER_TYPES as _DISORDER
from rasd.model import Event

from rasd.geo.model import KIND_RANK

if TYPE_CHECKING:
    from rasd.geo.model import Candidate

__all__ = ["Assemble", "Cluster"]

_VIOLENT = {"Battles", "Explosions/Remote violence", "Violence against civilians", "Riots"}
# "شمال شرقي حلب" orients the reader from a bigger place; "ريف مدينة منبج" names the place itself
_DIRECTIONS = {"west", "east", "north", "south", "north-east", "north-west", "south-east", "south-west"}
_TYPE_RANK = {"Explosions/Remote violence": 0, "Battles": 1, "Violence against civilians": 2, "Riots": 3,
              "Protests": 4, "Strategic developments": 5}
_RANK = {"strong": 0, "territory": -1, "bombard": 1, "kill": 2, "weak": 3}
_GENERIC = {"bombard", "kill", "weak"}


@dataclass(slots=True)
class Cluster:
    """The triggers, sentences and casualty mentions of one event."""

    triggers: list[Mention]
    sentences: set[int]
    clauses: set[int]
    date: Mention | None = None
    casualties: list[Mention] = field(default_factory=list)

    @property
    def head(self) -> Mention:
        """The most specific trigger: strong before generic, violence before other developments, body before title."""
        outcomes = {(c.start, c.end) for c in self.casualties if c.value.count is None}
        acts = {m.sentence for m in self.triggers if (m.start, m.end) not in outcomes}

        def key(m: Mention) -> tuple[int, int, bool, int]:
            weak_title = 2 if m.value.in_title and m.value.strength in _GENERIC else 0  # a headline's generic verb
            disrupted = m.value.sub_event_type == "Disrupted weapons use"  # "فككت عبوة ناسفة": no explosion
            # "ارتكب مجزرة ... إثر إطلاق النار": the massacre word says people died, not how: its sentence's act beats it
            outcome = 4 * ((m.start, m.end) in outcomes and m.sentence in acts)
            return (_RANK[m.value.strength] + weak_title + outcome - disrupted,
                    _TYPE_RANK[m.value.event_type] - 9 * disrupted, m.value.in_title, -(m.end - m.start))

        return min(self.triggers, key=key)

    @property
    def event_type(self) -> str:
        return self.head.value.event_type


def _supported(doc: Doc, trig: Mention) -> bool:
    """A weak trigger counts only with a counted casualty or an acting party in its clause; a killing needs victims."""
    if trig.value.sub_event_type == "Arrests" and _seized_things(doc, trig):
        return False  # "احتجز جثث ستة مسلحين": bodies and weapons are seized, nobody is arrested
    if trig.value.strength in ("strong", "territory", "bombard"):
        return True
    clause = doc.clause_of(trig.start)
    casualties = [c for c in doc.of("casualty") if doc.clause_of(c.start) == clause and not c.value.cumulative]
    if trig.value.strength == "kill":  # a killing needs its (new) dead or its victims in the sentence
        return any(c.sentence == trig.sentence and not c.value.cumulative and not _definite(doc.ntext, c.start)
                   for c in doc.of("casualty")) or any(r.sentence == trig.sentence for r in doc.of("role"))
    actors = [a for a in doc.of("actor") if doc.clause_of(a.start) == clause and a.value.actor.kind not in ("civilians",)]
    return bool(actors) or any(c.value.count for c in casualties)


def _tells_a_total(doc: Doc, trig: Mention) -> bool:
    """The figure nearest the trigger in its sentence is a period total: the words tell the total, not an act."""
    near = [c for c in doc.of("casualty") if c.sentence == trig.sentence]
    if not near:
        return False
    nearest = min(near, key=lambda c: max(c.start - trig.end, trig.start - c.end, 0))
    return bool(nearest.value.cumulative)


def _definite(text: str, start: int) -> bool:
    """"الشهيدين" names dead already reported; "شهيدين" reports new ones."""
    i = start
    while i > 0 and text[i - 1].isalpha():
        i -= 1
    return "ال" in text[i:start] or text.startswith("ال", start)


def _promoted(doc: Doc, trig: Mention) -> Mention:
    """A weak weapon word with its owner's adjective ("مسيرات إسرائيلية") is as specific as a strong one."""
    from rasd.extract.triggers import Trigger, TriggerEntry

    t = trig.value
    if t.strength != "weak" or not any(a.value.adjective and 0 <= a.start - trig.end <= 2 for a in doc.of("actor")):
        return trig
    entry = TriggerEntry(t.event_type, t.sub_event_type, "strong")
    return Mention("trigger", trig.start, trig.end, Trigger(entry, t.definite, t.in_title, t.modal), trig.sentence)


_THINGS = frozenset("جثث جثه جثامين جثمان اسلحه بنادق ذخيره ذخاير اليات سيارات شحنه معدات وثايق".split())


def _seized_things(doc: Doc, trig: Mention) -> bool:
    following = doc.ntext[trig.end : trig.end + 30].split()
    return bool(following) and following[0] in _THINGS


def _implied_triggers(doc: Doc, triggers: list[Mention]) -> list[Mention]:
    """A killing reported with no weapon word ("استشهاد شاب ... قوات الاحتلال") is still an event."""
    from rasd.extract.triggers import Trigger, TriggerEntry

    # a sentence is covered by a violent trigger; taking a town does not explain civilian deaths beside it
    covered = {t.sentence for t in triggers if t.value.event_type in _VIOLENT and t.value.strength != "territory"}
    entry = TriggerEntry("Violence against civilians", "Attack", "kill")
    out = []
    for cas in doc.of("casualty"):
        if cas.value.kind != "killed" or cas.value.cumulative or cas.value.count is None or cas.sentence in covered:
            continue
        agents = [a for a in doc.of("actor") if a.sentence == cas.sentence and a.value.actor.kind not in ("civilians",)
                  and not a.value.affiliation]
        if agents:
            covered.add(cas.sentence)
            out.append(Mention("trigger", cas.start, cas.end, Trigger(entry, False, cas.start < doc.title_end), cas.sentence))
    return sorted(triggers + out, key=lambda m: m.start)


_SPEECH_BEFORE = re.compile(r"(?:اعلن|اعلنت|قال|قالت|افاد|افادت|ذكر|ذكرت|اكد|اكدت|اوضح|اوضحت|صرح|صرحت)\S*\s+(?:\S+\s+)?$")


_THAT_AFTER = re.compile(r"\W{0,3}(?:ان|انه|انها|انهم|بان)(?!\w)")


def _date_for(doc: Doc, trig: Mention) -> Mention | None:
    """The date phrase of the trigger's sentence nearest to it (never a future or year-only phrase)."""
    found = [d for d in doc.of("date") if d.sentence == trig.sentence and not d.value.future and d.value.value is not None]
    clause = doc.clause_of(trig.start)
    # a bare year in the trigger's clause dates it only as history ("قد سيطرت عليها عام 2020"), so that it ages out
    dates = [d for d in found if d.value.kind != "year"] or [d for d in found if doc.clause_of(d.start) == clause]
    # "أعلنت الأربعاء أن … الثلاثاء": the date after a speech verb dates the statement, not the event
    # "قالت الوحدة، اليوم الأربعاء، إنها وثقت…": a date followed by "إن/أن" dates the statement too
    dates = [d for d in dates if not _SPEECH_BEFORE.search(doc.ntext, max(0, d.start - 25), d.start)
             and not _THAT_AFTER.match(doc.ntext, d.end)] or dates
    # a date in the trigger's own clause wins ("قال، الثلاثاء، إن الجيش قتل … الليلة الماضية" dates the killing,
    # not the statement); else news style puts the date before what happened ("وفي 25 آذار، بثت…")
    return min(dates, key=lambda d: (doc.clause_of(d.start) != clause, d.start > trig.start, abs(d.start - trig.start)),
               default=None)


def _compatible(doc: Doc, a: Mention, cluster: Cluster) -> bool:
    """Can trigger ``a`` join ``cluster`` of the same sentence?

    The same kind of event, or a generic word ("قتل", "قصف", "استهدف") beside a
    specific one, is one event; two specific kinds are two events unless they
    share a clause with a raid ("اقتحام … عملية"); two generic words in
    different clauses are two events.
    """
    t, h = a.value, cluster.head.value
    same_clause = doc.clause_of(a.start) in cluster.clauses
    if "territory" in (t.strength, h.strength) and "Non-violent transfer of territory" in (t.sub_event_type, h.sub_event_type):
        return True  # "سيطرت الهيئة على سراقب بعد انسحاب قوات النظام": the withdrawal is part of the takeover
    if t.event_type == h.event_type and t.strength not in _GENERIC and h.strength not in _GENERIC:
        return True
    if (t.strength in _GENERIC) != (h.strength in _GENERIC):
        territory = "territory" in (t.strength, h.strength)  # a town taken does not explain a killing beside it
        return same_clause or (t.event_type in _VIOLENT and h.event_type in _VIOLENT and not territory)
    if t.event_type == h.event_type and t.sub_event_type == h.sub_event_type:
        return True
    if t.event_type in _VIOLENT and h.event_type in _VIOLENT and (_causal_clause(doc, a) or _result_clause(doc, a)):
        return True  # "أصيب شاب بالرصاص، إثر هجوم نفذه مستوطنون", "قصفت …، ما أودى بحياة 17": cause and toll are the same event
    if "Disrupted weapons use" in (t.sub_event_type, h.sub_event_type):
        return True  # "فككت …، اليوم، عبوة ناسفة": the device was defused, it did not explode
    if same_clause and t.event_type in _VIOLENT and h.event_type in _VIOLENT and (
            _instrument(doc, a) or _instrument(doc, cluster.head)):
        return True  # "اغتالت إسرائيل القيادي … بغارة على الضاحية": the strike is how the killing was done
    return same_clause and ("Other" in (t.sub_event_type, h.sub_event_type) or t.strength in _GENERIC)


def _instrument(doc: Doc, trig: Mention) -> bool:
    """The trigger is introduced by the instrumental "ب" ("بغارة", "بقصف مدفعي", "برصاص")."""
    text = doc.ntext
    return text.startswith("ب", trig.start) or (trig.start > 0 and text[trig.start - 1] == "ب"
                                                 and (trig.start < 2 or not text[trig.start - 2].isalpha()))


_CAUSAL = re.compile(r"^\W*(?:و|ف)?(?:اثر|إثر|جراء|عقب|نتيجه|بسبب|بعد|خلال)(?!\w)")


_RESULT = re.compile(r"^\W*(?:و)?(?:(?:ما|مما)\s+(?:ادي|اسفر|اودي|خلف|تسبب)|موقعا|موقعه|مخلفا|مخلفه)(?!\w)")


def _result_clause(doc: Doc, trig: Mention) -> bool:
    """The trigger's clause opens with "ما أودى", "مما أسفر", "موقعة": it tells what the clause before did."""
    s, e = doc.clauses[doc.clause_of(trig.start)]
    return bool(_RESULT.match(doc.ntext[s:e]))


def _causal_clause(doc: Doc, trig: Mention) -> bool:
    """The trigger's clause opens with "إثر", "جراء", "بعد"…: it gives the cause of what came before."""
    s, e = doc.clauses[doc.clause_of(trig.start)]
    return bool(_CAUSAL.match(doc.ntext[s:e]))


def _cluster(doc: Doc, triggers: list[Mention]) -> list[Cluster]:
    clusters: list[Cluster] = []
    for trig in triggers:
        date_m = _date_for(doc, trig)
        target = None
        same_sentence = [c for c in reversed(clusters) if trig.sentence in c.sentences and _compatible(doc, trig, c)]
        # a word of the same kind joins its kind ("سيطرت … إثر معارك") before a generic neighbour
        same_sentence.sort(key=lambda c: c.event_type != trig.value.event_type)
        for c in same_sentence + [c for c in reversed(clusters) if trig.sentence not in c.sentences]:
            if trig.sentence in c.sentences:
                if date_m is None or c.date is None or date_m.value.value == c.date.value.value:
                    target = c
                break
            near = trig.sentence - max(c.sentences) <= 2 and not all(t.value.in_title for t in c.triggers)
            if near and date_m is None and trig.value.sub_event_type == c.head.value.sub_event_type and not trig.value.in_title:
                if trig.value.definite or trig.value.strength in _GENERIC:
                    target = c
                break
        if target is None:
            clusters.append(Cluster([trig], {trig.sentence}, {doc.clause_of(trig.start)}, date_m))
        else:
            target.triggers.append(trig)
            target.sentences.add(trig.sentence)
            target.clauses.add(doc.clause_of(trig.start))
            target.date = target.date or date_m
    return _fold_title(_absorb_generic(doc, clusters))


def _absorb_generic(doc: Doc, clusters: list[Cluster]) -> list[Cluster]:
    """A sentence with "قتل" in one clause and "غارة" in another reports one event: generic joins specific.

    A bombardment word ("قصف") is specific enough to host a vaguer one ("استهداف", "قتل") of its sentence.
    """
    kept = list(clusters)
    for c in clusters:
        if c.head.value.strength not in _GENERIC or c.event_type not in _VIOLENT:
            continue
        host = next((k for k in kept if k is not c and k.sentences & c.sentences and k.event_type in _VIOLENT
                     and _hosts(doc, k, c) and _same_date(k, c)), None)
        if host is not None:
            host.triggers.extend(c.triggers)
            host.clauses |= c.clauses
            kept.remove(c)
    return kept


def _hosts(doc: Doc, host: Cluster, guest: Cluster) -> bool:
    """Whether ``host`` takes in the generic ``guest`` of its sentence.

    A specific word always does. A bombardment ("قصف") takes a vaguer word ("استهداف", "قتل") unless
    the two name different places: "استشهاد شاب … في طولكرم، وفي حين قصف الطيران وسط جنين" is two events.
    """
    strength = host.head.value.strength
    if strength not in (*_GENERIC, "territory"):
        return True
    if strength != "bombard" or guest.head.value.strength == "bombard":
        return False
    if any(_CONTRAST.match(doc.ntext, *doc.clauses[min(c.clauses)]) for c in (host, guest)):
        return False  # "…، في حين أوقع القصف …": set against each other, two events
    here, there = _places_in(doc, host), _places_in(doc, guest)
    if here and there and not any(_within(a, b) or _within(b, a) for a in here for b in there):
        return False  # "…في طولكرم، وقصف الطيران وسط جنين": two places; "ريف حماة … بلدة اللطامنة" is one area
    # "كثف الجيش قصف …، وأكدت المقاومة استهداف قواته": another party acts in the guest's clause
    agents = _actors_in(doc, host)
    return not agents or _actors_in(doc, guest) <= agents


_CONTRAST = re.compile(r"\W*(?:و)?(?:في حين|بينما|فيما)(?!\w)")


def _places_in(doc: Doc, cluster: Cluster) -> list[Candidate]:
    return [p.value.best for p in doc.of("place") if p.value.best and doc.clause_of(p.start) in cluster.clauses]


def _within(inner: Candidate, outer: Candidate) -> bool:
    """The same place, or ``inner`` lies in ``outer``'s governorate or district."""
    return inner.name == outer.name or outer.name in (inner.admin1, inner.admin2)


def _actors_in(doc: Doc, cluster: Cluster) -> set[str]:
    """The armed actors named in the cluster's clauses."""
    return {a.value.actor.canonical for a in doc.of("actor") if doc.clause_of(a.start) in cluster.clauses
            and a.value.actor.kind != "civilians" and not a.value.affiliation}


def _same_date(a: Cluster, b: Cluster) -> bool:
    return a.date is None or b.date is None or a.date.value.value == b.date.value.value


def _fold_title(clusters: list[Cluster]) -> list[Cluster]:
    """Each headline trigger joins the body event of its type; what the body lacks stands alone if specific."""
    body = [c for c in clusters if not all(t.value.in_title for t in c.triggers)]
    leftover: list[Cluster] = []
    for c in clusters:
        if c in body:
            continue
        rest = []
        for t in c.triggers:
            match = _title_host(t.value, body)
            if match is None:
                rest.append(t)
            else:
                match.triggers.append(t)
                match.sentences.add(t.sentence)
        if any(t.value.strength not in _GENERIC for t in rest) or (rest and not body):
            leftover.append(Cluster(rest, {rest[0].sentence}, set(c.clauses), c.date))
    return leftover + body


# Background older than this is history ("احتجاجات تشرين 2019"), not news to code again.
_MAX_AGE = timedelta(days=365)


_NARRATIVE = {"Protests", "Riots", "Strategic developments"}


def _continue_narrative(doc: Doc, pairs: list[tuple[Cluster, Event]]) -> None:
    """A development told without a place happened where the article's previous event did.

    "وأقامت القوات خلال الحملة نقطة عسكرية جديدة" continues the raid before it: same place and,
    with no date of its own, the same day. Only specific, non-violent events inherit (a violent
    one without a place is detail or hearsay). The inherited fields keep the earlier evidence
    and lower the confidence, so a reviewer sees where they came from.
    """
    last: Event | None = None
    for cluster, ev in pairs:
        _same_day_roundup(doc, cluster, ev, last)
        specific = cluster.head.value.strength in ("strong", "territory") and ev.event_type in _NARRATIVE
        if ev.location is None and last is not None and specific:
            for name in _PLACE_FIELDS:
                setattr(ev, name, getattr(last, name))
            ev.evidence["location"] = list(last.evidence.get("location", []))
            if "event_date" not in ev.evidence and "event_date" in last.evidence:
                ev.event_date, ev.time_precision = last.event_date, last.time_precision
                ev.evidence["event_date"] = list(last.evidence["event_date"])
            ev.confidence = round(ev.confidence * 0.8, 2)
            ev.notes = english_notes(ev)
        if ev.location is not None:
            last = ev


# "وفي جنوب الضفة، …" (a place right after), "وفي سياق متصل، …", "إلى ذلك، …": the next item of a round-up
_ROUNDUP = re.compile(r"\W*(?:(?P<where>وفي)|في سياق متصل|وفي سياق متصل|الي ذلك|والي ذلك)(?!\w)")


def _same_day_roundup(doc: Doc, cluster: Cluster, ev: Event, last: Event | None) -> None:
    """An undated item that opens with "وفي …" right after an item dated to the day happened that day.

    Without it, an undated event gets the publication date at precision 2 (the week); a round-up
    of one day's raids (today's or last night's) tells each item on that day, so it takes the
    previous item's day, at precision 1, with that item's date words as evidence.
    """
    if last is None or last.event_date is None or last.time_precision != 1:
        return
    if "event_date" not in last.evidence or "event_date" in ev.evidence:
        return
    if doc.published is None or not 0 <= (doc.published - date.fromisoformat(last.event_date)).days <= 1:
        return
    start, end = doc.sentences[cluster.head.sentence]
    opening = _ROUNDUP.match(doc.ntext, start, end)
    if opening and opening.group("where"):  # "وفي هذا الصدد" is not a place: "وفي" must lead to one
        opening = opening if any(0 <= p.start - opening.end() <= 12 for p in doc.of("place")) else None
    if opening:
        ev.event_date, ev.time_precision = last.event_date, 1
        ev.evidence["event_date"] = list(last.evidence["event_date"])


def _placed(ev: Event) -> bool:
    """ACLED codes nothing without a place: an event with no place and no victims is a statement, not a record."""
    return ev.location is not None or bool(ev.fatalities) or ev.fatalities_known is False


def _stale(doc: Doc, ev: Event) -> bool:
    return bool(doc.published and ev.event_date and date.fromisoformat(ev.event_date) < doc.published - _MAX_AGE)


def _title_host(t, body: list[Cluster]) -> Cluster | None:
    """The body event a headline word announces: the lead event for a generic word, else the first of its kind."""
    if t.strength in _GENERIC:
        if t.event_type not in _VIOLENT:
            return None
        return next((b for b in body if b.event_type in _VIOLENT), None)
    return (next((b for b in body if b.head.value.sub_event_type == t.sub_event_type), None)
            or next((b for b in body if b.event_type == t.event_type), None)
            or next((b for b in body if b.event_type in _VIOLENT and b.head.value.strength in _GENERIC
                     and t.event_type in _VIOLENT), None))  # "غارات" in the headline names the body's "مقتل 87"


def _attach_casualties(doc: Doc, clusters: list[Cluster]) -> None:
    """Each casualty statement goes to the event nearest it: its sentence, else the event just before.

    A headline's toll goes to the headline event of its own clause, else to the lead event,
    and counts only where the body gives that event no specific figure of its own.
    """
    best: Cluster | None
    borrowed: list[tuple[Cluster, Mention]] = []
    for cas in doc.of("casualty"):
        if cas.value.cumulative:
            continue
        same = [c for c in clusters if cas.sentence in c.sentences]
        clause = doc.clause_of(cas.start)
        lead = next((c for c in clusters if c.event_type in _VIOLENT and any(not t.value.in_title for t in c.triggers)), None)
        own = next((c for c in clusters if any(t.value.in_title and doc.clause_of(t.start) == clause for t in c.triggers)), None)
        headline = own or lead  # a headline's toll is its own headline event's, else the lead event's
        if cas.start < doc.title_end and headline is not None:
            best = headline
            borrowed.append((headline, cas))
        elif same:
            best = min(same, key=lambda c: (clause not in c.clauses,
                                            min(abs(t.start - cas.start) for t in c.triggers if t.sentence == cas.sentence)))
            best.clauses.add(clause)
        else:
            before = [c for c in clusters if max(c.sentences) < cas.sentence and cas.sentence - max(c.sentences) <= 2
                      and c.head.value.event_type in _VIOLENT]
            busy = any(m.sentence == cas.sentence for m in doc.of("date")) or any(
                t.sentence == cas.sentence and t.value.modal for t in doc.of("trigger"))
            if not before or busy:
                continue
            best = before[-1]
        if best is not None:
            best.casualties.append(cas)
    for cluster, cas in borrowed:  # a headline's figure yields to the body's own ("أسير قتيل" / "16 شهيدا")
        if any(m.start >= doc.title_end and m.value.kind == cas.value.kind and m.value.count and not m.value.vague
               for m in cluster.casualties):
            cluster.casualties.remove(cas)


def _place(doc: Doc, cluster: Cluster) -> Mention | None:
    """The most specific place named with the event, preferring the trigger's own sentence."""
    in_clauses = [p for p in doc.of("place") if doc.clause_of(p.start) in cluster.clauses]
    in_sentences = [p for p in doc.of("place") if p.sentence in cluster.sentences]
    body = [p for p in in_clauses if p.start >= doc.title_end] or [p for p in in_sentences if p.start >= doc.title_end]
    places = body or in_clauses or in_sentences
    if not places:
        return None
    head_sentence = cluster.head.sentence
    first_admin1 = places[0].value.best.admin1

    def rank(p: Mention) -> tuple[int, int, int, bool, int, int, float]:
        cand = p.value.best
        consistent = 0 if cand.admin1 == first_admin1 or cand.admin1 is None else 1
        directional = p.value.qualifier in _DIRECTIONS or (  # "غربي دير الزور" is the area around the city
            p.value.qualifier == "countryside" and cand.kind in ("admin1", "region"))
        in_title = p.start < doc.title_end
        finer = KIND_RANK.get(cand.kind, len(KIND_RANK))  # "حي الدرج بمدينة غزة": the neighbourhood, not the city
        return (consistent, cand.geo_precision, in_title, directional, p.sentence != head_sentence, finer, -cand.score)

    best = min(places, key=rank)
    return _headline_detail(doc, cluster, best) or best


def _headline_detail(doc: Doc, cluster: Cluster, best: Mention) -> Mention | None:
    """The headline's place when the body names only the country around it ("غارات على بيروت" / "على لبنان")."""
    outer = best.value.best
    if best.start < doc.title_end or outer.kind != "country":
        return None
    titled = {doc.clause_of(t.start) for t in cluster.triggers if t.value.in_title}
    inner = [p for p in doc.of("place") if doc.clause_of(p.start) in titled and p.value.best
             and p.value.best.kind != "country" and p.value.best.country == outer.country]
    return inner[0] if len(inner) == 1 else None


class Assemble:
    """Pipeline component: the events of the document (``doc.events``)."""

    name = "assemble"
    requires: tuple[str, ...] = ("triggers", "actors", "dates", "casualties", "scopes", "victims", "places")
    sets: tuple[str, ...] = ("events",)

    def __call__(self, doc: Doc) -> Doc:
        title_is_question = doc.title_end and doc.ntext[: doc.title_end].rstrip().endswith(("?", "؟"))
        triggers = [_promoted(doc, t) for t in doc.of("trigger") if t.value.modal is None and _supported(doc, t)
                    and not (t.value.in_title and title_is_question) and not _tells_a_total(doc, t)]
        clusters = _cluster(doc, _implied_triggers(doc, triggers))
        _attach_casualties(doc, clusters)
        doc_country = self._doc_country(doc)
        earlier: dict[str, Mention] = {}
        pairs = [(c, part) for c in clusters for ev in [self._event(doc, c, doc_country, earlier)] if ev is not None
                 for part in split_by_site(doc, c, ev)]
        _continue_narrative(doc, pairs)
        events = [ev for _, ev in pairs]
        doc.events = self._dedupe([e for e in events if e is not None and not _stale(doc, e) and _placed(e)])
        heads = {id(ev): c.head for c, ev in pairs}
        for ev in doc.events:  # each record's anchor in the text: its head trigger (read by the judge)
            head = heads[id(ev)]
            doc.add(Mention("event", head.start, head.end, ev, head.sentence))
        attach_victims(doc)
        for ev in doc.events:
            _count_named_dead(ev)
        return doc

    @staticmethod
    def _doc_country(doc: Doc) -> Candidate | None:
        counts: dict[str, int] = {}
        for p in doc.of("place"):
            if p.value.best and p.value.best.country:
                counts[p.value.best.country] = counts.get(p.value.best.country, 0) + 1
        if not counts:
            return None
        best = max(counts, key=lambda k: counts[k])
        return next(p.value.best for p in doc.of("place") if p.value.best.country == best)

    def _event(self, doc: Doc, cluster: Cluster, doc_country: Candidate | None, earlier: dict[str, Mention]) -> Event | None:
        place = _place(doc, cluster)
        cand = place.value.best if place else None
        country_cand = cand or doc_country
        fat, fat_known, fat_ev, fat_vague = pick_toll(cluster.casualties, "killed")
        inj, inj_known, inj_ev, inj_vague = pick_toll(cluster.casualties, "injured")
        if not fat_ev:
            fat, fat_known = 0, True
        ev = Event(doc_id=doc.doc_id, source=doc.source, source_title=doc.title)
        ev.fatalities, ev.fatalities_known = fat, fat_known
        ev.injuries, ev.injuries_known = inj, inj_known
        if fat_vague:
            ev.vague["fatalities"] = doc.evidence(fat_ev[0].start, fat_ev[0].end).text
        if inj_vague:
            ev.vague["injuries"] = doc.evidence(inj_ev[0].start, inj_ev[0].end).text
        roles = [c.value.role for c in cluster.casualties if c.value.role]
        roles += [m.value for m in doc.of("role") if m.sentence == cluster.head.sentence]
        actors = assign_actors(doc, cluster, earlier)
        if actors.actor1 is not None:
            earlier[cluster.event_type] = actors.actor1
        ev.event_type, ev.sub_event_type = resolve_type(doc, cluster, actors, roles)
        actors.apply(ev, country_cand, roles)
        if place is not None:
            set_place(doc, ev, place)
        elif doc_country:
            ev.country, ev.iso = doc_country.country, doc_country.iso
        self._date(doc, cluster, ev)
        ev.disorder_type = _DISORDER[ev.event_type]
        ev.evidence["event_type"] = [t.span(doc) for t in sorted(cluster.triggers, key=lambda m: m.start)]
        if fat_ev:
            ev.evidence["fatalities"] = [m.span(doc) for m in fat_ev]
        if inj_ev:
            ev.evidence["injuries"] = [m.span(doc) for m in inj_ev]
        ev.tags = list(dict.fromkeys(doc.tags + [t for t in (ev.actor1, ev.actor2, ev.location) if t]))
        ev.confidence = self._confidence(cluster, ev)
        ev.notes = english_notes(ev)
        return ev

    @staticmethod
    def _date(doc: Doc, cluster: Cluster, ev: Event) -> None:
        if cluster.date is not None:
            expr = cluster.date.value
            ev.event_date, ev.time_precision = expr.value.isoformat(), min(expr.precision, 3)
            ev.evidence["event_date"] = [cluster.date.span(doc)]
        elif doc.published:
            ev.event_date, ev.time_precision = doc.published.isoformat(), 2

    @staticmethod
    def _confidence(cluster: Cluster, ev: Event) -> float:
        score = 0.55 if cluster.head.value.strength in ("strong", "territory") else 0.4
        score += 0.1 * sum(bool(x) for x in (ev.actor1, ev.location, "event_date" in ev.evidence))
        score += 0.05 * (len(cluster.triggers) > 1)
        return round(min(score, 0.95), 2)

    @staticmethod
    def _dedupe(events: list[Event]) -> list[Event]:
        """Reports of one event inside one article become one record.

        Long articles retell the lead event ("ارتفعت حصيلة القصف…") in later
        paragraphs with other words: same day, same type, same place (or no
        place), no conflicting attacker is the same event. The larger toll wins,
        as later paragraphs update earlier ones.
        """
        out: list[Event] = []
        for ev in events:
            kept = next((k for k in out if _same_event(k, ev)), None)
            if kept is None and _elaboration(ev):  # "وقد أصيبا برصاص في الصدر": how, not what
                kept = next((k for k in reversed(out) if k.event_type in _VIOLENT), None)
            if kept is None:
                out.append(ev)
                continue
            for name, spans in ev.evidence.items():
                kept.evidence.setdefault(name, []).extend(s for s in spans if s not in kept.evidence[name])
            if (ev.fatalities or 0) > (kept.fatalities or 0):
                kept.fatalities, kept.fatalities_known = ev.fatalities, ev.fatalities_known
            if (ev.injuries or 0) > (kept.injuries or 0):
                kept.injuries, kept.injuries_known = ev.injuries, ev.injuries_known
            if kept.sub_event_type != ev.sub_event_type and ev.sub_event_type == "Air/drone strike":
                kept.sub_event_type = ev.sub_event_type
            for name in ("actor1", "inter1", "actor2", "inter2", "interaction", "civilian_targeting"):
                if getattr(kept, name) is None and not (name in ("actor1", "actor2") and getattr(ev, name) in (
                        kept.actor1, kept.actor2)):  # a retelling never makes a side its own opponent
                    setattr(kept, name, getattr(ev, name))
            if kept.location is None and ev.location is not None:
                for name in _PLACE_FIELDS:
                    setattr(kept, name, getattr(ev, name))
        return out


_PLACE_FIELDS = ("country", "iso", "admin1", "admin2", "admin3", "location", "location_ar", "latitude", "longitude", "geo_precision")


def _elaboration(ev: Event) -> bool:
    """A violent event with no place, no actor and no date of its own only details the one before."""
    return ev.event_type in _VIOLENT and ev.location is None and ev.actor1 is None and "event_date" not in ev.evidence


def _count_named_dead(ev: Event) -> None:
    """A toll is at least the people named as killed ("استشهد الشاب أحمد … والطفلة زينة …")."""
    named = sum(v.status == "killed" for v in ev.victims)
    if named and (ev.fatalities is None or ev.fatalities < named):
        ev.fatalities, ev.fatalities_known = named, True
        ev.evidence.setdefault("fatalities", []).extend(
            span for v in ev.victims if v.status == "killed" for span in v.evidence.get("name", []))
        ev.notes = english_notes(ev)


def _same_event(a: Event, b: Event) -> bool:
    if (a.event_type, a.event_date) != (b.event_type, b.event_date):
        return False
    if a.event_type == "Strategic developments" and a.sub_event_type != b.sub_event_type:
        return False  # an arrest campaign and the post set up during it are two records; a retold strike is one
    if a.location is not None and b.location is not None and a.location != b.location:
        return False
    if a.event_type == "Battles" and a.actor1 and b.actor1:  # "اشتبك الجنود مع المهاجمين": the same two sides, retold
        return {b.actor1, b.actor2} - {None} <= {a.actor1, a.actor2}
    return a.actor1 is None or b.actor1 is None or a.actor1 == b.actor1
