"""Named victims: who a report names, with age, sex, group and what happened to them.

Every sentence here is written for these tests (never copied from a corpus).
"""

from __future__ import annotations

import json
from datetime import date

import pytest

from rasd.extract import analyse, extract

# sentence, expected (name, age, sex, group, status) of each victim found, in order
CASES = [
    ("استشهد الشاب أحمد شايب (19 عاماً) برصاص قوات الاحتلال في مخيم جنين.",
     [("أحمد شايب", 19, "male", None, "killed")]),
    ("استشهدت الطفلة زينة سعيد الغول جراء غارة إسرائيلية على منزل عائلتها في رفح.",
     [("زينة سعيد الغول", None, "female", None, "killed")]),
    ("اغتال مسلحون مجهولون، مساء السبت، المدرّس محمود العلي في ريف درعا.",
     [("محمود العلي", None, "male", "teacher", "killed")]),
    ("اعتقلت القوات العراقية الناشط علي حسين الربيعي في البصرة.",
     [("علي حسين الربيعي", None, "male", "activist", "detained")]),
    ("قتل اللاجئ الفلسطيني خالد يوسف عودة (45 عاما) في قصف على مخيم اليرموك.",
     [("خالد يوسف عودة", 45, "male", "Palestinian refugee", "killed")]),
    ("أصيب المسعف سامر نبيل أبو عيشة بجروح خطيرة برصاص الاحتلال في الخليل.",
     [("سامر نبيل أبو عيشة", None, "male", "paramedic", "injured")]),
    ("استشهد الطفل محمد ابن الـ12 وأصيبت الطفلة سلمى في قصف على خان يونس.",
     [("محمد", 12, "male", None, "killed"), ("سلمى", None, "female", None, "injured")]),
    ("قالت وزارة الصحة إن الشاب وائل سمير (22 عاما) استشهد برصاص الاحتلال في نابلس.",
     [("وائل سمير", 22, "male", None, "killed")]),
    ("أعلنت مصادر طبية مقتل الصحفية السورية ريم عبد الله أثناء تغطيتها قصفا على إدلب.",
     [("ريم عبد الله", None, "female", "Syrian journalist", "killed")]),
    ("قتل الشاب فراس ناصر الذي يبلغ من العمر 17 عاماً برصاص مجهولين في درعا.",
     [("فراس ناصر", 17, "male", None, "killed")]),
    ("استشهدت الرضيعة ليان (4 أشهر) في غارة على دير البلح.",
     [("ليان", 0, "female", None, "killed")]),
    ("أصيب الطفل يزن (9 أعوام) برصاص مستوطنين في قرية سنجل، ثم استشهد متأثرا بجروحه.",
     [("يزن", 9, "male", None, "injured")]),
    ("اغتالت طائرة مسيرة القيادي في حركة حماس سامي العارف في صيدا.",
     [("سامي العارف", None, "male", "leader (Hamas)", "killed")]),
    ("استشهد شاب يدعى عمر الخطيب برصاص قناص في حي الشجاعية.",
     [("عمر الخطيب", None, "male", None, "killed")]),
    ("أصيبت الصحفية الفلسطينية وعد أبو زيد بشظايا قذيفة في خان يونس.",
     [("وعد أبو زيد", None, "female", "Palestinian journalist", "injured")]),
    # a speaker is not a victim
    ("قال الصحفي إلياس نمر إن غارة قتلت خمسة أشخاص في غزة.", []),
    # relatives are arrested, not the young man named after them
    ("اعتقلت قوات الاحتلال والد ووالدة الشاب مالك حمدان في طولكرم.", []),
    # "الشهيد" alone honours someone who died long ago; no cue says what happened here
    ("أقيم مهرجان في ذكرى الشهيد كمال ناصر في رام الله.", []),
    # a noun after the name is no verb about the person
    ("نعى القيادي في حركة حماس جميل سالم الشهداء الذين سقطوا في القصف.", []),
    # a detention's length is no age
    ("مددت المحكمة اعتقال الطبيب حسن مراد 6 أشهر في عوفر.", [("حسن مراد", None, "male", "doctor", "detained")]),
]


def _found(text: str) -> list[tuple[str, int | None, str | None, str | None, str]]:
    doc = analyse(text, published=date(2024, 5, 1))
    return [(v.name, v.age, v.sex, v.group, v.status) for v in (m.value.victim for m in doc.of("victim"))]


@pytest.mark.parametrize(("text", "expected"), CASES, ids=[c[0][:32] for c in CASES])
def test_named_victims(text: str, expected: list[tuple[str, int | None, str | None, str | None, str]]) -> None:
    assert _found(text) == expected


def test_evidence_spans_point_into_the_text() -> None:
    text = "استشهد الشاب أحمد شايب (19 عاماً) برصاص قوات الاحتلال في مخيم جنين."
    doc = analyse(text, published=date(2024, 5, 1))
    victim = doc.of("victim")[0].value.victim
    for field, spans in victim.evidence.items():
        for span in spans:
            assert doc.text[span.start : span.end] == span.text, field
    assert victim.evidence["name"][0].text == "أحمد شايب"
    assert victim.evidence["age"][0].text == "19 عاماً"
    assert victim.evidence["status"][0].text == "استشهد"
    assert victim.evidence["title"][0].text == "الشاب"


def test_victims_ride_on_their_event_with_the_source_title() -> None:
    title = "استشهاد شاب برصاص الاحتلال في جنين"
    text = title + "\nاستشهد الشاب أحمد شايب (19 عاماً) برصاص قوات الاحتلال في مخيم جنين، صباح اليوم الثلاثاء."
    events = extract(text, published=date(2024, 5, 7), title=title)
    assert len(events) == 1
    (event,) = events
    assert [(v.name, v.age, v.status) for v in event.victims] == [("أحمد شايب", 19, "killed")]
    assert event.source_title == title
    record = event.to_dict()
    assert record["victims"][0]["name"] == "أحمد شايب"
    assert record["victims"][0]["evidence"]["age"][0]["text"] == "19 عاماً"
    json.dumps(record, ensure_ascii=False)


def test_a_victim_named_twice_is_one_person() -> None:
    text = ("استشهد الشاب أحمد شايب برصاص قوات الاحتلال في مخيم جنين، صباح اليوم.\n"
            "وكان الشاب أحمد محمود شايب (19 عاماً) قد استشهد بعد إصابته في الرأس.")
    (event,) = extract(text, published=date(2024, 5, 7))
    assert [(v.name, v.age) for v in event.victims] == [("أحمد محمود شايب", 19)]


def test_two_victims_of_one_strike() -> None:
    text = "استشهد الطفل سامي وشقيقته الطفلة جنى في غارة إسرائيلية على منزل في بيت لاهيا، فجر اليوم."
    (event,) = extract(text, published=date(2024, 5, 7))
    assert [(v.name, v.sex) for v in event.victims] == [("سامي", "male"), ("جنى", "female")]
