"""Assemble events: fill every field of each event from its clauses, then merge retellings.

The mention stages run first: :mod:`rasd.extract.candidates` (which triggers may head an
event), :mod:`rasd.extract.clusters` and :mod:`rasd.extract.headlines` (which mentions are
one event). Each field takes the mentions nearest its triggers and keeps them as evidence.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from rasd.doc import Doc, Mention
from rasd.extract.candidates import event_triggers
from rasd.extract.clusters import VIOLENT, Cluster, group_triggers
from rasd.extract.dating import same_day_roundup, set_date, stale
from rasd.extract.headlines import fold_title
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

# "شمال شرقي حلب" orients the reader from a bigger place; "ريف مدينة منبج" names the place itself
_DIRECTIONS = {"west", "east", "north", "south", "north-east", "north-west", "south-east", "south-west"}


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
        same_day_roundup(doc, cluster, ev, last)
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


def _placed(ev: Event) -> bool:
    """ACLED codes nothing without a place: an event with no place and no victims is a statement, not a record."""
    return ev.location is not None or bool(ev.fatalities) or ev.fatalities_known is False


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
        lead = next((c for c in clusters if c.event_type in VIOLENT and any(not t.value.in_title for t in c.triggers)), None)
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
                      and c.head.value.event_type in VIOLENT]
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
        clusters = fold_title(group_triggers(doc, event_triggers(doc)))
        _attach_casualties(doc, clusters)
        doc_country = self._doc_country(doc)
        earlier: dict[str, Mention] = {}
        pairs = [(c, part) for c in clusters for ev in [self._event(doc, c, doc_country, earlier)] if ev is not None
                 for part in split_by_site(doc, c, ev)]
        _continue_narrative(doc, pairs)
        events = [ev for _, ev in pairs]
        doc.events = self._dedupe([e for e in events if e is not None and not stale(doc, e) and _placed(e)])
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
        set_date(doc, cluster, ev)
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
                kept = next((k for k in reversed(out) if k.event_type in VIOLENT), None)
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
    return ev.event_type in VIOLENT and ev.location is None and ev.actor1 is None and "event_date" not in ev.evidence


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