"""Retellings of one event within an article merge into one record (rasd/extract/retellings.py).

The same-event gates and the count rule are the system's (rasd/sameness.py, rasd/counting.py):
the tests here pin what they decide at the article scale, and that it is the store's rule too.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

import rasd

from rasd.extract.retellings import dedupe
from rasd.model import Event, Span
from rasd.store.merge import combine, same_event

_DAY = "2024-05-12"


def _strike(**fields: Any) -> Event:
    base: dict[str, Any] = {"event_type": "Explosions/Remote violence", "sub_event_type": "Shelling/artillery/missile attack",
                               "event_date": _DAY, "actor1": "Military Forces of Syria", "location": "Al-Lataminah"}
    return Event(**{**base, **fields})


def _told(n: int, at: int, *, rise: bool = False, vague: str | None = None) -> dict[str, Any]:
    """A retelling's toll: ``n`` killed, its figure at ``at``, told as a rise or in vague words."""
    evidence = {"fatalities": [Span(at, at + 5, f"{n} قتلى")]}
    if rise:
        evidence["fatalities_update"] = [Span(at - 20, at + 5, f"ارتفعت الحصيلة إلى {n}")]
    return {"fatalities": n, "evidence": evidence, "vague": {"fatalities": vague} if vague else {}}


def test_a_retold_strike_is_one_record_with_the_article_s_whole_toll_and_both_evidence() -> None:
    first = _strike(fatalities=3, evidence={"fatalities": [Span(10, 20, "مقتل ثلاثة")]})
    later = _strike(fatalities=5, sub_event_type="Air/drone strike", evidence={"fatalities": [Span(90, 99, "خمسة قتلى")]})
    (kept,) = dedupe([first, later])
    assert kept is first
    assert (kept.fatalities, kept.sub_event_type) == (5, "Air/drone strike")  # one telling: its largest figure
    assert [s.text for s in kept.evidence["fatalities"]] == ["مقتل ثلاثة", "خمسة قتلى"]


def test_a_toll_told_as_a_rise_supersedes_the_article_s_smaller_figures_wherever_they_stand() -> None:
    for order in ((_told(3, 10), _told(7, 90, rise=True)), (_told(7, 10, rise=True), _told(3, 90))):
        (kept,) = dedupe([_strike(**order[0]), _strike(**order[1])])
        assert (kept.fatalities, "fatalities_update" in kept.evidence) == (7, True)  # one article: told at once


def test_an_article_s_rise_is_its_count_even_beside_a_larger_figure() -> None:
    (kept,) = dedupe([_strike(**_told(9, 10)), _strike(**_told(7, 90, rise=True))])
    assert kept.fatalities == 7  # as one record's figures read (scope.pick_toll): the running count is the toll


def test_a_vague_retelling_yields_to_a_number_and_its_words_go_with_it() -> None:
    (kept,) = dedupe([_strike(**_told(10, 10, vague="عشرات القتلى")), _strike(**_told(7, 90))])
    assert (kept.fatalities, kept.vague) == (7, {})
    (kept,) = dedupe([_strike(fatalities=0), _strike(**_told(10, 90, vague="عشرات القتلى"))])
    assert (kept.fatalities, kept.vague) == (10, {"fatalities": "عشرات القتلى"})


def test_a_retelling_that_says_nothing_of_the_toll_leaves_it() -> None:
    unknown = {"fatalities": None, "fatalities_known": False, "evidence": {"fatalities": [Span(0, 5, "قتلى")]}}
    (kept,) = dedupe([_strike(**unknown), _strike()])  # the second says no death (0, no evidence): silence
    assert (kept.fatalities, kept.fatalities_known) == (None, False)
    (kept,) = dedupe([_strike(), _strike(**unknown)])  # deaths reported with no number unknot a 0 nobody stated
    assert (kept.fatalities, kept.fatalities_known) == (None, False)
    share = _strike(injuries=0, injuries_known=True, evidence={"injuries": [Span(0, 4, "أصيب")]})  # a split toll's empty share
    (kept,) = dedupe([share, _strike(injuries=None, injuries_known=False)])  # no injuries mentioned at all
    assert (kept.injuries, kept.injuries_known) == (0, True)
    (kept,) = dedupe([_strike(injuries=None, injuries_known=False), share])
    assert (kept.injuries, kept.injuries_known) == (None, False)


def test_the_article_and_the_store_count_one_event_alike() -> None:
    told = [_told(3, 10), _told(7, 90, rise=True), _told(5, 150)]
    (kept,) = dedupe([_strike(**t) for t in told])
    reports = [_strike(**t, doc_id=f"d{i}").to_dict() for i, t in enumerate(told)]
    assert kept.fatalities == combine(reports[:2])["fatalities"] == 7  # yesterday's 3, then the rise to 7
    assert combine(reports)["fatalities"] == 5  # a report after the rise is a competing figure across articles
    assert combine([{**r, "doc_id": "d"} for r in reports])["fatalities"] == 7  # one article's reports: one telling


def test_unidentified_attackers_are_a_side_within_an_article_and_a_wildcard_across_articles() -> None:
    at = {"country": "Syria", "admin1": "Hama", "latitude": 35.32, "longitude": 36.62, "geo_precision": 1}
    named, unnamed = _strike(**at), _strike(**at, actor1="Unidentified Armed Group (Syria)")
    assert len(dedupe([named, unnamed])) == 2
    assert same_event(named.to_dict(), unnamed.to_dict())


def test_a_retelling_fills_what_the_first_record_lacks() -> None:
    first = _strike(location=None, actor2=None)
    later = _strike(location="Kafr Zita", country="Syria", admin1="Hama", actor2="Civilians (Syria)")
    (kept,) = dedupe([first, later])
    assert (kept.location, kept.admin1, kept.actor2) == ("Kafr Zita", "Hama", "Civilians (Syria)")


def test_a_retelling_never_makes_a_side_its_own_opponent() -> None:
    first = _strike(actor1=None, actor2="Military Forces of Syria")
    (kept,) = dedupe([first, _strike()])
    assert (kept.actor1, kept.actor2) == (None, "Military Forces of Syria")


def test_another_place_another_day_or_another_attacker_stays_apart() -> None:
    events = [_strike(), _strike(location="Kafr Zita"), _strike(event_date="2024-05-11"),
              _strike(actor1="Military Forces of Russia")]
    assert len(dedupe(events)) == 4


def test_a_battle_retold_with_its_sides_swapped_is_one_record() -> None:
    clash = {"event_type": "Battles", "sub_event_type": "Armed clash"}
    a = _strike(**clash, actor1="Military Forces of Syria", actor2="Hayat Tahrir al-Sham")
    b = _strike(**clash, actor1="Hayat Tahrir al-Sham", actor2="Military Forces of Syria")
    assert dedupe([a, b]) == [a]


def test_two_developments_of_different_kinds_stay_two_records() -> None:
    kinds = [_strike(event_type="Strategic developments", sub_event_type=s) for s in ("Arrests", "Headquarters or base established")]
    assert len(dedupe(kinds)) == 2


def test_a_violent_detail_with_nothing_of_its_own_joins_the_event_before() -> None:
    detail = _strike(sub_event_type="Attack", event_type="Violence against civilians", location=None, actor1=None,
                     injuries=2, injuries_known=True)
    (kept,) = dedupe([_strike(), detail])
    assert kept.injuries == 2


_COUNTRY = {"location": "Syria", "country": "Syria", "admin1": None, "geo_precision": 3}


def test_a_record_placed_only_at_the_country_retells_the_town_record() -> None:
    town = _strike(country="Syria", admin1="Hama", geo_precision=1, fatalities=4)
    wide = _strike(**_COUNTRY, fatalities=None)
    assert dedupe([town, wide]) == [town]
    (kept,) = dedupe([_strike(**_COUNTRY), _strike(country="Syria", admin1="Hama", geo_precision=1)])
    assert (kept.location, kept.admin1) == ("Al-Lataminah", "Hama")  # the named town beats the country


def test_a_country_record_that_counts_more_dead_sums_up_several_events() -> None:
    town = _strike(country="Syria", admin1="Hama", geo_precision=1, fatalities=4)
    assert len(dedupe([town, _strike(**_COUNTRY, fatalities=30)])) == 2
    assert len(dedupe([town, _strike(**{**_COUNTRY, "location": "Iraq", "country": "Iraq"})])) == 2


def test_the_article_s_retelling_in_the_country_merges_in_text() -> None:
    import rasd
    from datetime import date

    text = ("قصفت طائرات التحالف مواقع للحوثيين في مديرية حيس جنوبي الحديدة صباح اليوم، ما أسفر عن مقتل سبعة مسلحين.\n"
            "وقال مصدر عسكري إن غارات التحالف الجوية على مواقع الحوثيين في اليمن اليوم دمرت مخازن أسلحة.")
    strikes = [e for e in rasd.extract(text, published=date(2024, 5, 12)) if e.sub_event_type == "Air/drone strike"]
    assert [(e.location, e.fatalities) for e in strikes] == [("Hays", 7)]


def test_a_country_record_beside_two_towns_retells_neither() -> None:
    towns = [_strike(country="Syria", admin1="Hama", geo_precision=1),
             _strike(country="Syria", admin1="Homs", geo_precision=1, location="Tiyas Airbase")]
    assert len(dedupe([*towns, _strike(**_COUNTRY)])) == 3


def test_a_record_dated_by_the_article_retells_the_dated_one() -> None:
    """"… أوقع الانفجار قتيلا" after "انفجار … مساء الجمعة" in one article: one record, dated Friday.
    Original Arabic written for this test."""
    text = ("انفجرت عبوة ناسفة مساء الجمعة قرب مهرجان مدينة الفحيص الأردنية، ما أدى إلى إصابة أربعة من رجال الأمن.\n"
            "وقال وزير الداخلية إن الأجهزة الأمنية تتابع التحقيقات لمعرفة الجهة المسؤولة.\n"
            "وأعلنت إدارة المهرجان تأجيل فعالياته إلى موعد لاحق.\n"
            "ودعت الحكومة المواطنين إلى التعاون مع رجال الأمن.\n"
            "وأكدت السلطات الأردنية أن تفجير عبوة ناسفة في الفحيص أدى إلى مقتل ضابط في قوات الدرك.")
    found = rasd.extract(text, published=date(2018, 8, 11))
    assert [(e.event_date, e.location) for e in found] == [("2018-08-10", "Al Fuhays")]


def test_a_protest_told_as_peaceful_and_as_met_with_fire_is_one_record() -> None:
    """"تظاهر الآلاف على حدود القطاع" and, further on, "قتلت القوات ثلاثة خلال الاحتجاجات": one protest, met with force.
    Original Arabic written for this test."""
    text = ("قتلت القوات الإسرائيلية ثلاثة فلسطينيين وأصابت 200 آخرين، الجمعة، خلال احتجاجات قرب السياج الحدودي شرقي قطاع غزة.\n"
            "وقال المتحدث باسم الجيش الإسرائيلي إن الجنود تصرفوا وفق قواعد الاشتباك.\n"
            "وأعلنت الهيئة الوطنية العليا أن الفعاليات ستتواصل الأسبوع المقبل.\n"
            "ودعت الفصائل إلى المشاركة الواسعة في الفعاليات المقبلة.\n"
            "وكان آلاف الفلسطينيين قد تظاهروا الجمعة في مخيمات العودة قرب السياج الحدودي شرقي قطاع غزة.")
    found = rasd.extract(text, published=date(2018, 4, 28))
    assert [(e.sub_event_type, e.fatalities) for e in found] == [("Excessive force against protesters", 3)]


def test_a_protest_told_as_peaceful_and_as_turned_violent_is_one_riot() -> None:
    """"تظاهر الآلاف في البصرة" and "وأضرم المحتجون النار في مبنى المحافظة": one demonstration a place and day, the
    riot it turned into; its crowd stays the crowd. Original Arabic written for this test."""
    text = ("تظاهر آلاف المحتجين اليوم الجمعة في مدينة البصرة احتجاجا على تردي الخدمات.\n"
            "وأضرم المحتجون النار في مبنى مجلس المحافظة في البصرة اليوم الجمعة.")
    found = rasd.extract(text, published=date(2018, 9, 7))
    assert [(e.event_type, e.sub_event_type, e.actor1, e.location) for e in found] == [
        ("Riots", "Violent demonstration", "Rioters (Iraq)", "Basra")]


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("اعتقلت الشرطة الإسرائيلية 5 أشخاص خلال احتجاج في شارع أيالون وسط تل أبيب للمطالبة بصفقة تبادل.", "Tel Aviv"),
        ("اعتقلت الشرطة البريطانية اليوم عشرات المتظاهرين خلال مظاهرة في لندن تضامنا مع غزة.", "London"),
    ],
    ids=["arrested-during-a-protest", "protesters-arrested-at-a-march"],
)
def test_arrests_during_a_protest_are_the_protest_met_with_intervention(text: str, place: str) -> None:
    """Original Arabic written for this test."""
    found = rasd.extract(text, published=date(2024, 10, 12))
    assert [(e.sub_event_type, e.location) for e in found] == [("Protest with intervention", place)]


def test_a_protest_at_the_governorate_and_at_a_town_in_it_is_one_when_told_as_one() -> None:
    """The fence protests told along the Strip and "شرق رفح" the same day: one protest met with force. Original Arabic
    written for this test."""
    text = ("قتل فلسطينيان برصاص قناصة الجيش الإسرائيلي وأصيب 90 آخرون خلال احتجاجات على طول السياج شرقي قطاع غزة اليوم الجمعة.\n"
            "وشارك آلاف الفلسطينيين في مظاهرات الجمعة قرب السياج شرق مدينة رفح.")
    found = [e for e in rasd.extract(text, published=date(2018, 8, 10)) if e.event_type == "Protests"]
    assert [(e.sub_event_type, e.fatalities) for e in found] == [("Excessive force against protesters", 2)]


def test_people_abducted_during_an_attack_are_an_event_beside_it() -> None:
    """"خطف 36 مدنيا خلال الهجوم الذي أوقع 250 قتيلا": the abduction takes no lives; the attack keeps its dead."""
    taken = _strike(event_type="Violence against civilians", sub_event_type="Abduction/forced disappearance",
                    actor1="Islamic State (Syria)", actor2="Civilians (Syria)", location="As-Suwayda", fatalities=0)
    attack = _strike(event_type="Violence against civilians", sub_event_type="Attack", actor1="Islamic State (Syria)",
                     actor2="Civilians (Syria)", location="As-Suwayda", fatalities=250)
    kept = dedupe([taken, attack])
    assert [(e.sub_event_type, e.fatalities) for e in kept] == [("Abduction/forced disappearance", 0), ("Attack", 250)]


def test_another_strike_of_the_day_is_no_retelling() -> None:
    """"غارة أخرى اليوم قتلت أربعة أطفال": another strike, its own record, not the first one told again."""
    text = ("قتل 22 طفلا في غارة جوية للتحالف على حافلة في مديرية الدريهمي الخميس. "
            "وقال مسؤول أممي إن غارة أخرى الخميس قتلت أربعة أطفال آخرين.")
    assert sorted(e.fatalities or 0 for e in rasd.extract(text, published=date(2018, 8, 23))) == [4, 22]


def _protest_force(**fields: Any) -> Event:
    base: dict[str, Any] = {"event_type": "Protests", "sub_event_type": "Excessive force against protesters",
                            "disorder_type": "Demonstrations", "event_date": _DAY, "actor1": "Military Forces of Israel",
                            "actor2": "Protesters (Palestine)", "admin1": "Gaza Strip", "location": "Gaza Strip"}
    return Event(**{**base, **fields})


def _killing(**fields: Any) -> Event:
    base: dict[str, Any] = {"event_type": "Violence against civilians", "sub_event_type": "Attack",
                            "disorder_type": "Political violence", "event_date": _DAY, "actor1": "Military Forces of Israel",
                            "actor2": "Civilians (Palestine)", "admin1": "Gaza Strip", "location": "Gaza Strip"}
    return Event(**{**base, **fields})


@pytest.mark.parametrize("order", ["protest first", "killing first"])
def test_a_killing_by_the_forces_that_met_a_protest_is_that_protest_met_with_force(order: str) -> None:
    """"أطلقت القوات النار على المتظاهرين" and "قتلت القوات فلسطينيين خلال الاحتجاجات": one event, the protest's."""
    records = [_protest_force(), _killing(fatalities=12)]
    (kept,) = dedupe(records if order == "protest first" else records[::-1])
    assert (kept.sub_event_type, kept.actor2, kept.fatalities) == ("Excessive force against protesters", "Protesters (Palestine)", 12)


def test_a_killing_at_another_place_of_the_protest_day_is_the_protest_met_with_force_there() -> None:
    protest, killing = _protest_force(), _killing(fatalities=1, location="Khan Yunis")
    kept = dedupe([protest, killing])
    assert [(e.sub_event_type, e.location) for e in kept] == [
        ("Excessive force against protesters", "Gaza Strip"), ("Excessive force against protesters", "Khan Yunis")]
    assert kept[1].actor2 == "Protesters (Palestine)"
    # other forces, another crowd's people or another day stay an attack of their own
    for other in (_killing(actor1="Israeli settlers"), _killing(actor2="Civilians (Israel)"), _killing(event_date="2024-05-13")):
        assert [e.sub_event_type for e in dedupe([_protest_force(), other])] == ["Excessive force against protesters", "Attack"]
