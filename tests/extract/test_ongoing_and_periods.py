"""Acts told as going on, headline figures, period totals and clashes at several places.

Every sentence here is written for these tests (no corpus text).
"""

from __future__ import annotations

from datetime import date

import pytest

import rasd
from rasd.extract.eventness import BACKGROUND, ELAPSED

D = date(2024, 5, 12)


def _events(text: str, title: str | None = None) -> list[rasd.Event]:
    return rasd.extract(text, published=D, title=title)


def _scopes(text: str) -> list[tuple[int | None, str]]:
    doc = rasd.analyse(text, published=D)
    return [(c.value.count, c.value.scope) for c in doc.of("casualty") if c.value.kind == "killed"]


@pytest.mark.parametrize(
    "text",
    [
        "تواصلت اليوم الأحد الاشتباكات بين قوات الاحتلال ومقاومين فلسطينيين في مدينة جنين.",
        "أمر الجيش الإسرائيلي اليوم سكان حي الشيخ رضوان بالإخلاء، وسط تواصل القصف المكثف الذي أدى لاستشهاد فلسطينيين في مدينة غزة.",
    ],
)
def test_an_act_going_on_today_is_an_event(text: str) -> None:
    assert [e for e in _events(text) if e.event_type != "Strategic developments"]


def test_an_act_going_on_with_no_day_is_background() -> None:
    doc = rasd.analyse("قال الوزير إن استمرار المجازر في مدينة غزة سيُفشل كل المبادرات.", published=D)
    assert not doc.events
    assert any(t.value.modal == BACKGROUND for t in doc.of("trigger"))


def test_the_aftermath_of_an_attack_is_not_the_attack() -> None:
    text = "في اليوم الأربعين للحرب، تواصلت تداعيات الهجوم الذي شنته إيران على إسرائيل الشهر الماضي."
    assert not [e for e in _events(text) if e.event_type == "Battles"]


def test_a_headline_figure_yields_to_the_body_own_toll() -> None:
    title = "القسام تنشر صور أسير قتيل والاحتلال يصعد في الضفة"
    body = "تتواصل الغارات الإسرائيلية على مدينة دير البلح التي راح ضحيتها 16 شهيدا منذ فجر اليوم."
    strikes = [e for e in _events(f"{title}\n{body}", title=title) if e.sub_event_type == "Air/drone strike"]
    assert [e.fatalities for e in strikes] == [16]


def test_the_headline_town_beats_the_body_country() -> None:
    title = "غارات على بعلبك وإسرائيل تعلن اعتراض مسيرة"
    body = "تواصلت الليلة الماضية الغارات الإسرائيلية على لبنان."
    strikes = [e for e in _events(f"{title}\n{body}", title=title) if e.sub_event_type == "Air/drone strike"]
    assert strikes and strikes[0].location == "Baalbek"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("قتل أكثر من 700 شخص في الأسابيع الماضية في الغوطة الشرقية.", [(700, "cumulative")]),
        ("استقبلت المستشفيات 770 قتيلا في الفترة ما بين 18 و27 شباط في الغوطة الشرقية.", [(770, "cumulative")]),
        ("وخسر الجيش 260 قتيلا خلال 30 يوما من المعارك في ريف دير الزور.", [(260, "cumulative")]),
        ("ويقول ناشطون إن العملية شهدت مقتل 280 مدنيا في منطقة عفرين.", [(280, "cumulative")]),
        ("استشهد 22 فلسطينيا منذ فجر اليوم بينهم 16 في مدينة غزة.", [(22, "event")]),
        ("ووثقت الشبكة خلال هذه الفترة مقتل 45 مدنيا في قذائف على أحياء المدينة.", [(45, "cumulative")]),
        ("وتشن القوات هجوما على البلدة أودى بحياة 90 شخصا في الآونة الأخيرة.", [(90, "cumulative")]),
        ("وتعرضت المدينة طوال سنوات لقصف أودى بحياة 130 من سكانها.", [(130, "cumulative")]),
        ("وقتل 70 مدنيا طيلة الأسابيع الأربعة الماضية في غارات على ريف إدلب.", [(70, "cumulative")]),
        ("وأسفرت غارات الطيران هذا العام عن مقتل 64 مدنيا في المنطقة.", [(64, "cumulative")]),
    ],
)
def test_a_period_total_is_no_toll(text: str, expected: list[tuple[int | None, str]]) -> None:
    assert _scopes(text) == expected


def test_killed_and_wounded_in_a_period_are_both_totals() -> None:
    text = "أحصت المنظمة 770 قتيلا و4050 جريحا في الفترة ما بين 18 و27 شباط في الغوطة الشرقية."
    doc = rasd.analyse(text, published=D)
    assert {(c.value.kind, c.value.scope) for c in doc.of("casualty")} == {("killed", "cumulative"), ("injured", "cumulative")}


def test_a_period_opening_the_next_clause_is_said_of_the_figures_before_it() -> None:
    text = ("وأسفر إطلاق النار عن مقتل أكثر من 160 فلسطينيا وإصابة أكثر من 17 ألفا آخرين، منذ انطلاق المسيرات في "
            "آذار الماضي، بحسب وزارة الصحة.")
    doc = rasd.analyse(text, published=D)
    assert {(c.value.kind, c.value.scope) for c in doc.of("casualty")} == {("killed", "cumulative"), ("injured", "cumulative")}


def test_since_yesterday_is_the_day_toll() -> None:
    text = "قتل 61 فلسطينيا منذ السبت برصاص الاحتلال على حدود قطاع غزة."  # D is a Sunday
    assert _scopes(text) == [(61, "event")]
    assert _scopes(text.replace("السبت", "الأربعاء")) == [(61, "cumulative")]


def test_a_large_figure_right_after_a_period_sentence_is_its_total() -> None:
    text = ("ومنذ يوم الأحد الماضي تتعرض الغوطة الشرقية لقصف مكثف من القوات الحكومية. "
            "وقتل 400 شخص على الأقل في القصف على بلدات الغوطة.")
    assert (400, "cumulative") in _scopes(text)


def test_a_record_compared_with_the_war_is_the_day_toll() -> None:
    text = ("شهدت محافظة السويداء، الأربعاء، الحصيلة الأكبر للضحايا منذ اندلاع الحرب في سوريا. "
            "وقال المرصد إن 220 شخصا قتلوا في هجمات انتحارية على مدينة السويداء.")
    assert (220, "event") in _scopes(text)


def test_clashes_in_two_towns_are_two_events() -> None:
    text = "اندلعت صباح اليوم الأحد اشتباكات مسلحة في نابلس وجنين شمالي الضفة الغربية بين مقاومين وقوات الاحتلال."
    clashes = [e for e in _events(text) if e.sub_event_type == "Armed clash"]
    assert sorted(e.location for e in clashes) == ["Jenin", "Nablus"]


def test_a_count_before_who_they_were_and_the_verb() -> None:
    text = "قالت مصادر طبية إن 41 فلسطينيا بينهم امرأة وأطفالها الثلاثة استشهدوا في غارات إسرائيلية على مدينة خان يونس اليوم."
    assert (41, "event") in _scopes(text)


def test_a_day_named_between_keeps_the_figure_the_day_toll() -> None:
    text = ("استشهد 27 فلسطينيا -فجر اليوم الأحد- في قصف إسرائيلي لمنازل في مدينة غزة "
            "ضمن حرب يشنها الاحتلال منذ أكثر من عام.")
    assert (27, "event") in _scopes(text)


def test_the_ranks_hit_are_the_target() -> None:
    text = ("قال قائد عسكري إن قوات الجيش الوطني اليمني تقدمت اليوم في مديرية الحشوة، "
            "وإن المعارك أسفرت عن سقوط قتلى في صفوف مسلحي ميليشيات الحوثي.")
    clashes = [e for e in _events(text) if e.event_type == "Battles"]
    assert clashes and all(e.actor2 == "Ansar Allah" for e in clashes)


def test_a_regions_total_set_beside_a_clash_is_not_its_toll() -> None:
    # "في حين ارتفع عدد الشهداء في الضفة إلى 13": the region's total, with no act of its own clause
    clash = _events("اندلعت اليوم اشتباكات بين مقاومين فلسطينيين وقوات الاحتلال في مدينة نابلس، "
                    "في حين ارتفع عدد الشهداء في الضفة الغربية إلى 13 خلال يومين.")
    assert [e.fatalities for e in clash if e.location == "Nablus"] == [None]


@pytest.mark.parametrize(
    "text",
    [
        "وتتهم المنظمة القوات الحكومية بقتل مئات المدنيين في البلدات المحاصرة.",
        "وكانت الفصائل قد شنت هجوما على المدينة أودى بحياة المئات من عناصر الجيش.",
    ],
)
def test_hundreds_with_no_day_are_a_total(text: str) -> None:
    assert _scopes(text) == [(100, "cumulative")]


def test_hundreds_on_the_day_are_its_toll() -> None:
    assert _scopes("سقط مئات القتلى اليوم في قصف عنيف على البلدة.") == [(100, "event")]


@pytest.mark.parametrize(
    "text",
    [
        "واستهدفت الطائرات المطار في العام الماضي ردا على هجوم قتل 35 شخصا في البلدة.",
        "وتعرضت حافلة للمدنيين في صيف 2019 لتفجير أودى بحياة 60 شخصا.",
        "وقتل التنظيم 80 سجينا في سجون المدينة بين 2014 و2016.",
    ],
)
def test_the_toll_of_a_past_act_is_background(text: str) -> None:
    assert _scopes(text)[0][1] == "cumulative"
    assert not [e.fatalities for e in _events(text) if e.fatalities]


def test_a_year_of_the_report_keeps_the_toll() -> None:
    assert _scopes("قتل 12 شخصا في غارة على البلدة في 10 أيار 2024.") == [(12, "event")]
    # a year a record is compared with, or far off in a long clause, dates no act of the figure
    assert _scopes("شهدت المدينة اليوم يوما هو الأكثر دموية منذ 2019 قتل فيه 38 شخصا في قصف على أحيائها.") == [(38, "event")]
    assert _scopes("شنت الطائرات غارات هي الأعنف على المدينة منذ صيف 2019 خلفت 9 قتلى.") == [(9, "event")]
    assert _scopes("وراح ضحية القصف اليوم 14 قتيلا وأكثر من 2000 جريح في المدينة.") == [(14, "event")]
    # "وقتها" says only "then": an act of this month retold keeps its toll
    assert _scopes("وكانت غارة قد استهدفت المطار مطلع الشهر، وأعلنت الحكومة وقتها مقتل سبعة من جنودها.") == [(7, "event")]


def test_hundreds_wounded_on_a_day_are_its_count() -> None:
    doc = rasd.analyse("قتل أربعة فلسطينيين وأصيب المئات برصاص الاحتلال خلال مسيرات على حدود قطاع غزة.", published=D)
    assert [(c.value.count, c.value.scope) for c in doc.of("casualty") if c.value.kind == "injured"] == [(100, "event")]


def test_the_other_side_total_beside_a_period_total() -> None:
    text = ("وقال المرصد إن عدد قتلى الجيش في المعارك منذ 20 نيسان ارتفع إلى 95 قتيلا، "
            "في حين ارتفع عدد قتلى التنظيم إلى 70 قتيلا.")
    assert [s for _, s in _scopes(text) if _ is not None] == ["cumulative", "cumulative"]


@pytest.mark.parametrize(
    "text",
    [
        "وارتفعت بذلك حصيلة القتلى في المحافظة خلال الأسابيع الخمسة الأخيرة، من المدنيين والمقاتلين، إلى 430 قتيلا.",
        "وارتفعت بذلك حصيلة قتلى الغارات على المدينة إلى 75 قتيلا.",
    ],
)
def test_the_figure_a_period_toll_runs_to_is_its_total(text: str) -> None:
    assert [scope for count, scope in _scopes(text) if count] == ["cumulative"]
    assert not [e for e in _events(text) if e.fatalities]


def test_figures_said_of_the_same_period_are_its_totals() -> None:
    text = ("وسيطرت القوات على آخر مواقع التنظيم في البادية بعد معارك بدأت منذ شهرين. "
            "وقتل 80 من عناصر التنظيم، كما قتل في الفترة ذاتها 60 مدنيا.")
    assert _scopes(text) == [(80, "cumulative"), (60, "cumulative")]


def test_a_figure_told_elsewhere_as_the_running_total_is_that_total() -> None:
    # the figure of a subheading in the body, not the headline
    text = ("تواصل المفاوضات في بلدة بصرى الشام بريف درعا.\nاستمرار القصف على ريف درعا وارتفاع عدد القتلى إلى 105 مدنيين\n"
            "وقتل خمسة مدنيين السبت في بلدة غصم جراء القصف، ليرتفع عدد القتلى المدنيين منذ بدء التصعيد إلى 105 مدنيين.")
    assert sorted(_scopes(text)) == [(5, "event"), (105, "cumulative"), (105, "cumulative")]


def test_the_day_toll_before_the_running_total_it_raises_stays_the_day_toll() -> None:
    text = "وقتل 27 مدنيا في قصف على بلدات الريف الشرقي اليوم، لترتفع بذلك حصيلة هذا القصف إلى 940 قتيلا."
    assert _scopes(text) == [(27, "event"), (940, "cumulative")]


def test_an_ongoing_operation_s_toll_is_its_total() -> None:
    text = "وأعلن المرصد اليوم أن حصيلة الغارات في العملية العسكرية الجارية على ريف إدلب ارتفعت إلى 120 قتيلا."
    assert _scopes(text) == [(120, "cumulative")]


def test_an_act_told_as_months_before_is_background() -> None:
    # after the main verb, the phrase of elapsed time governs the rest of the sentence
    text = ("وجاء الاستعراض العسكري بعد شهور على قيام طائرات أميركية، بما فيها المقاتلات الثقيلة، "
            "قتلت نحو 300 من المسلحين قرب مدينة دير الزور.")
    assert _scopes(text) == [(300, "cumulative")]
    assert not [e for e in _events(text) if e.fatalities]
    assert any(t.value.modal == ELAPSED for t in rasd.analyse(text, published=D).of("trigger"))


def test_the_strike_a_month_ago_is_not_the_day_s() -> None:
    text = ("شنت المقاتلات الروسية اليوم غارات على بلدة كفرنبل أدت إلى مقتل أربعة مدنيين. "
            "وتعد هذه الغارات الأعنف منذ شهر، حين أوقعت غارات روسية 53 قتيلا في بلدة أورم الكبرى.")
    assert _scopes(text) == [(4, "event"), (53, "cumulative")]
    assert [(e.location, e.fatalities) for e in _events(text)] == [("Kafranbel", 4)]


def test_a_fronted_phrase_of_elapsed_time_dates_only_its_own_clause() -> None:
    text = "بعد أسابيع من القصف، سيطرت قوات النظام اليوم على بلدة كفرنبل في ريف إدلب."
    assert [e.sub_event_type for e in _events(text)] == ["Government regains territory"]


def test_a_day_of_this_week_inside_the_span_keeps_the_toll() -> None:
    text = "وتأتي الغارة بعد أسابيع من التظاهرات على حدود قطاع غزة، بلغت ذروتها الجمعة مع مقتل 60 فلسطينيا برصاص الاحتلال."
    assert _scopes(text) == [(60, "event")]


def test_a_toll_said_of_the_weeks_before_is_theirs() -> None:
    text = ("واستشهدت المسعفة برصاص الاحتلال أمس، بعد أسابيع من مسيرات العودة على حدود القطاع، "
            "وقتل فيها قرابة 120 فلسطينيا.")
    events = _events(text)
    assert (120, "cumulative") in _scopes(text)
    assert 120 not in [e.fatalities for e in events]


def test_a_month_s_tally_is_no_toll() -> None:
    text = "قتل 40 مدنيا وجرح أكثر من 30 آخرين برصاص المسلحين وقذائفهم في مدينة تعز خلال شهر نيسان الماضي."
    assert [s for _, s in _scopes(text)] == ["cumulative"]
    assert not [e for e in _events(text) if e.fatalities]


def test_killed_and_wounded_as_two_nouns_share_one_figure() -> None:
    text = "قتل 6 مدنيين بانفجار ألغام في مدينة تعز أمس، فيما تعرض 21 آخرين للقتل والإصابة برصاص القناصة."
    assert _scopes(text) == [(6, "event"), (None, "combined")]


def test_a_monitor_s_figure_continued_by_its_period_is_a_total() -> None:
    text = ("وكشف مكتب التوثيق في المحافظة مقتل ما يقارب 320 شخصا على يد قوات النظام جنوبي البلاد. "
            "ووثق المكتب ارتكاب أكثر من ست مجازر بحق المدنيين منذ بداية الحملة العسكرية في الشهر الماضي.")
    assert (320, "cumulative") in _scopes(text)
    assert not [e for e in _events(text) if e.fatalities]


def test_a_hundred_and_more_killed_in_the_battles_with_no_day_is_a_total() -> None:
    text = ("وقال المرصد إن ما لا يقل عن 280 مدنيا قد قتلوا في المعارك في منطقة عفرين، "
            "في حين قتل أكثر من 150 من المقاتلين.")
    assert _scopes(text) == [(280, "cumulative"), (150, "cumulative")]
    # the day's battles keep their toll
    assert _scopes("قتل 120 شخصا في المعارك اليوم في ريف دير الزور.") == [(120, "event")]
