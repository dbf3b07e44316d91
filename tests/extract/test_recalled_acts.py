"""A known act named again in a later article ("بعد الهجوم", "الهجوم المفترض") is background unless dated."""

from __future__ import annotations

from datetime import date

import pytest

import rasd
from rasd.extract.eventness import RECALLED
from rasd.lang.ar.normalize import fold

D = date(2024, 5, 12)


def _modal(text: str, word: str) -> str | None:
    doc = rasd.analyse(text, published=D)
    return next(t.value.modal for t in doc.of("trigger") if doc.ntext[t.start : t.end] in fold(word))


@pytest.mark.parametrize("text", [
    "نددت الجامعة العربية اليوم الأحد بالهجوم الكيماوي المزعوم على بلدة اللطامنة.",
    "وصل وفد أممي مساء السبت إلى موقع الهجوم الكيميائي المفترض في بلدة كفرزيتا.",
])
def test_an_alleged_known_act_without_a_date_is_background(text: str) -> None:
    word = "الهجوم الكيماوي" if "الكيماوي" in text else "الهجوم الكيميائي"
    assert _modal(text, word) == RECALLED


def test_an_alleged_act_dated_in_its_clause_is_news() -> None:
    text = "أدانت بلجيكا اليوم الهجوم الكيماوي المزعوم الذي استهدف بلدة اللطامنة يوم الخميس الماضي."
    assert _modal(text, "الهجوم الكيماوي") is None


def test_an_alleged_act_dated_after_a_comma_is_news() -> None:
    text = "دعت إيطاليا إلى تحقيق في الهجوم الكيماوي المزعوم على بلدة اللطامنة، الخميس."
    assert _modal(text, "الهجوم الكيماوي") is None


def test_an_indefinite_alleged_act_is_told_as_news() -> None:
    text = "قتل عشرون مدنيا في هجوم كيماوي مزعوم استهدف بلدة اللطامنة."
    assert _modal(text, "هجوم كيماوي") is None


def test_a_known_act_after_a_recall_word_is_background() -> None:
    text = "عقدت الحكومة الهولندية اجتماعا طارئا أمس على خلفية الهجوم الصاروخي على مدينة إربد."
    assert _modal(text, "الهجوم") == RECALLED


def test_a_known_act_told_by_a_relative_clause_is_reported() -> None:
    text = "رفضت الحكومة أمس نتائج التحقيق في الاغتيال الذي نفذه مسلحون في مدينة إربد."
    assert _modal(text, "الاغتيال") is None


def test_an_act_named_again_after_a_time_word_stays() -> None:
    text = "قصفت المدفعية بلدة المزيريب صباح اليوم، وبعد القصف العنيف اقتحمت القوات البلدة."
    assert _modal(text, "القصف") != RECALLED


def test_an_act_named_with_this_is_the_reports_own() -> None:
    text = "دفعت الشرطة بتعزيزات إلى مدينة الباب اليوم على خلفية هذا الاقتتال بين الفصائل."
    assert _modal(text, "الاقتتال") != RECALLED


def test_a_toll_update_of_a_known_act_is_news() -> None:
    text = "ارتفع عدد ضحايا الهجوم الصاروخي على مدينة إربد إلى 12 قتيلا."
    assert _modal(text, "الهجوم") != RECALLED


def test_a_toll_update_without_a_figure_is_news() -> None:
    text = "ارتفاع عدد ضحايا الاقتحام الإسرائيلي لبلدة قباطية."
    assert _modal(text, "الاقتحام") != RECALLED


def test_protests_recalled_as_a_reason_stay_candidates() -> None:
    text = "أقال رئيس الحكومة وزير المياه اليوم على خلفية الاحتجاجات في مدينة الناصرية."
    assert _modal(text, "الاحتجاجات") != RECALLED


def test_a_known_act_told_by_a_relative_clause_takes_its_date() -> None:
    text = "أدانت بلجيكا الاثنين الهجوم الكيماوي المزعوم الذي استهدف يوم السبت الماضي بلدة اللطامنة وأودى بحياة عشرة مدنيين."
    events = rasd.extract(text, published=date(2024, 5, 14))
    assert [(e.event_date, e.sub_event_type) for e in events] == [("2024-05-11", "Chemical weapon")]


def test_a_later_date_of_another_act_is_not_taken() -> None:
    text = "وشهد السبت الماضي تصعيدا في الغارات الإسرائيلية على بلدة بيت حانون غداة احتجاجات يوم الجمعة."
    doc = rasd.analyse(text, published=date(2024, 5, 14))
    from rasd.extract.dating import date_for
    trig = next(t for t in doc.of("trigger") if doc.ntext[t.start : t.end] in fold("الغارات"))
    found = date_for(doc, trig)
    assert found is not None and doc.ntext[found.start : found.end] == fold("السبت الماضي")


def test_an_indefinite_alleged_act_answered_is_background() -> None:
    text = "قصفت طائرات فرنسية مواقع عسكرية قرب حماة فجر اليوم ردا على هجوم كيماوي مزعوم على بلدة اللطامنة."
    assert _modal(text, "هجوم كيماوي") == "what another act answers"


@pytest.mark.parametrize("text", [
    "من يقود الحركة بعد اغتيال رئيس مكتبها السياسي في طهران؟",
    "وزير الخارجية يعلق على اغتيال هنية في طهران",
    "إعلان الحداد ثلاثة أيام عقب اغتيال إسماعيل هنية",
])
def test_an_assassination_named_by_its_victim_after_what_followed_it_is_background(text: str) -> None:
    assert rasd.extract(text, published=D) == []
    assert _modal(text, "اغتيال") == RECALLED


@pytest.mark.parametrize("text", [
    "اغتيال قيادي في حماس بغارة إسرائيلية على مدينة صيدا فجر اليوم",  # a new killing, told as news
    "بعد اغتيال قيادي في حماس بغارة على صيدا، الأحد، أعلنت الحركة الحداد",  # an indefinite victim: news
])
def test_an_assassination_told_as_news_stays_an_event(text: str) -> None:
    assert [e.fatalities for e in rasd.extract(text, published=D)] == [1]
