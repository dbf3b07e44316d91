"""Attaching the date (rasd/extract/dating.py): which phrase dates an event, what an undated one takes.

Every sentence here is written for these tests (no corpus text).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest

import rasd

from rasd.doc import Doc
from rasd.extract.candidates import event_triggers
from rasd.extract.clusters import Cluster, group_triggers
from rasd.extract.dating import date_for, same_day_roundup, set_date, stale
from rasd.model import Event


def _clusters(doc: Doc) -> list[Cluster]:
    return group_triggers(doc, event_triggers(doc))


def _date_words(doc: Doc) -> list[str | None]:
    found = [date_for(doc, t) for t in event_triggers(doc)]
    return [doc.ntext[d.start : d.end] if d else None for d in found]


@pytest.mark.parametrize(
    ("text", "dated_by"),
    [
        # the date in the trigger's own clause, not the statement's
        ("قال المتحدث العسكري، الثلاثاء، إن الجيش قتل ثلاثة مسلحين في مدينة الرمادي الليلة الماضية.", "الليله الماضيه"),
        # a date after a speech verb dates the statement
        ("أعلنت وزارة الصحة الأربعاء أن غارة إسرائيلية استهدفت منزلا في مدينة رفح الثلاثاء.", "الثلاثاء"),
        # the subject of the speech verb may take three words and a comma before the statement's date
        ("كشفت السلطات الأردنية، السبت عن تفاصيل مقتل ضابط في انفجار وقع مساء الجمعة قرب مدينة السلط.", "مساء الجمعه"),
        # or five: a monitor's full name
        ("أفاد المرصد السوري لحقوق الإنسان الاثنين بمقتل 38 مقاتلا في ضربة جوية قرب البوكمال، نفذت ليل الأحد.",
         "ليل الاحد"),
    ],
)
def test_the_date_of_the_act_not_of_the_statement(prepared: Callable[[str], Doc], text: str, dated_by: str) -> None:
    assert set(_date_words(prepared(text))) == {dated_by}


def test_an_undated_event_takes_the_publication_week(prepared: Callable[[str], Doc]) -> None:
    doc = prepared("استشهد شاب برصاص قوات الاحتلال في مدينة نابلس.")
    (cluster,) = _clusters(doc)
    ev = Event()
    set_date(doc, cluster, ev)
    assert (ev.event_date, ev.time_precision, "event_date" in ev.evidence) == ("2024-05-12", 2, False)


def test_an_undated_event_takes_the_day_the_lead_reports() -> None:
    # a Saturday paper: the lead tells Friday's operations, the next sentences the fronts with no day of their own
    title = "عمليات للقوات اليمنية المشتركة على جبهات الحديدة"
    text = (title + "\nشنت القوات اليمنية المشتركة سلسلة عمليات على جبهة الحديدة، مكبدة ميليشيات الحوثي خسائر، الجمعة.\n"
            "وتمكنت القوات من التصدي لمحاولات تسلل للميليشيات في مديرية حيس جنوبي المحافظة.")
    events = rasd.extract(text, published=date(2018, 6, 23), title=title)
    assert events and {e.event_date for e in events} == {"2018-06-22"}
    # a day the lead names long before the paper is no news day: the undated event keeps the publication date
    old = ("أقر البرلمان في الخامس من أيار قانونا جديدا.\n"
           "وقتل ثلاثة جنود في هجوم لمسلحين على حاجز في مديرية حيس جنوبي محافظة الحديدة.")
    assert {e.event_date for e in rasd.extract(old, published=date(2018, 6, 23))} == {"2018-06-23"}


def test_a_dated_event_keeps_its_words_as_evidence(prepared: Callable[[str], Doc]) -> None:
    doc = prepared("قصفت قوات النظام بلدة اللطامنة صباح اليوم.")
    (cluster,) = _clusters(doc)
    ev = Event()
    set_date(doc, cluster, ev)
    assert (ev.event_date, ev.time_precision) == ("2024-05-12", 1)
    assert [s.text for s in ev.evidence["event_date"]] == ["صباح اليوم"]


def test_a_round_up_item_takes_the_day_of_the_item_before(prepared: Callable[[str], Doc]) -> None:
    doc = prepared("اعتقلت قوات الاحتلال فجر اليوم شابين من بلدة بيت أمر. وفي مدينة جنين، أصيب شاب برصاص قوات الاحتلال.")
    first, second = _clusters(doc)
    last, ev = Event(), Event()
    set_date(doc, first, last)
    set_date(doc, second, ev)
    assert (ev.event_date, ev.time_precision) == ("2024-05-12", 2)
    same_day_roundup(doc, second, ev, last)
    assert (ev.event_date, ev.time_precision) == ("2024-05-12", 1)
    assert [s.text for s in ev.evidence["event_date"]] == ["فجر اليوم"]


def test_background_more_than_a_year_old_is_stale(prepared: Callable[[str], Doc]) -> None:
    doc = prepared("قصفت قوات النظام بلدة اللطامنة.")
    assert stale(doc, Event(event_date="2023-05-01"))
    assert not stale(doc, Event(event_date="2023-06-01"))


def test_the_lead_source_telling_more_keeps_the_leads_day() -> None:
    # published on Wednesday; the lead dates its fighting to Tuesday and the next sentence is the same source going on
    text = ("اندلعت معارك عنيفة بين قوات الجيش اليمني وميليشيا الحوثي، الثلاثاء، في مديرية نهم شرق صنعاء. "
            "وأفاد مصدر عسكري بأن قوات الجيش تمكنت من تحرير جبل المنارة في مديرية صرواح غربي مأرب.")
    events = rasd.extract(text, published=date(2024, 5, 15))
    assert {e.event_date for e in events} == {"2024-05-14"}
    assert len(events) == 2


def test_the_act_a_period_runs_from_neither_dates_nor_makes_the_news() -> None:
    """"الأعنف منذ سيطرة قوات النظام عليها في تشرين الثاني": the capture is when the comparison starts, not an event,
    and its month is no date of the attack the report tells."""
    text = ("شن تنظيم الدولة الإسلامية، الجمعة، هجوما على مدينة البوكمال قتل فيه 18 من قوات النظام، وقال المرصد إنه "
            "الهجوم الأعنف منذ سيطرة قوات النظام عليها في تشرين الثاني الماضي.")
    (event,) = rasd.extract(text, published=date(2018, 6, 8))
    assert (event.event_date, event.fatalities) == ("2018-06-08", 18)
    # with no day of its own the attack takes the report's week, not the month of the capture
    undated = text.replace("، الجمعة،", "")
    (event,) = rasd.extract(undated, published=date(2018, 6, 8))
    assert event.event_date.startswith("2018-06")
