"""Mention → is it an event: the triggers that may head an event.

Needs the ``triggers`` (with the modality ``eventness`` settled), ``actors`` and
``casualties`` (with their ``scopes``) layers. :func:`event_triggers` keeps, in text
order, the triggers reported as having happened — not modal, not in a headline that asks
a question, not telling a period total, a weak word only with a party or a counted toll
in its clause (a riot word also with the protest of its sentence), not what an attack hit ("استهدف … تعزيزات"), not the act a
period runs from ("الأعنف منذ سيطرة قوات النظام عليها في نوفمبر") — promotes a weapon word with its owner's adjective ("مسيرات إسرائيلية")
to a strong one, and adds a killing trigger where a toll and an armed party are told
without any violent word ("استشهاد شاب برصاص قوات الاحتلال").
"""

from __future__ import annotations

import re

from rasd.doc import Doc, Mention
from rasd.extract.clusters import VIOLENT
from rasd.extract.triggers import Trigger, TriggerEntry

__all__ = ["event_triggers"]


def event_triggers(doc: Doc) -> list[Mention]:
    """The triggers of ``doc`` that can become events, implied killings included, in text order."""
    title_is_question = doc.title_end and doc.ntext[: doc.title_end].rstrip().endswith(("?", "؟"))
    triggers = [_promoted(doc, t) for t in doc.of("trigger") if t.value.modal is None and _supported(doc, t)
                and not (t.value.in_title and title_is_question) and not _tells_a_total(doc, t) and not _struck(doc, t)
                and not _SINCE.search(doc.ntext, max(0, t.start - 12), t.start)]
    return _implied_triggers(doc, triggers)


# "منذ سيطرة …", "منذ أن بدأ الهجوم": an act named as the start of a period is when, not what, the report tells
_SINCE = re.compile(r"(?<!\w)[وف]?منذ\s+(?:ان\s+)?$")


def _supported(doc: Doc, trig: Mention) -> bool:
    """A weak trigger counts only with a counted casualty or an acting party in its clause; a killing needs victims."""
    if trig.value.sub_event_type == "Arrests" and _seized_things(doc, trig):
        return False  # "احتجز جثث ستة مسلحين": bodies and weapons are seized, nobody is arrested
    if trig.value.strength in ("strong", "territory", "bombard"):
        return True
    if trig.value.sub_event_type == "Violent demonstration" and any(  # "تظاهر محتجون، وأحرقوا الإطارات": the crowd did it
            t.value.event_type == "Protests" and t.sentence == trig.sentence for t in doc.of("trigger")):
        return True
    if trig.value.event_type == "Battles" and _crowd(doc, trig.sentence):
        return False  # "اندلعت مواجهات بين المتظاهرين وقوات الأمن": a crowd's clash is a protest's, not a battle
    clause = doc.clause_of(trig.start)
    casualties = [c for c in doc.of("casualty") if doc.clause_of(c.start) == clause and not c.value.cumulative]
    if trig.value.strength == "kill":  # a killing needs its (new) dead or its victims in the sentence
        return any(c.sentence == trig.sentence and not c.value.cumulative and not _definite(doc.ntext, c.start)
                   for c in doc.of("casualty")) or any(r.sentence == trig.sentence for r in doc.of("role"))
    parties = [a for a in doc.of("actor") if doc.clause_of(a.start) == clause]
    actors = [a for a in parties if a.value.actor.kind != "civilians"]
    if _CLASH.match(doc.ntext, trig.start):  # "مواجهات": a battle when its sentence names two armed sides, not youths and soldiers
        sides = {a.value.actor.canonical for a in doc.of("actor") if a.sentence == trig.sentence
                 and a.value.actor.kind not in ("civilians", *_CROWDS)}
        return len(sides) >= 2 and len(actors) == len(parties)
    return bool(actors) or any(c.value.count for c in casualties)


_CROWDS = ("protesters", "rioters")
_CLASH = re.compile(r"(?:ال)?مواجه")


def _crowd(doc: Doc, sentence: int) -> bool:
    """The sentence tells of a crowd: a protest word, or protesters or rioters among its parties."""
    return any(t.sentence == sentence and t.value.event_type in ("Protests", "Riots") for t in doc.of("trigger")) or any(
        a.sentence == sentence and a.value.actor.kind in _CROWDS for a in doc.of("actor"))


_STRUCK_REACH = 40  # characters from an attack word to what it hit
_MOVEMENTS = "تعزيزات"  # troop movements, which an attack may hit


def _struck(doc: Doc, trig: Mention) -> bool:
    """"استهدف طيران التحالف تعزيزات": reinforcements an attack hit are its target, not a development of their own."""
    if _MOVEMENTS not in doc.ntext[trig.start : trig.end]:
        return False
    clause = doc.clause_of(trig.start)
    return any(v.value.event_type in VIOLENT and 0 <= trig.start - v.end <= _STRUCK_REACH and doc.clause_of(v.start) == clause
               for v in doc.of("trigger"))


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
    """A weak weapon word with its owner's adjective ("مسيرات إسرائيلية") is as specific as a strong one; a generic
    attack word with it ("استهداف إسرائيلي", "هجوم إسرائيلي") says who, not how, and stays generic."""
    t = trig.value
    if t.strength != "weak" or t.event_type == "Battles":
        return trig
    if not any(a.value.adjective and 0 <= a.start - trig.end <= 2 for a in doc.of("actor")):
        return trig
    entry = TriggerEntry(t.event_type, t.sub_event_type, "strong")
    return Mention("trigger", trig.start, trig.end, Trigger(entry, t.definite, t.in_title, t.modal), trig.sentence)


_THINGS = frozenset("جثث جثه جثامين جثمان اسلحه بنادق ذخيره ذخاير اليات سيارات شحنه معدات وثايق".split())


def _seized_things(doc: Doc, trig: Mention) -> bool:
    following = doc.ntext[trig.end : trig.end + 30].split()
    return bool(following) and following[0] in _THINGS


def _implied_triggers(doc: Doc, triggers: list[Mention]) -> list[Mention]:
    """A killing reported with no weapon word ("استشهاد شاب ... قوات الاحتلال") is still an event."""
    # a sentence is covered by a violent trigger; taking a town does not explain civilian deaths beside it
    covered = {t.sentence for t in triggers if t.value.event_type in VIOLENT and t.value.strength != "territory"}
    entry = TriggerEntry("Violence against civilians", "Attack", "kill")
    out = []
    for cas in doc.of("casualty"):
        if cas.value.kind != "killed" or cas.value.cumulative or cas.value.count is None or cas.sentence in covered:
            continue
        if _in_a_grave(doc, cas):
            continue
        agents = [a for a in doc.of("actor") if a.sentence == cas.sentence and a.value.actor.kind not in ("civilians", "organisation")
                  and not a.value.affiliation]
        if agents:
            covered.add(cas.sentence)
            out.append(Mention("trigger", cas.start, cas.end, Trigger(entry, False, cas.start < doc.title_end), cas.sentence))
    return sorted(triggers + out, key=lambda m: m.start)


_BODIES = re.compile(r"جثه|جثث|جثامين|رفات")
_GRAVE = re.compile(r"(?:ال)?(?:مقبره|مقابر) (?:ال)?جماعيه")


def _in_a_grave(doc: Doc, cas: Mention) -> bool:
    """Bodies counted in a mass grave's sentence, or under a headline of one ("العثور على عشرات الجثث داخل مقبرة
    جماعية", then "ما بين 150 و200 جثة"): the dead of acts long past, found now, not a killing of its own."""
    if not _BODIES.search(doc.ntext, cas.start, cas.end):
        return False
    s, e = doc.sentences[cas.sentence]
    return bool(_GRAVE.search(doc.ntext, s, e) or _GRAVE.search(doc.ntext, 0, doc.title_end))
