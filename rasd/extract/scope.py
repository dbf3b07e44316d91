"""The scope of each casualty figure: is this number an event's toll at all?

A figure found next to a casualty cue is one of:

- ``event``: the toll of what the sentence reports ("قتل ثلاثة في الغارة",
  a day's toll "استشهد 35 منذ فجر اليوم");
- ``cumulative``: a period, campaign or war total ("منذ بدء الحرب", "منذ 30
  آذار", "الحرب التي أودت بحياة نحو نصف مليون", "خلال سبع سنوات"), a
  figure so large it can only be one (``AGGREGATE_AT``), hundreds with no day
  of the report ("قتل مئات المدنيين"), or the toll of an act of an earlier
  year told as background ("في العام الماضي", "في 2017");
- ``combined``: killed and wounded counted together ("23 قتيلا وجريحا", "88
  بين قتيل وجريح"): neither a death toll nor an injury count, so both stay
  unknown;
- ``subset``: part of another figure ("82 شهيدا، 20 منهم من منتظري المساعدات"):
  it says who the dead were, it adds no one;
- ``update``: an event's toll told as the rise of a running count ("ارتفعت
  حصيلة الشهداء إلى 24"): it supersedes the figures it updates (:func:`pick_toll`
  within a record; :mod:`rasd.counting` across retellings and articles, which
  read the rise's words, :func:`rise_span`, as the record's ``FIELD_update`` evidence).

Only ``event`` figures are tolls; the others stay in the document, flagged,
as evidence of what was read. Assembly picks among the event figures of one
event with :func:`pick_toll`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from rasd.doc import Doc, Mention
from rasd.extract.casualties import CONTRAST
from rasd.extract.dating import runs_from
from rasd.extract.elapsed import elapsed_spans, of_the_past
from rasd.lang.alternatives import by_first_letter, words_alternation
from rasd.lang.ar.dates import AMBIGUOUS_MONTHS, MONTHS
from rasd.model import Span

if TYPE_CHECKING:
    from rasd.extract.casualties import Casualty

__all__ = ["Scope", "AGGREGATE_AT", "pick_toll", "period_sentences", "rise_span"]

# The largest single events in conflict event data for these wars number in the
# hundreds (the independent dataset the extraction issue cites: 600 for Syria in
# 2018); a figure of a thousand or more in a news report is a campaign or war total.
AGGREGATE_AT = 1000
# A day's protest can wound a few thousand (1,400 at the Gaza fence on 30 March 2018, 2,771 on 14 May); five
# thousand and more wounded is nearly always a campaign's or a war's count.
AGGREGATE_INJURED_AT = 3000


# "قتل 40 مدنيا خلال شهر يونيو الماضي": a month's tally ("في شهر يونيو" may date an act)
_MONTH_NAMES = words_alternation(MONTHS)
_CLEAR_MONTHS = words_alternation(set(MONTHS) - AMBIGUOUS_MONTHS)


def _each(words: str, rest: str) -> str:
    """``(?:words)rest`` written as one alternative per word ("خلال\\s+…|في\\s+…"): the same matches in the same
    order, and as every alternative of the period patterns then opens with a letter, the regex engine skips
    to the letters a period phrase can start with instead of trying each phrase at every character."""
    return "|".join(word + rest for word in words.split("|"))


_PERIOD_HEAD = (
    r"منذ\s+(?:\S+\s+){0,2}?(?:بدء|بدايه|اندلاع|تشكيل\S*|عام|السابع|7|انطلاق|مطلع|العدوان|الحرب)|منذ\s+(?!(?:ال)?(?:فجر|صباح|ساعات)(?!\w))(?:(?!الي\s)[^\s،,.:؛]+\s+){0,3}?\d|"
    r"منذ\s+(?:ان\s+)?(?:تكثيف|تصعيد|شن|بدا|بدات|بداها|بداه|اطلاق|تجديد|استيناف|استئناف|انطلاق)(?!\w)|"
    + _each("التي|الذي", r"\s+(?:شهدت|شهد)\s+(?:مقتل|سقوط)") + "|"
    r"منذ\s+(?:(?:يوم|مساء|ليل|ليله)\s+)?(?:ال)?(?:احد|اثنين|ثلاثاء|اربعاء|خميس|جمعه|سبت)(?!\w)"
)
# Two or three days ("خلال يومين", "في 72 ساعة", "يومي الخميس والجمعة"; longer spans are periods, ``_PERIOD``):
# a figure told for them is their toll, not one day's
_SPAN = re.compile(r"(?:(?:خلال|في|علي\s+مدي|علي\s+مدار)\s+(?:ال)?(?:ـ\s*)?(?:48\s+ساعه|72\s+ساعه|يومين|اليومين)"
                   r"|يومي\s+(?:ال)?\S+\s+و(?:ال)?\S+)(?!\w)")
_SPAN_REACH = 80  # characters either side of the figure, in its clause
# "وقتل 234 من عناصر التنظيم و116 من قوات النظام، كما قتل في الفترة ذاتها 142": the period told before; every
# figure of the sentence is its total
_SAME_PERIOD = re.compile(r"(?:خلال|في)\s+(?:نفس\s+الفتره|الفتره\s+(?:نفسها|ذاتها))")
# "لأيام متواصلة" may begin on any word, so trying it at every position costs more than all the other
# phrases together: a sentence without its closing word is searched without it (the same matches).
_RUNNING = r"ل?(?:\S+\s+)?(?:ايام|اسابيع|اشهر)\s+(?:متواصله|متتاليه)(?!\w)"
_RUNNING_WORD = re.compile(r"متواصله|متتاليه")
_PERIOD_TAIL = (
    _each("خلال|في|طوال|طيله", r"\s+(?:ال)?(?:\S+\s+)?(?:ايام|الايام|اسبوع|الاسبوع|اسابيع|الاسابيع|اشهر|الاشهر)(?!\w)") + "|"
    + _each("طوال|طيله", r"\s+(?:ال)?(?:\S+\s+)?(?:سنوات|السنوات|اعوام|الاعوام|عقود)(?!\w)") + "|"
    + _each("خلال|في|طوال|طيله", r"\s+(?:هذه|تلك)\s+(?:ال)?فتره") + "|" + _each("في|خلال", r"\s+الاونه\s+الاخيره") + "|"
    + _each("هذا|خلال", r"\s+العام(?!\w)") + "|"
    + _each("خلال|طوال|طيله", rf"\s+(?:شهر\s+(?:{_MONTH_NAMES})|(?:{_CLEAR_MONTHS}))(?!\w)") + "|"
    + _each("خلال|في", r"\s+(?:ال)?فتره\s+(?:ما\s+)?(?:بين|من)(?!\w)") + "|"
    + _each("خلال|في", r"\s+(?:\S+\s+)?\d+\s+(?:يوما|يوم)(?!\w)") + "|"
    + _each("العمليه|الحمله|الحرب|المعارك|الهجوم|القصف|العدوان", r"\s+(?:\S+\s+)?(?:شهدت|شهد)\s+(?:مقتل|سقوط)") + "|"
    + _each("ايام|اسبوع|اسبوعين|اسابيع|شهر|شهرين|اشهر", r"\s+من\s+(?:ال)?(?:قصف|غارات|حمله|تصعيد|معارك|هجمات|هجوم)") + "|"
    + _each("التصعيد|الحمله|الهجمه", r"\s+(?:\S+\s+)?(?:الاخير|الاخيره|المستمر|المستمره)(?!\w)") + "|"
    + _each("العمليه|الحمله|الهجوم", r"\s+(?:العسكريه\s+|العسكري\s+)?(?:الجاريه|الجاري|المتواصله|المتواصل)(?!\w)") + "|"
    + _each("ياتي|تاتي|يجيء|جاء|جاءت", r"\s+(?:ذلك|هذا|هذه)\s+(?:\S+\s+){0,2}?(?:مع|وسط|في ظل)\s+(?:مقتل|سقوط|ارتفاع)") + "|"
    r"حتي الان|الاجماليه|اجمالي|الاجمالي|المتراكمه|منذ تشكيله|"
    r"منذ\s+(?:اكثر من\s+|نحو\s+|قرابه\s+|حوالي\s+)?(?:\S+\s+)?(?:سنوات|اعوام|عامين|سنتين|شهور|اشهر|شهرين|اسابيع|ايام)(?!\w)|"
    r"خلال\s+(?:ال)?(?:\S+\s+){0,2}(?:سنوات|اعوام|عامين|سنتين|شهور|اشهر|شهرين|اسابيع|الحرب|النزاع|الصراع|التدخل)(?!\w)|"
    r"خلال\s+(?:ال)?(?:اسبوع|الاسبوع|الايام|ايام|الاسابيع|اسابيع|الاشهر|الشهر|شهر)\s+(?:ال)?(?:ماضي|ماضيه|منصرم|اخير|اخيره|فايت|فايته)(?!\w)|"
    + _each("استمر|استمرت|دام|دامت", r"\s+(?:\S+\s+)?(?:ايام|يومين|اسابيع|اسبوعين|اشهر|شهرين|شهور|سنوات)(?!\w)[^.]{0,40}?(?:خلاله|خلالها)")
)
# the phrases grouped by their first letter (the same matches, half the time per sentence)
_PERIOD = re.compile(f"{by_first_letter(_PERIOD_HEAD)}|{_RUNNING}|{by_first_letter(_PERIOD_TAIL)}")
_PERIOD_NOT_RUNNING = re.compile(by_first_letter(f"{_PERIOD_HEAD}|{_PERIOD_TAIL}"))
# a sentence that goes on with what its source documented ("ووثق المكتب", "وأحصت الشبكة")
_GOES_ON = re.compile(r"\W*و(?:وثق|وثقت|احصي|احصت|رصد|رصدت|سجل|سجلت)(?!\w)")
# a figure this large in the sentence right after a period phrase, with no date of its own, is that period's total
_PERIOD_SIZED = 100
# the battles of a campaign, definite ("في المعارك في عفرين", "في هذه المعارك"): not one day's fight
_IN_THE_BATTLES = re.compile(r"(?<!\w)(?:في|خلال|جراء)\s+(?:هذه\s+(?:ال)?معارك|المعارك)(?!\w)")
_RISES_TO = 30
# "وارتفعت بذلك حصيلة القتلى … خلال الأسابيع السبعة الأخيرة … إلى 610": the figure a period's toll noun runs to
_RUNS_TO = 160
_TO = re.compile(r"(?<!\w)(?:الي|لتصل|ليصل|لتبلغ|ليبلغ)(?!\w)")
# "الحصيلة الأكبر منذ اندلاع الحرب", "أعنف هجوم منذ سيطرة النظام": a record compared with a period, not a period total
_SUPERLATIVE = re.compile(r"(?<!\w)(?:ال)?(?:اكبر|اعلي|اسوا|ادمي|اعنف|اشد|اكثر دمويه|اول)(?!\w)(?![^.]*(?:حصيله|عدد)\s+(?:ال)?(?:قتلي|ضحايا|شهداء)\s+(?:الي|ل))")  # characters from a period phrase to the count it runs to
# "وقصف تل أبيب للمرة الأولى منذ مايو", "للمرة الأولى منذ 4 أيام", "لأول مرة منذ": a first time since, no period
_FIRST_SINCE = re.compile(r"(?<!\w)(?:(?:لل|ل)?مره\s+(?:ال)?اولي|لاول\s+مره)\s+منذ\s")
# "ووثق المرصد في المقابل مقتل 400", "كما قتل أكثر من 370": the other side's total, said right after a period total
_COUNTERPART = re.compile(r"(?:في\s+|ب)المقابل|في الجانب الاخر|من الجانب الاخر|^\W*(?:و)?كما\s")
# "مئات الآلاف": hundreds of thousands, whatever the number parser made of it
_THOUSANDS_AFTER = re.compile(r"\s*(?:من\s+)?(?:ال)?(?:الاف|الوف)(?!\w)")
# "ستة آلاف و259 مدنيا", "36 ألفا و224 شهيدا": the figure is the tail of a total in thousands
_THOUSANDS_BEFORE = re.compile(r"(?<!\w)(?:الف|الفا|الاف|الوف)\s+و?$")
# "الحرب التي أودت بحياة …", "النزاع الذي خلف …": a toll said of the whole war
_WAR_TOLL = re.compile(
    r"(?:الحرب|النزاع|الصراع|الازمه|الثوره|الحمله|الاقتتال)\S*\s+(?:\S+\s+){0,6}?(?:الذي|التي)\s+(?:\S+\s+){0,2}?"
    r"(?:اودي|اودت|خلف|خلفت|اسفر|اسفرت|راح|قتل|اوقع|اوقعت|حصد|حصدت|تسبب|تسببت)(?!\w)"
)
# killed and wounded side by side: "23 قتيلا وجريحا", "88 بين قتيل وجريح"
_KILLED_WORDS = ("قتيل", "قتلي", "شهيد", "شهداء")
_HIT_NOUN = "(?:" + "|".join((*_KILLED_WORDS, "جريح", "جرحي", "مصاب")) + ")"  # a noun of the killed or the wounded
_PAIR_AFTER = re.compile(rf"\s*(?:و|او)\s*(?:ال)?{_HIT_NOUN}\S*")
_PAIR_BEFORE = re.compile(rf"{_HIT_NOUN}\S*\s*(?:و|او)\s*$")
# "مقتل وجرح العشرات", "قتل وأصيب 12": one figure for the killed and the wounded, told after both cues
_VERBAL_PAIR = re.compile(r"(?<!\w)(?:مقتل|قتل|استشهاد|سقوط)\s+(?:و|او)$")
_VERBAL_TWIN = re.compile(r"(?:مقتل|قتل|استشهاد)\s+(?:و|او)(?:اسر|جرح|اصابه|اصيب)\S*\s")
# "تعرض 21 آخرين للقتل والإصابة": one figure for both, told before the two nouns
_NOUN_TWIN = re.compile(r"(?:لل|ال)?(?:قتل|موت)\s+(?:و|او)\s*(?:لل|ال)?(?:اصابه|جرح)(?!\w)")
_BETWEEN = re.compile(r"(?:^|\s)(?:ما\s+)?بين\s*$")
# "سقوط عشرات الضحايا بين قتيل وجريح": the figure before it counts both
_BETWEEN_TWINS = re.compile(rf"\s*(?:(?:ال)?(?:ضحايا|اشخاص|شخصا|مدنيين|مدنيا)\s+)?(?:ما\s+)?بين\s+(?:ال)?{_HIT_NOUN}\S*\s*(?:و|او)")
_SUBSET = re.compile(r"(?:^|\s)(?:من\s+)?(?:بينهم|منهم|بينها|منها|بينهن|منهن)\s*$")
_SUBSET_AFTER = re.compile(r"\s*(?:من\s+)?(?:منهم|بينهم|منهن|بينهن)(?!\w)")
# an update of a running toll: "ارتفعت حصيلة الشهداء إلى 24" (not "بلغت": another source's figure reads so too)
# "قتل 29 مدنيا، لترتفع بذلك حصيلة القصف إلى 1517": the figure after "بذلك" is the running total the day's adds to
_RAISED_BY_IT = re.compile(r"(?:ارتفع|ارتفعت|يرتفع|ترتفع)\s+بذلك\s+(?:\S+\s+){0,8}?$")
_UPDATE = re.compile(r"(?:ارتفع|ارتفعت|يرتفع|ترتفع|ارتفاع)\S*\s+(?:\S+\s+){0,7}?$")


class Scope:
    """Pipeline component: sets each casualty mention's ``scope`` (and ``cumulative``)."""

    name = "scope"
    requires: tuple[str, ...] = ("casualties", "clauses", "dates")
    sets: tuple[str, ...] = ("scopes", "elapsed")

    def __call__(self, doc: Doc) -> Doc:
        for start, end, i in elapsed_spans(doc):  # read by eventness too
            doc.add(Mention("elapsed", start, end, None, i))
        for i, spans in _period_cues(doc).items():  # kept once, read by eventness and the judge
            for start, end in spans:
                doc.add(Mention("period", start, end, None, i))
        in_period = _period_figures(doc)
        for m in doc.of("casualty"):
            m.value = replace(m.value, **_scope_of(doc, m, id(m) in in_period))
        combined = {m.value.number_start for m in doc.of("casualty") if m.value.scope == "combined" and m.value.number_start >= 0}
        for m in doc.of("casualty"):  # "سقوط عشرات القتلى والجرحى": another cue reading the combined figure reads it too
            if m.value.number_start in combined and m.value.scope not in ("combined", "cumulative"):
                m.value = replace(m.value, scope="combined")  # its figure still says people were hit; it is no toll
        totals = {(m.value.kind, m.value.count) for m in doc.of("casualty") if m.value.cumulative and m.start >= doc.title_end}
        for m in doc.of("casualty"):  # "400 قتيل في الغوطة" over "لقي أكثر من 400 مدني مصرعهم في خمسة أيام"; a subheading's
            # "وارتفاع عدد القتلى إلى 105" over "ليرتفع عدد القتلى المدنيين منذ بدء التصعيد إلى 105": the same total again
            if (m.value.count or 0) >= _PERIOD_SIZED and (m.value.kind, m.value.count) in totals and not m.value.cumulative and (
                    m.start < doc.title_end or m.value.kind == "killed"):
                m.value = replace(m.value, scope="cumulative", cumulative=True)
        for m in doc.of("casualty"):  # "مقتل ثلاثة منهم" with no larger figure beside it is the toll itself
            if m.value.scope == "subset" and not any(
                o.sentence == m.sentence and o.value.kind == m.value.kind and (o.value.count or 0) > (m.value.count or 0)
                for o in doc.of("casualty")
            ):
                m.value = replace(m.value, scope="event")
        return doc


def _period_cues(doc: Doc) -> dict[int, list[tuple[int, int]]]:
    """Per sentence, the spans that speak of a period, a campaign or the whole war; a sentence that only
    continues a period total ("ووثق المرصد في المقابل …") gets its whole span."""
    text = doc.ntext
    cues: dict[int, list[tuple[int, int]]] = {}
    dates_in: dict[int, list[Mention]] = {}
    for d in doc.of("date"):
        dates_in.setdefault(d.sentence, []).append(d)
    for i, (s, e) in enumerate(doc.sentences):
        period = _PERIOD if _RUNNING_WORD.search(text, s, e) else _PERIOD_NOT_RUNNING
        found = [m.span() for rx in (period, _WAR_TOLL) for m in rx.finditer(text, s, e)
                 if not _SUPERLATIVE.search(text, max(s, m.start() - 50), m.start()) and not _since_yesterday(doc, *m.span())
                 and not _FIRST_SINCE.search(text, max(s, m.start() - 30), m.start() + 4)]
        # "منذ نهاية آذار", "المستمرة منذ الشهر الماضي": the day a campaign runs from (rasd.extract.dating.runs_from)
        found += [(d.start, d.end) for d in dates_in.get(i, ()) if runs_from(doc, d)
                  and not _SUPERLATIVE.search(text, max(s, d.start - 50), d.start)
                  and not _FIRST_SINCE.search(text, max(s, d.start - 30), d.start)]
        if _SAME_PERIOD.search(text, s, e):
            found = [(s, e)]
        if found:
            cues[i] = found
    dated = set(dates_in)
    for i in range(1, len(doc.sentences)):
        near = (i - 1 in cues or (i - 2 in cues and i - 1 not in dated))  # "…منذ بدء الهجوم… وتنفي أنقرة… كما قتل 370"
        if near and i not in cues and i not in dated and _COUNTERPART.search(text[slice(*doc.sentences[i])]):
            cues[i] = [doc.sentences[i]]
    return cues


def _clause_said_of(doc: Doc, start: int, figures: list[Mention]) -> int:
    """The clause whose figures a period phrase at ``start`` is said of: its own, or, when it opens a clause with
    no figure ("قتل أكثر من 160 وإصابة 17500، منذ انطلاق المسيرات"), the clause before it."""
    clause = doc.clause_of(start)
    opens = not doc.ntext[doc.clauses[clause][0] : start].strip(" ،,-\"'«»()و")
    if opens and clause > 0 and not any(doc.clause_of(m.start) == clause for m in figures):
        return clause - 1
    return clause


def _of_the_news(doc: Doc, d: Mention) -> bool:
    """A date of the report's own days (today, yesterday, a weekday this week), not the start of a period."""
    return (doc.published is not None and d.value.value is not None and d.value.precision == 1
            and 0 <= (doc.published - d.value.value).days <= 2)


def _since_yesterday(doc: Doc, start: int, end: int) -> bool:
    """"منذ الاثنين" in Tuesday's paper is the day's toll, not a period's."""
    if doc.published is None:
        return False
    return any(start <= d.start < end and d.value.value is not None and d.value.precision == 1
               and (doc.published - d.value.value).days == 1 for d in doc.of("date"))


def period_sentences(doc: Doc) -> set[int]:
    """Sentences that speak of a period, a campaign or the whole war ("منذ بدء الحرب", "خلال سبع سنوات"),
    as the scope component found them (its ``period`` mentions)."""
    return {m.sentence for m in doc.of("period")}


def _period_figures(doc: Doc) -> set[int]:
    """The casualty mentions a period phrase is said of: in its sentence, the figure nearest to it
    ("ومقتل 9 مدنيين في غارة، ومقتل 62 عنصرا، منذ الاثنين": only the 62)."""
    out: set[int] = set()
    by_sentence: dict[int, list[Mention]] = {}
    for m in doc.of("casualty"):
        by_sentence.setdefault(m.sentence, []).append(m)
    dated = {d.sentence for d in doc.of("date") if d.value.kind != "year"}
    after = {cue.sentence + 1 for cue in doc.of("period") if cue.start >= doc.title_end}  # a headline is not the lead's period
    # "كشف مكتب التوثيق مقتل 311 شخصا. ووثق المكتب … منذ بداية الحملة": the source goes on about the same period
    after |= {cue.sentence - 1 for cue in doc.of("period") if cue.sentence - 1 >= 0
              and doc.sentences[cue.sentence - 1][0] >= doc.title_end and _GOES_ON.match(doc.ntext, doc.sentences[cue.sentence][0])}
    for i in after - dated - period_sentences(doc):
        # "ومنذ يوم الأحد تتعرض الغوطة لقصف مكثف. وقتل 400 شخص في القصف": a large undated figure right after a period
        out |= {id(m) for m in by_sentence.get(i, []) if (m.value.count or 0) >= _PERIOD_SIZED}
    for cue in doc.of("period"):
        figures = by_sentence.get(cue.sentence, [])
        s, e = cue.start, cue.end
        if (s, e) == doc.sentences[cue.sentence]:
            out |= {id(m) for m in figures}
        elif figures:
            days = [d.start for d in doc.of("date") if d.sentence == cue.sentence and not s <= d.start < e
                    and _of_the_news(doc, d)]
            # "استشهد 33 -فجر اليوم- في قصف … ضمن إبادة يشنها منذ 14 شهرا": a day named between them keeps the figure the day's
            figures = [m for m in figures if not any(min(m.end, s) <= d < max(m.start, e) for d in days)]
            said_of = _clause_said_of(doc, s, figures)
            for kind in {m.value.kind for m in figures} - {"killed"}:  # "770 قتيلا و4050 جريحا في الفترة ما بين …"
                same = [m for m in figures if m.value.kind == kind and doc.clause_of(m.start) == said_of]
                if same:
                    out.add(id(min(same, key=lambda m: max(m.start - e, s - m.end, 0))))
            killed = [m for m in figures if m.value.kind == "killed" and doc.clause_of(m.start) == said_of]
            if not (killed or figures):
                continue
            nearest = min(killed or figures, key=lambda m: max(m.start - e, s - m.end, 0))
            follows = [m for m in figures if m.value.count is not None and (0 <= m.start - e <= _RISES_TO or (
                nearest.value.count is None and m.value.kind == nearest.value.kind
                and 0 <= m.start - nearest.end <= _RUNS_TO and _TO.search(doc.ntext, nearest.end, m.start)))]
            # "ارتفع عدد القتلى منذ الأحد ليصل إلى 403": the count the period runs to, not the bare cue before it
            out.add(id(nearest))
            # "… منذ 19 نيسان إلى 142 قتيلا، في حين ارتفع عدد قتلى التنظيم إلى 111": the other side's total, set beside it
            out |= {id(m) for m in figures if m.start > nearest.end and doc.clause_of(m.start) != doc.clause_of(nearest.start)
                    and _sets_beside(doc, m)}
            if nearest.value.count is None and follows:
                out.add(id(follows[0]))
    return out


def _sets_beside(doc: Doc, m: Mention) -> bool:
    """The figure's clause opens with "في حين", "بينما", "فيما" or "كما": it tells a total set beside another."""
    start, end = doc.clauses[doc.clause_of(m.start)]
    return bool(CONTRAST.match(doc.ntext, start, end) or _COUNTERPART.search(doc.ntext[start:end]))


def _scope_of(doc: Doc, m: Mention, in_period: bool) -> dict[str, object]:
    cas: Casualty = m.value
    text = doc.ntext
    clause_start = doc.clauses[doc.clause_of(m.start)][0]
    thousands_before = cas.number_start >= 0 and _THOUSANDS_BEFORE.search(text, max(0, cas.number_start - 12), cas.number_start)
    raised_by_it = _RAISED_BY_IT.search(text, max(clause_start, m.start - 90), m.start)
    ceiling = AGGREGATE_INJURED_AT if cas.kind == "injured" else AGGREGATE_AT
    if (in_period or (cas.count is not None and cas.count >= ceiling) or raised_by_it or _THOUSANDS_AFTER.match(text, m.end)
            or thousands_before or _undated_campaign_toll(doc, m) or of_the_past(doc, m)):
        return {"scope": "cumulative", "cumulative": True}
    if _combined(doc, m, cas, clause_start):
        return {"scope": "combined", "count": None, "vague": False}
    if cas.number_start >= 0 and (_SUBSET.search(text, max(clause_start, cas.number_start - 20), cas.number_start)
                                  or _SUBSET_AFTER.match(text, m.end)):
        return {"scope": "subset"}
    if _several_days(doc, m):  # "ارتفعت الحصيلة إلى 100 خلال يومين": the days' total, no update of the day's toll
        return {"scope": "event", "several_days": True}
    if _rise(doc, m) is not None:
        return {"scope": "update"}
    return {"scope": "event"}


def _several_days(doc: Doc, m: Mention) -> bool:
    """The figure is told for two or three days: a span of ``_SPAN`` near it in its clause."""
    start, end = doc.clauses[doc.clause_of(m.start)]
    return _SPAN.search(doc.ntext, max(start, m.start - _SPAN_REACH), min(end, m.end + _SPAN_REACH)) is not None


def _rise(doc: Doc, m: Mention) -> re.Match[str] | None:
    """The rise words before ``m`` in its clause ("ارتفعت حصيلة الشهداء إلى"), if any."""
    return _UPDATE.search(doc.ntext, max(doc.clauses[doc.clause_of(m.start)][0], m.start - 60), m.start)


def rise_span(doc: Doc, m: Mention) -> Span | None:
    """The evidence that ``m``'s figure is told as a rise: from the rise words through the figure; ``None`` if it is not."""
    rise = _rise(doc, m) if m.value.scope == "update" else None
    return doc.evidence(rise.start(), m.end) if rise is not None else None


def _undated_campaign_toll(doc: Doc, m: Mention) -> bool:
    """"قتل مئات المدنيين", "أودى بحياة المئات", "289 مدنيا قد قتلوا في المعارك في عفرين": hundreds killed, or a
    hundred and more in the battles, with no day of the report in the sentence sum up a campaign or a war; "سقط
    مئات القتلى اليوم" is the day's, and hundreds wounded or arrested may be one day's."""
    if not (m.value.kind == "killed" and (m.value.count or 0) >= _PERIOD_SIZED) or any(
            d.sentence == m.sentence and _of_the_news(doc, d) for d in doc.of("date")):
        return False
    if m.value.vague or _IN_THE_BATTLES.search(doc.ntext, *doc.clauses[doc.clause_of(m.start)]):
        return True  # "… في حين قتل أكثر من 100 مسلح": the other side's total, set beside it
    return _sets_beside(doc, m) and bool(_IN_THE_BATTLES.search(doc.ntext, *doc.sentences[m.sentence]))


def _is_killed_word(word: str) -> bool:
    return any(w in word for w in _KILLED_WORDS)


def _combined(doc: Doc, m: Mention, cas: Casualty, clause_start: int) -> bool:
    """Killed and wounded counted as one figure: the cue and its other-kind twin share one number."""
    text = doc.ntext
    killed = cas.kind == "killed"
    if cas.kind not in ("killed", "injured"):
        return False
    if 0 <= cas.number_start and _BETWEEN_TWINS.match(text, m.end):
        return True
    pair = _PAIR_AFTER.match(text, m.end)
    number_first = 0 <= cas.number_start <= m.start  # "23 قتيلا وجريحا", not "مقتل 3 وإصابة 5"
    if pair and number_first and _is_killed_word(pair.group(0)) != killed:
        return True
    lo = max(clause_start, m.start - 30)
    pair = _PAIR_BEFORE.search(text, lo, m.start)
    own_number = cas.number_start >= pair.end() if pair else False  # "14 شهيدا و108 مصابين": 108 is its own
    if pair and not own_number and _is_killed_word(pair.group(0)) != killed:
        return True  # the twin cue of "23 قتيلا وجريحا"
    if not killed and _VERBAL_PAIR.search(text, lo, m.start) and not any(  # "رجل واحد قتل وأصيب 6": 6 are the wounded
            k.value.kind == "killed" and k.value.count is not None and lo <= k.start < m.start for k in doc.of("casualty")):
        return True
    twin = _NOUN_TWIN.search(text, max(m.start, m.end - 8), m.end + 30) if killed and 0 <= cas.number_start else None
    if twin is not None and twin.start() < m.end:
        return True
    if killed and cas.number_start > m.start and _VERBAL_TWIN.match(text, m.start):
        return True  # "مقتل وأسر العشرات": the killed cue's figure is told after its twin
    return cas.number_start != m.start and bool(_BETWEEN.search(text, lo, m.start))  # not a range: "بين 40 و70 قتيلا"


def pick_toll(mentions: Sequence[Mention], kind: str) -> tuple[int | None, bool, list[Mention], bool]:
    """(count, known, evidence, vague) for one event from its casualty mentions of ``kind``.

    The event model's counting rule: a later update of a running toll replaces
    the earlier figure; otherwise, where reports of the event in different
    sentences differ, the most conservative specific figure (within one sentence
    the larger figure, which holds the smaller); a vague word ("عشرات") only when nothing
    specific is given; a cue with no figure (or a combined one) is unknown.
    """
    found = [m for m in mentions if m.value.kind == kind and m.value.scope != "cumulative"]
    known = [m for m in found if m.value.count is not None and m.value.scope not in ("subset", "combined")]
    specific = [m for m in known if not m.value.vague]
    updates = [m for m in specific if m.value.scope == "update"]
    if updates:
        best = max(updates, key=lambda m: m.value.count)
        return best.value.count, True, [best], False
    # several days' toll ("250 قتيلا خلال يومين") only where no figure is a day's own: a day's toll is its event's
    pick = [m for m in specific if not m.value.several_days] or specific or [m for m in known if not m.value.several_days] or known
    if pick:
        # within one sentence the larger figure is the whole ("مقتل جندي … و27 فلسطينيا" names two groups);
        # across sentences figures are retellings, often by other sources: the most conservative one
        whole = {s: max(m.value.count for m in pick if m.sentence == s) for s in {m.sentence for m in pick}}
        best = min((m for m in pick if m.value.count == whole[m.sentence]), key=lambda m: m.value.count)
        return best.value.count, True, [m for m in pick if m.value.count == best.value.count], bool(best.value.vague)
    if found:
        return None, False, found, False
    return None, False, [], False
