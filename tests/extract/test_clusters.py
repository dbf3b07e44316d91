"""Which mentions are one event (rasd/extract/clusters.py): grouping an article's candidate triggers.

Every sentence here is written for these tests (no corpus text).
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from rasd.doc import Doc
from rasd.extract.candidates import event_triggers
from rasd.extract.clusters import group_triggers


def _groups(doc: Doc) -> list[tuple[list[str], str]]:
    """Each cluster's trigger words (in join order) and its head word."""
    text = doc.ntext
    return [([text[t.start : t.end] for t in c.triggers], text[c.head.start : c.head.end])
            for c in group_triggers(doc, event_triggers(doc))]


def test_a_generic_word_joins_the_specific_one_which_heads(prepared: Callable[[str], Doc]) -> None:
    doc = prepared("قتل ثلاثة مدنيين في غارة جوية روسية على بلدة كفرنبل جنوب إدلب صباح اليوم.")
    assert _groups(doc) == [(["قتل", "غاره جويه"], "غاره جويه")]
    (cluster,) = group_triggers(doc, event_triggers(doc))
    assert cluster.event_type == "Explosions/Remote violence"
    assert cluster.date is not None and str(cluster.date.value.value) == "2024-05-12"


def test_a_background_sentence_with_its_own_date_is_its_own_event(prepared: Callable[[str], Doc]) -> None:
    doc = prepared("قصفت قوات النظام بلدة اللطامنة صباح اليوم. "
                   "وكانت الطائرات الروسية قد شنت غارة على البلدة منتصف شباط الفائت.")
    clusters = group_triggers(doc, event_triggers(doc))
    assert [sorted(c.sentences) for c in clusters] == [[0], [1]]
    assert [str(c.date.value.value) for c in clusters if c.date] == ["2024-05-12", "2024-02-15"]


def test_a_cause_clause_is_the_same_event(prepared: Callable[[str], Doc]) -> None:
    doc = prepared("أصيب شاب بالرصاص الحي، إثر هجوم نفذه مستوطنون على قرية بورين جنوب نابلس.")
    assert len(_groups(doc)) == 1


@pytest.mark.parametrize(
    ("text", "events"),
    [
        # a bombardment word takes in the killing of its sentence
        ("استشهد شاب برصاص قوات الاحتلال في طولكرم، وقصفت قوات الاحتلال مدينة طولكرم.", 1),
        # set against each other ("في حين") and in two towns: two events
        ("استشهد شاب برصاص قوات الاحتلال في طولكرم، في حين قصفت قوات الاحتلال وسط مدينة جنين.", 2),
        # a bombardment by a side named, set against a battle, is its own event
        ("أعلنت كتائب القسام أنها قتلت جنودا في عملية مركبة برفح، في حين قصف الاحتلال مخيم النصيرات.", 2),
    ],
)
def test_a_bombardment_hosts_a_vaguer_word_unless_set_apart(prepared: Callable[[str], Doc], text: str, events: int) -> None:
    assert len(_groups(prepared(text))) == events


def test_an_act_hours_apart_is_another_event(prepared: Callable[[str], Doc]) -> None:
    doc = prepared("استشهد شابان بقصف إسرائيلي على مخيم نور شمس، بعد ساعات من اغتيال شاب برصاص قوة إسرائيلية خاصة "
                   "في مخيم طولكرم.")
    assert len(_groups(doc)) == 2
    # what the strike did, told in its own clause, is still the strike
    assert len(_groups(prepared("قصفت قوات الاحتلال مخيم نور شمس اليوم، ما أدى إلى استشهاد شابين."))) == 1


def test_a_definite_mention_in_the_next_sentence_refers_back(prepared: Callable[[str], Doc]) -> None:
    doc = prepared("اعتقلت قوات الاحتلال شابين من بلدة بيت أمر اليوم. وفي سياق متصل، داهمت قوات الاحتلال مخيم الفوار.")
    assert _groups(doc) == [(["اعتقلت", "داهمت"], "اعتقلت")]


def test_two_acts_told_at_once_are_two_events(prepared: Callable[[str], Doc]) -> None:
    together = prepared("شنت طائرات التحالف غارات على مواقع الحوثيين في مديرية باقم بالتزامن مع قصف صاروخي على مديرية منبه.")
    assert len(group_triggers(together, event_triggers(together))) == 2
    one = prepared("شنت طائرات التحالف غارات على مواقع الحوثيين في مديرية باقم وقصف صاروخي على مديرية منبه.")
    assert len(group_triggers(one, event_triggers(one))) == 1


def test_an_act_and_the_act_it_answers_are_two_events(prepared: Callable[[str], Doc]) -> None:
    """"عقب الضربة … ردا على هجوم كيماوي في دوما": the strike does not join the attack it answers."""
    doc = prepared("فرضت واشنطن عقوبات جديدة عقب الضربة الأميركية على مواقع للنظام السوري، ردا على هجوم كيماوي في دوما.")
    assert all(len(c.triggers) == 1 for c in group_triggers(doc, event_triggers(doc)))
