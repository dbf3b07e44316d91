"""A place abroad is the act's place only where the text ties it to the act.

A protest in London is in the United Kingdom, not in the Gaza it is about; a strike in Gaza stays in Gaza when a
minister speaks of it in London or an embassy in Tokyo reports it. Every sentence is written for these tests (no
corpus text).
"""

from __future__ import annotations

from datetime import date

import pytest

import rasd

PUBLISHED = date(2024, 5, 12)


def _records(text: str) -> list[tuple[str, str | None, str | None]]:
    return [(e.sub_event_type, e.country, e.location) for e in rasd.extract(text, published=PUBLISHED)]


@pytest.mark.parametrize(
    ("text", "record"),
    [
        ("تظاهر مئات الطلاب في لندن أمس احتجاجا على استمرار الحرب في غزة.",
         ("Peaceful protest", "United Kingdom", "London")),
        ("شهدت العاصمة البريطانية لندن أمس مظاهرة حاشدة شارك فيها آلاف المحتجين للمطالبة بوقف الحرب على غزة.",
         ("Peaceful protest", "United Kingdom", "London")),
        ("خرجت أمس مظاهرة كبيرة في مدينة أوكلاند تضامنا مع سكان قطاع غزة المحاصر.",
         ("Peaceful protest", "New Zealand", "Auckland")),
        ("نظم ناشطون أمس وقفة احتجاجية في العاصمة اليابانية طوكيو رفضا للحرب على غزة.",
         ("Peaceful protest", "Japan", "Tokyo")),
    ],
)  # fmt: skip
def test_a_protest_abroad_is_where_it_is_held(text: str, record: tuple[str, str, str]) -> None:
    assert record in _records(text)


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("قال وزير الخارجية البريطاني في لندن إن غارة إسرائيلية على مدينة غزة أسفرت أمس عن مقتل 12 فلسطينيا.",
         "Gaza City"),
        ("وفي لندن، قال المتحدث باسم الحكومة إن القصف الإسرائيلي على خان يونس قتل أمس تسعة مدنيين.", "Khan Yunis"),
        ("قتل ثمانية فلسطينيين أمس في غارة إسرائيلية على رفح، وفق ما صرح به مسؤول أممي في نيويورك.", "Rafah"),
        ("استهدفت غارة جوية أمس منزلا في دير البلح مما أسفر عن مقتل أربعة، بحسب بيان للسفارة الفلسطينية في طوكيو.",
         "Deir al-Balah"),
    ],
)  # fmt: skip
def test_a_statement_abroad_leaves_the_strike_where_it_fell(text: str, place: str) -> None:
    records = _records(text)
    assert [r for r in records if r[0] == "Air/drone strike" or r[0] == "Shelling/artillery/missile attack"]
    assert all(location == place for kind, _, location in records if kind != "Peaceful protest"), records


def test_a_statement_abroad_with_no_other_place_is_no_place_of_the_strike() -> None:
    records = _records("قال وزير الخارجية في باريس إن غارة إسرائيلية قتلت أمس عشرة فلسطينيين.")
    assert not [r for r in records if r[1] == "France"]


def test_the_police_of_a_city_abroad_speak_of_what_they_did_there() -> None:
    records = _records("قالت الشرطة في لندن إنها اعتقلت أمس 40 متظاهرا خلال احتجاج على حظر حركة مؤيدة لفلسطين.")
    assert ("Protest with intervention", "United Kingdom", "London") in records  # the arrests are how the protest was met
