"""Folding the headline into the body (rasd/extract/headlines.py).

Every sentence here is written for these tests (no corpus text).
"""

from __future__ import annotations

from collections.abc import Callable

from rasd.doc import Doc
from rasd.extract.candidates import event_triggers
from rasd.extract.clusters import group_triggers
from rasd.extract.headlines import fold_title


def _folded(doc: Doc) -> list[list[tuple[str, bool]]]:
    """Each event's trigger words after folding, with whether each is in the headline."""
    clusters = fold_title(doc, group_triggers(doc, event_triggers(doc)))
    return [[(doc.ntext[t.start : t.end], t.value.in_title) for t in c.triggers] for c in clusters]


def test_a_headline_word_joins_the_body_event_of_its_kind(prepared: Callable[[str], Doc]) -> None:
    doc = prepared("غارة روسية على كفرنبل\nشنت الطائرات الروسية صباح اليوم غارة جوية على بلدة كفرنبل جنوب إدلب.")
    assert len(group_triggers(doc, event_triggers(doc))) == 2  # before folding: headline and body apart
    assert _folded(doc) == [[("غاره جويه", False), ("غاره", True)]]


def test_a_specific_headline_event_the_body_does_not_tell_stands_alone(prepared: Callable[[str], Doc]) -> None:
    doc = prepared("اعتقال ثلاثة شبان في الخليل\nشنت الطائرات الروسية صباح اليوم غارة جوية على بلدة كفرنبل جنوب إدلب.")
    assert _folded(doc) == [[("اعتقال", True)], [("غاره جويه", False)]]


def test_a_generic_headline_word_with_no_violent_body_event_is_dropped(prepared: Callable[[str], Doc]) -> None:
    doc = prepared("قصف في ريف إدلب\nاعتقلت قوات النظام خمسة شبان في مدينة إدلب اليوم.")
    assert _folded(doc) == [[("اعتقلت", False)]]


def test_a_headline_battle_word_does_not_name_a_body_bombardment(prepared: Callable[[str], Doc]) -> None:
    doc = prepared("اشتباكات عنيفة في ريف درعا\nقصفت قوات النظام اليوم مدينة درعا.")
    assert _folded(doc) == [[("اشتباكات", True)], [("قصفت", False)]]


def test_a_headline_storming_is_the_battle_the_body_tells(prepared: Callable[[str], Doc]) -> None:
    doc = prepared("الجيش يقتحم مديرية حيس\nاستعادت قوات الجيش اليوم مركز مديرية حيس بعد معارك عنيفة مع الحوثيين.")
    (event,) = _folded(doc)
    assert ("يقتحم", True) in event
    # a headline word of another kind is not the battle's: "يدمر تعزيزات" stays apart from it
    doc = prepared("التحالف يدمر تعزيزات للحوثيين\nاستعادت قوات الجيش اليوم مركز مديرية حيس بعد معارك عنيفة مع الحوثيين.")
    assert len(_folded(doc)) == 2


def test_a_storming_after_a_battle_is_that_battle(prepared: Callable[[str], Doc]) -> None:
    doc = prepared("اقتحمت القوات المشتركة حرم مطار الحديدة، اليوم، بعد معارك عنيفة مع ميليشيات الحوثي.")
    assert len(_folded(doc)) == 1
    doc = prepared("اقتحمت قوات الاحتلال مدينة جنين اليوم، فيما دارت معارك عنيفة في رفح.")
    assert len(_folded(doc)) == 2


def test_a_headline_act_at_another_place_is_not_the_body_event(prepared: Callable[[str], Doc]) -> None:
    """"مقتل 5 جنود في جنوب لبنان" is not the body's strike on Khan Yunis: it stands alone."""
    doc = prepared("الاحتلال يعلن مقتل 5 جنود إسرائيليين في جنوب لبنان\n"
                   "استشهد ثلاثة فلسطينيين اليوم في غارة إسرائيلية على مدينة خان يونس جنوبي قطاع غزة.")
    assert _folded(doc) == [[("مقتل 5", True)], [("غاره", False)]]
    same = prepared("الاحتلال يعلن مقتل 5 فلسطينيين في خان يونس\n"
                    "استشهد خمسة فلسطينيين اليوم في غارة إسرائيلية على مدينة خان يونس جنوبي قطاع غزة.")
    assert _folded(same) == [[("غاره", False), ("مقتل 5", True)]]


def test_a_generic_headline_word_at_another_place_with_no_toll_is_dropped(prepared: Callable[[str], Doc]) -> None:
    doc = prepared("مجازر جديدة ومفاوضات في القاهرة\n"
                   "استشهد ثلاثة فلسطينيين اليوم في غارة إسرائيلية على مدينة خان يونس جنوبي قطاع غزة.")
    assert all(t for c in _folded(doc) for t in c if not t[1])
    assert len(_folded(doc)) == 1


def test_an_intercepted_missile_in_the_headline_is_the_body_interception(prepared: Callable[[str], Doc]) -> None:
    """"الدفاع الجوي يعترض صاروخا فوق الرياض": the missile word goes with its interception, not with another
    missile attack the body tells."""
    doc = prepared("الدفاع الجوي السعودي يعترض صاروخا فوق الرياض\n"
                   "اعترض الدفاع الجوي السعودي صاروخا باليستيا فوق الرياض مساء الأحد. "
                   "وكانت مدفعية الحوثيين قد قصفت بالصواريخ مواقع في جازان ونجران أمس.")
    folded = _folded(doc)
    interception = next(c for c in folded if ("اعترض", False) in c)
    assert ("صاروخا", True) in interception



def test_a_headline_capital_holds_the_land_around_it() -> None:
    """"بدمشق" in the headline, "الكسوة في ريف دمشق" (17 km off, in the governorate around the capital) in the body: one
    ground; a town of that governorate 80 km off is not the capital's suburbs."""
    from rasd.extract.headlines import _same_ground
    from rasd.geo import geocode

    damascus, kiswah = geocode("مدينة دمشق")[0], geocode("مدينة الكسوة")[0]
    assert (damascus.name, kiswah.admin1) == ("Damascus", "Rif Dimashq")
    assert _same_ground([damascus], [kiswah])
    assert not _same_ground([damascus], [geocode("مدينة النبك")[0]])
