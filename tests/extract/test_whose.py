"""Whose place is it: the event's own, or another act's, a speaker's or a launch site's (rasd/extract/whose.py).

Every sentence here is written for these tests (no corpus text).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest

import rasd
from rasd.doc import Doc, Mention
from rasd.extract.candidates import event_triggers
from rasd.extract.clusters import Cluster, group_triggers
from rasd.extract.headlines import fold_title
from rasd.extract.whose import elsewhere

D = date(2024, 5, 12)


def _places(text: str) -> list[tuple[str | None, str | None]]:
    return [(e.sub_event_type, e.location) for e in rasd.extract(text, published=D)]


def _only(doc: Doc) -> Cluster:
    (cluster,) = fold_title(doc, group_triggers(doc, event_triggers(doc)))
    return cluster


def _place(doc: Doc, written: str) -> Mention:
    return next(p for p in doc.of("place") if written in doc.ntext[p.start : p.end])


def test_each_act_of_a_headline_list_keeps_its_own_place() -> None:
    text = ("شهيدان في جنين واعتقالات قرب نابلس\n"
            "أعلنت وزارة الصحة الفلسطينية استشهاد شابين برصاص قوات الاحتلال في مدينة جنين صباح اليوم.")
    assert ("Arrests", "Nablus") in _places(text)


def test_a_place_before_a_contrast_is_the_act_told_there() -> None:
    """The arrests set against a shooting are not where the shooting was: the headline places them."""
    text = ("شهيد قرب رام الله واعتقالات في الضفة\n"
            "استشهد شاب فلسطيني اليوم برصاص قوات الاحتلال عند حاجز قلنديا، في حين اعتقل الجيش 9 فلسطينيين.")
    assert ("Arrests", "West Bank") in _places(text)


def test_a_raid_is_the_frame_of_the_shooting_in_it() -> None:
    text = "اقتحمت قوات الاحتلال مخيم بلاطة صباح اليوم، حيث أطلقت النار على شاب وأصابته بجروح."
    assert ("Attack", "Balata Camp") in _places(text)


def test_a_launch_site_is_no_place_of_the_blast() -> None:
    text = "انفجرت طائرة مسيرة أطلقت من اليمن في مدينة إيلات صباح اليوم وأصابت 3 أشخاص."
    assert [loc for _, loc in _places(text)] == ["Eilat"]


def test_a_headline_label_yields_to_the_town_named() -> None:
    """"اليمن: …" files the story under a country, which rules out no town: Jazan, not Yemen."""
    text = ("اليمن: الحوثيون يستهدفون مدينة جازان السعودية بصاروخ\n"
            "قالت السلطات السعودية إن الصاروخ سقط في منطقة خالية اليوم.")
    assert [loc for _, loc in _places(text)] == ["Jizan"]


def test_what_a_protest_denounces_leaves_the_town_it_is_held_in() -> None:
    text = "تجمع المئات في مدينة القامشلي اليوم، في مظاهرة تنديدا بالعملية العسكرية التركية في عفرين."
    assert _places(text) == [("Peaceful protest", "Qamishli")]


def test_the_headline_act_over_a_body_naming_only_a_weapon() -> None:
    text = "معارك عنيفة في بيت حانون\nفرض جيش الاحتلال حصارا على مدينة غزة وسط تحليق الطائرات المسيرة."
    assert ("Armed clash", "Beit Hanoun") in _places(text)


def test_a_town_in_another_country_than_a_border_named_first() -> None:
    """A country named with none of its governorates rules out other countries' areas, not a town named."""
    text = "قتل الجيش التركي اليوم 4 مسلحين أكراد على الحدود مع سوريا بعدما رصدهم في منطقة أرسوز بولاية هاتاي."
    assert [loc for _, loc in _places(text)] == ["Arsuz"]


def test_a_country_with_none_of_its_governorates_still_rules_out_another_countrys_area() -> None:
    text = "الاعتداءات على لبنان وقطاع غزة\nتواصلت الليلة الغارات الإسرائيلية على بيروت."
    assert [loc for _, loc in _places(text)] == ["Beirut"]


@pytest.mark.parametrize(
    ("text", "written"),
    [
        # another act, told to date this one
        ("قتل جندي إسرائيلي اليوم في معارك في خان يونس، بعد ساعات من إعلان الفصائل أنها فجرت آلية في حي الشجاعية.",
         "الشجاعيه"),
        # where a reaction is voiced
        ("وفي عمان، أعربت الحكومة الأردنية عن قلقها بعد مقتل 5 مدنيين في قصف على خان يونس.", "عمان"),
    ],
)
def test_a_place_that_is_not_the_events(prepared: Callable[[str], Doc], text: str, written: str) -> None:
    doc = prepared(text)
    cluster = _only(doc)
    assert elsewhere(doc, cluster, _place(doc, written))
    assert not elsewhere(doc, cluster, _place(doc, "خان يونس"))


def test_a_killing_told_only_by_its_toll_keeps_the_strike_s_place() -> None:
    """The strike that caused the deaths is no other act: its camp is where they died, not the West Bank."""
    text = ("مغردون عن قصف نابلس: ماذا يريد الاحتلال؟\n"
            "قال مغردون إن جيش الاحتلال لا يريد سوى الفوضى في الضفة الغربية، بدليل الغارة التي نفذها الليلة الماضية"
            " في مخيم بلاطة، وخلفت استشهاد 4 شبان.")
    assert _places(text) == [("Attack", "Balata Camp")]
