"""Records that are not events: acts an article recalls rather than reports (what another act answers, campaigns
told by when they began) and words read as triggers that are none in context.

Every sentence here is written for these tests (no corpus text).
"""

from __future__ import annotations

from datetime import date

import pytest

import rasd
from rasd.extract.eventness import LAUNCHED, RESPONSE
from rasd.lang.ar.normalize import fold

D = date(2024, 5, 12)


def _modal(text: str, word: str) -> str | None:
    doc = rasd.analyse(text, published=D)
    return next(t.value.modal for t in doc.of("trigger") if doc.ntext[t.start : t.end] == fold(word))


def test_a_known_act_an_attack_answers_is_background() -> None:
    text = "شنت الطائرات الفرنسية غارات جوية على مواقع في مدينة حمص فجر اليوم ردا على الهجوم الكيماوي على بلدة سراقب."
    assert _modal(text, "الهجوم الكيماوي") == RESPONSE
    assert [e.sub_event_type for e in rasd.extract(text, published=D)] == ["Air/drone strike"]


def test_an_answered_act_with_a_date_of_its_own_is_news() -> None:
    text = "قصفت الطائرات الإسرائيلية مواقع في مدينة غزة ردا على الهجوم الصاروخي الذي استهدف مدينة عسقلان أمس."
    assert _modal(text, "هجوم") is None


def test_an_untold_answered_act_stays_a_candidate() -> None:
    # "ردا على إطلاق صواريخ": an indefinite act is often the night's news, told for the first time
    text = "قصفت المدفعية الإسرائيلية مواقع في جنوب لبنان اليوم ردا على إطلاق صواريخ على بلدة المطلة."
    assert _modal(text, "إطلاق صواريخ") is None


def test_a_campaign_told_by_the_day_it_began_is_no_event() -> None:
    text = "وتشن القوات الحكومية منذ مطلع آذار حملة عسكرية وقصفا على بلدة كفرنبل في ريف إدلب."
    assert rasd.extract(text, published=D) == []


def test_a_figure_beside_the_day_a_campaign_began_is_its_total() -> None:
    doc = rasd.analyse("ويواصل الأهالي احتجاجاتهم قرب السياج منذ آذار الماضي حيث قتل نحو 140 شابا.", published=D)
    assert [c.value.scope for c in doc.of("casualty") if c.value.count == 140] == ["cumulative"]


def test_a_day_since_dawn_still_dates_the_act() -> None:
    events = rasd.extract("استشهد 12 فلسطينيا منذ فجر اليوم في غارات إسرائيلية على مدينة رفح.", published=D)
    assert [(e.sub_event_type, e.event_date, e.fatalities) for e in events] == [("Air/drone strike", "2024-05-12", 12)]


@pytest.mark.parametrize(
    "text",
    [
        "وقالت قناة المسيرة التابعة للحوثيين إن الجماعة عقدت اجتماعا في صنعاء.",  # the TV channel
        "ونقل تلفزيون المسيرة عن مصدر في صعدة أن الوفد وصل إلى مسقط.",
        "حذر مسؤولون في رام الله من انفجار الأوضاع في مدينة نابلس.",  # the situation boils over
    ],
    ids=["channel", "television", "situation"],
)
def test_words_that_only_look_like_weapons_are_no_event(text: str) -> None:
    assert [e for e in rasd.extract(text, published=D) if e.event_type == "Explosions/Remote violence"] == []


def test_a_march_is_no_drone() -> None:
    events = rasd.extract("خرج آلاف المغاربة اليوم في مسيرة حاشدة بمدينة الرباط تضامنا مع غزة.", published=D)
    assert [e.sub_event_type for e in events] == ["Peaceful protest"]


def test_an_act_after_an_earlier_year_in_its_sentence_is_history() -> None:
    text = "ولد عام 1975 في مدينة جنين لأسرة اعتقلت قوات الاحتلال جميع أفرادها، قبل أن ينضم إلى المقاومة."
    assert rasd.extract(text, published=D) == []


def test_a_year_named_after_the_act_in_another_clause_does_not_date_it() -> None:
    text = "قتل ثلاثة مدنيين في غارة جوية على مدينة حلب، التي استعادتها القوات الحكومية عام 2016."
    assert [(e.sub_event_type, e.event_date) for e in rasd.extract(text, published=D)] == [("Air/drone strike", "2024-05-12")]


@pytest.mark.parametrize(
    "text",
    [
        "وضع الجيش قواته في حالة تأهب لمواجهة أي تظاهرات محتملة في مدينة الخليل.",
        "تثير الضربة العسكرية المرتقبة على مدينة حمص مخاوف السكان.",
        "قال المحلل إن إخلاء بلدة بيت حانون ينذر بهجوم وشيك على المدينة.",
    ],
    ids=["possible", "awaited", "imminent"],
)
def test_an_act_told_as_expected_is_no_event(text: str) -> None:
    assert rasd.extract(text, published=D) == []


@pytest.mark.parametrize(
    "text",
    [
        "وقال الوزير إن بلاده مستعدة للرد بقوة على أي هجوم يستهدف قواتها في مدينة الحسكة.",  # any attack
        "وتسعى القوات الحكومية إلى استعادة السيطرة على بلدة اللطامنة في ريف حماة الشمالي.",  # seeks to
    ],
    ids=["any-attack", "seeks-to"],
)
def test_an_act_told_as_any_or_as_a_goal_is_no_event(text: str) -> None:
    assert rasd.extract(text, published=D) == []


@pytest.mark.parametrize(
    "text",
    [
        "عثر عمال الدفاع المدني اليوم على عشرات الجثث العائدة إلى مدنيين ومسلحين من تنظيم داعش داخل مقبرة جماعية في مدينة الرقة.",
        "العثور على مقبرة جماعية في الرقة\nوقال مسؤول محلي إن الفرق انتشلت حتى الآن 50 جثة لمدنيين ومقاتلين من تنظيم داعش.",
    ],
    ids=["grave-sentence", "grave-headline"],
)
def test_bodies_found_in_a_mass_grave_are_no_new_killing(text: str) -> None:
    assert [e.sub_event_type for e in rasd.extract(text, published=D) if e.event_type == "Violence against civilians"] == []


def test_a_threat_does_not_reach_the_act_it_answers() -> None:
    # the strike is threatened; the chemical attack it would answer is told as done, and dated
    text = "وهدد الرئيس الأمريكي بتوجيه ضربة عسكرية ردا على هجوم كيماوي استهدف السبت مدينة سراقب في ريف إدلب."
    assert _modal(text, "ضربة") is not None
    assert _modal(text, "هجوم كيماوي") is None
    assert [e.sub_event_type for e in rasd.extract(text, published=D)] == ["Chemical weapon"]


def test_a_campaign_launched_weeks_before_is_background() -> None:
    text = "وكان الجيش قد أطلق في مطلع آذار عملية عسكرية واسعة على بلدات ريف إدلب الجنوبي."
    doc = rasd.analyse(text, published=D)
    assert [t.value.modal for t in doc.of("trigger")] == [LAUNCHED]
    assert doc.events == []


def test_a_campaign_launched_today_is_news() -> None:
    doc = rasd.analyse("أطلقت قوات الاحتلال اليوم عملية عسكرية واسعة في مدينة طولكرم.", published=D)
    assert [t.value.modal for t in doc.of("trigger")] == [None]



def test_who_holds_a_place_is_no_takeover() -> None:
    text = "وقصفت الطائرات الإسرائيلية اليوم موقعين لحركة حماس التي تسيطر على قطاع غزة."
    assert [e.sub_event_type for e in rasd.extract(text, published=D)] == ["Air/drone strike"]


@pytest.mark.parametrize(
    ("text", "count"),
    [
        ("ارتفعت حصيلة القصف الإسرائيلي على مدينة غزة منذ فجر اليوم إلى 16 شهيدا، "
         "في حين أعلنت كتائب القسام قصف مدينة تل أبيب للمرة الأولى منذ شهر شباط.", 16),
        ("قتل 40 مدنيا اليوم في قصف على مدينة دوما. وهذه الحصيلة هي الأكبر في يوم واحد منذ شهر شباط.", 40),
    ],
    ids=["first-time-since", "largest-since"],
)
def test_a_record_compared_with_a_day_is_no_period(text: str, count: int) -> None:
    doc = rasd.analyse(text, published=D)
    assert [c.value.cumulative for c in doc.of("casualty") if c.value.count == count] == [False]


@pytest.mark.parametrize("first", ["للمرة الأولى منذ خمسة أيام", "لأول مرة منذ أسبوعين"])
def test_a_first_time_in_days_is_no_period(first: str) -> None:
    text = f"وقال المرصد إن طائرات حربية روسية قصفت بلدة الحراك في ريف درعا، {first}."
    assert [(e.sub_event_type, e.location) for e in rasd.extract(text, published=D)] == [("Air/drone strike", "Al Hirak")]


def test_an_act_told_as_what_another_followed_is_background() -> None:
    text = ("عقد مجلس الأمن جلسة طارئة مساء الأحد، وأعلنت فرنسا إرسال قطع بحرية إلى المتوسط في أعقاب الهجوم "
            "الكيماوي على بلدة سراقب.")
    assert _modal(text, "الهجوم الكيماوي") == RESPONSE
    assert "Chemical weapon" not in [e.sub_event_type for e in rasd.extract(text, published=D)]


@pytest.mark.parametrize(
    "text",
    [
        "فيضانات السودان تقتل وتشرد\nاجتاحت أمطار غزيرة ولاية كسلا أمس.\nوفي مدينة كسلا قتل 4 أشخاص على الأقل.",
        "أعلنت الأمم المتحدة اليوم مقتل 46 مهاجرا وفقدان 16 آخرين إثر غرق زورقهم قبالة سواحل اليمن.",
    ],
    ids=["floods-that-kill", "a-drowning-the-un-reports"],
)
def test_deaths_of_a_hazard_or_an_accident_are_no_event(text: str) -> None:
    assert rasd.extract(text, published=D) == []


def test_eradicating_terrorism_kills_no_one() -> None:
    # "القضاء على" is a killing only with its count ("القضاء على 3 تكفيريين")
    text = "أكد الرئيس، الثلاثاء، عزم الدولة على القضاء على الإرهاب في شمال سيناء خلال كلمة في القاهرة."
    assert [c.value for c in rasd.analyse(text, published=D).of("casualty")] == []
