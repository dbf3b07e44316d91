"""Places abroad: a city or country outside the region coded is the place only where the text puts something there.

"تظاهر الآلاف في باريس" places a protest in Paris; "فرنسا تدين القصف" and "ضربات واشنطن ولندن" name parties,
not places (``abroad`` in gazetteer_countries.tsv). Every sentence is written for these tests (no corpus text).
"""

from __future__ import annotations

import pytest

from rasd.geo import Geocoder
from rasd.lang.ar.normalize import normalize


def _places(geocoder: Geocoder, text: str) -> list[tuple[str, str]]:
    return [(m.best.name, m.best.country) for m in geocoder.find_places(normalize(text).text) if m.best]


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("تظاهر آلاف المحتجين أمس في باريس تضامنا مع غزة", ("Paris", "France")),
        ("اندلعت أعمال شغب بأمستردام بعد مباراة لكرة القدم", ("Amsterdam", "Netherlands")),
        ("خرج المتظاهرون في شوارع لندن للمطالبة بوقف الحرب", ("London", "United Kingdom")),
        ("اعتصم طلاب داخل جامعة في مدينة شيكاغو", ("Chicago", "United States")),
        ("نظمت وقفات احتجاجية في أنحاء ألمانيا", ("Germany", "Germany")),
    ],
)
def test_a_place_abroad_where_the_text_puts_something_there(geocoder: Geocoder, text: str, place: tuple[str, str]) -> None:
    assert place in _places(geocoder, text)


@pytest.mark.parametrize(
    ("text", "never"),
    [
        ("فرنسا تدين القصف الإسرائيلي على غزة وتدعو إلى التهدئة", "France"),
        ("استهدفت ضربات واشنطن ولندن وباريس مواقع عسكرية في سوريا", "United Kingdom"),
        ("رحبت الولايات المتحدة وروسيا بالاتفاق الذي وقع في الدوحة", "Russia"),
        ("نقلت صحيفة نيويورك تايمز عن مسؤولين أن الغارات على غزة مستمرة", "United States"),
    ],
)
def test_a_country_abroad_that_is_only_a_party_is_no_place(geocoder: Geocoder, text: str, never: str) -> None:
    assert never not in {country for _, country in _places(geocoder, text)}


def test_a_list_shares_its_preposition(geocoder: Geocoder) -> None:
    assert {"London", "Paris"} <= {name for name, _ in _places(geocoder, "خرجت مظاهرات في لندن وباريس ضد الحرب")}


def test_a_list_of_parties_after_a_preposition_of_persons_is_no_place(geocoder: Geocoder) -> None:
    """"كل من الولايات المتحدة وفرنسا": "من" picks the parties out, it puts nothing in France."""
    text = "وجهت كل من الولايات المتحدة وفرنسا وبريطانيا ضربة صاروخية إلى مواقع في سوريا"
    assert {"France", "United Kingdom", "United States"}.isdisjoint({c for _, c in _places(geocoder, text)})


@pytest.mark.parametrize(
    "text",
    [
        "قال سفير المملكة في الولايات المتحدة إن الهجوم على الناقلة خطير",
        "وأضاف الوزير خلال مؤتمر صحفي في لندن أن القصف مستمر في اليمن",
        "تتهم الدول الغربية روسيا أمام المحكمة الدولية في لاهاي بعرقلة التحقيق",
    ],
)
def test_a_city_abroad_that_only_hosts_an_envoy_or_a_meeting_is_no_place(geocoder: Geocoder, text: str) -> None:
    assert not {"United States", "United Kingdom", "Netherlands"} & {c for _, c in _places(geocoder, text)}


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("احتشد الآلاف في مدينة أوكلاند مطالبين بوقف الحرب", ("Auckland", "New Zealand")),
        ("خرج مئات المحتجين في طوكيو ضد صفقة السلاح", ("Tokyo", "Japan")),
        ("وقع انفجار قرب سفارة أجنبية في كابل صباح اليوم", ("Kabul", "Afghanistan")),
    ],
)
def test_a_world_city_where_the_text_puts_something_there(geocoder: Geocoder, text: str, place: tuple[str, str]) -> None:
    assert place in _places(geocoder, text)


@pytest.mark.parametrize(
    ("text", "never"),
    [
        ("قالت كييف إن موسكو تحشد قواتها على الحدود", "Ukraine"),  # a government, not a place
        ("تحدث الوزير عن صفقة بين بكين وطوكيو", "China"),
        ("غمرت السيول عدة أحياء في المدينة", "South Korea"),  # "سيول" is floods, not Seoul
        ("زار وزير الخارجية هايكو ماس المنطقة", "China"),  # Heiko, not Haikou
    ],
)
def test_a_world_city_only_named_is_no_place(geocoder: Geocoder, text: str, never: str) -> None:
    assert never not in {country for _, country in _places(geocoder, text)}
