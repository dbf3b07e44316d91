"""Actors named again by a generic or short name, and the words that only look like an actor or an act.

"الجيش" or "القوات الحكومية" after "الجيش اليمني" is that army; "التحالف" after
"التحالف العربي بقيادة السعودية" is that coalition; "مقر الجيش" is a place of the
army, "الجيش الموريتاني" another army. Original Arabic written for these tests.
"""

from __future__ import annotations

from datetime import date

import pytest

import rasd

D = date(2024, 3, 5)


def _actor_at(text: str, phrase: str, occurrence: int = 1) -> str | None:
    """The actor the pipeline reads at the ``occurrence``-th ``phrase`` of ``text`` (None if no actor there)."""
    doc = rasd.analyse(text, published=D)
    at = -1
    for _ in range(occurrence):
        at = doc.text.index(phrase, at + 1)
    return next((m.value.actor.canonical for m in doc.of("actor") if m.start <= at < m.end or at <= m.start < at + len(phrase)),
                None)


@pytest.mark.parametrize(
    "text, phrase, occurrence, expected",
    [
        # the generic name after the full one
        ("أعلن الجيش اليمني صد هجوم في مديرية حيس. وقال الجيش إن قواته تقدمت شرقا.", "الجيش", 2,
         "Military Forces of Yemen"),
        ("قصفت قوات النظام السوري بلدة كفرنبل، ثم تقدمت القوات الحكومية نحو أطرافها.", "القوات الحكومية", 1,
         "Military Forces of Syria"),
        ("شن التحالف العربي بقيادة السعودية غارات على صعدة، وقال التحالف إنها استهدفت مخازن أسلحة.", "التحالف", 2,
         "Military Forces of Saudi Arabia"),
        # the local state's forces, not a foreign army named in between
        ("تقاتل هيئة تحرير الشام قوات النظام السوري في ريف إدلب، وتدعم روسيا الجيش الروسي هناك بطائراته. "
         "وقصفت القوات الحكومية مواقع الهيئة قرب سراقب.", "القوات الحكومية", 1, "Military Forces of Syria"),
        # "government forces" in a report whose armed actors are Yemeni: Yemen's army, named before or not
        ("قصف التحالف العربي بقيادة السعودية مواقع لجماعة الحوثي، وقالت جماعة الحوثي إن القوات الحكومية تقدمت نحو حيس.",
         "القوات الحكومية", 1, "Military Forces of Yemen"),
        # "the army" in a report on Gaza's factions: the state forces named before, not a Palestinian army
        ("قصف الجيش الإسرائيلي مواقع لحركة حماس وكتائب القسام في غزة، وقالت حماس إن الجيش استهدف منزلا.",
         "الجيش", 2, "Military Forces of Israel"),
        # no earlier full name: nothing to refer back to
        ("قال الجيش إن قواته تقدمت شرقا.", "الجيش", 1, None),
        # a unit or a site of the army is named for itself
        ("أعلن الجيش اليمني صد هجوم، فيما سقطت قذيفة على مقر الجيش في المدينة.", "الجيش", 2, None),
        # an army named by its own nisba is that army, not the one named before
        ("أعلن الجيش السوري صد هجوم. وفي خبر آخر، قال الجيش الموريتاني إنه أجرى تدريبات.", "الجيش", 2, None),
        # "the militia" in any spelling or number after a militia named in full is that militia
        ("قصفت مقاتلات التحالف مواقع الميليشيات الحوثية في حيس، واستهدفت غارة أخرى مخازن المليشيا قرب زبيد.",
         "المليشيا", 1, "Ansar Allah"),
        ("تقدمت القوات المشتركة نحو الحديدة. وقال مصدر إن الميليشيات فرت من مواقعها.", "الميليشيات", 1, None),
    ],
    ids=["army-again", "government-forces", "coalition-again", "local-not-foreign", "local-government", "army-in-gaza",
         "no-antecedent", "army-site", "own-nisba", "militia-again", "militia-no-antecedent"],
)
def test_generic_names_refer_back(text: str, phrase: str, occurrence: int, expected: str | None) -> None:
    assert _actor_at(text, phrase, occurrence) == expected


def _one(text: str) -> rasd.Event:
    events = rasd.extract(text, published=D)
    assert len(events) == 1, [(e.sub_event_type, e.actor1, e.actor2, e.location) for e in events]
    return events[0]


def test_downed_weapon_belongs_to_its_genitive() -> None:
    ev = _one("أعلنت قوات الدفاع الجوي السعودي، اليوم، إسقاط طائرتين مسيرتين للحوثيين فوق مدينة نجران.")
    assert (ev.sub_event_type, ev.actor1, ev.actor2) == (
        "Disrupted weapons use", "Military Forces of Saudi Arabia", "Ansar Allah")


def test_a_nisba_may_close_the_first_side_of_a_pair() -> None:
    ev = _one("اندلعت اليوم اشتباكات عنيفة بين قوات دعم الشرعية اليمنية وميليشيا الحوثي في مديرية حيس.")
    assert (ev.sub_event_type, ev.actor1, ev.actor2) == ("Armed clash", "Military Forces of Yemen", "Ansar Allah")


@pytest.mark.parametrize(
    "text",
    [
        "وأكد الجيش اليمني التزامه بقواعد الاشتباك في مديرية حيس.",  # rules of engagement
        "ناقش الطرفان في جنيف تطبيق اتفاق فض الاشتباك بين الجيش السوري والفصائل.",  # a disengagement deal
    ],
    ids=["rules-of-engagement", "disengagement"],
)
def test_idioms_that_hold_a_trigger_word_are_no_event(text: str) -> None:
    assert [e.event_type for e in rasd.extract(text, published=D) if e.event_type == "Battles"] == []


@pytest.mark.parametrize(
    "text",
    [
        "وقالت وزارة الدفاع الروسية إنها سلمت الجيش السوري الاثنين أربع منصات لإطلاق الصواريخ في دمشق.",  # delivered
        "وعرض التلفزيون الرسمي صورا لمستودعات صواريخ في ريف حماة قال إنها للفصائل.",  # depots shown
    ],
    ids=["launchers-delivered", "depots-shown"],
)
def test_a_launcher_or_depot_of_rockets_is_no_launch(text: str) -> None:
    assert [e.sub_event_type for e in rasd.extract(text, published=D)] == []


def test_a_destroyed_launcher_is_the_strikes_target() -> None:
    ev = _one("ودمرت مقاتلات التحالف العربي اليوم بغارتين منصة إطلاق صواريخ تابعة لميليشيا الحوثي في مديرية صرواح.")
    assert (ev.sub_event_type, ev.actor1, ev.actor2) == ("Air/drone strike", "Military Forces of Saudi Arabia", "Ansar Allah")


def test_a_partys_outlet_reports_it_does_not_act() -> None:
    ev = _one("وقال موقع الجيش اليمني إن مقاتلات التحالف العربي استهدفت اليوم مواقع للحوثيين في مديرية المتون.")
    assert (ev.sub_event_type, ev.actor1, ev.actor2) == (
        "Air/drone strike", "Military Forces of Saudi Arabia", "Ansar Allah")


def test_an_armys_position_is_not_its_outlet() -> None:
    ev = _one("هاجم مسلحو جماعة الحوثي اليوم موقع الجيش اليمني في مديرية حيس.")
    assert (ev.actor1, ev.actor2) == ("Ansar Allah", "Military Forces of Yemen")


def test_a_side_announcing_its_own_fighters_attack_did_it() -> None:
    ev = _one("أعلن حزب الله أن مقاتليه استهدفوا بالصواريخ قواعد عسكرية إسرائيلية في الجولان المحتل اليوم.")
    assert (ev.actor1, ev.actor2) == ("Hezbollah", "Military Forces of Israel")
