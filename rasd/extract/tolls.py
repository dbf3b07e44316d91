"""Counts: which casualty figures belong to which event, and the event's killed and injured.

Needs the ``casualties`` layer with its ``scopes`` and the clusters of
:mod:`rasd.extract.clusters`. :func:`attach_casualties` gives each figure that is not a
period total to the event it belongs to (its sentence's nearest trigger; a headline's
figure to the headline or lead event, yielding to the body's own). :class:`Tolls` applies
the event model's counting rule (:func:`rasd.extract.scope.pick_toll`) to one event's
figures and writes counts, vague words and evidence; :func:`count_named_dead` raises a
toll to the number of people the text names as killed (``Event.victims``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from rasd.doc import Doc, Mention
from rasd.extract.casualties import CONTRAST
from rasd.extract.clusters import VIOLENT, Cluster, contrasts_between, elsewhere
from rasd.extract.martyrs import counts_martyrs, martyr_figures
from rasd.extract.notes import english_notes
from rasd.extract.scope import pick_toll, rise_span
from rasd.model import Event

__all__ = ["Tolls", "attach_casualties", "cite_toll", "count_named_dead"]

# acts that take people or property, not lives: a killed figure beside them is another act's toll ("61 شهيدا بالقطاع"
# beside "عمليات الهدم … لمنطقة جباليا")
_TAKES_NO_LIVES = frozenset({"Abduction/forced disappearance", "Arrests", "Looting/property destruction"})


@dataclass(frozen=True, slots=True)
class Tolls:
    """The killed and injured figures picked for one event: (count, known, evidence, vague) each."""

    killed: tuple[int | None, bool, list[Mention], bool]
    injured: tuple[int | None, bool, list[Mention], bool]

    @classmethod
    def of(cls, doc: Doc, cluster: Cluster, *, martyrs: bool = True) -> Tolls:
        """The counting rule over the cluster's figures; no killed figure at all is a known 0.

        An abduction, an arrest or a demolition kills no one by itself: its killed figures are those of its own clauses
        ("خطف 36 مدنيا خلال الهجوم الذي شنه الأربعاء، والذي أوقع أكثر من 250 قتيلا": the 250 are the attack's),
        and not past another act told after its word there ("خلال الهجوم الذي شنه قبل خمسة أيام وأوقع 250 قتيلا",
        "اعتقال قريبين للفلسطيني الذي نفذ عملية دهس قتل فيها جنديان"); a raid's own dead are its toll
        ("المداهمة … في العملية التي راح ضحيتها عنصر").

        ``martyrs=False`` leaves out the figures of martyrs and their wounded (:mod:`rasd.extract.martyrs`).
        """
        figures = _own_places(doc, cluster.casualties)
        mourned = [] if martyrs else martyr_figures(doc, figures)
        killed = hurt = [m for m in figures if m not in mourned]
        if cluster.head.value.sub_event_type in _TAKES_NO_LIVES:
            own = {doc.clause_of(t.start): t.end for t in cluster.triggers if t.value.sub_event_type in _TAKES_NO_LIVES}
            acts = [t.start for t in doc.of("trigger") if t.value.event_type in VIOLENT and not t.value.modal]
            killed = [m for m in killed if doc.clause_of(m.start) in own
                      and not any(own[doc.clause_of(m.start)] <= a < m.start for a in acts)]
        fat, fat_known, fat_ev, fat_vague = pick_toll(killed, "killed")
        if not fat_ev:
            fat, fat_known = 0, True
        return cls((fat, fat_known, fat_ev, fat_vague), pick_toll(hurt, "injured"))

    def counts_martyrs(self, doc: Doc) -> bool:
        """The killed figure counts martyrs or a massacre ("29 شهيدا", "مجزرة"): the news's own side's dead."""
        return counts_martyrs(doc, self.killed[2])

    def write(self, doc: Doc, ev: Event) -> None:
        """Counts and known flags; a vague figure's words ("عشرات") in ``ev.vague``."""
        for name, (count, known, evidence, vague) in (("fatalities", self.killed), ("injuries", self.injured)):
            setattr(ev, name, count)
            setattr(ev, f"{name}_known", known)
            if vague:
                ev.vague[name] = doc.evidence(evidence[0].start, evidence[0].end).text

    def cite(self, doc: Doc, ev: Event) -> None:
        """The figures' spans as the evidence of ``fatalities`` and ``injuries``; a rise's words as ``FIELD_update``."""
        for name, (_, _, evidence, _) in (("fatalities", self.killed), ("injuries", self.injured)):
            cite_toll(doc, ev, name, evidence)


_CENTRE = re.compile(r"وسط(?!\w)")
_LIST_GAP = re.compile(r"[\s،,]*(?:و|وفي|و في)\s*")  # "في قطاع غزة ولبنان"; not "عفرين شمالي سوريا"


def _own_places(doc: Doc, figures: list[Mention]) -> list[Mention]:
    """The figures less those counted over a list of places in different countries or governorates ("لترتفع حصيلة
    اليوم إلى 3 قتلى و20 مصابا في قطاع غزة ولبنان": both fronts' day), when the event has a figure of its own
    of that kind ("مقتل نائب قائد كتيبة وجندي … بجنوب لبنان")."""
    def several(m: Mention) -> bool:
        end = doc.clauses[doc.clause_of(m.start)][1]
        places = [p for p in doc.of("place") if m.end <= p.start < end and p.value.best is not None]
        # the list closes the clause: not "عشرات الشهداء بالقطاع وإسرائيل تهاجم …", "بين قطاع غزة وإسرائيل شرق …"
        return any(_listed(doc.ntext, a, b) and not doc.ntext[b.end : end].strip(" .،,:؛\n\"'»)")
                   and (a.value.best.country, a.value.best.admin1) != (b.value.best.country, b.value.best.admin1)
                   for a, b in zip(places, places[1:]))

    wide = {id(m) for m in figures if several(m)}
    own_kinds = {m.value.kind for m in figures if id(m) not in wide}
    return [m for m in figures if id(m) not in wide or m.value.kind not in own_kinds]


def _listed(text: str, a: Mention, b: Mention) -> bool:
    """Places ``a`` and ``b`` joined by "و" (the mention may hold it: "ولبنان"; not "وسط اليمن", the centre)."""
    gap = text[a.end : b.start]
    joined = text.startswith("و", b.start) and not _CENTRE.match(text, b.start)
    return bool(_LIST_GAP.fullmatch(gap) or (not gap.strip(" ،,") and joined))


def cite_toll(doc: Doc, ev: Event, name: str, evidence: list[Mention]) -> None:
    """``evidence`` (the picked figures) as ``ev``'s evidence of ``name``, and ``NAME_update`` when it is told as a rise.

    The rise's evidence is what the count rule (:mod:`rasd.counting`) reads when
    retellings, or reports in other articles, give the event other figures.
    """
    ev.evidence.pop(name, None)
    ev.evidence.pop(f"{name}_update", None)
    if evidence:
        ev.evidence[name] = [m.span(doc) for m in evidence]
        rise = rise_span(doc, evidence[0])
        if rise is not None:
            ev.evidence[f"{name}_update"] = [rise]


def attach_casualties(doc: Doc, clusters: list[Cluster]) -> None:
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
        owners = [c for c in clusters if any(t.value.in_title and doc.clause_of(t.start) == clause for t in c.triggers)]
        # "شهيد بنابلس واعتقالات": the dead are the killing's, not the arrests' beside it in the headline (nor an
        # interception's: "اعتراض صاروخ أطلق من اليمن وأكثر من 120 شهيدا في يوم")
        hurt = cas.value.kind in ("killed", "injured")
        fits = [c for c in owners if not (hurt and c.head.value.sub_event_type == "Arrests")]
        own = next((c for c in fits if (c.head.value.sub_event_type == "Arrests") != hurt), fits[0] if fits else None)
        headline = own or lead  # a headline's toll is its own headline event's, else the lead event's
        if cas.start < doc.title_end and hurt and headline is not None and any(
                t.value.sub_event_type == "Disrupted weapons use" for t in headline.triggers):
            continue
        if cas.start < doc.title_end and headline is not None:
            best = headline
            borrowed.append((headline, cas))
        elif same:
            # nearest, but not past a clause set against the figure's ("ارتفعت حصيلة المجزرة … إلى 15 قتيلا، في حين تحتدم
            # الاشتباكات": the massacre's)
            best = min(same, key=lambda c: (clause not in c.clauses, _across_contrast(doc, c, cas),
                                            min(abs(t.start - cas.start) for t in c.triggers if t.sentence == cas.sentence)))
            if clause not in best.clauses and CONTRAST.match(doc.ntext, *doc.clauses[clause]) and elsewhere(doc, clause, best):
                continue  # "استشهد طفل في اليامون، بينما أصيب فلسطيني شمال القدس": another place's toll
            if _other_acts(doc, best, clause):
                continue  # "تحتدم المعارك في رفح، في حين استشهد 30 في قصف على القطاع": the bombardment's toll
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


def _across_contrast(doc: Doc, cluster: Cluster, cas: Mention) -> bool:
    """Every word of ``cluster`` in the figure's sentence lies past a contrast ("في حين", "بينما") from the figure."""
    clause = doc.clause_of(cas.start)
    return all(contrasts_between(doc, clause, doc.clause_of(t.start)) for t in cluster.triggers if t.sentence == cas.sentence)


_NOT_AN_ACT = frozenset({"kill", "weak"})  # "استشهد", "مقتل" tell the toll, not another act


def _other_acts(doc: Doc, cluster: Cluster, clause: int) -> bool:
    """The figure's clause lies past a contrast ("في حين", "بينما") from the event's words in its sentence, and that
    side of the sentence tells a violent act of another type (a bombardment beside a battle) and none of the event's."""
    sentence = doc.sentence_of(doc.clauses[clause][0])
    kind = cluster.head.value.event_type
    words = [doc.clause_of(t.start) for t in cluster.triggers if t.sentence == sentence and t.value.event_type == kind]
    if not words or clause in words:
        return False
    near = min(words, key=lambda k: abs(k - clause))
    cuts = contrasts_between(doc, near, clause)
    if not cuts:
        return False
    side = range(cuts[-1], clause + 1) if clause > near else range(clause, cuts[0])
    acts = [t for t in doc.of("trigger") if doc.clause_of(t.start) in side and t.value.strength not in _NOT_AN_ACT
            and not t.value.modal and t.value.event_type in VIOLENT]
    return bool(acts) and not any(t.value.event_type == kind for t in acts)


def count_named_dead(ev: Event) -> None:
    """A toll is at least the people named as killed ("استشهد الشاب أحمد … والطفلة زينة …")."""
    named = sum(v.status == "killed" for v in ev.victims)
    if named and (ev.fatalities is None or ev.fatalities < named):
        ev.fatalities, ev.fatalities_known = named, True
        ev.evidence.pop("fatalities_update", None)  # the toll is now the people named, not a rise's figure
        ev.evidence.setdefault("fatalities", []).extend(
            span for v in ev.victims if v.status == "killed" for span in v.evidence.get("name", []))
        ev.notes = english_notes(ev)
