"""Mention → is it an event (rasd/extract/candidates.py): the triggers that may head an event.

Every sentence here is written for these tests (no corpus text).
"""

from __future__ import annotations

from collections.abc import Callable

from rasd.doc import Doc
from rasd.extract.candidates import event_triggers


def _candidates(doc: Doc) -> list[tuple[str, str, str]]:
    return [(doc.ntext[t.start : t.end], t.value.sub_event_type, t.value.strength) for t in event_triggers(doc)]


def test_a_question_headline_reports_nothing_but_its_body_may(prepared: Callable[[str], Doc]) -> None:
    doc = prepared("هل تقصف إسرائيل إيران؟\nقالت مصادر إن الطائرات الإسرائيلية قد تقصف منشآت في إيران.")
    assert len(doc.of("trigger")) == 2
    assert [t.value.in_title for t in event_triggers(doc)] == [False]


def test_seized_bodies_are_no_arrest(prepared: Callable[[str], Doc]) -> None:
    assert _candidates(prepared("وقال الجيش إنه احتجز جثث ستة مسلحين في مدينة الرمادي.")) == []
    assert _candidates(prepared("احتجز الجيش ستة مسلحين في مدينة الرمادي.")) == [("احتجز", "Arrests", "strong")]


def test_a_weapon_word_with_its_owner_is_specific(prepared: Callable[[str], Doc]) -> None:
    doc = prepared("حلقت مسيرات إسرائيلية فوق مدينة صور.")
    assert [t.value.strength for t in doc.of("trigger")] == ["weak"]
    assert _candidates(doc) == [("مسيرات", "Air/drone strike", "strong")]


def test_a_killing_told_without_a_weapon_word_is_implied(prepared: Callable[[str], Doc]) -> None:
    doc = prepared("أعلنت وزارة الصحة مقتل مواطن على يد قوات الاحتلال في مدينة جنين.")
    assert doc.of("trigger") == []
    assert _candidates(doc) == [("مقتل", "Attack", "kill")]


def test_a_toll_with_no_armed_party_implies_no_event(prepared: Callable[[str], Doc]) -> None:
    doc = prepared("أعلنت وزارة الصحة مقتل مواطن في مدينة جنين.")
    assert [c.value.count for c in doc.of("casualty")] == [1]
    assert _candidates(doc) == []


def test_clashes_are_a_battle_between_two_armed_sides(prepared: Callable[[str], Doc]) -> None:
    battle = prepared("تجددت المواجهات بين الجيش السوري ومسلحي تنظيم الدولة في ريف دير الزور.")
    assert _candidates(battle) == [("مواجهات", "Armed clash", "weak")]
    one_side = prepared("وقعت مواجهات مع قوات الاحتلال في بلدة بيتا.")
    assert _candidates(one_side) == []  # youths and soldiers: no battle of two armed sides
    youths = prepared("اندلعت مواجهات بين الشبان الفلسطينيين وقوات الاحتلال والجيش في قرية كفر قدوم.")
    assert _candidates(youths) == []


def test_a_crowd_clash_is_no_battle(prepared: Callable[[str], Doc]) -> None:
    doc = prepared("أصيب عشرة متظاهرين في هجوم على ساحة الاعتصام وسط بغداد.")
    assert "Armed clash" not in [sub for _, sub, _ in _candidates(doc)]
    assert _candidates(prepared("أصيب عشرة جنود في هجوم على ثكنة وسط بغداد.")) == [("هجوم", "Armed clash", "weak")]


def test_a_foiled_infiltration_is_a_battle(prepared: Callable[[str], Doc]) -> None:
    doc = prepared("أحبطت قوات الجيش محاولة تسلل لمسلحي الحوثي في مديرية حيس.")
    assert _candidates(doc) == [("محاوله تسلل", "Armed clash", "weak")]
