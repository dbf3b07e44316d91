"""Who speaks, not who acts: sources, a side's media, members speaking for it, mourners, claimants, escorts.

"وأعلنت منظمة حظر الأسلحة أن…", "ذكرت قناة المسيرة التابعة للحوثيين", "أكد قيادي بحماس أن": who reports
an event is a source, not one of its sides. A side that claims an attack ("وتبنى تنظيم الدولة الهجوم",
"أعلن حزب الله أن مقاتليه استهدفوا") did it; one that mourns ("نعت كتائب القسام الشهيدين") lost its own;
one that guards the actors ("بحماية شرطة الاحتلال") is neither side.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING

from rasd.doc import Doc, Mention
from rasd.extract.actors import LED_BY_CLAUSE

if TYPE_CHECKING:
    from rasd.extract.assemble import Cluster

__all__ = ["announces_loss", "claimant", "escorts", "mourns", "speaker", "speaks_for", "says"]

_MOURNS = re.compile(r"(?:نعت|نعي|تنعي|ينعي|نعوا)\s*$")

# "ردود أفعال الدول الكبرى، بريطانيا وفرنسا": states that react to an event, listed after the reaction
_REACTS = re.compile(r"(?<!\w)(?:ردود|رد|رده)\s+(?:افعال|الفعل|فعل)(?:\s+[^\s.]+){0,7}?[\s،,]+(?:و)?$")
_APPEALS = re.compile(r"(?<!\w)(?:دعت|دعا|طالبت|طالب|ادانت|ادان|استنكرت|استنكر|نددت|ندد|ناشدت|ناشد|رحبت|رحب)\s*$")
_CLAIM = re.compile(r"(?:تبني|تبنت|تبنى|اعلن\S* مسووليت\S*|اعلنت مسووليتها)\s*$")
# "اقتحم المستوطنون الأقصى بحماية شرطة الاحتلال": who guards the actors is neither side
_ESCORT = re.compile(r"(?<!\w)(?:بحمايه|تحت حمايه|وسط حمايه|بحراسه|تحت حراسه|بمرافقه)\s+(?:من\s+)?(?:\S+\s+)?$")
_MEMBER_OF = re.compile(r"\s(?:القيادي|قيادي|مسوول|المسوول|عضو|العضو|المتحدث|متحدث|الناطق|ناطق|مصدر|مصادر)(?:\s+(?:ال)?رسمي)?"
                        r"(?:\s+باسم|\s+في|\s+ب|\s*ب)\s*(?:ال)?$")  # "وأكد المتحدث الرسمي باسم الحزب"
# "وذكر بيان الجيش أن", "وذكر البيان رقم 25 للجيش المصري أن": a statement speaks for who issued it
_STATEMENT_OF = re.compile(r"\s(?:بيان|البيان|بلاغ|البلاغ)(?:\s+رقم\s+\d+)?\s*(?:ل|لل)?(?:ال)?$")
# "بحسب مصادر في الشرطة", "وفقا للجيش", "حسبما أفاد المرصد", "نقلا عن الشرطة": the report's attribution
_ATTRIBUTED = re.compile(r"(?<!\w)(?:بحسب|حسب|وفق|وفقا|طبقا|نقلا عن)(?:\s*ما\s+(?:افاد|افادت|اعلن|اعلنت|ذكر|ذكرت|اعلنه|اعلنته|ذكره|ذكرته)\S*)?"
                         r"\s*(?:ل|لل)?(?:ال)?$")
_SPEECH = re.compile(r"(?:اعلن|اعلنت|قال|قالت|افاد|افادت|ذكر|ذكرت|اكد|اكدت|اوضح|اوضحت|صرح|صرحت|اتهم|اتهمت|نفي|نفت|حذر|حذرت|دعا|دعت|طالب|طالبت)\s*$")


# a party's media: "قال موقع الجيش", "بثت قناة المسيرة التابعة للحوثيين"; "موقع" only after a verb of saying (else a
# position); not an army's radio ("إذاعة الجيش الإسرائيلي"), which tells what the army itself did
_OUTLET = re.compile(
    r"(?:(?:قال|قالت|ذكر|ذكرت|افاد|افادت|نشر|نشرت|اورد|اوردت|بث|بثت|نقل|نقلت)\s+(?:ال)?(?:موقع|حساب|صفحه)"
    r"|(?<!\w)[وف]?(?:ال)?(?:وكاله|اعلام|قناه|صحيفه|تلفزيون))(?:\s+\S+){0,2}?\s*(?:(?:ال)?تابع(?:ه)?\s+)?"
    r"(?:ل|لل)?(?:جماعه\s+|حركه\s+)?$"
)
# "أن مقاتليه", "إن قواته", "أن عناصرها": the speaker's own forces, right after "أن"
_OWN_FORCES = re.compile(r"\W*(?:(?:مقاتلي|مقاتلو|قوات|عناصر|وحدات|طيران|طايرات|مدفعيه|جنود|افراد)"
                         r"(?:ه|ها|هم|\s+(?:الحركه|الكتايب|الجماعه|التنظيم|الحزب|السرايا))"
                         r"|(?:قوات\s+)?(?:الدفاع الجوي|الدفاعات الجويه|الدفاعات))(?!\w)")  # "أن الدفاعات الجوية اعترضت"  # "إن مقاتلي الحركة"
_ANNOUNCED_GAP = 24  # characters from the speaker to the loss it announces ("أعلنت الحركة، اليوم، استشهاد")
# words a side uses of its own dead: "استشهاد" (martyrdom), "اغتيال" (assassination of its leader)
_ANNOUNCES_LOSS = re.compile(r"[^.،]{0,12}?(?<!\w)[وب]?(?:اغتيال|استشهاد)(?!\w)")
# its own dead: martyrdom, or a killing of one of its own ("اغتيال رئيس مكتبها", not "اغتيال مسؤول بالحزب"; a
# final ه is no pronoun here: the folded text spells ة so)
# "أعلن الجيش الإسرائيلي إصابة قائد لواء", "مقتل جندي": an army announcing its soldiers hit lost them
_OWN_LOSS = re.compile(r"[^.،]{0,12}?(?<!\w)[وب]?(?:استشهاد(?!\w)|(?:اغتيال|مقتل)\s+(?:[^\s.،]+\s+){0,2}?[^\s.،]+(?:ها|هم)(?!\w)"
                       r"|(?:مقتل|اصابه)\s+(?:\S+\s+)?(?:جندي|جنديين|جنود|ضابط|ضابطين|ضباط|قايد|عسكري|عسكريين)(?!\w))")
# "اتهمت إسرائيل إيران بقصف الجولان", "إسرائيل تتهم إيران بقصف": the accuser speaks; the accused, named next, acted
_ACCUSES = re.compile(r"(?:اتهم|اتهمت|تتهم|يتهم|اتهموا)\s*$")
_ACCUSES_AFTER = re.compile(r"[^\S\n]*(?:اتهم|اتهمت|تتهم|يتهم|اتهموا)(?!\w)")
_ACCUSED_GAP = 40  # characters from the accuser to the accused
# "اتهم الحشد التحالف بشن غارة استهدفت موقعا تابعا له … مصرع العشرات من عناصره": the accuser was the one hit
_OWN_HIT = re.compile(r"(?<!\w)(?:عناصر|مقاتلي|مقاتلو|مواقع|موقع|مقر|مقرات|قوات|جنود|افراد)(?:ه|ها|هم)(?!\w)"
                      r"|(?<!\w)تابع(?:ا|ه)?\s+(?:له|لها)(?!\w)")
_SPEECH_AFTER = re.compile(r"[^\S\n]*[،,\"'»)]?[^\S\n]*(?:قد\s+)?(?:اعلن|اعلنت|قال|قالت|افاد|افادت|ذكر|ذكرت|اكد|اكدت|اوضح|اوضحت|صرح|صرحت)(?!\w)")
# up to three words, or a relative clause ("التحالف العسكري الذي تقوده السعودية في اليمن الأربعاء أن"), then "أن"
# the head of "التحالف العسكري الذي تقوده السعودية", before the leader a speaker's relative clause names
_LED_BY = re.compile(r"(?<!\w)\S+(?:\s+\S+)?\s+" + LED_BY_CLAUSE + r"\s+(?:\S+\s+)?$")
# the relative clause alone, which every _LED_BY match holds: found at once (it opens with "ال"), where _LED_BY is
# tried at every character of the window
_LEADER = re.compile(LED_BY_CLAUSE)
_THAT = re.compile(r"(?:\W*\S+){0,3}?\W*(?:ان|إن|أن|بان|بأن)(?!\w)"
                   r"|(?:\W*\S+){0,2}?\s+(?:الذي|التي|الذين)(?:\s+[^\s.،,]+){1,5}?(?:\W*\S+){0,2}?\W*(?<!\w)(?:ان|أن|بان|بأن)(?!\w)")


def _speech_lead(text: str, start: int) -> str:
    """The text before ``start``, less a member's title that speaks for it ("أكد قيادي بحماس", "قال المتحدث باسم")."""
    lead = text[max(0, start - 40) : start]
    member = _MEMBER_OF.search(lead) or _STATEMENT_OF.search(lead)
    return lead[: member.start()] if member else lead


def _verb_ends(verbs: re.Pattern[str], lead: str, width: int = 12) -> bool:
    """A verb of ``verbs`` ends ``lead`` (its last ``width`` characters, less a trailing "و")."""
    return bool(verbs.search(lead[-width:].rstrip("و ")))


def speaker(doc: Doc, a: Mention) -> bool:
    """"وأعلنت منظمة حظر الأسلحة أن…": who reports is a source, not a side of the event.

    "أعلن الجيش استعادة السيطرة" announces its own act: only a speaker followed by "أن/إن" is a source.
    States reacting ("ردود أفعال الدول الكبرى، بريطانيا وفرنسا") speak too, and so does an accuser with the
    accused named after it ("إسرائيل تتهم إيران بقصف الجولان").
    """
    # "اتهمت إسرائيل إيران بقصف الجولان": the accuser, with the accused named after it (read from the mentions)
    return _accuser(doc, a) or _speaks(doc.ntext, a.start, a.end)


@lru_cache(maxsize=4096)  # asked of each actor mention once per event of its sentences
def _speaks(text: str, begin: int, end: int) -> bool:
    """:func:`speaker` for the mention at ``[begin, end)`` of ``text``: it reads nothing but the text around it."""
    lo = max(0, begin - 40)  # "أعلن التحالف الذي تقوده السعودية أن": who leads the speaker
    led = _LED_BY.search(text, lo, begin) if _LEADER.search(text, lo, begin) else None
    start = led.start() if led else begin
    lead = _speech_lead(text, start)
    if _REACTS.search(text, max(0, start - 60), start) or _verb_ends(_APPEALS, lead, 14):
        return True  # "دعت بريطانيا إسرائيل إلى ضبط النفس", "أدانت الخارجية القطرية": who calls or condemns
    if _ATTRIBUTED.search(lead):
        return True  # "بحسب مصادر في الشرطة", "وفق ما أعلنه الجيش": who the report is attributed to
    if _OUTLET.search(text, max(0, start - 30), start):
        return True  # "وقال موقع الجيش اليمني إن غارات…", "ذكرت قناة المسيرة التابعة للحوثيين": a party's outlet reports
    if _verb_ends(_SPEECH, lead):  # "أعلنت X أن", "أكد قيادي بحماس أن"
        if _ANNOUNCES_LOSS.match(text, end, end + _ANNOUNCED_GAP):
            return True  # "أعلنت حماس اغتيال رئيس مكتبها": who mourns its dead did not kill them
        that = _THAT.match(text, end, end + 80)
        if that and _OWN_FORCES.match(text, that.end(), that.end() + 30):
            return False  # "أعلن حزب الله أن مقاتليه استهدفوا": who claims its own attack did it
        return bool(that)
    after = _SPEECH_AFTER.match(text, end, end + 30)  # "X قد أعلنت الأربعاء أن"
    return bool(after and _THAT.match(text, after.end(), after.end() + 30))


def _accuser(doc: Doc, a: Mention) -> bool:
    """``a`` accuses the actor named right after it ("اتهمت إسرائيل إيران بقصف", "إسرائيل تتهم إيران")."""
    text = doc.ntext
    accuses = _verb_ends(_ACCUSES, _speech_lead(text, a.start)) or _ACCUSES_AFTER.match(text, a.end, a.end + 12)
    return bool(accuses) and any(a.end < b.start <= a.end + _ACCUSED_GAP for b in doc.of("actor"))


def announces_loss(doc: Doc, a: Mention) -> bool:
    """"أعلنت حركة حماس اغتيال رئيس مكتبها السياسي": a side that announces its own dead lost them; so does one that
    accuses another of striking its own ("اتهم الحشد التحالف بشن غارة استهدفت موقعا تابعا له")."""
    if _accuser(doc, a):
        return bool(_OWN_HIT.search(doc.ntext, a.end, doc.sentences[a.sentence][1]))
    return _verb_ends(_SPEECH, _speech_lead(doc.ntext, a.start)) and bool(
        _OWN_LOSS.match(doc.ntext, a.end, a.end + _ANNOUNCED_GAP + 12))


def claimant(doc: Doc, cluster: Cluster) -> Mention | None:
    """"وتبنى تنظيم الدولة الهجوم" after the report: the claimant is actor1."""
    last = max(cluster.sentences)
    for a in doc.of("actor"):
        if last <= a.sentence <= last + 1 and _CLAIM.search(doc.ntext[max(0, a.start - 25) : a.start]):
            return a
    return None


def mourns(doc: Doc, m: Mention) -> bool:
    """"نعت كتائب القسام الشهيدين": a side that mourns names its own dead."""
    return bool(_MOURNS.search(doc.ntext, max(0, m.start - 12), m.start))


def speaks_for(doc: Doc, m: Mention) -> bool:
    """A verb of saying right before ``m`` or before a member's title for it ("قال قيادي بكتائب القسام")."""
    return _verb_ends(_SPEECH, _speech_lead(doc.ntext, m.start))


def escorts(doc: Doc, a: Mention) -> bool:
    """"اقتحم المستوطنون الأقصى بحماية شرطة الاحتلال": ``a`` guards the actors."""
    return bool(_ESCORT.search(doc.ntext, max(0, a.start - 24), a.start))


def says(doc: Doc, m: Mention) -> bool:
    """A verb of saying right before ``m``: "أكد قيادي …", "قال مسؤول …" is who speaks, not a victim's role."""
    return _verb_ends(_SPEECH, doc.ntext[max(0, m.start - 12) : m.start])
