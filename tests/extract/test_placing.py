"""Choosing the event's place (rasd/extract/placing.py).

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
from rasd.extract.headlines import fold_title
from rasd.extract.placing import doc_country, place_event, place_of, placed
from rasd.model import Event


def _only(doc: Doc) -> Cluster:
    (cluster,) = fold_title(doc, group_triggers(doc, event_triggers(doc)))
    return cluster


def _place_name(doc: Doc) -> str | None:
    place = place_of(doc, _only(doc))
    return place.value.best.name if place else None


def test_a_named_town_beats_its_governorate(prepared: Callable[[str], Doc]) -> None:
    doc = prepared("قصفت قوات النظام بلدة اللطامنة في ريف حماة الشمالي صباح اليوم.")
    assert [p.value.best.kind for p in doc.of("place")] == ["town", "admin1"]
    assert _place_name(doc) == "Al-Lataminah"


def test_the_headline_town_when_the_body_names_only_the_country(prepared: Callable[[str], Doc]) -> None:
    doc = prepared("غارات إسرائيلية على بيروت\nشنت الطائرات الإسرائيلية فجر اليوم غارات على لبنان.")
    assert _place_name(doc) == "Beirut"


def test_an_event_with_no_place_of_its_own_takes_the_article_country(prepared: Callable[[str], Doc]) -> None:
    doc = prepared("قصفت قوات النظام بلدة اللطامنة صباح اليوم. وفي سياق آخر، اعتقلت الشرطة ثلاثة شبان.")
    country = doc_country(doc)
    assert country is not None and country.country == "Syria"
    ev = Event()
    place_event(doc, ev, None, country)
    assert (ev.country, ev.location, "location" in ev.evidence) == ("Syria", None, False)
    place_event(doc, ev, doc.of("place")[0], country)
    assert (ev.location, [s.text for s in ev.evidence["location"]]) == ("Al-Lataminah", ["بلدة اللطامنة"])


def test_a_record_with_no_place_and_no_victims_is_a_statement() -> None:
    assert not placed(Event(location=None, fatalities=0))
    assert placed(Event(location=None, fatalities=None, fatalities_known=False))  # an untold toll is still a toll
    assert placed(Event(location="Rafah", fatalities=0))


def test_the_town_of_the_sentence_beats_the_area_of_the_clause() -> None:
    """"ارتفع عدد ضحايا مدرسة الفاروق بحي الزيتون (شرق مدينة غزة) … في أكبر المجازر التي شهدها القطاع": the event's
    clause names only the Strip, its sentence one neighbourhood inside it; several towns leave the area.
    Original Arabic written for this test."""
    one = ("ارتفع عدد ضحايا مدرسة الفاروق بمنطقة حي الزيتون (شرق مدينة غزة) اليوم السبت إلى 40 شهيدا،"
           " في واحدة من أكبر المجازر التي شهدها القطاع.")
    assert [e.location for e in rasd.extract(one, published=date(2024, 8, 10))] == ["Al-Zaytoun"]


@pytest.mark.parametrize(
    ("text", "location"),
    [
        # the second name only says where the first lies: the first is the event's place
        ("قصفت الطائرات أمس خياما للنازحين في مواصي مدينة خان يونس.", "Al-Mawasi"),
        ("سيطرت القوات أمس على منطقة المأذنية في حي القدم بعد معارك عنيفة.", "Al-Madhniya"),
        ("استهدف قصف مدفعي قرية الحمرا التابعة لمديرية حيس صباح اليوم.", "Al-Hmra"),
        # a list is no such pair: the first named keeps its rank
        ("اعتقلت الشرطة أمس شابين في بلدة كفرنبل ومدينة معرة النعمان.", "Kafranbel"),
    ],
)
def test_a_place_named_to_say_where_another_lies_is_context(text: str, location: str) -> None:
    """Original Arabic written for this test."""
    assert [e.location for e in rasd.extract(text, published=date(2024, 8, 10))] == [location]


def test_a_town_beats_the_country_named_before_it() -> None:
    """"في سوريا … في دوما": the country named first does not make the town inconsistent; a place of another country
    named after the first does not beat the headline's town. Original Arabic written for this test."""
    one = "اعتقلت قوات الأمن في سوريا أمس ثلاثة ناشطين في مدينة دوما."
    assert [e.location for e in rasd.extract(one, published=date(2024, 8, 10))] == ["Douma"]
    two = "غارات إسرائيلية على بيروت\nتواصلت الليلة الغارات الإسرائيلية على لبنان وقطاع غزة."
    assert "Beirut" in [e.location for e in rasd.extract(two, published=date(2024, 8, 10))]


@pytest.mark.parametrize(
    ("text", "location"),
    [
        # the place a protest supports or opposes is its cause; the city it is held in is its place
        ("فرقت الشرطة أمس مظاهرة داعمة لقطاع غزة أمام القنصلية الإسرائيلية في مدينة شيكاغو.", "Chicago"),
        ("اعتقلت الشرطة الفرنسية اليوم عشرات المناصرين لغزة في مرسيليا.", "Marseille"),
        ("اعتقلت الشرطة الألمانية أمس متظاهرين في مسيرة داعمة لغزة في برلين.", "Berlin"),
        ("اشتبك متظاهرون مناهضون للحرب على قطاع غزة مع الشرطة أمس في ملبورن.", "Melbourne"),
    ],
)
def test_the_place_a_protest_supports_is_not_where_it_is_held(text: str, location: str) -> None:
    """Original Arabic written for this test."""
    assert location in [e.location for e in rasd.extract(text, published=date(2024, 8, 10))]


def test_an_aim_in_the_answered_act_is_not_the_place() -> None:
    """"دمر بطارية … ردا على صاروخ استهدف طائرات فوق لبنان": the answered act's aim does not place the answer.
    Original Arabic written for this test."""
    text = "قال الجيش إنه قصف بالصواريخ بطارية دفاع جوي شرق دمشق اليوم ردا على صاروخ أطلقته استهدف طائراته فوق لبنان."
    assert "Damascus" in [e.location for e in rasd.extract(text, published=date(2024, 8, 10))]


def test_the_country_a_protest_opposes_is_not_its_place() -> None:
    """"مظاهرة مؤيدة لفلسطين ومناهضة لإسرائيل في العاصمة برن": Israel is opposed, not the protest's place.
    Original Arabic written for this test."""
    text = "فرقت الشرطة السويسرية أمس مظاهرة مؤيدة لفلسطين ومناهضة لإسرائيل في العاصمة برن."
    assert "Israel" not in [e.location for e in rasd.extract(text, published=date(2024, 8, 10))]


def test_a_town_of_a_clause_set_against_the_event_is_the_other_acts(prepared: Callable[[str], Doc]) -> None:
    """"قتل عشرة بقصف على القطاع، في حين أعلنت الكتائب تفجير عبوة شرق رفح": Rafah is the bombing's place only
    when no contrast word sets its clause against the bombing's."""
    doc = prepared("قتل عشرة مدنيين اليوم بقصف إسرائيلي على مناطق في قطاع غزة، في حين فتحت السلطات معبرا شرق مدينة رفح.")
    assert _place_name(doc) == "Gaza Strip"
    doc = prepared("قتل عشرة مدنيين اليوم بقصف إسرائيلي على مناطق في قطاع غزة، منها منازل شرق مدينة رفح.")
    assert _place_name(doc) == "Rafah"


def test_of_two_items_of_one_list_the_first(prepared: Callable[[str], Doc]) -> None:
    doc = prepared("نفذت قوات الاحتلال اليوم حملة اعتقالات قرب الخليل ورام الله.")
    assert _place_name(doc) == "Hebron"


def test_a_neighbourhood_no_gazetteer_holds_is_coded_at_its_city(prepared: Callable[[str], Doc]) -> None:
    doc = prepared("قصفت المدفعية اليوم منازل في حي الورود شرقي العاصمة العراقية بغداد.")
    assert _place_name(doc) == "Baghdad"


@pytest.mark.parametrize(
    ("text", "location"),
    [
        # the capital's title, with or without its clitic, stands between the preposition and the city
        ("احتشد مئات المتظاهرين أمس بالعاصمة الإسبانية مدريد رفضا للحرب على لبنان.", "Madrid"),
        ("نظم ناشطون وقفة احتجاجية بالعاصمة الإيطالية روما يوم السبت للمطالبة بوقف القصف.", "Rome"),
    ],
)
def test_a_city_abroad_after_the_capitals_title_is_the_protests_place(
    prepared: Callable[[str], Doc], text: str, location: str
) -> None:
    """Original Arabic written for this test."""
    assert _place_name(prepared(text)) == location


@pytest.mark.parametrize(
    ("text", "country"),
    [
        # every place named is the protest's cause: the protesters' nationality tells where it is held
        ("خرج آلاف العراقيين اليوم في مظاهرات تنديدا بالقصف المتواصل على قطاع غزة.", "Iraq"),
        ("تظاهر طلاب تونسيون أمام جامعتهم يوم الأحد في وقفة تندد بالهجمات على جنوب لبنان.", "Tunisia"),
    ],
)
def test_a_protest_whose_places_are_its_cause_is_in_the_protesters_country(
    prepared: Callable[[str], Doc], text: str, country: str
) -> None:
    """Original Arabic written for this test."""
    place = place_of(doc := prepared(text), _only(doc))
    assert place is not None and place.value.best.kind == "country" and place.value.best.country == country
    # a protest that names its own town keeps it
    assert _place_name(prepared("تظاهر عشرات الفلسطينيين اليوم في مدينة طولكرم تنديدا بالغارات على قطاع غزة.")) == "Tulkarm"



@pytest.mark.parametrize(
    ("text", "location"),
    [
        # where a correspondent files from is not where the act was
        ("قال مراسل الجزيرة في رام الله إن حزب الله شن فجر اليوم هجوما بالصواريخ على مواقع الجيش الإسرائيلي في الجليل.",
         "Galilee"),
        # an act the correspondent reports names its own place after him
        ("أفاد مراسل الجزيرة باندلاع اشتباكات في مخيم طولكرم بين مقاومين وجيش الاحتلال اليوم.", "Tulkarm Camp"),
        # nor is where the dead man was born
        ("استشهد القيادي، المولود في مدينة جنين، في غارة إسرائيلية على بيروت اليوم.", "Beirut"),
    ],
)
def test_a_person_s_place_is_not_the_event_s(text: str, location: str) -> None:
    assert [e.location for e in rasd.extract(text, published=date(2024, 5, 12))] == [location]


def test_a_birthplace_is_no_place_even_for_want_of_another() -> None:
    text = "اغتال الاحتلال فجر اليوم القيادي في الحركة، وهو من مواليد مخيم الشاطئ، بغارة على مقر إقامته."
    assert "Al-Shati Camp" not in [e.location for e in rasd.extract(text, published=date(2024, 5, 12))]


def test_countries_listed_among_those_who_condemn_are_no_place() -> None:
    text = ("ودانت جامعة الدول العربية ومصر والأردن التصعيد الإسرائيلي ضد المدنيين في قطاع غزة، الجمعة، والذي أسفر عن "
            "مقتل 16 شخصا برصاص جيش الاحتلال خلال مظاهرات يوم الأرض.")
    assert [(e.country, e.location) for e in rasd.extract(text, published=date(2024, 5, 12))] == [("Palestine", "Gaza Strip")]
    # a list of places struck is still a list of places
    strikes = rasd.extract("قصفت طائرات حربية اليوم مواقع في بلدتي كفرنبل وحاس في ريف إدلب.", published=date(2024, 5, 12))
    assert {e.location for e in strikes} == {"Kafranbel", "Has"}


def test_a_nisba_after_a_struck_site_is_no_place() -> None:
    """"مواقع سورية": Syrian positions; the place is the countryside named after them."""
    events = rasd.extract("أطلقت الولايات المتحدة صواريخ على مواقع سورية في ريف حمص فجر اليوم.", published=date(2024, 5, 12))
    assert [(e.admin1, e.location) for e in events] == [("Homs", "Homs")]


def test_a_countrys_land_is_a_place_not_its_army() -> None:
    """"باتجاه الأراضي السعودية": the missile's aim, Saudi Arabia, not the Saudi forces."""
    events = rasd.extract("اعترضت الدفاعات الجوية صاروخين أطلقا من اليمن باتجاه الأراضي السعودية.", published=date(2024, 5, 12))
    assert [(e.sub_event_type, e.location) for e in events] == [("Disrupted weapons use", "Saudi Arabia")]


def test_a_trigger_joined_by_and_has_the_places_of_its_own_conjunct() -> None:
    """"خطة لإجلاء سكان عسقلان ومقتل جندي في طولكرم": the killing is in Tulkarm; a record of both conjuncts keeps
    the first one's place."""
    killing = rasd.extract("خطة لإجلاء سكان عسقلان ومقتل شاب برصاص الاحتلال في طولكرم", published=date(2024, 5, 12))
    assert [e.location for e in killing] == ["Tulkarm"]
    both = rasd.extract("الحرب على غزة.. 30 شهيدا في خان يونس وغارات إسرائيلية على المدينة", published=date(2024, 5, 12))
    assert [e.location for e in both] == ["Khan Yunis"]


@pytest.mark.parametrize(
    ("text", "location"),
    [
        # a Lebanese group's rockets land in Israel, not in the Gaza Strip the article is about
        ("طردت قوات الاحتلال آلاف النازحين من مجمع ناصر الطبي في خان يونس، فيما تتزايد احتمالات التصعيد بعد أن وجه "
         "حزب الله ضربة صاروخية لصفد.", "Safed"),
        # a group of Gaza's own fires from there: the place stays
        ("قصفت سرايا القدس بقذائف الهاون تجمعا لجنود الاحتلال في حي الشجاعية شرق مدينة غزة.", "Al-Shujaiyya"),
    ],
)
def test_fire_from_lebanon_iraq_or_yemen_is_placed_in_israel(text: str, location: str) -> None:
    events = rasd.extract(text, published=date(2024, 5, 12))
    assert location in [e.location for e in events if e.actor1 in ("Hezbollah", "Al-Quds Brigades")]
