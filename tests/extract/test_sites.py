"""One event per place struck (rasd/extract/sites.py), and who was hit (the victim right after the act).

Every sentence here is written for these tests (no corpus text).
"""

from __future__ import annotations

from datetime import date

import pytest

import rasd

D = date(2024, 5, 12)


def _records(text: str) -> list[tuple[str | None, int | None]]:
    return [(e.location, e.fatalities) for e in rasd.extract(text, published=D)]


def test_each_sentence_site_of_a_strike_wave_is_its_own_event() -> None:
    text = ("شنت الطائرات الحربية الروسية صباح اليوم غارات على ريف إدلب الجنوبي. واستهدفت الغارات بلدة كفرنبل، "
            "كما دمرت الطائرات مستودعا في مدينة معرة النعمان، مما أسفر عن مقتل ثلاثة مدنيين.")
    events = rasd.extract(text, published=D)
    assert [e.location for e in events] == ["Kafranbel", "Maarrat an Numan"]
    assert [e.fatalities for e in events] == [2, 1]  # one figure for both sites: split, the remainder on the first
    assert all("split evenly" in e.notes for e in events)
    assert {e.actor1 for e in events} == {"Military Forces of Russia"}


def test_a_listed_pair_of_villages_splits_its_toll() -> None:
    assert _records("قصفت قوات النظام بالمدفعية صباح اليوم بلدتي كفرنبل وحاس في ريف إدلب، ما أدى إلى مقتل أربعة مدنيين.") == [
        ("Kafranbel", 2), ("Has", 2)]


def test_a_place_and_where_it_lies_are_one_site() -> None:
    assert _records("قتل مدنيان في غارة روسية على حي الدرج بمدينة غزة صباح اليوم.") == [("Al-Daraj", 2)]


def test_a_place_of_another_act_told_for_its_time_is_no_site() -> None:
    events = rasd.extract("شنت المقاتلات الإسرائيلية غارات على ميناء الحديدة بعد يومين من هجوم للحوثيين استهدف تل أبيب.",
                          published=D)
    assert [e.location for e in events] == ["Hodeidah Port"]


def test_a_headline_list_does_not_split_the_body_event() -> None:
    text = "شهداء بقصف إسرائيلي على النصيرات وجباليا\nاستشهد ثلاثة فلسطينيين في غارة إسرائيلية استهدفت منزلا في مخيم النصيرات اليوم."
    assert _records(text) == [("Nuseirat Camp", 3)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the person shot at decides, not the soldiers the claim speaks of
        ("أطلقت قوات الاحتلال النار على فلسطيني قرب حاجز عسكري شمال مدينة نابلس، بزعم محاولته طعن جنود.",
         ("Violence against civilians", "Military Forces of Israel", "Civilians (Palestine)")),
        # the act beats the massacre word as head; the attacker's vehicles are not its target
        ("ارتكب الاحتلال مجزرة جديدة في قطاع غزة، إذ استشهد 12 فلسطينيا إثر إطلاق آليات إسرائيلية النار على شبان "
         "ينتظرون المساعدات.",
         ("Violence against civilians", "Military Forces of Israel", "Civilians (Palestine)")),
    ],
)
def test_the_victim_right_after_the_act_is_who_was_hit(text: str, expected: tuple[str, str, str]) -> None:
    (ev,) = rasd.extract(text, published=D)
    assert (ev.event_type, ev.actor1, ev.actor2) == expected


def test_since_dawn_is_the_days_toll_not_a_period() -> None:
    (ev,) = rasd.extract("يتواصل قصف الاحتلال على مدينة خان يونس مخلفا 30 شهيدا، منذ فجر اليوم، 8 منهم من النساء.", published=D)
    assert ev.fatalities == 30


@pytest.mark.parametrize(
    ("text", "actor1"),
    [
        ("قصفت المقاومة مواقع الحوثيين في مديرية حيس بمحافظة الحديدة اليوم.", "Popular Resistance (Yemen)"),
        ("أطلقت المقاومة صواريخ على مستوطنة سديروت اليوم.", "Unidentified Armed Group (Palestine)"),
        ("قصفت المقاومة آليات الاحتلال في مدينة خان يونس اليوم.", "Unidentified Armed Group (Palestine)"),
    ],
)
def test_an_unnamed_resistance_belongs_to_the_events_country(text: str, actor1: str) -> None:
    (ev,) = rasd.extract(text, published=D)
    assert ev.actor1 == actor1


@pytest.mark.parametrize(
    ("text", "actors"),
    [
        # the genitive of an assassination is its victim, a name in brackets is no second party (told as the day's
        # news: "عقب اغتيال …" with no day would recall a known act)
        ("قفزت أسعار النفط بعد ساعات من اغتيال رئيس المكتب السياسي لحركة المقاومة الإسلامية (حماس) في طهران فجر اليوم.",
         (None, "Hamas")),
        # a side that mourns its dead did not kill them
        ("نعت كتائب القسام الشهيدين رأفت دواسي وأحمد أبو عرة في مدينة جنين.", (None, "Al-Qassam Brigades")),
        # an army announcing its soldier's death is the side hit in the clash (its foe unnamed: unidentified)
        ("أعلن الجيش الإسرائيلي مقتل جندي في اشتباكات في مدينة جنين.",
         ("Unidentified Armed Group (Palestine)", "Military Forces of Israel")),
    ],
)
def test_who_announces_or_mourns_a_death(text: str, actors: tuple[str | None, str | None]) -> None:
    (ev,) = rasd.extract(text, published=D)
    assert (ev.actor1, ev.actor2) == actors


@pytest.mark.parametrize(
    ("text", "actor2"),
    [
        ("شنت طائرات التحالف العربي غارات على تجمعات لميليشيات الحوثي في مديرية حيس.", "Ansar Allah"),
        ("قصفت طائرات إسرائيلية مستودعات أسلحة تابعة لحزب الله في بلدة القصير بريف حمص.", "Hezbollah"),
        ("دمرت المقاتلات الإسرائيلية منصة إطلاق صواريخ إيرانية في ريف دمشق.", "Military Forces of Iran"),
    ],
)
def test_the_owner_of_what_was_struck_is_acted_upon(text: str, actor2: str) -> None:
    (ev,) = rasd.extract(text, published=D)
    assert ev.actor2 == actor2
    assert ev.actor1 != actor2


def test_a_dispersal_told_after_the_protest_is_an_intervention() -> None:
    text = ("تشهد مدينة البصرة احتجاجات على تردي الخدمات لليوم السابع. "
            "واستخدمت الشرطة الهراوات وخراطيم المياه لتفريق المحتجين عند مدخل حقل الزبير.")
    assert [e.sub_event_type for e in rasd.extract(text, published=D)] == ["Protest with intervention"]


@pytest.mark.parametrize(
    ("text", "places"),
    [
        ("وأعلنت طهران أن الغارة على ريف دمشق قتلت مستشارين إيرانيين.", ["Rif Dimashq"]),
        ("فما الذي قد تخشاه تل أبيب في رد حزب الله على الغارة على الضاحية؟", []),
        ("خرجت مظاهرات بتل أبيب تدعو لإسقاط الحكومة.", ["Tel Aviv"]),  # where, not who
        # a country or capital that sends or asks is its government
        ("قصف الجيش مواقع في عفرين، وأنقرة تدفع بتعزيزات إلى الحدود.", ["Afrin"]),
        ("أوقفت الشرطة الناشط بناء على طلب أنقرة.", []),
        # a capital that blames: "ونسبتها دمشق وطهران إلى إسرائيل"
        ("ضربت غارة مطار التيفور في ريف حمص ونسبتها دمشق وطهران إلى إسرائيل.", ["Tiyas Airbase", "Homs"]),
        # a headline's last place is no subject of the lead's first verb, nor is a place after "قرب"
        ("اعتقالات قرب نابلس\nأعلنت مصادر محلية اعتقال 5 شبان.", ["Nablus"]),
    ],
)
def test_a_city_that_speaks_is_its_government(text: str, places: list[str]) -> None:
    doc = rasd.analyse(text, published=D)
    assert [m.value.best.name for m in doc.of("place")] == places


def test_a_town_named_with_the_west_bank_keeps_its_place() -> None:
    # the West Bank is listed under two countries: both count as the article's, so Nablus and Jenin stay
    doc = rasd.analyse("اندلعت صباح اليوم اشتباكات مسلحة في نابلس وجنين شمالي الضفة الغربية.", published=D)
    assert [m.value.best.name for m in doc.of("place")] == ["Nablus", "Jenin", "West Bank"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("اغتالت إسرائيل القيادي في حزب الله فؤاد شكر بغارة على الضاحية الجنوبية لبيروت.",
         [("Air/drone strike", "Military Forces of Israel", "Hezbollah", 1)]),
        ("قتل القيادي في حزب الله بغارة إسرائيلية على بلدة النبطية.",
         [("Air/drone strike", "Military Forces of Israel", "Hezbollah", 1)]),
        ("اغتيل القيادي في حزب الله أبو علي في غارة إسرائيلية على بلدة النبطية.",
         [("Air/drone strike", "Military Forces of Israel", "Hezbollah", 1)]),
    ],
    ids=["assassinated-by", "killed-by", "assassinated-in"],
)
def test_a_killing_by_a_strike_is_one_strike_on_the_leaders_side(text: str, expected: list) -> None:
    got = [(e.sub_event_type, e.actor1, e.actor2, e.fatalities) for e in rasd.extract(text, published=D)]
    assert got == expected


def test_missiles_of_unknown_origin_that_fell_are_a_strike_by_someone_unknown() -> None:
    (ev,) = rasd.extract("ضربت صواريخ مجهولة المصدر مطار النيرب العسكري قرب مدينة حلب.", published=D)
    assert (ev.sub_event_type, ev.actor1) == ("Shelling/artillery/missile attack", "Unidentified Armed Group (Syria)")


def test_vehicles_destroyed_are_no_toll_and_troops_shelled_are_acted_upon() -> None:
    (ev,) = rasd.extract("أعلنت كتائب القسام أنها قتلت عددا من جنود الاحتلال ودمرت 13 آلية في مدينة رفح.", published=D)
    assert ev.fatalities != 13
    (ev,) = rasd.extract("قصفت كتائب القسام حشودا عسكرية إسرائيلية في مدينة خان يونس.", published=D)
    assert (ev.actor1, ev.actor2) == ("Al-Qassam Brigades", "Military Forces of Israel")


def test_jets_striking_beside_a_clash_are_an_air_strike_of_their_own() -> None:
    # the clause after the clash that tells jets striking is another act; the reinforcements are its target
    text = ("اندلعت اليوم معارك عنيفة بين قوات الجيش اليمني والحوثيين في منطقة الفقراء بمديرية الملاجم. "
            "ودمرت مقاتلات التحالف العربي عربة عسكرية للحوثيين في بلدة الوهبية، كما استهدف طيران التحالف تعزيزات "
            "للحوثيين قرب حوران.")
    got = {(e.sub_event_type, e.actor1, e.location) for e in rasd.extract(text, published=D)}
    assert got == {("Armed clash", "Military Forces of Yemen", "Al-Fqra'"),
                   ("Air/drone strike", "Military Forces of Saudi Arabia", "Al-Whbiya")}


def test_a_downed_drone_is_one_interception_per_place() -> None:
    text = ("أعلنت قوات الدفاع الجوي السعودي، اليوم، أنها أسقطت طائرة بدون طيار حاولت استهداف مطار أبها، "
            "ودمرت أيضا طائرة أخرى حاولت مهاجمة منشأة مدنية في مدينة جازان.")
    got = [(e.sub_event_type, e.location) for e in rasd.extract(text, published=D)]
    assert sorted(got) == [("Disrupted weapons use", "Abha"), ("Disrupted weapons use", "Jizan")]


@pytest.mark.parametrize(
    "text",
    [
        "قال مسعفون إن 64 فلسطينيا استشهدوا منذ فجر اليوم في غارات إسرائيلية على قطاع غزة بينهم 30 بمدينة خان يونس.",
        "استشهد 37 فلسطينيا في غارات إسرائيلية على مناطق متفرقة من قطاع غزة اليوم معظمهم في دير البلح.",
        "استشهد 22 فلسطينيا في غارات إسرائيلية على قطاع غزة اليوم تركزت على منازل في مخيم النصيرات.",
        "أفاد مسعفون باستشهاد 48 فلسطينيا في غارات إسرائيلية على قطاع غزة اليوم، بينهم 19 شهيدا في مدينة رفح.",
        "أفاد مسعفون باستشهاد 48 فلسطينيا في غارات إسرائيلية على قطاع غزة اليوم، 19 منهم بمدينة غزة وشمال القطاع.",
    ],
    ids=["among-them-n", "most-of-them", "focused-on", "among-them-n-martyrs", "n-of-them-list"],
)
def test_a_place_said_of_part_of_the_toll_is_not_the_event_place(text: str) -> None:
    (strike,) = [e for e in rasd.extract(text, published=D) if e.sub_event_type == "Air/drone strike"]
    assert (strike.location, strike.admin1) == ("Gaza Strip", "Gaza Strip")


def test_a_place_beside_the_part_says_where_it_lies_not_a_second_part() -> None:
    text = "أفاد مسعفون باستشهاد 48 فلسطينيا في غارات إسرائيلية على القطاع اليوم، 19 منهم في مخيم المغازي وسط القطاع."
    (strike,) = [e for e in rasd.extract(text, published=D) if e.sub_event_type == "Air/drone strike"]
    assert (strike.location, strike.fatalities) == ("Gaza Strip", 48)


def test_a_place_after_among_them_is_kept_when_it_is_the_only_one() -> None:
    text = "قتل خمسة مدنيين بينهم طفلان في بلدة معرة مصرين بقصف مدفعي صباح اليوم."
    assert [e.location for e in rasd.extract(text, published=D)] == ["Maarratmisrin"]


def test_shot_during_the_march_of_return_is_excessive_force_against_protesters() -> None:
    text = "استشهد 16 فلسطينيا وأصيب المئات برصاص قوات الاحتلال خلال مسيرات العودة على حدود قطاع غزة اليوم."
    (ev,) = rasd.extract(text, published=D)
    assert (ev.sub_event_type, ev.actor1, ev.actor2, ev.fatalities) == (
        "Excessive force against protesters", "Military Forces of Israel", "Protesters (Palestine)", 16)


def test_a_killing_under_a_headline_about_a_march_is_excessive_force() -> None:
    title = "يوم دام على حدود غزة جراء قمع الاحتلال لمسيرات العودة"
    body = "ارتفع عدد الفلسطينيين الذين قتلوا الجمعة برصاص الجيش الإسرائيلي إلى 12 قتيلا."
    killings = [e for e in rasd.extract(f"{title}\n{body}", published=D, title=title) if e.fatalities]
    assert [(e.sub_event_type, e.fatalities) for e in killings] == [("Excessive force against protesters", 12)]


def test_a_clause_naming_where_especially_continues_the_act() -> None:
    """"…، خاصة في X وY": the same bombardment, at each place it names. Original Arabic written for this test."""
    text = "واصلت المدفعية الإسرائيلية اليوم قصف مناطق واسعة من قطاع غزة، خاصة في مدينة رفح وخان يونس."
    assert [loc for loc, _ in _records(text)] == ["Rafah", "Khan Yunis"]
