"""Arabic language data: normalisation with offsets, number words, date phrases (tables of cases)."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from rasd.lang.ar.dates import find_dates
from rasd.lang.ar.normalize import fold, normalize
from rasd.lang.ar.numbers import parse_number
from rasd.text.clean import clean_text
from rasd.text.matcher import PhraseMatcher, longest_first


@pytest.mark.parametrize(
    "raw, folded",
    [
        ("قُتِلَ", "قتل"),
        ("مـــدينة", "مدينه"),
        ("إسرائيليّة", "اسراييليه"),
        ("أمسِ", "امس"),
        ("مستشفى", "مستشفي"),
        ("١٢٣", "123"),
        ("۴۵", "45"),
        ("«لواء القدس»", '"لواء القدس"'),
        ("2020–2021", "2020-2021"),
        ("IDF", "idf"),
    ],
)
def test_fold(raw, folded):
    assert fold(raw) == folded


def test_offsets_map_back_through_deleted_marks():
    text = "قُتِلَ ثلاثةُ عناصرَ أمسِ"
    n = normalize(text)
    for word in ("ثلاثه", "امس", "قتل"):
        i = n.text.index(word)
        s, e = n.span(i, i + len(word))
        assert fold(text[s:e]) == word
        assert not text[e:e + 1] or text[e] == " "  # the word's own marks stay inside its span


@pytest.mark.parametrize(
    "phrase, value, vague",
    [
        ("ثلاثة عناصر", 3, False),
        ("ثلاثُ نساء", 3, False),
        ("أحد عشر شخصا", 11, False),
        ("خمسة عشر", 15, False),
        ("ثلاث عشرة", 13, False),
        ("خمسة وعشرون", 25, False),
        ("عشرون", 20, False),
        ("مائة وخمسة وعشرون", 125, False),
        ("مئتين", 200, False),
        ("سبعة آلاف", 7000, False),
        ("7 آلاف", 7000, False),
        ("1,200", 1200, False),
        ("١٨٤", 184, False),
        ("عشرات", 10, True),
        ("مئات", 100, True),
    ],
)
def test_number_words(phrase, value, vague):
    number = parse_number(fold(phrase).split(), 0)
    assert number is not None and (number.value, number.vague) == (value, vague)


@pytest.mark.parametrize("phrase", ["عناصر", "صفر", "الجبهة"])
def test_not_numbers(phrase):
    assert parse_number(fold(phrase).split(), 0) is None


TUESDAY = date(2021, 4, 6)


@pytest.mark.parametrize(
    "phrase, expected, precision",
    [
        ("أمس الاثنين", date(2021, 4, 5), 1),
        ("فجر اليوم", date(2021, 4, 6), 1),
        ("أول أمس", date(2021, 4, 4), 1),
        ("يوم الجمعة الماضي", date(2021, 4, 2), 1),
        ("مساء الأحد", date(2021, 4, 4), 1),
        ("ليل الأحد الاثنين", date(2021, 4, 4), 1),  # a night across two days: its first
        ("يومي السبت والأحد", date(2021, 4, 3), 1),
        ("في 25 من مارس/آذار 2021", date(2021, 3, 25), 1),
        ("في 3 كانون الثاني", date(2021, 1, 3), 1),
        ("منتصف شباط /فبراير الفائت", date(2021, 2, 15), 2),
        ("أواخر آذار الماضي", date(2021, 3, 25), 2),
        ("في فبراير/شباط الفائت", date(2021, 2, 15), 3),
        ("الأسبوع الماضي", date(2021, 3, 30), 2),
        ("مطلع الشهر الماضي", date(2021, 3, 5), 2),
        ("مطلع الشهر الجاري", date(2021, 4, 5), 2),
        ("قبل ثلاثة أيام", date(2021, 4, 3), 1),
        ("في 12 رمضان 1442 هـ", date(2021, 4, 24), 1),
        ("في السابع من آذار/مارس", date(2021, 3, 7), 1),  # the day as an ordinal word
        ("الحادي والعشرين من شهر مارس الماضي", date(2021, 3, 21), 1),
        ("في الثالث عشر من فبراير", date(2021, 2, 13), 1),
    ],
)
def test_dates_resolve_against_publication(phrase, expected, precision):
    found = find_dates(fold(phrase), TUESDAY)
    assert len(found) == 1, found
    assert (found[0].value, found[0].precision) == (expected, precision)


@pytest.mark.parametrize("phrase", ["حزيران المقبل", "في آب القادم"])
def test_future_months_are_marked(phrase):
    assert find_dates(fold(phrase), TUESDAY)[0].future


@pytest.mark.parametrize("phrase", ["قالت رئيسة الوزراء تيريزا ماي", "قصف في محافظة إب", "مارس الجيش ضغوطا"])
def test_month_words_that_are_names_need_a_day_or_year(phrase):
    assert find_dates(fold(phrase), TUESDAY) == []


@pytest.mark.parametrize("phrase, expected", [("في 3 ماي", date(2020, 5, 3)), ("شهر آب الماضي", date(2020, 8, 15)),
                                              ("مارس 2021", date(2021, 3, 15))])
def test_ambiguous_month_words_with_a_day_or_year_are_dates(phrase, expected):
    assert find_dates(fold(phrase), TUESDAY)[0].value == expected


def test_tv_channel_is_not_a_date():
    assert find_dates(fold("بثت قناة روسيا اليوم تسجيلا"), TUESDAY) == []


def test_matcher_respects_clitics_and_word_edges():
    m: PhraseMatcher[str] = PhraseMatcher()
    m.add("غارة جوية", "air")
    m.add("القدس", "jerusalem")
    m.add("قتل*", "kill")
    text = normalize("بغارةٍ جوية وللقدس ومقتلهم وقتلهم والقدسي").text
    keys = [(x.key, x.prefix) for x in longest_first(m.find(text))]
    assert ("غاره جويه", "ب") in keys and ("قدس", "ولل") in keys and ("قتل", "و") in keys
    assert all(k != "القدس" for k, _ in keys)  # القدسي is another word


def test_clean_keeps_hashtag_words_and_drops_residue():
    raw = "عنوان الخبر\n\nعنوان الخبر\n\nقصف على #دير_الزور و#قوات_حفظ _النظام.\n\nاشترك بنشرتنا البريدية\n\nالأكثر قراءة\n5778"
    cleaned = clean_text(raw)
    assert cleaned.text == "عنوان الخبر\n\nقصف على دير الزور وقوات حفظ النظام."
    assert cleaned.tags == ["دير الزور", "قوات حفظ النظام"]


def test_days_before_another_event_date_nothing() -> None:
    # "قبل يومين على إعادة الفرز": two days before the recount, not two days ago
    assert find_dates(fold("وقع التفجير قبل يومين على إعادة فرز الأصوات"), TUESDAY) == []
    assert find_dates(fold("وقع التفجير قبل يومين"), TUESDAY)[0].value == date(2021, 4, 4)


@pytest.mark.parametrize(("phrase", "days", "precision"),
                         [("قبل ثلاثة أيام", 3, 1), ("قبل عشرة أيام", 10, 2), ("قبل 12 يوما", 12, 2), ("قبل أسبوعين", 14, 2)])
def test_days_ago_in_words_or_digits(phrase: str, days: int, precision: int) -> None:
    (found,) = find_dates(fold(f"قصفت المدفعية الحي {phrase}"), TUESDAY)
    assert (found.value, found.precision) == (TUESDAY - timedelta(days=days), precision)


@pytest.mark.parametrize(
    "published, expected",
    [
        (date(2018, 8, 25), date(2018, 8, 23)),  # a Saturday paper: "today Thursday" was two days before
        (date(2018, 8, 23), date(2018, 8, 23)),  # Thursday's paper: today
        (date(2018, 8, 28), date(2018, 8, 28)),  # five days on, the weekday is a slip: today stands
    ],
)
def test_today_with_a_weekday_names_that_day_in_a_late_paper(published: date, expected: date) -> None:
    assert find_dates(fold("قتلت غارة اليوم الخميس أربعة أطفال"), published)[0].value == expected
