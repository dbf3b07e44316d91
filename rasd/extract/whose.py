"""Whose place is it: the event's own, or that of another act, a speaker or a launch site named beside it.

A sentence often tells several acts, and each names its own place: "3 شهداء في طوباس واعتقالات
قرب الخليل" (Tubas is the killing's, Hebron the arrests'), "استشهد شاب على حاجز قلنديا، في حين
اعتقل الاحتلال 12 فلسطينيا" (Qalandiya is not where the arrests were). :func:`elsewhere` says that a
place named with an event's mentions belongs to something else:

- **another act**: the nearest act word before the place in its clause (a trigger, or a toll: "3 شهداء")
  is another event's — a trigger of another type that is not the event's, or a toll of an event
  that kills no one — unless that act is the frame or the means of the event's own, named after
  one of its words ("اعتقل شابين خلال مواجهات في X", "قتل بقصف على X");
- **another clause's act** (a place outside the event's own clauses): the clause tells an act of another
  type and none of the event's, or one that is not the event's past a clause set against the event's
  ("في حين", "بينما", :func:`rasd.extract.clusters.contrasts_between`);
- **an act told for its time**: "… في معارك وسط القطاع، بعد ساعات من إعلان الفصائل أنها أوقعت جنودا في حي
  الزيتون" (none of the event's words between);
- **a speaker**: "وفي الرياض، أدانت المملكة …" names where a reaction is voiced, not the act it reacts to;
- **the origin**: "مسيرة أطلقت من اليمن" (:func:`rasd.extract.projectiles.origin`);
- **a headline's label**: "غزة: الفلسطينيون يواصلون احتجاجاتهم" files the story under a place; the event's is
  the one the text names for it ("شمال قطاع غزة"), the label only when there is none;
- **a person's or a reporter's** (:func:`of_a_person`): where someone was born or comes from ("من مواليد مخيم
  الشاطئ", "المنحدر من جنين"), where a correspondent files from ("مراسل الجزيرة في رام الله") and a city abroad
  a statement is voiced in ("قال وزير الخارجية في لندن إن غارة على غزة …", "وفي باريس، قالت الوزارة") are never
  an event's place, not even for want of another.
"""

from __future__ import annotations

import re
from functools import cache
from typing import TYPE_CHECKING

from rasd.doc import Doc, Mention
from rasd.extract.clusters import GENERIC, VIOLENT, contrasts_between
from rasd.extract.projectiles import origin
from rasd.geo.model import COUNTRIES
from rasd.geo.store import load_countries

if TYPE_CHECKING:
    from rasd.extract.clusters import Cluster

__all__ = ["elsewhere", "of_a_person", "voiced_abroad"]

# the act word is the frame or the means of the one before it: "خلال مواجهات", "بقصف", "جراء انفجار"
_FRAME = re.compile(r"(?:(?<!\w)(?:خلال|اثناء|في|جراء|اثر|عقب|نتيجه|بسبب|وسط)\s+(?:ال)?|(?<!\w)[وف]?ب(?:ال)?)$")
# a reaction voiced in the place before it: "وفي الرياض، أدانت المملكة", "وفي عمان، أعرب الملك عن"
_REACTION = re.compile(r"\W*(?:و|ف)?(?:ادان|ادانت|استنكر|استنكرت|ندد|نددت|اعرب|اعربت|عبر|عبرت|رحب|رحبت|دعا|دعت"
                       r"|طالب|طالبت|حذر|حذرت|شجب|شجبت)(?!\w)")
# "بعد ساعات من إعلان الفصائل أنها أوقعت جنودا في حي الزيتون": another act, told to date this one
_TIME_REFERENCE = re.compile(r"(?<!\w)(?:بعد|قبل)\s+(?:\S+\s+)?(?:ساعه|ساعات|ساعتين|يوم|يومين|ايام|اسبوع|اسبوعين|اسابيع"
                             r"|شهر|شهرين|اشهر|دقايق)\s+(?:\S+\s+)?(?:من|علي)(?!\w)")
_OPENS = re.compile(r"\W*(?:و|ف)?(?:في|من)\s+")  # "وفي الرياض،"
# "من مواليد مخيم الشاطئ", "المولود في جنين", "المنحدر من بلدة X"; "مراسل الجزيرة في رام الله", "مراسلنا في غزة"
_PERSON_S = re.compile(r"(?<!\w)(?:(?:من\s+)?مواليد|(?:ال)?مولود(?:ه)?\s+في|ولد\s+في|ولدت\s+في|(?:ال)?منحدر(?:ه)?\s+من|ينحدر\s+من"
                       r"|تنحدر\s+من|(?:ال)?مراسل\S*\s+(?:\S+\s+){0,2}?في|مكتب\s+(?:\S+\s+){0,2}?في)\s+(?:\S+\s+)?$")
_PERSON_REACH = 60  # characters before the place
# a statement voiced in a city abroad: "قال وزير الخارجية في لندن إن", "أعلنت الوزارة في باريس أن", "وفي لندن، قال"
_SAYS = (r"قال|قالت|يقول|تقول|اعلن|اعلنت|يعلن|تعلن|صرح|صرحت|اكد|اكدت|يوكد|توكد|اضاف|اضافت|اوضح|اوضحت|ذكر|ذكرت"
         r"|افاد|افادت|كشف|كشفت|اشار|اشارت|نقل|نقلت|تحدث|تحدثت|اعتبر|اعتبرت|اتهم|اتهمت|نفي|نفت")
_VOICED_BEFORE = re.compile(r"(?<!\w)[وف]?(?:" + _SAYS + r")\s+(?:(?!ان\s|ان$)\S+\s+){0,6}?(?:في\s+|ب(?=\S*$))$")
_VOICED_AFTER = re.compile(r"\s*(?:[،,]?\s*(?:\S+\s+){0,3}?(?:ان|انه|انها|انهم)(?!\w)|:|\s*[\"«])")
_OPENS_VOICED = re.compile(r"\s*[،,]\s*[وف]?(?:" + _SAYS + r")(?!\w)")
_VOICED_REACH = 70
_POLICE = re.compile(r"(?<!\w)(?:ال)?شرطه(?!\w)")


@cache
def _region() -> frozenset[str]:
    """Names of the countries of the region Rasd codes (read once, on first use, not at import)."""
    return frozenset(c.name for c in load_countries().values() if c.iso2 in COUNTRIES)


def elsewhere(doc: Doc, cluster: Cluster, p: Mention) -> bool:
    """``p`` is the place of another act, of a speaker or of a launch, not of ``cluster``'s event."""
    if origin(doc, p) or _label(doc, p) or of_a_person(doc, p):  # "مسيرة أطلقت من اليمن على مطار رامون": whence
        return True
    owner = _owner(doc, p)
    if owner is not None and not _ours(doc, cluster, owner, p):
        return True
    if _told_for_its_time(doc, cluster, p):
        return True
    c = doc.clause_of(p.start)
    if c in cluster.clauses or any(t is owner for t in cluster.triggers):
        return False
    return _other_act(doc, cluster, c) or _speaker(doc, p)


def of_a_person(doc: Doc, p: Mention) -> bool:
    """``p`` is where someone was born or comes from, or where a correspondent files from ("أفاد مراسل الجزيرة
    باندلاع اشتباكات في مخيم طولكرم" tells an act between: the camp is its place)."""
    m = _PERSON_S.search(doc.ntext, max(0, p.start - _PERSON_REACH), p.start)
    return (m is not None and not any(m.start() <= t.start < p.start for t in doc.of("trigger"))) or voiced_abroad(doc, p)


def voiced_abroad(doc: Doc, p: Mention) -> bool:
    """``p`` is a city or country abroad a statement is voiced in: after a verb of saying and before what is said
    ("قال وزير الخارجية في لندن إن …"), or opening its sentence before one ("وفي باريس، قالت الوزارة …"); no act
    word between the verb and the place ("قال المحتجون الذين تظاهروا في لندن إن …" keeps London)."""
    best = p.value.best
    if best is None or best.country in _region():
        return False
    text = doc.ntext
    start = max(doc.sentences[p.sentence][0] if p.sentence >= 0 else 0, p.start - _VOICED_REACH)
    head = text[p.start : p.start + 1]
    m = _VOICED_BEFORE.search(text, start, p.start + (head == "ب"))
    if (m is not None and _VOICED_AFTER.match(text, p.end) and not _POLICE.search(m.group())
            and not any(m.start() <= t.start < p.start for t in doc.of("trigger"))):
        return True  # the police of a city abroad speak of what they did there ("قالت الشرطة في لندن إنها اعتقلت")
    return bool(_OPENS.fullmatch(text, doc.clauses[doc.clause_of(p.start)][0], p.start) and _OPENS_VOICED.match(text, p.end))


def _acts(doc: Doc) -> list[Mention]:
    """The words that tell an act of their own: triggers and tolls. A weapon noun alone tells none, and a raid,
    a sweep or a siege ("اقتحمت القوات مخيم شعفاط، حيث أطلقت النار") is the frame of what happens in it."""
    return [*(t for t in doc.of("trigger") if t.value.strength != "weak" and t.value.sub_event_type != "Other"),
            *(c for c in doc.of("casualty") if c.value.kind in ("killed", "injured"))]


def _owner(doc: Doc, p: Mention) -> Mention | None:
    """The act word nearest before ``p`` in its clause, if any."""
    start = doc.clauses[doc.clause_of(p.start)][0]
    before = [m for m in _acts(doc) if start <= m.start and m.end <= p.start]
    return max(before, key=lambda m: m.start, default=None)


def _ours(doc: Doc, cluster: Cluster, act: Mention, p: Mention) -> bool:
    """Whether the act word ``act`` (before place ``p``) tells ``cluster``'s event."""
    if any(t is act for t in cluster.triggers):
        return True
    if act.label == "casualty":  # "3 شهداء في طوباس واعتقالات قرب الخليل": a toll, and the arrests' own place after it
        return cluster.event_type in VIOLENT or cluster.head.value.sub_event_type == "Other" or not _placed_after(doc, cluster, p)
    if _kin(cluster, act):
        return True
    # "اعتقل شابين خلال مواجهات في X", "قتل شاب بقصف على X": the act is the frame or the means of the event's own
    start = doc.clauses[doc.clause_of(p.start)][0]
    earlier = any(start <= t.start < act.start for t in cluster.triggers)
    return earlier and bool(_FRAME.search(doc.ntext, max(start, act.start - 12), act.start))


def _kin(cluster: Cluster, act: Mention) -> bool:
    """The trigger ``act`` may tell ``cluster``'s event: the same type, or violence where one of the two says only
    that people were hurt ("بدليل الغارة التي نفذها في مخيم جنين، وخلفت استشهاد 6": the killing tells no other act)."""
    kinds = (act.value.event_type, cluster.event_type)
    return kinds[0] == kinds[1] or (kinds[0] in VIOLENT and kinds[1] in VIOLENT
                                    and bool(GENERIC & {act.value.strength, cluster.head.value.strength}))


def _placed_after(doc: Doc, cluster: Cluster, p: Mention) -> bool:
    """One of the event's words follows ``p`` in its clause and names a place of its own after it."""
    c = doc.clause_of(p.start)
    after = [t.end for t in cluster.triggers if t.start >= p.end and doc.clause_of(t.start) == c]
    return any(q.start >= min(after) and doc.clause_of(q.start) == c for q in doc.of("place")) if after else False


def _other_act(doc: Doc, cluster: Cluster, c: int) -> bool:
    """Clause ``c`` tells an act of another type than the event's and none of the event's words, or it lies past a
    clause set against the event's own nearest clause ("، في حين …", "بينما"); a clause set against a place's
    before it when the event is told there, and the place's tells an act that is not the event's ("استشهد شاب على
    حاجز قلنديا، في حين اعتقل الاحتلال 12"; but "في حين قالت مصادر إن الشهداء …" retells the act before it)."""
    s, e = doc.clauses[c]
    if any(s <= t.start < e for t in cluster.triggers):
        return False
    if any(s <= m.start < e and m.label == "trigger" and not _kin(cluster, m) for m in _acts(doc)):
        return True
    own = [k for k in cluster.clauses if doc.clauses[k][0] >= doc.title_end] or list(cluster.clauses)
    if not own:
        return False
    nearest = min(own, key=lambda k: abs(k - c))
    if not contrasts_between(doc, nearest, c):
        return False
    if c > nearest:
        return True
    told = [m for m in _acts(doc) if doc.clauses[c][0] <= m.start < doc.clauses[nearest][0]]
    return any(m.label == "trigger" or cluster.event_type not in VIOLENT for m in told)


def _speaker(doc: Doc, p: Mention) -> bool:
    """``p`` opens its sentence as the place a reaction is voiced in ("وفي الرياض، أدانت المملكة …")."""
    c = doc.clause_of(p.start)
    s, e = doc.clauses[c]
    if not _OPENS.fullmatch(doc.ntext, s, p.start) or doc.ntext[p.end : e].strip(" ،,") or c + 1 >= len(doc.clauses):
        return False
    return bool(_REACTION.match(doc.ntext, *doc.clauses[c + 1]))


def _told_for_its_time(doc: Doc, cluster: Cluster, p: Mention) -> bool:
    """``p`` follows "بعد ساعات من", "قبل يومين من" in its sentence with none of the event's words between."""
    start = doc.sentences[p.sentence][0] if p.sentence >= 0 else 0
    m = None
    for m in _TIME_REFERENCE.finditer(doc.ntext, start, p.start):
        pass
    return m is not None and not any(m.end() <= t.start < p.start for t in cluster.triggers)


def _label(doc: Doc, p: Mention) -> bool:
    """``p`` is the label a headline opens with ("اليمن: …", "غزة: …"), not a place of what it tells."""
    return p.end < doc.title_end and not doc.ntext[: p.start].strip() and doc.ntext[p.end : p.end + 2].strip()[:1] == ":"
