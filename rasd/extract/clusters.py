"""Which mentions are one event: group the candidate triggers of an article into clusters.

Needs the ``triggers``, ``actors``, ``dates``, ``casualties`` and ``places`` layers and the
candidate triggers of :func:`rasd.extract.candidates.event_triggers`. Gives a list of
:class:`Cluster` (triggers, sentences, clauses and the date of each event); headline words
are folded in afterwards by :func:`rasd.extract.headlines.fold_title` and casualty
mentions attached by :func:`rasd.extract.tolls.attach_casualties`.

An article about one strike mentions it three times (headline, lead, a quote):
those triggers become one event. In one sentence, words of the same kind are one
event and a generic word ("قتل", "قصف", "استهدف") joins the specific one; a clause of
cause ("إثر") or result ("ما أودى") joins the act it explains; a definite mention in
the next two sentences ("الغارة") with no date of its own refers back. A background
paragraph with its own date ("منتصف شباط الفائت") becomes its own event.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from operator import is_
from typing import TYPE_CHECKING

from rasd.doc import Doc, Mention
from rasd.extract.casualties import CONTRAST
from rasd.extract.dating import date_for
from rasd.extract.eventness import cause_at

if TYPE_CHECKING:
    from rasd.geo.model import Candidate

__all__ = ["AIRCRAFT", "GENERIC", "VIOLENT", "Cluster", "contrasts_between", "elsewhere", "group_triggers"]

#: The event types of physical violence: their words join across clauses and host vaguer ones.
VIOLENT = frozenset({"Battles", "Explosions/Remote violence", "Violence against civilians", "Riots"})
#: Trigger strengths that say something happened but not what ("قصف", "قتل", a weapon noun).
GENERIC = frozenset({"bombard", "kill", "weak"})
_TYPE_RANK = {"Explosions/Remote violence": 0, "Battles": 1, "Violence against civilians": 2, "Riots": 3,
              "Protests": 4, "Strategic developments": 5}
_RANK = {"strong": 0, "territory": -1, "bombard": 1, "kill": 2, "weak": 3}


@dataclass(slots=True)
class Cluster:
    """The triggers, sentences and casualty mentions of one event."""

    triggers: list[Mention]
    sentences: set[int]
    clauses: set[int]
    date: Mention | None = None
    casualties: list[Mention] = field(default_factory=list)
    # the head last ranked, with the triggers and casualties it was ranked from (see :attr:`head`)
    _ranked: tuple[tuple[Mention | None, ...], Mention] | None = field(default=None, init=False, repr=False, compare=False)

    @property
    def head(self) -> Mention:
        """The most specific trigger: strong before generic, violence before other developments, body before title.

        Asked often; ranked again only when the triggers or casualties are no longer the very ones it was ranked from.
        """
        if len(self.triggers) == 1:  # most clusters, asked often: nothing to rank
            return self.triggers[0]
        basis = (*self.triggers, None, *self.casualties)
        if self._ranked is not None and len(self._ranked[0]) == len(basis) and all(map(is_, self._ranked[0], basis)):
            return self._ranked[1]
        head = self._rank()
        self._ranked = (basis, head)
        return head

    def _rank(self) -> Mention:
        outcomes = {(c.start, c.end) for c in self.casualties if c.value.count is None and c.value.kind != "arrested"}
        acts = {m.sentence for m in self.triggers if (m.start, m.end) not in outcomes}

        def key(m: Mention) -> tuple[int, int, bool, bool, int]:
            weak_title = 2 if m.value.in_title and m.value.strength in GENERIC else 0  # a headline's generic verb
            disrupted = m.value.sub_event_type == "Disrupted weapons use"  # "فككت عبوة ناسفة": no explosion
            # "ارتكب مجزرة ... إثر إطلاق النار": the massacre word says people died, not how: its sentence's act beats it
            outcome = 4 * ((m.start, m.end) in outcomes and m.sentence in acts)
            # "اقتحمت … واعتقلت": a named sub-type before "Other" ("a raid") of the same type
            return (_RANK[m.value.strength] + weak_title + outcome - disrupted,
                    _TYPE_RANK[m.value.event_type] - 9 * disrupted, m.value.sub_event_type == "Other",
                    m.value.in_title, -(m.end - m.start))

        return min(self.triggers, key=key)

    @property
    def event_type(self) -> str:
        return self.head.value.event_type



def _compatible(doc: Doc, a: Mention, cluster: Cluster) -> bool:
    """Can trigger ``a`` join ``cluster`` of the same sentence?

    The same kind of event, or a generic word ("قتل", "قصف", "استهدف") beside a
    specific one, is one event; two specific kinds are two events unless they
    share a clause with a raid ("اقتحام … عملية"); two generic words in
    different clauses are two events.
    """
    t, h = a.value, cluster.head.value
    same_clause = doc.clause_of(a.start) in cluster.clauses
    if (not same_clause and _set_apart(doc, a, cluster)) or cause_at(doc, a.start) != cause_at(doc, cluster.head.start):
        return False  # "تظاهر المئات احتجاجا على مقتل شاب أمس": the protest and its cause are two events
    if "territory" in (t.strength, h.strength) and "Non-violent transfer of territory" in (t.sub_event_type, h.sub_event_type):
        return True  # "سيطرت الهيئة على سراقب بعد انسحاب قوات النظام": the withdrawal is part of the takeover
    if t.event_type == h.event_type and t.strength not in GENERIC and h.strength not in GENERIC:
        # "وجاءت الغارات بالتزامن مع قصف صاروخي": two acts at once, not one
        return t.sub_event_type == h.sub_event_type or not _alongside(doc, a, cluster)
    if {t.event_type, h.event_type} == {"Protests", "Riots"} and "Violent demonstration" in (t.sub_event_type, h.sub_event_type):
        # "تظاهر المئات في الديوانية، ورشق المتظاهرون مقر الحزب بالحجارة": the protest turned violent ("…، فيما رشق
        # شبان الحجارة عند الحاجز" tells another crowd)
        return not CONTRAST.match(doc.ntext, *doc.clauses[doc.clause_of(a.start)])
    if (t.strength in GENERIC) != (h.strength in GENERIC):
        territory = "territory" in (t.strength, h.strength)  # a town taken does not explain a killing beside it
        return same_clause or (t.event_type in VIOLENT and h.event_type in VIOLENT and not territory)
    if t.event_type == h.event_type and t.sub_event_type == h.sub_event_type:
        return True
    if t.event_type in VIOLENT and h.event_type in VIOLENT and (_causal_clause(doc, a) or _result_clause(doc, a)):
        return True  # "أصيب شاب بالرصاص، إثر هجوم نفذه مستوطنون", "قصفت …، ما أودى بحياة 17": cause and toll are the same event
    if "Other" in (t.sub_event_type, h.sub_event_type) and VIOLENT & {t.event_type, h.event_type} and (
            _causal_clause(doc, a) or _result_clause(doc, a)) and a.sentence in cluster.sentences:
        return True  # "اقتحمت القوات حرم المطار، بعد معارك مع الحوثيين": the storming is the battle
    if "Disrupted weapons use" in (t.sub_event_type, h.sub_event_type):
        return True  # "فككت …، اليوم، عبوة ناسفة": the device was defused, it did not explode
    if same_clause and t.event_type in VIOLENT and h.event_type in VIOLENT and (
            _instrument(doc, a) or _instrument(doc, cluster.head)):
        return True  # "اغتالت إسرائيل القيادي … بغارة على الضاحية": the strike is how the killing was done
    if same_clause and {t.event_type, h.event_type} == {"Protests", "Strategic developments"} and "Arrests" in (
            t.sub_event_type, h.sub_event_type):
        return True  # "اعتقلت الشرطة 5 أشخاص خلال احتجاج": the arrests are how the protest was met
    if same_clause and t.event_type in VIOLENT and h.event_type in VIOLENT and _killed_in(doc, a, cluster.head):
        return True  # "اغتيل القيادي … في غارة إسرائيلية": the strike he was killed in
    return same_clause and ("Other" in (t.sub_event_type, h.sub_event_type) or t.strength in GENERIC)


# "بعد ساعات من اغتيال شاب": another act of the same day (days apart, the earlier act is background and keeps no day)
_SOME_TIME_APART = re.compile(r"\W*(?:و)?(?:بعد|قبل)\s+(?:\S+\s+)?(?:ساعات|ساعه|ساعتين)\s+(?:من|علي)(?!\w)")


def _time_apart(doc: Doc, clauses: set[int]) -> bool:
    """One of ``clauses`` opens with "بعد ساعات من", "قبل ساعتين من": it tells an act some hours from the other."""
    return any(_SOME_TIME_APART.match(doc.ntext, *doc.clauses[c]) for c in clauses)


def _set_apart(doc: Doc, a: Mention, cluster: Cluster) -> bool:
    """``a``'s clause tells an act hours apart ("بعد ساعات من اغتيال شاب"), or is set against the one before
    ("…، فيما قتل جنديان في اشتباكات") and names a specific act
    of another kind than the event's, or a killing or bombardment with a side named ("في حين أعلنت المقاومة قنص جندي",
    "بينما قصفت قوات الاحتلال حي الزيتون"): another event. A
    bare toll there ("فيما أفادت مصادر بمقتل 5") still joins."""
    s, e = doc.clauses[doc.clause_of(a.start)]
    if _time_apart(doc, cluster.clauses | {doc.clause_of(a.start)}):
        return True  # "استشهد فلسطينيان بقصف …، بعد ساعات من اغتيال شاب": an act hours before, told beside it
    if not CONTRAST.match(doc.ntext, s, e):
        return False
    kind = cluster.head.value.event_type
    actor_named = any(s <= m.start < e for m in doc.of("actor"))  # "في حين أعلنت المقاومة قنص جندي": a killing by someone
    return any(s <= t.start < e and t.value.event_type != kind and (
        t.value.strength not in GENERIC or (t.value.strength in ("kill", "bombard") and actor_named)) for t in doc.of("trigger"))


_ALONGSIDE = re.compile(r"(?:بالتزامن|تزامنا|بالتوازي|بموازاه|في موازاه)\s+مع(?!\w)")


def _alongside(doc: Doc, a: Mention, cluster: Cluster) -> bool:
    """Between ``a`` and a trigger of its sentence in ``cluster``: "بالتزامن مع", "تزامنا مع" (another act at the time)."""
    return any(x.sentence == a.sentence and _ALONGSIDE.search(doc.ntext, min(x.end, a.end), max(x.start, a.start))
               for x in cluster.triggers)


def _instrument(doc: Doc, trig: Mention) -> bool:
    """The trigger is introduced by the instrumental "ب" ("بغارة", "بقصف مدفعي", "برصاص")."""
    text = doc.ntext
    return text.startswith("ب", trig.start) or (trig.start > 0 and text[trig.start - 1] == "ب"
                                                 and (trig.start < 2 or not text[trig.start - 2].isalpha()))


_ASSASSINATION = re.compile(r"\W*[وف]?(?:اغتيال|اغتيل|اغتال)")
_IN = re.compile(r"(?<!\w)في\s+$")


def _killed_in(doc: Doc, a: Mention, b: Mention) -> bool:
    """One trigger is an assassination and the other is introduced by "في": the act it was done in."""
    text = doc.ntext
    return any(_ASSASSINATION.match(text, x.start) and _IN.search(text, max(0, y.start - 4), y.start) for x, y in ((a, b), (b, a)))


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


def group_triggers(doc: Doc, triggers: list[Mention]) -> list[Cluster]:
    """The events of ``triggers`` (in text order): one cluster per event, each with its date if it has one."""
    clusters: list[Cluster] = []
    for trig in triggers:
        date_m = date_for(doc, trig)
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
            if near and date_m is None and _kind(doc, trig) == c.head.value.sub_event_type and not trig.value.in_title:
                if trig.value.definite or trig.value.strength in GENERIC:
                    target = c
                break
        if target is None:
            clusters.append(Cluster([trig], {trig.sentence}, {doc.clause_of(trig.start)}, date_m))
        else:
            target.triggers.append(trig)
            target.sentences.add(trig.sentence)
            target.clauses.add(doc.clause_of(trig.start))
            target.date = target.date or date_m
    return _absorb_generic(doc, clusters)


# aircraft as the subject of a generic verb: "استهدف طيران التحالف", "دمرت مقاتلات التحالف"
AIRCRAFT = re.compile(r"(?<!\w)(?:[وب]?ال)?(?:طيران|طايرات|مقاتلات)(?!\w)")


def _kind(doc: Doc, trig: Mention) -> str:
    """A trigger's sub-type as its clause shows it: a generic violent word beside aircraft is an air strike."""
    if trig.value.strength in GENERIC and trig.value.event_type in VIOLENT and AIRCRAFT.search(doc.ntext, *doc.clauses[doc.clause_of(trig.start)]):
        return "Air/drone strike"
    return trig.value.sub_event_type


def _absorb_generic(doc: Doc, clusters: list[Cluster]) -> list[Cluster]:
    """A sentence with "قتل" in one clause and "غارة" in another reports one event: generic joins specific.

    A bombardment word ("قصف") is specific enough to host a vaguer one ("استهداف", "قتل") of its sentence.
    """
    kept = list(clusters)
    for c in clusters:
        if c.head.value.strength not in GENERIC or c.event_type not in VIOLENT:
            continue
        host = next((k for k in kept if k is not c and k.sentences & c.sentences and k.event_type in VIOLENT
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
    if cause_at(doc, host.head.start) != cause_at(doc, guest.head.start):
        return False  # "عقب الضربة …، ردا على هجوم كيماوي في دوما": the act and what it answers are two events
    strength = host.head.value.strength
    contrast = any(CONTRAST.match(doc.ntext, *doc.clauses[min(c.clauses)]) for c in (host, guest))
    if contrast and host.event_type != guest.event_type:
        return False  # "صواريخ على حيفا، فيما قتل جنديان في اشتباكات": set against each other, two kinds, two events
    if _time_apart(doc, host.clauses | guest.clauses):
        return False  # "استشهد فلسطينيان بقصف …، بعد ساعات من اغتيال شاب": two acts hours apart
    if strength not in (*GENERIC, "territory"):
        return True
    if strength != "bombard" or guest.head.value.strength == "bombard":
        return False
    if contrast:
        return False  # "…، في حين أوقع القصف …": set against each other, two events
    here, there = _places_in(doc, host), _places_in(doc, guest)
    if here and there and not any(_within(a, b) or _within(b, a) for a in here for b in there):
        return False  # "…في طولكرم، وقصف الطيران وسط جنين": two places; "ريف حماة … بلدة اللطامنة" is one area
    # "كثف الجيش قصف …، وأكدت المقاومة استهداف قواته": another party acts in the guest's clause
    agents = _actors_in(doc, host)
    return not agents or _actors_in(doc, guest) <= agents



def _places_in(doc: Doc, cluster: Cluster) -> list[Candidate]:
    return [p.value.best for p in doc.of("place") if p.value.best and doc.clause_of(p.start) in cluster.clauses]


def contrasts_between(doc: Doc, a: int, b: int) -> list[int]:
    """The clauses set against the one before ("…، في حين …", "بينما") after the earlier of clauses ``a`` and ``b``,
    up to the later one."""
    lo, hi = sorted((a, b))
    return [k for k in range(lo + 1, hi + 1) if CONTRAST.match(doc.ntext, *doc.clauses[k])]


def elsewhere(doc: Doc, clause: int, cluster: Cluster) -> bool:
    """Clause ``clause`` names a place, and none of them lies in or holds a place of ``cluster``'s clauses."""
    there = [p.value.best for p in doc.of("place") if p.value.best and doc.clause_of(p.start) == clause]
    here = _places_in(doc, cluster)
    return bool(there) and bool(here) and not any(_within(a, b) or _within(b, a) for a in here for b in there)


def _within(inner: Candidate, outer: Candidate) -> bool:
    """The same place, or ``inner`` lies in ``outer``'s governorate or district."""
    return inner.name == outer.name or outer.name in (inner.admin1, inner.admin2)


def _actors_in(doc: Doc, cluster: Cluster) -> set[str]:
    """The armed actors named in the cluster's clauses."""
    return {a.value.actor.canonical for a in doc.of("actor") if doc.clause_of(a.start) in cluster.clauses
            and a.value.actor.kind != "civilians" and not a.value.affiliation}


def _same_date(a: Cluster, b: Cluster) -> bool:
    return a.date is None or b.date is None or a.date.value.value == b.date.value.value

