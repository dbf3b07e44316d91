"""The sub-event type follows the act (rasd/extract/subtypes.py, rasd/extract/retellings.py).

A killing or an attack verb says that something happened, a weapon word says how: missiles or
drones make a remote-violence event, not an armed clash or an attack on civilians. An interception
stops a weapon (a boat stopped at sea is no disrupted weapons use); militias that fight for a
government, with its or its allies' forces backing them, regain territory; a shooting told in an
article about a protest met with deaths is that protest. Original Arabic written for these tests.
"""

from __future__ import annotations

from datetime import date

import pytest

import rasd
from rasd.extract.retellings import dedupe
from rasd.model import Event

D = date(2024, 5, 12)


def _subtypes(text: str) -> list[str | None]:
    return [e.sub_event_type for e in rasd.extract(text, published=D)]


@pytest.mark.parametrize(
    "text, expected",
    [
        # a toll whose sentence names the missiles that caused it: a missile attack, not a clash with soldiers
        ("قتلت ضربات صاروخية فجر اليوم خمسة جنود سوريين في مطار الضبعة العسكري بريف حمص.",
         "Shelling/artillery/missile attack"),
        # an explosion of a drone is a drone strike, not a roadside bomb
        ("أصيب ثلاثة مسافرين في انفجار مسيرة أطلقها الحوثيون داخل مطار رامون في النقب.", "Air/drone strike"),
        # "تصدت … لصاروخ": the defence stopped the missile, it fired none
        ("تصدت القوات السعودية مساء الأحد لصاروخ كان يستهدف مطار الملك خالد في الرياض.", "Disrupted weapons use"),
        # a navy stopping a boat of activists stops no weapon
        ("اعترضت البحرية الإسرائيلية فجر اليوم قاربا يقل ناشطين متضامنين قبالة سواحل غزة واقتادته إلى ميناء أسدود.",
         "Other"),
        # a pro-government militia backed by a state's troops regains ground for the government
        ("سيطرت قوات المقاومة الشعبية، بدعم من القوات الإماراتية، الثلاثاء، على مركز مديرية حيس بعد معارك مع الحوثيين.",
         "Government regains territory"),
        # an attack on soldiers by a named side is a clash, not violence against civilians
        ("هاجم مسلحو تنظيم داعش أمس موقعا لقوات النظام السوري في ريف حمص الشرقي.", "Armed clash"),
        # two suicide bombings: "تفجيرين انتحاريين"
        ("قتل 18 شخصا في تفجيرين انتحاريين في مقديشو. وتبنت حركة الشباب الهجوم.", "Suicide bomb"),
        # demonstrators setting buildings on fire riot
        ("أحرق متظاهرون مقرات أحزاب وفصائل مسلحة في البصرة أمس.", "Violent demonstration"),
        # "سيطر … بعد معارك": the battles won the ground; one record, the gain
        ("وسيطر الجيش اليمني أمس على مواقع استراتيجية في مديرية باقم بعد معارك شرسة مع ميليشيات الحوثي.",
         "Government regains territory"),
    ],
)
def test_the_act_decides_the_subtype(text: str, expected: str) -> None:
    assert _subtypes(text)[0] == expected


def test_a_later_shooting_retells_the_protest_met_with_deaths() -> None:
    """A condemnation's bare shooting, after the article told protesters killed at a march, is that protest."""
    text = ("قتل 40 فلسطينيا برصاص الجيش الإسرائيلي خلال مسيرة العودة شرقي غزة اليوم. "
            "وأصيب المئات بجروح متفاوتة. "
            "ودانت الكويت إطلاق الجيش الإسرائيلي النار على المدنيين في قطاع غزة.")
    assert "Attack" not in _subtypes(text)


def test_a_death_the_next_sentence_counts_among_a_protests_is_that_protest() -> None:
    shot = "أعلنت وزارة الصحة في غزة وفاة شاب متأثرا بإصابته برصاص الجيش الإسرائيلي شرق مخيم البريج الجمعة. "
    assert _subtypes(shot + "وبذلك يرتفع عدد قتلى التظاهرات على حدود القطاع الجمعة إلى اثنين.")[0] == (
        "Excessive force against protesters")
    assert _subtypes(shot + "وشيع المئات جثمانه في المخيم.") == ["Attack"]


def test_a_battle_retold_as_ground_won_is_a_territorial_change() -> None:
    """The first telling says battles, a later one says the army took the place: the record is the gain."""
    clash = Event(event_type="Battles", sub_event_type="Armed clash", event_date="2024-05-12",
                  actor1="Military Forces of Yemen", actor2="Ansar Allah", location="Hays")
    gain = Event(event_type="Battles", sub_event_type="Government regains territory", event_date="2024-05-12",
                 actor1="Military Forces of Yemen", actor2="Ansar Allah", location="Hays")
    (kept,) = dedupe([clash, gain])
    assert kept.sub_event_type == "Government regains territory"


@pytest.mark.parametrize(
    "text",
    [
        "تظاهر المئات في مدينة الديوانية اليوم، ورشق المتظاهرون مقر أحد الأحزاب بالحجارة.",
        "خرج محتجون الليلة الماضية في تظاهرات جنوب البصرة، وأحرقوا الإطارات وقطعوا الطرق وحاولوا اقتحام مبان حكومية.",
        "تظاهر المئات أمام مبنى المحافظة في البصرة اليوم، وأضرم المحتجون النار في إطارات السيارات.",
    ],
)
def test_a_protest_that_turns_violent_is_one_riot(text: str) -> None:
    (ev,) = rasd.extract(text, published=D)
    assert (ev.event_type, ev.sub_event_type, ev.actor1, ev.actor2) == ("Riots", "Violent demonstration", "Rioters (Iraq)", None)


def test_stones_thrown_by_another_crowd_are_another_event() -> None:
    text = "تظاهر الآلاف في رام الله اليوم تضامنا مع غزة، فيما رشق شبان قوات الاحتلال بالحجارة عند حاجز قلنديا."
    assert sorted(_subtypes(text)) == ["Peaceful protest", "Violent demonstration"]
