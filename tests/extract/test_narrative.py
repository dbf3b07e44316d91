"""A development told without a place continues the previous event (rasd/extract/narrative.py).

Every sentence here is written for these tests (no corpus text).
"""

from __future__ import annotations

from collections.abc import Callable

from rasd.doc import Doc, Mention
from rasd.extract.candidates import event_triggers
from rasd.extract.clusters import Cluster, group_triggers
from rasd.extract.headlines import fold_title
from rasd.extract.narrative import continue_narrative
from rasd.extract.placing import doc_country
from rasd.extract.record import event_of
from rasd.extract.tolls import attach_casualties
from rasd.model import Event


def _records(doc: Doc) -> list[tuple[Cluster, Event]]:
    clusters = fold_title(doc, group_triggers(doc, event_triggers(doc)))
    attach_casualties(doc, clusters)
    earlier: dict[str, Mention] = {}
    return [(c, event_of(doc, c, doc_country(doc), earlier)) for c in clusters]


def test_a_post_set_up_during_a_raid_is_where_and_when_the_raid_was(prepared: Callable[[str], Doc]) -> None:
    doc = prepared("اقتحمت قوات الاحتلال بلدة بيت أمر فجر اليوم واعتقلت خمسة شبان. "
                   "وأقامت القوات خلال الحملة نقطة عسكرية جديدة.")
    pairs = _records(doc)
    post = pairs[-1][1]
    assert (post.sub_event_type, post.location, post.event_date, post.time_precision) == (
        "Headquarters or base established", None, "2024-05-12", 2)
    before = post.confidence
    continue_narrative(doc, pairs)
    assert (post.location, post.event_date, post.time_precision) == ("Beit Ummar", "2024-05-12", 1)
    assert [s.text for s in post.evidence["location"]] == ["بلدة بيت أمر"]
    assert [s.text for s in post.evidence["event_date"]] == ["فجر اليوم"]
    assert post.confidence == round(before * 0.8, 2)


def test_a_violent_event_without_a_place_inherits_nothing(prepared: Callable[[str], Doc]) -> None:
    doc = prepared("اقتحمت قوات الاحتلال بلدة بيت أمر فجر اليوم. وأصيب شاب برصاص قوات الاحتلال.")
    pairs = _records(doc)
    continue_narrative(doc, pairs)
    assert [(ev.sub_event_type, ev.location) for _, ev in pairs][-1] == ("Attack", None)
