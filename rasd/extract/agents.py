"""Whether an actor mention names who did the act: the grammar of subjects, objects and agents.

"قوات الاحتلال اقتحمت" (the subject before its verb), "غارة روسية", "برصاص X" (an adjective or genitive right
after the trigger), "قام أحد مقاتلي القسام بطعن …" (who did the act a verbal noun names), "شنت قسد، أمس
الثلاثاء، حملة" (a date between subject and object); not the object right after the verb's subject
("استهدفت كتائب القسام قوة إسرائيلية"), nor the people a nisba qualifies ("طعن ضابط إسرائيلي"), nor where
fire went ("باتجاه إسرائيل"). Used by :func:`rasd.extract.roles.assign_actors`.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from rasd.doc import Doc, Mention
from rasd.extract.actors import reach
from rasd.extract.struck import AGENT_LEAD, FORCES_OF, aimed_at

if TYPE_CHECKING:
    from rasd.extract.clusters import Cluster

__all__ = ["is_agent"]

_DATE_ONLY = re.compile(
    r"^[\s\"'()،,]*(?:(?:يوم|امس|اليوم|الماضي|صباح|مساء|فجر|ليل|ليله|ظهر|الاحد|الاثنين|الثلاثاء|الاربعاء|الخميس|الجمعه|السبت)"
    r"[\s\"'()،,]*){1,4}$"
)


# "قام/قامت (أحد/عدد من) X بـ…": X did the act the verbal noun after "بـ" names
_DID = re.compile(r"(?<!\w)[وف]?(?:قام|قامت|قاموا)\s+(?:(?:احد|عدد من|بعض)\s+)?$")
# people a nisba can qualify right after a trigger: the ones hit ("طعن ضابط إسرائيلي")
_PEOPLE = frozenset("ضابط ضابطا ضباط جندي جنديا جنديين جنديان جنود مستوطن مستوطنا مستوطنين مستوطنون شرطي شرطيا عنصر عناصر".split())
# a trigger after a preposition is a noun ("في كمين", "بقذيفة"): the side before it is not its subject
_NOUN_AFTER = re.compile(r"(?:(?<!\w)(?:في|علي|خلال|اثناء|جراء|اثر|عبر|وسط)\s+|(?<!\w)[وف]?ب)$")


def _conjoined(text: str, start: int) -> bool:
    """The word at ``start`` carries a glued "و"/"ف" ("وحررت")."""
    return start > 0 and text[start - 1] in "وف" and (start < 2 or not text[start - 2].isalpha())


def _object_of_verb(doc: Doc, m: Mention, cluster: Cluster) -> bool:
    """``m`` follows a trigger and the subject right after it in its clause ("استهدفت كتائب القسام قوة
    إسرائيلية"): the object, not an agent; a side joined to the subject by "و" is a second subject."""
    text = doc.ntext
    clause = doc.clause_of(m.start)
    if text[max(0, m.start - 1) : m.start] == "و":  # "والمستوطنون" after "قوات الاحتلال"
        return False
    for t in cluster.triggers:
        if t.end > m.start or doc.clause_of(t.start) != clause:
            continue
        for a in doc.of("actor"):
            if a is m or a.value.affiliation or not t.end <= a.start < a.end < m.start:
                continue
            gap = text[reach(doc, a) : m.start]
            if len(text[t.end : a.start].split()) <= 1 and (not gap.strip() or _DATE_ONLY.match(gap)):
                return True
    return False


def is_agent(doc: Doc, m: Mention, cluster: Cluster) -> bool:
    """``m`` names who did ``cluster``'s act: the subject before its verb, a genitive or adjective right after it."""
    text = doc.ntext
    if _object_of_verb(doc, m, cluster) or aimed_at(doc, m):
        return False  # "… صواريخ باتجاه إسرائيل": where the fire went did not fire it
    end = reach(doc, m)
    if _DID.search(text, max(0, m.start - 24), m.start) and any(
            t.sentence == m.sentence and 0 <= t.start - end <= 40 and text[t.start - 1 : t.start] == "ب" for t in cluster.triggers):
        return True  # "قام أحد مقاتلي القسام بطعن ضابط": who did the act the verbal noun names
    for trig in cluster.triggers:
        if trig.sentence != m.sentence:
            continue
        gap = text[trig.end : m.start]
        if m.value.adjective and gap.split() and gap.split()[-1] in _PEOPLE:
            continue  # "طعن ضابط إسرائيلي", "قتل جنود إسرائيليين": the nisba names who was hit, not who struck
        if 0 <= m.start - trig.end <= 25 and (m.value.adjective or len(gap.split()) <= 1):
            return True
        if 0 <= trig.start - end <= 40 and doc.clause_of(end if end > m.end else m.start) == doc.clause_of(trig.start) \
                and not _NOUN_AFTER.search(text, max(0, trig.start - 12), trig.start) and not _conjoined(text, trig.start):
            # subject before the verb: "قوات الاحتلال اقتحمت"; not "أوقعت قوة إسرائيلية في كمين", nor "… عليها ميليشيا
            # الحوثي وحررت": a verb joined by "و" shares the subject of the verb before it
            return True
        if 0 <= trig.start - end <= 60 and _DATE_ONLY.match(text[end : trig.start]):
            return True  # "شنت قسد، أمس الثلاثاء، حملة دهم": the subject, a date between commas, the object
    lead = text[max(0, m.start - 20) : m.start]
    return bool(AGENT_LEAD.search(lead) or FORCES_OF.search(text, max(0, m.start - 40), m.start))

