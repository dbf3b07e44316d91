"""Arabic date expressions, resolved against the publication date.

Both month-name systems (Levantine/Iraqi "آذار", Egyptian/Gulf "مارس", and
Maghrebi forms), Hijri months with a year, weekdays ("أمس الاثنين"),
relative phrases ("فجر اليوم", "الأسبوع الماضي") and parts of a month
("منتصف شباط الفائت"). Works on normalised text; ACLED time precision:
1 day, 2 week or part of a month, 3 month.
"""

from __future__ import annotations

import re
from calendar import monthrange
from dataclasses import dataclass
from datetime import date, timedelta

from rasd.lang.alternatives import WordInitial
from rasd.lang.alternatives import words_alternation as _alt  # longest first, grouped by first letter

__all__ = ["DateExpr", "find_dates", "MONTHS", "WEEKDAYS"]

MONTHS: dict[str, int] = {
    "كانون الثاني": 1, "شباط": 2, "اذار": 3, "نيسان": 4, "ايار": 5, "حزيران": 6, "تموز": 7, "اب": 8,
    "ايلول": 9, "تشرين الاول": 10, "تشرين الثاني": 11, "كانون الاول": 12,
    "يناير": 1, "فبراير": 2, "مارس": 3, "ابريل": 4, "افريل": 4, "مايو": 5, "يونيو": 6, "يونيه": 6,
    "يوليو": 7, "يوليه": 7, "اغسطس": 8, "سبتمبر": 9, "اكتوبر": 10, "نوفمبر": 11, "ديسمبر": 12,
    "جانفي": 1, "فيفري": 2, "ماي": 5, "جوان": 6, "جويليه": 7, "اوت": 8,
}
# Month names that are also names or common words ("إب" the Yemeni city, "أب" a father, Theresa "ماي",
# "مارس" he practised): a month only with a day, a part of the month, "شهر", a relative word or a year.
AMBIGUOUS_MONTHS = frozenset({"اب", "ماي", "مارس", "جوان", "اوت"})
HIJRI_MONTHS: dict[str, int] = {
    "محرم": 1, "صفر": 2, "ربيع الاول": 3, "ربيع الثاني": 4, "ربيع الاخر": 4, "جمادي الاولي": 5,
    "جمادي الاول": 5, "جمادي الاخره": 6, "جمادي الثانيه": 6, "رجب": 7, "شعبان": 8, "رمضان": 9,
    "شوال": 10, "ذو القعده": 11, "ذي القعده": 11, "ذو الحجه": 12, "ذي الحجه": 12,
}
WEEKDAYS: dict[str, int] = {"الاثنين": 0, "الثلاثاء": 1, "الاربعاء": 2, "الخميس": 3, "الجمعه": 4, "السبت": 5, "الاحد": 6}
# Part of a month → (day, precision)
PARTS: dict[str, tuple[int, int]] = {
    "مطلع": (5, 2), "اوائل": (5, 2), "بدايه": (5, 2), "اول": (5, 2), "منتصف": (15, 2), "اواسط": (15, 2),
    "اواخر": (25, 2), "نهايه": (25, 2), "اخر": (25, 2), "خلال": (15, 3),
}
_UNITS = ("الاول", "الثاني", "الثالث", "الرابع", "الخامس", "السادس", "السابع", "الثامن", "التاسع")
_TEENS = ("الحادي عشر", "الثاني عشر", "الثالث عشر", "الرابع عشر", "الخامس عشر", "السادس عشر", "السابع عشر",
          "الثامن عشر", "التاسع عشر")
# A day of the month as an ordinal word ("في السابع من أبريل", "الحادي والعشرين من آذار"), folded.
ORDINAL_DAYS: dict[str, int] = {
    **{w: i + 1 for i, w in enumerate(_UNITS)}, "العاشر": 10, **{w: i + 11 for i, w in enumerate(_TEENS)},
    "العشرين": 20, "الثلاثين": 30,
    **{f"{w} والعشرين": i + 21 for i, w in enumerate(("الحادي", *_UNITS[1:]))}, "الواحد والعشرين": 21,
    "الحادي والثلاثين": 31, "الواحد والثلاثين": 31,
}
PAST = ("الماضي", "الفايت", "المنصرم", "السابق")
PRESENT = ("الجاري", "الحالي")
FUTURE = ("المقبل", "القادم")

_MONTH = f"(?:{_alt(MONTHS)})"
_MONTHS = rf"(?P<month>{_MONTH})(?:\s*/\s*(?:{_MONTH}))?"
_E = r"(?![\w])"
_DAY_MONTH = WordInitial(
    rf"(?:(?P<part>{_alt(PARTS)})\s+(?:شهر\s+)?|(?P<day>\d{{1,2}})\s+(?:من\s+)?(?:شهر\s+)?"
    rf"|(?P<oday>{_alt(ORDINAL_DAYS)})\s+من\s+(?:شهر\s+)?|(?:شهر|في|خلال)\s+)?"
    rf"(?:ال)?{_MONTHS}(?:\s+(?P<rel>{_alt(PAST + PRESENT + FUTURE)}))?(?:\s+(?:من\s+)?(?:عام\s+)?(?P<year>(?:19|20)\d\d))?{_E}"
)
_HIJRI = WordInitial(rf"(?:(?P<day>\d{{1,2}})\s+(?:من\s+)?)?(?:شهر\s+)?(?P<month>{_alt(HIJRI_MONTHS)})\s+(?:سنه\s+|عام\s+)?(?P<year>1[34]\d\d)\s*(?:ه|هـ|للهجره)?{_E}")
_WEEKDAY = rf"(?P<{{}}>{_alt(WEEKDAYS)})"
_RELATIVE = WordInitial(
    rf"(?:"
    rf"(?P<dby>اول\s+(?:من\s+)?امس)"
    rf"|(?P<yest>امس)(?:\s+{_WEEKDAY.format('wd1')})?"
    rf"|(?P<lastnight>الليله\s+الماضيه|ليل\s+امس|ليله\s+امس)"
    rf"|(?P<today>اليوم|الليله|صباح\s+اليوم|فجر\s+اليوم|ظهر\s+اليوم|مساء\s+اليوم|هذا\s+الصباح)(?:\s+{_WEEKDAY.format('wd3')})?"
    # "قبل يومين على إعادة الفرز": before another event, not before today
    rf"|قبل\s+(?P<ago>يومين|(?:\d+|ثلاثه|اربعه|خمسه|سته|سبعه|ثمانيه|تسعه|عشره)\s+ايام|\d+\s+يوما|اسبوع|اسبوعين|ساعات)"
    rf"(?!\s+(?:علي|من)(?!\w))"
    rf"|(?P<lastweek>الاسبوع\s+الماضي|الاسبوع\s+الفايت|الايام\s+الماضيه|الايام\s+الاخيره)"
    rf"|(?P<midlastmonth>(?P<mpart>{_alt(PARTS)})\s+الشهر\s+(?:الماضي|الفايت|المنصرم))"
    rf"|(?P<thismonth>(?P<tpart>{_alt(PARTS)})\s+(?:الشهر|هذا الشهر)\s*(?:الجاري|الحالي)?)"
    rf"|(?P<lastmonth>الشهر\s+(?:الماضي|الفايت|المنصرم))"
    # "ليل الأحد الاثنين", "يومي السبت والأحد": a night or span across two days is dated by the first
    rf"|(?:(?:يوم|يومي|صباح|فجر|مساء|ليل|ليله|ظهر|عصر)\s+)?{_WEEKDAY.format('wd2')}(?:\s+و?{_WEEKDAY.format('wd4')})?"
    rf"(?:\s+(?P<wdpast>الماضي|الفايت))?"
    rf"){_E}"
)
# Names that contain a date word but are not dates: "روسيا اليوم" (a TV channel), "اليوم السابع" (a newspaper).
_NOT_DATES = WordInitial(rf"(?:روسيا اليوم|اليوم السابع|حتي اليوم|الي اليوم|مثل هذا اليوم){_E}")
_YEAR = WordInitial(rf"(?:عام|سنه|العام)\s+(?P<year>(?:19|20)\d\d){_E}")


@dataclass(frozen=True, slots=True)
class DateExpr:
    """A date phrase at ``[start, end)`` of the normalised text.

    ``value`` is ``None`` when the phrase cannot be placed (no publication
    date); ``future`` marks "المقبل"-style phrases, which never date an event.
    """

    start: int
    end: int
    value: date | None
    precision: int
    kind: str
    future: bool = False


def _month_year(month: int, rel: str | None, year: int | None, published: date | None) -> tuple[int | None, bool]:
    if year:
        return year, bool(published and (year, month) > (published.year, published.month))
    if published is None:
        return None, False
    if rel in FUTURE:
        return (published.year if month > published.month else published.year + 1), True
    if rel in PRESENT:
        return published.year, False
    y = published.year if month <= published.month else published.year - 1
    if rel in PAST and month == published.month:
        y -= 1
    return y, False


def _weekday_before(published: date, weekday: int, strictly: bool) -> date:
    delta = (published.weekday() - weekday) % 7
    if delta == 0 and strictly:
        delta = 7
    return published - timedelta(days=delta)


def _hijri(year: int, month: int, day: int | None) -> tuple[date | None, int]:
    try:
        from hijridate import Hijri
    except ImportError:  # optional dependency: without it Hijri dates are found but not placed
        return None, 3
    try:
        g = Hijri(year, month, day or 15).to_gregorian()
        return date(g.year, g.month, g.day), 1 if day else 3
    except (ValueError, OverflowError):
        return None, 3


_LATE_PAPER = 2  # days a paper may print "اليوم <weekday>" after that day; further, the weekday is a slip, today stands


def _relative(m: re.Match[str], published: date | None) -> DateExpr:
    g = m.groupdict()
    s, e = m.span()
    if published is None:
        return DateExpr(s, e, None, 1, "relative")
    one = timedelta(days=1)
    if g["dby"]:
        return DateExpr(s, e, published - 2 * one, 1, "relative")
    if g["yest"]:
        return DateExpr(s, e, published - one, 1, "relative")
    if g["lastnight"]:
        return DateExpr(s, e, published - one, 1, "relative")
    if g["today"]:
        named = _weekday_before(published, WEEKDAYS[g["wd3"]], strictly=False) if g["wd3"] else published
        if 0 < (published - named).days <= _LATE_PAPER:  # "اليوم الخميس" in Saturday's paper: the day named
            return DateExpr(s, e, named, 1, "weekday")
        return DateExpr(s, e, published, 1, "relative")
    if g["ago"]:
        word = g["ago"]
        days = {"يومين": 2, "اسبوع": 7, "اسبوعين": 14, "ساعات": 0}.get(word)
        if days is None:
            n = word.split()[0]
            days = int(n) if n.isdigit() else {"ثلاثه": 3, "اربعه": 4, "خمسه": 5, "سته": 6, "سبعه": 7, "ثمانيه": 8, "تسعه": 9,
                                               "عشره": 10}[n]
        return DateExpr(s, e, published - timedelta(days=days), 1 if days < 7 else 2, "relative")
    if g["lastweek"]:
        return DateExpr(s, e, published - 7 * one, 2, "relative")
    if g["thismonth"]:
        day, prec = PARTS[g["tpart"]]
        return DateExpr(s, e, min(published, published.replace(day=day)), prec, "relative")
    if g["midlastmonth"] or g["lastmonth"]:
        first = published.replace(day=1) - one
        day, prec = PARTS[g["mpart"]] if g["mpart"] else (15, 3)
        return DateExpr(s, e, first.replace(day=min(day, first.day)), prec, "relative")
    wd = WEEKDAYS[g["wd2"]]
    return DateExpr(s, e, _weekday_before(published, wd, strictly=bool(g["wdpast"])), 1, "weekday")


def find_dates(text: str, published: date | None) -> list[DateExpr]:
    """Every date phrase in normalised ``text``, resolved against ``published``; non-overlapping, in order."""
    found: list[DateExpr] = []
    for m in _DAY_MONTH.finditer(text):
        if m["month"] in AMBIGUOUS_MONTHS and not (m["day"] or m["oday"] or m["part"] or m["rel"] or m["year"] or m[0].startswith("شهر")):
            continue
        month = MONTHS[m["month"]]
        year_given = int(m["year"]) if m["year"] else None
        year, future = _month_year(month, m["rel"], year_given, published)
        if year is None:
            found.append(DateExpr(*m.span(), None, 3, "month"))
            continue
        if m["day"] or m["oday"]:
            day, prec = (int(m["day"]) if m["day"] else ORDINAL_DAYS[m["oday"]]), 1
        elif m["part"]:
            day, prec = PARTS[m["part"]]
        else:
            day, prec = 15, 3
        try:
            value = date(year, month, min(day, monthrange(year, month)[1]))
        except ValueError:
            continue
        if published and value > published and not future:
            future = True
        found.append(DateExpr(*m.span(), value, prec, "absolute" if prec == 1 else "month", future))
    # Three patterns are run only where the text holds what every match of theirs spells out: a scan of the
    # whole text per pattern costs more than these substring tests.
    for m in _HIJRI.finditer(text) if "13" in text or "14" in text else ():  # the year 13xx or 14xx
        placed, prec = _hijri(int(m["year"]), HIJRI_MONTHS[m["month"]], int(m["day"]) if m["day"] else None)
        found.append(DateExpr(*m.span(), placed, prec, "hijri"))
    blocked = [m.span() for m in _NOT_DATES.finditer(text)] if "اليوم" in text else []
    for m in _RELATIVE.finditer(text):
        if not any(s <= m.start() < e for s, e in blocked):
            found.append(_relative(m, published))
    for m in _YEAR.finditer(text) if "19" in text or "20" in text else ():  # the year 19xx or 20xx
        found.append(DateExpr(*m.span(), date(int(m["year"]), 7, 1), 4, "year"))
    found.sort(key=lambda d: (d.start, -(d.end - d.start)))
    out: list[DateExpr] = []
    for d in found:
        if out and d.start < out[-1].end:
            continue
        out.append(d)
    return out
