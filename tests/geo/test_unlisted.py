"""Places the gazetteer does not hold, names that are not places, and the transliteration scheme."""

from __future__ import annotations

from datetime import date

import pytest

import rasd
from rasd.geo import get_geocoder
from rasd.geo.unlisted import UNLISTED
from rasd.lang.ar.normalize import fold
from rasd.lang.ar.translit import transliterate


@pytest.mark.parametrize(
    ("phrase", "name_ar", "admin1"),
    [
        ("قرية البارة في جبل الزاوية", "الباره", "Idlib"),
        ("بلدة بني قيس بمحافظة حجة", "بني قيس", "Hajjah"),
        ("قرية الشيفونية في الغوطة الشرقية", "الشيفونيه", "Rif Dimashq"),
        ("قرية الشيخ كريم غرب عفرين", "الشيخ كريم", "Aleppo"),  # "الشيخ" heads a two-word name
    ],
)
def test_a_village_the_gazetteer_lacks_is_still_the_place(phrase: str, name_ar: str, admin1: str) -> None:
    top = get_geocoder().geocode(phrase)[0]
    assert (top.name_ar, top.admin1, top.geo_precision, top.source) == (name_ar, admin1, 2, UNLISTED)
    assert top.approximate and top.latitude and top.longitude  # at the unit named with it


def test_an_unlisted_village_lies_in_the_country_its_adjective_names() -> None:
    # the capital that speaks after it is Turkish; the mountain is in Iraq, known only to the country's level
    text = fold("تواصل المقاتلات التركية غاراتها على منطقة الزاب العراقية، وقالت أنقرة إنها ستواصل")
    village = [m.best for m in get_geocoder().find_places(text) if m.best and m.best.source == UNLISTED]
    assert [(c.name_ar, c.country, c.admin1) for c in village] == [("الزاب", "Iraq", None)]


def test_a_dual_adjective_is_not_part_of_the_name() -> None:
    text = fold("حررت القوات قريتي الشواجرة والمعاصرة التابعتين لمديرية حيران في محافظة حجة")
    names = [m.best.name_ar for m in get_geocoder().find_places(text) if m.best and m.best.source == UNLISTED]
    assert names == ["الشواجره", "المعاصره"]


def test_an_unlisted_village_takes_the_unit_of_its_own_sentence() -> None:
    # the governorate named before the village in its sentence, not the one that opens the next sentence
    text = fold("تقدمت القوات في مديرية حيران بمحافظة حجة واستعادت قرية الشواجرة. وفي محافظة الحديدة تواصلت المعارك")
    village = [m.best for m in get_geocoder().find_places(text) if m.best and m.best.source == UNLISTED]
    assert [(c.name_ar, c.admin1) for c in village] == [("الشواجره", "Hajjah")]


@pytest.mark.parametrize("phrase", [
    "منطقة سكنية", "قرية مجاورة", "منطقة عسكرية مغلقة", "بلدات ريف حماة",
    # words read as names on the shared corpora before they joined the list
    "أعلنت الحكومة محافظة تعز منطقة منكوبة", "الحفاظ على منطقة عدم التصعيد في إدلب", "نحو عشرين قرية إلى غربها",
    "بقيت في بضع بلدات فقط", "نقل الجنود إلى منطقة قتال", "عشر قرى معزولة في ريف حماة", "منطقة غير معروفة",
    "الخروج إلى أي منطقة يريدونها في سوريا", "منطقة المزارع قرب ميدي",
    "أكبر بلدة تمكنت القوات من دخولها في ريف حلب", "قتل أسير في منطقة تتعرض للقصف شمال غزة",
    "أعلنت الأمم المتحدة منطقة مجاعة في محافظة حجة", "يطالبون بمنطقة تتمتع بالحكم الذاتي في محافظة الحسكة",
    "اتفاق لكل منطقة منها في ريف درعا", "في منطقة العاصمة دمشق وريفها",
])  # fmt: skip
def test_a_described_place_is_not_a_name(phrase: str) -> None:
    assert all(c.source != UNLISTED for c in get_geocoder().geocode(phrase))


def test_a_known_place_stays_known() -> None:
    top = get_geocoder().geocode("مخيم جباليا شمال قطاع غزة")[0]
    assert top.source != UNLISTED and top.name_ar == "جباليا" or "Jabal" in top.name


@pytest.mark.parametrize(
    ("phrase", "not_there"),
    [("الميليشيات الموالية لإيران", "Iran"), ("الفصائل المدعومة من تركيا", "Turkey"), ("قمة طهران", "Iran"),
     ("مسار أستانا", "Kazakhstan"), ("خلية مرتبطة بإيران", "Iran")],
)
def test_allegiances_and_meetings_are_not_places(phrase: str, not_there: str) -> None:
    assert all(c.country != not_there for c in get_geocoder().geocode(phrase))


def test_an_event_in_an_unlisted_village_is_flagged_for_review() -> None:
    text = "قتل مدنيان بقصف مدفعي لقوات النظام على قرية البارة في جبل الزاوية بريف إدلب الجنوبي صباح اليوم."
    (ev,) = rasd.extract(text, published=date(2024, 5, 12))
    assert (ev.location_ar, ev.admin1, ev.geo_precision) == ("البارة", "Idlib", 2)
    assert ev.location == "Al-Bara" and "not in the gazetteer" in ev.vague["location"]
    assert ev.evidence["location"][0].text == "البارة"


def test_weekdays_are_never_places() -> None:
    text = "قتل جنديان بهجوم بطائرة مسيرة على موقع عسكري في مأرب يوم الأحد الماضي."
    assert all(e.location != "Al Ahad" for e in rasd.extract(text, published=date(2024, 7, 3)))


@pytest.mark.parametrize(
    ("arabic", "latin"),
    [("البارة", "Al-Bara"), ("بني قيس", "Bani Qis"), ("تل الصوان", "Tal al-Swan"), ("الجريبات", "Al-Jribat"),
     ("حوران", "Huran"), ("الوهبية", "Al-Whbiya"), ("Saqba", "Saqba"), ("الباره", "Al-Bara"),
     # an opening ayn is a vowel, with or without the article; a following alef folds into it
     ("عرطوز", "Artuz"), ("العكيدات", "Al-Akidat"), ("عامرية", "Amriya"),
     # common name words keep their usual spelling
     ("أم الخنازير", "Umm al-Khnazir"), ("بيت نعيم", "Beit N'im"), ("دير البلوط الكبرى", "Deir al-Blut al-Kubra"),
     ("كفر سوسة", "Kafr Susa"), ("الشيخ مسكين", "Al-Shaykh Mskin")],
)
def test_transliteration_is_one_documented_scheme(arabic: str, latin: str) -> None:
    assert transliterate(arabic) == latin
