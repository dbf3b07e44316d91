"""Attach the date: which date phrase dates an event, and what an undated one takes.

Needs the ``dates`` layer (and ``places`` for a round-up item). :func:`date_for` gives a
trigger its date phrase while triggers are grouped; :func:`set_date` writes a cluster's
date into its record (``event_date``, ``time_precision``, evidence), the article's news day
(:func:`news_day`: its lead's day, else the publication date) at precision 2 when the text names none; :func:`same_day_roundup` gives an undated
round-up item the day of the item before; :func:`stale` tells background too old to code.
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from typing import TYPE_CHECKING

from rasd.doc import Doc, Mention
from rasd.model import Event

if TYPE_CHECKING:
    from rasd.extract.clusters import Cluster

__all__ = ["date_for", "event_day", "named_definite", "news_day", "runs_from", "same_day_roundup", "set_date", "stale"]

# a speech verb and its subject (up to five words, maybe a comma) right before the date: "كشفت السلطات الأردنية، السبت",
# "وفق ما أفاد المرصد السوري لحقوق الإنسان الخميس"
_SPEECH_BEFORE = re.compile(r"(?<!\w)[وف]?(?:اعلن|اعلنت|قال|قالت|افاد|افادت|ذكر|ذكرت|اكد|اكدت|اوضح|اوضحت|صرح|صرحت|كشف|كشفت|"
                            r"عبرت|نقلت|ذكرته|ذكرتها)\S*\s+(?:\S+\s+){0,5}?[،,]?\s*$")
_THAT_AFTER = re.compile(r"\W{0,3}(?:ان|انه|انها|انهم|بان)(?!\w)")
_CAMPAIGN_AGE = timedelta(days=7)
# "منذ 19 نيسان", "المستمرة منذ مطلع الشهر": the day a period runs from, right before the date phrase, or the day of
# the act it runs from ("الأعنف منذ سيطرة قوات النظام عليها في تشرين الثاني"), in the same stretch of words
_SINCE = re.compile(r"(?<!\w)[وف]?منذ\s+(?:(?:يوم|ليل|صباح|مساء|مطلع|اوايل|اواخر|منتصف|بدايه|نهايه)\s+)?$"
                    r"|(?<!\w)[وف]?منذ\s+[^،,.:؛!?؟\n\d]{3,60}?(?:\s+في)?\s*$")


def runs_from(doc: Doc, d: Mention) -> bool:
    """The date is where a period starts ("يشن الجيش منذ 19 نيسان حملة") more than a week before the report:
    it dates a campaign, not an act ("منذ فجر اليوم" is the day; "منذ الاثنين" a few days, still news)."""
    if d.value.value is None or not _SINCE.search(doc.ntext, max(0, d.start - 72), d.start):
        return False
    return doc.published is None or (doc.published - d.value.value) > _CAMPAIGN_AGE


def date_for(doc: Doc, trig: Mention) -> Mention | None:
    """The date phrase of the trigger's sentence nearest to it (never a future or year-only phrase)."""
    found = [d for d in doc.of("date") if d.sentence == trig.sentence and not d.value.future and d.value.value is not None]
    clause = doc.clause_of(trig.start)
    # "وقصف تل أبيب للمرة الأولى منذ مايو": the day a period runs from dates no act, and an act whose own clause
    # is timed that way borrows no other clause's date either
    if any(runs_from(doc, d) and doc.clause_of(d.start) == clause for d in found):
        found = [d for d in found if doc.clause_of(d.start) == clause]
    found = [d for d in found if not runs_from(doc, d)]
    # a bare year in the trigger's clause dates it only as history ("قد سيطرت عليها عام 2020"), so that it ages out;
    # so does one before it in its sentence ("ولد عام 1971 لأسرة اعتقل جميع أفرادها", "- عام 1983، نفذ … تفجيرا")
    dates = ([d for d in found if d.value.kind != "year"] or [d for d in found if doc.clause_of(d.start) == clause]
             or [d for d in found if d.end <= trig.start and doc.published and d.value.value.year < doc.published.year])
    # "أعلنت الأربعاء أن … الثلاثاء": the date after a speech verb dates the statement, not the event
    # "قالت الوحدة، اليوم الأربعاء، إنها وثقت…": a date followed by "إن/أن" dates the statement too
    dates = [d for d in dates if not _SPEECH_BEFORE.search(doc.ntext, max(0, d.start - 45), d.start)
             and not _THAT_AFTER.match(doc.ntext, d.end)] or dates
    # a date in the trigger's own clause wins ("قال، الثلاثاء، إن الجيش قتل … الليلة الماضية" dates the killing,
    # not the statement); else news style puts the date before what happened ("وفي 25 آذار، بثت…")
    # "أدانت الاثنين الهجوم المفترض الذي استهدف السبت الماضي مدينة دوما": a known act told by a relative clause
    # takes that clause's date, not the date of the verb that names it
    own = _told_after(doc, trig, dates)
    if own is not None:
        return own
    return min(dates, key=lambda d: (doc.clause_of(d.start) != clause, d.start > trig.start, abs(d.start - trig.start)),
               default=None)


# a relative pronoun within two words after a definite act ("الهجوم الكيماوي المزعوم الذي استهدف …")
_RELATIVE = re.compile(r"\W*(?:\w+\W+){0,2}?(?:الذي|التي)(?!\w)")
_WHO_BEFORE = re.compile(r"(?<!\w)(?:الذي|التي)\s+(?:[وف])?$")


def named_definite(doc: Doc, trig: Mention) -> bool:
    """The act is named with the article, on its word or in the lexicon's phrase ("الهجوم الكيماوي")."""
    return trig.value.definite or doc.ntext.startswith("ال", trig.start)


def _told_after(doc: Doc, trig: Mention, dates: list[Mention]) -> Mention | None:
    """The date of the relative clause that tells a definite act ("أدانت الاثنين الهجوم الذي استهدف السبت الماضي
    دوما": Saturday), for the act and for the verb of that clause, when a date before the act in its clause dates
    the verb that names it. A later date with no relative clause between may be another act's ("غداة احتجاجات
    الجمعة"), so it is not taken."""
    text, clause = doc.ntext, doc.clause_of(trig.start)
    rel = _RELATIVE.match(text, trig.end)
    if rel and named_definite(doc, trig):
        start = rel.end()
    elif _WHO_BEFORE.search(text, max(0, trig.start - 12), trig.start):
        start = trig.end
    else:
        return None
    end = doc.clauses[doc.clause_of(start)][1]
    before = [d for d in dates if doc.clause_of(d.start) == clause and d.end <= trig.start]
    after = [d for d in dates if start <= d.start < end]
    return min(after, key=lambda d: d.start) if before and after else None


def event_day(doc: Doc, cluster: Cluster) -> str | None:
    """The ISO day :func:`set_date` will give ``cluster``: its date phrase's, else the article's news day."""
    if cluster.date is not None:
        return cluster.date.value.value.isoformat()
    day = news_day(doc)
    return day.isoformat() if day else None


def set_date(doc: Doc, cluster: Cluster, ev: Event) -> None:
    """The cluster's date phrase (precision at most 3), else the article's news day at precision 2 (the week)."""
    if cluster.date is not None:
        expr = cluster.date.value
        ev.event_date, ev.time_precision = expr.value.isoformat(), min(expr.precision, 3)
        ev.evidence["event_date"] = [cluster.date.span(doc)]
    elif (day := news_day(doc)) is not None:
        ev.event_date, ev.time_precision = day.isoformat(), 2


_NEWS_LAG = 2  # days a report may run after the day it tells


def news_day(doc: Doc) -> date | None:
    """The day the article reports: the day its lead, the first body sentence, names ("…، مكبدة الميليشيات مزيدا من
    الخسائر، الجمعة" in a Saturday paper), if the report runs at most two days after it; else the publication date."""
    if doc.published is None:
        return None
    lead = next((i for i, (start, _) in enumerate(doc.sentences) if start >= doc.title_end), None)
    for d in doc.of("date"):
        if d.sentence == lead and d.value.value is not None and not d.value.future and d.value.kind != "year" \
                and 0 <= (doc.published - d.value.value).days <= _NEWS_LAG and not runs_from(doc, d):
            return d.value.value
    return doc.published


# Background older than this is history ("احتجاجات تشرين 2019"), not news to code again.
_MAX_AGE = timedelta(days=365)


def stale(doc: Doc, ev: Event) -> bool:
    """The event is dated more than a year before the publication: background, not news."""
    return bool(doc.published and ev.event_date and date.fromisoformat(ev.event_date) < doc.published - _MAX_AGE)


# "وفي جنوب الضفة، …" (a place right after), "وفي سياق متصل، …", "إلى ذلك، …": the next item of a round-up
# the item goes on with the same report: a round-up's next place, or the source of the lead telling more
# ("وأفاد مصدر عسكري بأن …", "كما شهدت جبهة …", "وتزامن ذلك مع …")
_ROUNDUP = re.compile(r"\W*(?:(?P<where>وفي)|في سياق متصل|وفي سياق متصل|الي ذلك|والي ذلك|كما|وتزامن ذلك|وتزامنت|"
                      r"(?:وافاد|واضاف|واوضح|وذكر|وقال|واكد|وافادت|واضافت|واوضحت|وذكرت|وقالت|واكدت)\s+(?:ال)?(?:مصدر|مصادر|المصدر)"
                      r"|(?:وافاد|واضاف|واوضح|وذكر|واكد)(?:ت)?\s+(?:ان|بان))(?!\w)")


def same_day_roundup(doc: Doc, cluster: Cluster, ev: Event, last: Event | None) -> None:
    """An undated item that opens with "وفي …" right after an item dated to the day happened that day.

    Without it, an undated event gets the publication date at precision 2 (the week); a round-up
    of one day's raids (today's or last night's) tells each item on that day, so it takes the
    previous item's day, at precision 1, with that item's date words as evidence.
    """
    if last is None or last.event_date is None or last.time_precision != 1:
        return
    if "event_date" not in last.evidence or "event_date" in ev.evidence:
        return
    if doc.published is None or not 0 <= (doc.published - date.fromisoformat(last.event_date)).days <= 1:
        return
    start, end = doc.sentences[cluster.head.sentence]
    opening = _ROUNDUP.match(doc.ntext, start, end)
    if opening and opening.group("where"):  # "وفي هذا الصدد" is not a place: "وفي" must lead to one
        opening = opening if any(0 <= p.start - opening.end() <= 12 for p in doc.of("place")) else None
    if opening:
        ev.event_date, ev.time_precision = last.event_date, 1
        ev.evidence["event_date"] = list(last.evidence["event_date"])
