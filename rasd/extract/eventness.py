"""Is it an event? Decided at two levels, before any mention is grouped into a record.

1. The document: an item whose title opens with a commentary label ("صحف
   عالمية:", "خبير عسكري:", "في مثل هذا اليوم") reports no incidents of its own.
2. The mention: an act reported as having happened, specific and dated. An
   agreement is an event only when the text reports it reached, signed or
   announced ("توصل الطرفان إلى اتفاق"), not when it is sought ("جهود التوصل
   إلى اتفاق"), demanded, or already in force ("ضمن المرحلة الأولى من اتفاق").
   An arrest word under a court or prison context ("مددت المحكمة اعتقال",
   "ظروف الاعتقال", "اعتقال إداري") is no new arrest. A strike word in a
   sentence about a period ("بعد تصعيد استمر ثلاثة أيام، أودت خلاله
   الغارات…") with no date and no toll of its own sums up a campaign. An act
   told as going on ("تواصلت الاشتباكات", "وسط تواصل القصف") is the day's
   event when its sentence names the day or its clause a toll ("بقصف مكثف أدى
   لاستشهاد فلسطينيين"); otherwise it is the background of a war. What a
   protest is against ("تظاهر الآلاف في برلين تضامنا مع غزة وتنديدا بالقصف")
   is its cause: an act told there with no date of its own is no event, and the
   span (a ``cause`` mention) is no place of the protest either. So is what any
   act answers ("شنت الولايات المتحدة ضربات ردا على الهجوم الكيماوي في دوما"):
   the known act recalled as the reason is background unless the span dates it.
   A known act named after a word that recalls it ("بعد الهجوم الكيماوي",
   "التحقيق في الهجوم", "ضحايا الهجوم") or as alleged ("الهجوم الكيماوي
   المفترض في دوما") is background too, unless its clause dates it after the
   act ("الهجوم المفترض الذي استهدف دوما في 7 نيسان" is that day's event).
   A campaign told by the day it began ("يشن الجيش منذ 19 نيسان حملة", "وبدأت
   تركيا في 20 كانون الثاني هجوما") more than a week before the report is
   background too.

A trigger that fails keeps its place in the document with the reason in
``Trigger.modal`` (for review and for ``rasd eval``'s blame), and never
becomes an event. The cues are data: ``rasd/data/eventness.tsv``.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from functools import cache

from rasd.doc import Doc, Mention
from rasd.extract.dating import date_for, named_definite, runs_from
from rasd.extract.elapsed import in_elapsed
from rasd.extract.headcount import SINGULAR
from rasd.extract.scope import period_sentences
from rasd.lexicon import read_tsv
from rasd.text.matcher import ARTICLE_LEXICONS, Match, PhraseMatcher, longest_first

__all__ = ["Eventness", "GENRE", "RECALLED", "NOT_CONCLUDED", "JUDICIAL", "CAMPAIGN", "CAUSE", "ELAPSED", "HAZARD", "LAUNCHED",
           "RESPONSE", "cause_at"]

# The reasons a trigger is not an event, as kept in Trigger.modal.
GENRE = "commentary item"
LAUNCHED = "campaign launched earlier"
NOT_CONCLUDED = "agreement not concluded"
JUDICIAL = "court or prison context"
CAMPAIGN = "campaign summary"
CAUSE = "cause of a protest"
RESPONSE = "what another act answers"
ONGOING = "ongoing"  # the modality cue (rasd/data/modality.tsv) of an act told as going on
BACKGROUND = "ongoing, undated"
ALLEGED = "alleged"  # the modality cue of an alleged act ("الهجوم المفترض")
RECALLED = "known act recalled, undated"
ELAPSED = "told as weeks or more before"
HAZARD = "a natural hazard or an accident"

# How far (in tokens) a cue reaches. A verb of conclusion governs the agreement
# word of its sentence a few words away, past a date or a sponsor between commas
# ("توصل وجهاء العشيرتين، اليوم الاثنين، برعاية الجيش إلى اتفاق");
# a pending or judicial cue governs only what follows it closely.
_CONCLUDED_BEFORE = 10
_CONCLUDED_AFTER = 5
_PENDING_REACH = 3
_JUDICIAL_REACH = 2
_COURT_REACH = 8  # "مددت محكمة عوفر العسكرية، اليوم الأربعاء، اعتقال"
_GENRE_REACH = 3  # a title's label is its first words, before ":" or ".."
_LAUNCH_REACH = 6  # "أطلقت القوات في أواخر نيسان الماضي عملية عسكرية": the verb, its subject and a date before the campaign
_LAUNCH_AGE = 7  # days: a campaign launched this week is still news
# a verb of announcement, its subject and a date before a noun of conclusion ("قطر تعلن رسميا التوصل لاتفاق")
_ANNOUNCED = re.compile(r"(?<!\w)[وف]?(?:اعلن|اعلنت|يعلن|تعلن|اعلنا|يعلنان|اعلان|الاعلان)(?:[^\S\n]*[،,]?[^\S\n]+[^\s.،,]+){0,14}?"
                        r"[^\S\n]*[،,]?[^\S\n]*(?:عن\s+)?$")
_RECALL_REACH = 1  # tokens between a recall word and the act it names ("التحقيق في الهجوم")
_THIS = re.compile(r"(?<!\w)(?:هذا|هذه|ذلك|تلك)\s+(?:ال)?$")
# "ارتفاع عدد ضحايا الاقتحام": a toll update of the report's own act, even with no figure in its clause
_UPDATE = re.compile(r"(?<!\w)(?:عدد|حصيله|ارتفع|ارتفاع|ترتفع|يرتفع)\s+(?:عدد\s+|حصيله\s+)?ضحايا\s+(?:ال)?$")
_RELATIVE = re.compile(r"\W*(?:الذي|التي|اللذين|اللتين)(?!\w)")
# a relative pronoun within three words after the act ("المداهمة الأمنية التي نفذتها")
_TOLD = re.compile(r"(?:\W*\w+){0,3}?\W*(?:الذي|التي|اللذين|اللتين)(?!\w)")


@ARTICLE_LEXICONS.lexicon
@cache
def _cues() -> PhraseMatcher[str]:
    return PhraseMatcher(((r["phrase"], r["cue"]) for r in read_tsv("eventness.tsv")), group=ARTICLE_LEXICONS)


class Eventness:
    """Pipeline component: marks the triggers that are not events (``Trigger.modal`` gets the reason)."""

    name = "eventness"
    requires: tuple[str, ...] = ("triggers", "tokens", "clauses", "dates", "scopes")
    sets: tuple[str, ...] = ("eventness", "causes")

    def __call__(self, doc: Doc) -> Doc:
        cues = longest_first(_cues().find(doc.ntext))
        starts = doc.token_starts
        commentary = _commentary_title(doc, cues, starts)
        summaries = _campaign_sentences(doc)
        responses = []
        for span, kind in _causes(doc, cues):
            doc.add(span)
            if kind == "response":
                responses.append(span)
        for trig in doc.of("trigger"):
            alleged = trig.value.modal == ALLEGED
            if trig.value.modal == ONGOING:
                trig.value.modal = None if _of_the_day(doc, trig) else BACKGROUND
            elif trig.value.modal == ALLEGED:  # "هجوم كيماوي مفترض أسفر عن…" (indefinite) is told as news
                trig.value.modal = RECALLED if named_definite(doc, trig) and not _dated_after(doc, trig) else None
            if trig.value.modal is not None:
                continue
            reason = GENRE if commentary else CAMPAIGN if trig.sentence in summaries else _mention_reason(doc, trig, cues, starts)
            if reason is None and _recalled(doc, trig, cues, starts):
                reason = RECALLED
            if reason is None and in_elapsed(doc, trig.start, trig.end) and not _dated_in_clause(doc, trig):
                reason = ELAPSED  # "بعد شهور على قيام طائرات أميركية … قتلت نحو 300"
            cause = cause_at(doc, trig.start)
            if reason is None and cause is not None and not cause.value:
                if cause in responses:  # undated and known ("الهجوم الكيماوي"): the reason recalled for another act
                    # "ردا على هجوم كيماوي مزعوم": an alleged act is a known one too, even indefinite
                    reason = RESPONSE if named_definite(doc, trig) or alleged else None
                elif trig.value.event_type != "Protests":
                    reason = CAUSE  # undated: the protest's reason, not news of its own
            if reason is not None:
                trig.value.modal = reason
        _hazard_article(doc)
        return doc


def _hazard_article(doc: Doc) -> None:
    """Under a headline whose killing is a hazard's ("فيضانات السودان تقتل"), a killing word of the body with no actor
    in its sentence ("وفي مدينة النهود، قتل 7 أشخاص") is the same hazard's toll."""
    if not any(t.value.modal == HAZARD and t.start < doc.title_end for t in doc.of("trigger")):
        return
    acted = {a.sentence for a in doc.of("actor")}
    for t in doc.of("trigger"):
        if t.value.strength == "kill" and t.value.modal is None and t.sentence not in acted:
            t.value.modal = HAZARD


def _causes(doc: Doc, cues: list[Match[str]]) -> list[tuple[Mention, str]]:
    """The spans a protest is held against or for, or an act answers ("ردا على", "انتقاما لـ"), with their cue kind:
    from the cue to the end of its clause (a protest's cause only in a sentence whose protest was named before the
    cue); the value says whether the span has a date of its own ("احتجاجا على مقتل شاب أمس": that killing is news
    of its own, another event)."""
    protests = [t for t in doc.of("trigger") if t.value.event_type == "Protests"]
    out: list[tuple[Mention, str]] = []
    for cue in cues:
        kind = cue.values[0]
        if kind not in ("cause", "response"):
            continue
        if kind == "cause" and not any(t.sentence == doc.sentence_of(cue.start) and t.end <= cue.start for t in protests):
            continue
        end = doc.clauses[doc.clause_of(cue.start)][1]
        dated = any(cue.start <= d.start < end and d.value.kind != "year" for d in doc.of("date"))
        out.append((Mention("cause", cue.start, end, dated), kind))
    return out


def cause_at(doc: Doc, offset: int) -> Mention | None:
    """The span holding ``offset`` of a protest's cause or of what an act answers (a ``cause`` mention), if any."""
    return next((c for c in doc.of("cause") if c.start <= offset < c.end), None)


def _dated_after(doc: Doc, trig: Mention) -> bool:
    """A date of its own: a day phrase after the act in its clause or the relative clause that follows it
    ("الهجوم المفترض، الذي وقع مطلع الأسبوع في دوما")."""
    clause = doc.clause_of(trig.start)
    end = doc.clauses[clause][1]
    if _RELATIVE.match(doc.ntext, end) and clause + 1 < len(doc.clauses):
        end = doc.clauses[clause + 1][1]
    # "على مدينة دوما، السبت": the day set off by a comma right after the clause
    return any(trig.start <= d.start and (d.start < end or not doc.ntext[end:d.start].strip(" ،,"))
               and d.value.kind != "year" for d in doc.of("date"))


def _dated_in_clause(doc: Doc, trig: Mention) -> bool:
    """A day phrase of the act's own clause."""
    clause = doc.clause_of(trig.start)
    return any(doc.clause_of(d.start) == clause and d.value.kind != "year" and not runs_from(doc, d) for d in doc.of("date"))


def _toll_of_clause(doc: Doc, trig: Mention) -> bool:
    """A toll in the act's clause ("ارتفعت حصيلة ضحايا الغارة إلى 51"): an update, news of its own."""
    clause = doc.clause_of(trig.start)
    return any(c.value.scope in ("event", "update") and c.value.count and doc.clause_of(c.start) == clause
               for c in doc.of("casualty"))


def _told(doc: Doc, trig: Mention) -> bool:
    """A relative clause right after the act tells it ("ضحايا المداهمة التي نفذتها قوات الأمن"): it is reported,
    not only named."""
    return bool(_TOLD.match(doc.ntext, trig.end))


def _recalled(doc: Doc, trig: Mention, cues: list[Match[str]], starts: list[int]) -> bool:
    """A definite act right after a recall word of its clause ("على خلفية الهجوم", "ضحايا الهجوم"), not dated
    after it. Protests are left alone ("على خلفية الاحتجاجات" recalls a wave still news), and so is an act told by
    a relative clause or a toll, or named with a demonstrative ("على خلفية هذا الاقتتال": the report's own act).
    An assassination named by its victim after what followed it ("بعد اغتيال إسماعيل هنية", "يعلق على اغتيال هنية")
    is a known act recalled too."""
    if _told(doc, trig) or _toll_of_clause(doc, trig):
        return False
    if _assassination_recalled(doc, trig):
        return not _dated_after(doc, trig)
    if not named_definite(doc, trig) or trig.value.event_type == "Protests":
        return False
    text, start = doc.ntext, trig.start
    if _THIS.search(text, max(0, start - 8), start) or _UPDATE.search(text, max(0, start - 40), start):
        return False
    i = _token(starts, trig.start)
    lo = doc.tokens[max(0, i - _RECALL_REACH - 1)][0]
    clause = doc.clause_of(trig.start)
    # "بعد" is also a pending cue of an agreement: a phrase may carry several kinds
    if not any("recall" in c.values and lo <= c.start and c.end <= trig.start and doc.clause_of(c.start) == clause
               for c in cues):
        return False
    return not _dated_after(doc, trig)


# "بعد اغتيال", "عقب اغتيال", "إثر اغتيال", "على اغتيال", "تداعيات اغتيال": what came after an assassination
_AFTER_KILLING = re.compile(r"(?<!\w)[وف]?(?:بعد|عقب|اثر|علي|تداعيات|منذ|خلفيه)\s+$")
_ASSASSINATION = re.compile(r"(?:[وفب]|لل?)?اغتيال(?!\w)")
# a count or an indefinite victim after the word tells a new killing ("اغتيال قيادي في حماس", "اغتيال 3 قادة")
_NEW_VICTIM = re.compile(r"\s+(?:\d|(?:" + "|".join(sorted(SINGULAR | {"قياديين", "قاده", "مسوول", "عناصر", "اثنين", "ثلاثه"}))
                         + r")(?!\w))")  # folded text: "قائد" is "قايد", "مسؤول" "مسوول"


def _assassination_recalled(doc: Doc, trig: Mention) -> bool:
    """"بعد اغتيال هنية": an assassination named by its victim, after a word that tells what followed it."""
    text = doc.ntext
    return (_ASSASSINATION.fullmatch(text, trig.start, trig.end) is not None
            and _AFTER_KILLING.search(text, max(0, trig.start - 14), trig.start) is not None
            and _NEW_VICTIM.match(text, trig.end) is None)


def _token(starts: list[int], offset: int) -> int:
    return max(0, bisect_right(starts, offset) - 1)


def _commentary_title(doc: Doc, cues: list[Match[str]], starts: list[int]) -> bool:
    """The title opens with a commentary label followed by ":" or ".." ("محللون: …")."""
    if not doc.title_end:
        return False
    title = doc.ntext[: doc.title_end]
    for cue in cues:
        if cue.start >= doc.title_end or _token(starts, cue.start) >= _GENRE_REACH or cue.values[0] != "genre":
            continue
        rest = title[cue.end :].lstrip()
        head = rest.split(":", 1)[0].split("..", 1)[0]
        if (":" in rest or ".." in rest) and len(head.split()) <= _GENRE_REACH:
            return True
    return False


def _campaign_sentences(doc: Doc) -> set[int]:
    """Body sentences about a period with no date phrase and no toll of their own; the date a period runs from
    ("يشن الجيش منذ 19 نيسان حملة على …", a period phrase of its own) is no date of an act."""
    own = {d.sentence for d in doc.of("date") if d.value.kind != "year" and not runs_from(doc, d)}
    own |= {c.sentence for c in doc.of("casualty") if c.value.scope in ("event", "update") and c.value.count}
    return {i for i in period_sentences(doc) - own if doc.sentences[i][0] >= doc.title_end}


def _of_the_day(doc: Doc, trig: Mention) -> bool:
    """An ongoing act anchored to a day: a date of its sentence, or a toll of its own clause."""
    if any(d.sentence == trig.sentence and d.value.kind != "year" and d.value.precision == 1 for d in doc.of("date")):
        return True
    clause = doc.clause_of(trig.start)
    return any(c.value.scope in ("event", "update") and doc.clause_of(c.start) == clause
               and not trig.start <= c.start < trig.end  # "المجازر" is its own casualty word
               for c in doc.of("casualty"))


def _mention_reason(doc: Doc, trig: Mention, cues: list[Match[str]], starts: list[int]) -> str | None:
    kind = trig.value.sub_event_type
    if _launched_earlier(doc, trig, cues, starts):
        return LAUNCHED
    if trig.value.strength == "kill" and _hazard(doc, trig, cues, starts):
        return HAZARD
    if kind == "Agreement" and not _concluded(doc, trig, cues, starts):
        return NOT_CONCLUDED
    if kind == "Arrests" and _judicial(doc, trig, cues, starts):
        return JUDICIAL
    return None


def _launched_earlier(doc: Doc, trig: Mention, cues: list[Match[str]], starts: list[int]) -> bool:
    """A campaign word after a launch verb in its clause, dated more than a week before the report ("وبدأت تركيا
    في 20 كانون الثاني هجوما على عفرين" in a March paper): the start of a campaign told as background."""
    if not any(c.values[0] == "campaign" and c.start < trig.end and trig.start < c.end for c in cues):
        return False
    lo = doc.tokens[max(0, _token(starts, trig.start) - _LAUNCH_REACH)][0]
    clause = doc.clause_of(trig.start)
    if not any(doc.clause_of(c.start) == clause for c in _near(cues, "launch", lo, trig.start)):
        return False
    when = date_for(doc, trig)
    return bool(doc.published and when is not None and when.value.value is not None
                and (doc.published - when.value.value).days > _LAUNCH_AGE)


_HAZARD_REACH = 14  # tokens either side of a killing word: "فيضانات السودان تقتل", "مقتل 46 مهاجرا … إثر غرق زورقهم"
_BECAUSE = re.compile(r"\W*[وف]?(?:اثر|جراء|بسبب|نتيجه)(?!\w)")


def _hazard(doc: Doc, trig: Mention, cues: list[Match[str]], starts: list[int]) -> bool:
    """A killing word (no weapon of its own) with a hazard close by in its clause, or in the clause after it that gives
    its cause ("… إثر غرق زورقهم"): a flood, a storm, a drowning killed."""
    i = _token(starts, trig.start)
    lo, hi = _span_of_tokens(doc, starts, i - _HAZARD_REACH, i + _HAZARD_REACH)
    clause = doc.clause_of(trig.start)
    own = {clause}
    if clause + 1 < len(doc.clauses) and _BECAUSE.match(doc.ntext, doc.clauses[clause + 1][0]):
        own.add(clause + 1)
    return any(doc.clause_of(c.start) in own for c in _near(cues, "hazard", lo, hi))


def _near(cues: list[Match[str]], kind: str, lo: int, hi: int) -> list[Match[str]]:
    """Cues of ``kind`` starting in ``[lo, hi)`` (offsets)."""
    return [c for c in cues if c.values[0] == kind and lo <= c.start < hi]


def _span_of_tokens(doc: Doc, starts: list[int], first: int, last: int) -> tuple[int, int]:
    """Offsets from token ``first`` to the end of token ``last`` (clamped to the text)."""
    first, last = max(0, first), min(len(starts) - 1, last)
    return doc.tokens[first][0], doc.tokens[last][1]


def _concluded(doc: Doc, trig: Mention, cues: list[Match[str]], starts: list[int]) -> bool:
    """A verb of conclusion near the agreement word, in its sentence, and nothing that makes it pending."""
    i = _token(starts, trig.start)
    lo, _ = _span_of_tokens(doc, starts, i - _PENDING_REACH, i)
    if _near(cues, "pending", lo, trig.start):
        return False  # "جهود التوصل إلى اتفاق", "ضمن المرحلة الأولى من اتفاق", "رغم اتفاق"
    lo, hi = _span_of_tokens(doc, starts, i - _CONCLUDED_BEFORE, bisect_left(starts, trig.end) + _CONCLUDED_AFTER)
    for cue in _near(cues, "concluded", lo, hi):
        if doc.sentence_of(cue.start) != trig.sentence:
            continue
        word = cue.start - len(cue.prefix)
        if cue.prefix.endswith("لل") or ("ال" in cue.prefix and not _ANNOUNCED.search(doc.ntext, max(0, word - 120), word)):
            continue  # "التوصل" with its article is a noun ("فرص التوصل"), unless announced ("أعلن … التوصل رسميا إلى اتفاق")
        j = _token(starts, cue.start)
        before, _ = _span_of_tokens(doc, starts, j - _PENDING_REACH, j)
        if not _near(cues, "pending", before, cue.start):
            return True
    return False


def _judicial(doc: Doc, trig: Mention, cues: list[Match[str]], starts: list[int]) -> bool:
    i = _token(starts, trig.start)
    lo, _ = _span_of_tokens(doc, starts, i - _COURT_REACH, i)
    if any(doc.sentence_of(c.start) == trig.sentence for c in _near(cues, "court", lo, trig.start)):
        return True
    lo, _ = _span_of_tokens(doc, starts, i - _JUDICIAL_REACH, i)
    _, hi = _span_of_tokens(doc, starts, i, bisect_left(starts, trig.end) + 1)
    return bool(_near(cues, "judicial", lo, trig.start) or _near(cues, "judicial_after", trig.end, hi))
