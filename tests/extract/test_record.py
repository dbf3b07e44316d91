"""Filling one record from its cluster (rasd/extract/record.py).

Every sentence here is written for these tests (no corpus text).
"""

from __future__ import annotations

from collections.abc import Callable

from rasd.doc import Doc, Mention
from rasd.extract.candidates import event_triggers
from rasd.extract.clusters import group_triggers
from rasd.extract.headlines import fold_title
from rasd.extract.placing import doc_country
from rasd.extract.record import event_of
from rasd.extract.tolls import attach_casualties


def test_every_field_from_the_cluster_with_its_evidence_in_order(prepared: Callable[[str], Doc]) -> None:
    doc = prepared("قصفت قوات النظام بلدة اللطامنة في ريف حماة الشمالي صباح اليوم، "
                   "ما أدى إلى مقتل ثلاثة مدنيين وإصابة خمسة آخرين.")
    (cluster,) = fold_title(doc, group_triggers(doc, event_triggers(doc)))
    attach_casualties(doc, [cluster])
    earlier: dict[str, Mention] = {}
    ev = event_of(doc, cluster, doc_country(doc), earlier)
    assert (ev.disorder_type, ev.event_type, ev.sub_event_type) == (
        "Political violence", "Explosions/Remote violence", "Shelling/artillery/missile attack")
    assert (ev.actor1, ev.actor2, ev.civilian_targeting) == ("Military Forces of Syria", "Civilians (Syria)", "Civilian targeting")
    assert (ev.location, ev.admin1, ev.event_date, ev.time_precision) == ("Al-Lataminah", "Hama", "2024-05-12", 1)
    assert (ev.fatalities, ev.injuries) == (3, 5)
    # the order the stages write their evidence in is the order of the JSON output
    assert list(ev.evidence) == ["actor1", "actor2", "location", "event_date", "event_type", "fatalities", "injuries"]
    assert ev.tags == ["Military Forces of Syria", "Civilians (Syria)", "Al-Lataminah"]
    assert ev.confidence == 0.7 and ev.notes.startswith("On 12 May 2024, Military Forces of Syria shelled")
    assert doc.ntext[earlier["Explosions/Remote violence"].start : earlier["Explosions/Remote violence"].end] == "قوات النظام"


def test_an_unplaced_unattributed_event_takes_the_article_country(prepared: Callable[[str], Doc]) -> None:
    doc = prepared("قصفت قوات النظام بلدة اللطامنة صباح اليوم. وفي سياق آخر، جرى اعتقال ثلاثة شبان.")
    clusters = fold_title(doc, group_triggers(doc, event_triggers(doc)))
    attach_casualties(doc, clusters)
    arrests = event_of(doc, clusters[-1], doc_country(doc), {})
    assert (arrests.sub_event_type, arrests.country, arrests.location) == ("Arrests", "Syria", None)
    assert arrests.confidence == 0.55  # a strong word and nothing more: no attacker, place or date of its own
