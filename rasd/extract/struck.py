"""Who was acted upon: whether an actor mention names the side an event hit.

"مقتل 5 جنود إسرائيليين", "تعزيزات للحوثيين", "مطار التيفور التابع للنظام", "القيادي في حماس",
"صواريخ باتجاه القوات الإسرائيلية": the dead, the owner of what was hit, a member of the side hit
and the forces fire was aimed at. The same words tell an agent's lead apart ("برصاص X", "الذي
اغتالته X", "المقاتلات التابعة لـ X"), which :mod:`rasd.extract.roles` reads too.
"""

from __future__ import annotations

import re
from bisect import bisect_left

from rasd.doc import Doc, Mention
from rasd.extract.casualties import NOMINAL_CUES
from rasd.extract.headcount import counted
from rasd.extract.sources import mourns, speaks_for
from rasd.extract.targets import FIRE_OF, owns_target, struck_by_adjective

__all__ = ["AGENT_LEAD", "FORCES_OF", "LAUNCHED", "VICTIM_KINDS", "aimed_at", "is_victim", "names_agent"]

_VICTIM_LEAD = re.compile(r"(?:\bمن|\bل|\bلدي|صفوف|في صفوف|عناصر|مقاتلي|مسلحي|افراد|جنود|(?:صفوف|عناصر)\s+(?:مسلحي|مقاتلي|قوات)|"
                          r"(?:القيادي|قيادي|قياديان|قياديين|قياديون|القايد|قايد|العضو|عضو|المسوول|مسوول|قاده|القاده|كوادر)"
                          r"(?:\s+(?:كبيران|كبيرين|بارزان|بارزين|كبير|بارز))?\s+(?:في|ب)|"
                          r"(?<!\w)و?رييس(?:\s+\S+){0,2}?\s+(?:في\s|ل|لل)|"  # "ورئيس منظومة العمليات في حزب الله", "رئيس المجلس السياسي للحوثيين"
                          r"(?<!\w)(?:القيادي|قيادي|القايد|قايد)(?:\s+(?:الميداني|البارز|العسكري))?\s|"  # "القيادي الميداني الحوثي"
                          r"(?<!\w)(?:(?:نجل|ابن|شقيق|صهر)\s+)?(?:زعيم|امير|مؤسس)\s)"  # "مقتل نجل زعيم تنظيم داعش"
                          r"\s*[\"'«(]?\s*(?:ال)?$")  # "اغتيال القيادي في حماس": a member of the side hit
# "مطار التيفور العسكري التابع للنظام": the owner of what was hit is the one acted upon
_OWNER_LEAD = re.compile(r"(?:التابع|التابعه|تابع|تابعه|الخاضع|الخاضعه)\s*(?:ل|لل)?\s*$")
# "مقاتلات (إف 16) التابعة للجيش", "الطائرات التابعة للتحالف": forces and aircraft belong to the side that acts
FORCES_OF = re.compile(r"(?<!\w)(?:ال)?(?:مقاتلات|طايرات|طايره|مروحيات|قوات|وحدات|مدفعيه|دبابات|زوارق|بوارج|فرق|قناص|قناصه)"
                       r"(?:\s+\S+){0,3}?\s+(?:ال)?تابع(?:ه)?\s*(?:ل|لل)?\s*$")
AGENT_LEAD = re.compile(
    r"(?:برصاص|بنيران|من قبل|نفذه|نفذته|نفذها|نفذتها|شنه|شنته|شنها|شنتها|يد|ايدي|قبل"
    # a verb with its object pronoun, then its subject: "الذي اغتالته إسرائيل", "التي استهدفتها طائرات"
    r"|(?<!\w)(?:اغتال|قتل|استهدف|قصف|اعتقل|خطف|اختطف)(?:ت)?(?:ه|ها|هم|هما))"
    r"\s*(?:(?:عناصر|مسلحين|مقاتلين|افراد|جنود)\s+من\s*)?[\"']?\s*$"
)
# "صواريخ باتجاه مواقع X", "عبوة كانت معدة لاستهداف قوات X": where the fire or the bomb was aimed
_TOWARDS = re.compile(r"(?<!\w)(?:باتجاه|تجاه|صوب|لاستهداف|بهدف استهداف)\s+((?:مواقع|مقار|تجمعات)\s+)?(?:ل|لل|ال)?$")
_FORCES = re.compile(r"(?:ال)?(?:قوات|جيش|جنود|دوريات|دوريه|اليات|اليه)(?!\w)")
VICTIM_KINDS = ("civilians", "protesters")


def aimed_at(doc: Doc, m: Mention) -> bool:
    """"أطلقت صواريخ باتجاه إسرائيل": ``m`` is where the fire went, so it did not fire it."""
    return bool(_TOWARDS.search(doc.ntext, max(0, m.start - 30), m.start))


# Verbs whose subject is the one hurt ("أصيب 3 جنود", "استشهد شاب"): never an agent's verb
_SUFFERED = frozenset("اصيب اصيبت اصيبوا استشهد استشهدت استشهدوا جرح جرحت".split())
# "تكبدت (خلالها) مليشيات الحوثي خسائر": the subject of "suffered losses" is the side hit
_BORE_LOSSES = re.compile(r"(?<!\w)(?:تكبد|تكبدت|يتكبد|تتكبد|تكبدوا|يتكبدون)(?:\s+(?:خلالها|خلاله|فيها|فيه))?\s*$")


_BY = frozenset({*FIRE_OF, "بيد", "بايدي", "بفعل"})  # a word naming whose fire or hand it was


def is_victim(doc: Doc, m: Mention) -> bool:
    """``m`` names the side acted upon. A body that reports (the UN, the OPCW) is one only where its staff or property were hit."""
    if m.value.actor.kind in VICTIM_KINDS and not m.value.adjective:
        return True
    text = doc.ntext
    if mourns(doc, m):
        return True  # "نعت كتائب القسام الشهيدين": the dead were its own
    if speaks_for(doc, m):
        return False  # "قال قيادي بكتائب القسام": a member speaking, not one hit
    if _BORE_LOSSES.search(text[max(0, m.start - 20) : m.start]) and "خساير" in text[m.end : m.end + 40]:
        return True  # "تكبدت خلالها مليشيات الحوثي خسائر كبيرة"
    if struck_by_adjective(doc, m) or owns_target(doc, m):
        return True  # "دبابة إسرائيلية", "تعزيزات للحوثيين", "استهدفت مواقع الحوثيين"
    if any(0 <= c.value.number_start < m.start and m.end <= c.end for c in doc.of("casualty") if c.sentence == m.sentence):
        return True  # "جنديين تركيين قتلا": a nationality after the count names the dead, not the attacker
    after_count = counted(doc.words, bisect_left(doc.token_starts, m.start)) is not None
    if m.value.adjective and after_count and any(doc.clause_of(c.start) == doc.clause_of(m.start) for c in doc.of("casualty")):
        return True  # "مقتل 5 حوثيين", "25 انقلابيا قتلوا": members counted among the dead or hurt
    if any(0 <= m.start - t.end <= 4 and text[t.end : m.start].strip() in ("", "ل", "لل") for t in doc.of("trigger")):
        return False  # "قصف مدفعي لقوات النظام": the action noun's genitive is its agent
    for c in doc.of("casualty"):
        gap = text[c.end : m.start].split() if c.sentence == m.sentence and 0 <= m.start - c.end <= 12 else None
        if gap is None or len(gap) > 1 or (gap and gap[0] in _BY):
            continue  # "استشهدوا بنيران الاحتلال": the fire's owner shot them
        cue = text[c.start : c.end].split()[0].lstrip("وفبل")
        if gap or cue in NOMINAL_CUES or cue in _SUFFERED:
            return True  # "مقتل 5 جنود اسرائيليين", "مقتل جنود", "أصيب 3 جنود"; but "اغتال مسلحون" names the killers
    lead = doc.ntext[max(0, m.start - 30) : m.start]
    if FORCES_OF.search(lead):
        return False
    if (towards := _TOWARDS.search(lead)) and (towards.group(1) or _FORCES.match(text, m.start)):
        return True  # "أطلقت صواريخ باتجاه القوات الإسرائيلية": the forces aimed at (not "باتجاه السعودية", a country)
    if _OWNER_LEAD.search(lead) and m.value.actor.kind != "organisation":
        return True  # "مطار التيفور التابع للنظام"; but "مجلس الأمن التابع للأمم المتحدة" was not hit
    if AGENT_LEAD.search(lead):
        return False  # "على أيدي عناصر من قوات الدعم السريع": the hands are the agent's
    if not _VICTIM_LEAD.search(lead):
        return False
    # a role noun that is the attack verb's subject ("هاجم مسلحون من حركة الشباب") names the attackers, not the hit
    subjects = {r.start for r in doc.of("role") if any(0 <= r.start - t.end <= 2 for t in doc.of("trigger"))}
    near = [c for c in doc.of("casualty") + doc.of("role") if c.sentence == m.sentence and 0 <= m.start - c.end <= 40
            and c.start not in subjects]
    return bool(near)


LAUNCHED = re.compile(r"(?:اطلق|اطلقه|اطلقته|اطلقها|اطلقتها|اطلقوه|اطلقتهما|اطلقهما|اطلقتها)\s*$")  # "صاروخ أطلقه"


def names_agent(doc: Doc, m: Mention) -> bool:
    """``m`` (an actor or a role word) names who did it: "برصاص جنود الاحتلال", "برصاصة أطلقها جنود"."""
    lead = doc.ntext[max(0, m.start - 20) : m.start]
    return bool(AGENT_LEAD.search(lead) or LAUNCHED.search(lead))
