"""Acts told as weeks or more before the news: "بعد شهور على قيام طائرات أميركية … قتلت نحو 300",
"الأعنف منذ شهر، حين أوقعت غارات 53 قتيلا".

A phrase of elapsed time ("بعد أشهر من", "بعد عامين على", "منذ شهر، حين") names an act of weeks, months or
years before the report. What it governs is background: an act there with no date of its own is no event of the
article (:mod:`rasd.extract.eventness`), and its figures are no toll (:mod:`rasd.extract.scope`). Hours and days
("بعد ساعات من", "بعد أيام على") are still the news, so they are no cue.

How far the phrase governs depends on where it stands. Fronted, opening its sentence ("بعد أسابيع من المعارك،
سيطرت القوات على المدينة"), it is an adverbial of the main clause that follows: only its own clause is the past.
After the main verb ("واستخدمت … بعد شهور على قيام طائرات …، قتلت نحو 300"), everything to the end of the
sentence is its complement.

The scope component adds the spans to the document as ``elapsed`` mentions, and asks :func:`of_the_past` of
each figure: one in such a span, or told of an act of an earlier year ("في العام الماضي", "بين 2011 و2013").
"""

from __future__ import annotations

import re

from rasd.doc import Doc, Mention
from rasd.lang.alternatives import WordInitial

__all__ = ["elapsed_spans", "in_elapsed", "of_the_past"]

_SPAN = r"(?:(?:نحو|قرابه|حوالي|اكثر\s+من)\s+)?(?:\S+\s+)?(?:شهر|شهرين|اشهر|شهور|اسابيع|اسبوعين|عام|عامين|سنه|سنتين|سنوات|اعوام)"
_ELAPSED = WordInitial(
    rf"(?:و)?(?:بعد\s+{_SPAN}\s+(?:علي|من)(?!\w)|منذ\s+{_SPAN}\s*[،,]?\s*(?:حين|عندما|يوم)(?!\w))"
)
# the words a fronted phrase may follow at the head of its sentence
_HEAD = re.compile(r"[\W\d]*(?:و|ف|ثم\s+)?")
# a clause that opens with a conjunction is a new main clause ("…بعد أسابيع من الهدوء، وقتلت الغارات 5 أمس"),
# unless it points back into the span ("بعد أسابيع من مسيرات العودة، وقتل فيها قرابة 123")
_NEW_CLAUSE = re.compile(r"[^\w]*(?:و|ف|ثم\s|كما\s|فيما\s|بينما\s|في\s+حين\s)(?!\S*\s+(?:فيها|فيه|خلالها|خلاله)(?!\w))")
# a day of the last week inside the span dates an act of the news ("بعد أسابيع من التظاهرات بلغت ذروتها الاثنين")
_RECENT_DAYS = 7
# "ردا على هجوم كيماوي في العام الماضي قتل 70": a past year's act, its toll told as background ("حينها", "وقتها"
# say only "then": the act may be of this month)
_PAST = re.compile(r"(?<!\w)(?:(?:ال)?عام\s+(?:ال)?ماضي|السنه\s+الماضيه)(?!\w)")
_YEAR = re.compile(r"(?<![\w/])(?:19|20)\d\d(?![\w/])")
_SINCE = re.compile(r"منذ\s+(?:\S+\s+)?$")  # "منذ 2014", "منذ صيف 2014"
_PAST_REACH = 80  # characters either side of the figure


def elapsed_spans(doc: Doc) -> list[tuple[int, int, int]]:
    """(start, end, sentence) of each phrase of elapsed time and what it governs (module docstring)."""
    text = doc.ntext
    out = []
    for i, (s, e) in enumerate(doc.sentences):
        for m in _ELAPSED.finditer(text, s, e):
            clause = doc.clause_of(m.start())
            end = doc.clauses[clause][1]
            if _HEAD.fullmatch(text, s, m.start()) is None:  # after the main verb: to the next main clause
                for c_start, c_end in doc.clauses[clause + 1:]:
                    if c_start >= e or _NEW_CLAUSE.match(text, c_start, c_end):
                        break
                    end = c_end
            end = min(end, e)
            if not any(m.start() <= d.start < end and _recent(doc, d) for d in doc.of("date")):
                out.append((m.start(), end, i))
    return out


def _recent(doc: Doc, d: Mention) -> bool:
    return (doc.published is not None and d.value.value is not None and d.value.kind != "year"
            and 0 <= (doc.published - d.value.value).days <= _RECENT_DAYS)


def in_elapsed(doc: Doc, start: int, end: int | None = None) -> Mention | None:
    """The ``elapsed`` mention holding ``[start, end)``, if any."""
    end = start + 1 if end is None else end
    return next((m for m in doc.of("elapsed") if m.start <= start and end <= m.end), None)


def of_the_past(doc: Doc, m: Mention) -> bool:
    """The figure is told of an act of an earlier year: near it in its clause "في العام الماضي" or an
    earlier year ("بين 2011 و2013"); not a year a period starts from ("منذ 2014") or a record is compared with
    ("الأكثر دموية منذ 2014" is also a period)."""
    if in_elapsed(doc, m.start, m.end):  # "بعد شهور على قيام طائرات … قتلت نحو 300"
        return True
    start, end = doc.clauses[doc.clause_of(m.start)]
    start, end = max(start, m.start - _PAST_REACH), min(end, m.end + _PAST_REACH)
    text = doc.ntext
    if _PAST.search(text, start, end):
        return True
    if doc.published is None:
        return False
    earlier = [y.start() for y in _YEAR.finditer(text, start, end) if int(y.group(0)) < doc.published.year
               and not _SINCE.search(text, max(0, y.start() - 16), y.start())]
    # "أكثر من 2000 جريح" counts, it dates nothing (the doc's counts are read only when a year is near)
    return bool(earlier) and not set(earlier) <= {c.value.number_start for c in doc.of("casualty")}
