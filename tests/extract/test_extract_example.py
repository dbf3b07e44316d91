"""The worked example (Al-Hal Net, 2021-04-06): E1 and E4 exactly, nothing from `not_events`.

Reads ../shared/examples/; skipped with a clear reason when it is missing.
"""

from __future__ import annotations

import json
from datetime import date

import pytest

import rasd

STEM = "alhal-2021-04-06-liwa-al-quds"


@pytest.fixture(scope="module")
def example(shared_dir):
    base = shared_dir / "examples"
    text = (base / f"{STEM}.txt").read_text(encoding="utf-8")
    gold = json.loads((base / f"{STEM}.gold.json").read_text(encoding="utf-8"))
    doc = rasd.analyse(text, published=date(2021, 4, 6), doc_id=STEM)
    return doc, gold


def _find(events, sub_event_type, event_date):
    found = [e for e in events if e.sub_event_type == sub_event_type and e.event_date == event_date]
    assert len(found) == 1, f"expected one {sub_event_type} on {event_date}, got {[ (e.sub_event_type, e.event_date) for e in events]}"
    return found[0]


def test_e1_russian_airstrike(example):
    doc, _ = example
    e1 = _find(doc.events, "Air/drone strike", "2021-04-05")
    assert (e1.event_type, e1.time_precision) == ("Explosions/Remote violence", 1)
    assert (e1.actor1, e1.actor2) == ("Military Forces of Russia", "Liwa al-Quds")
    assert (e1.country, e1.admin1) == ("Syria", "Deir ez-Zor")
    assert e1.location_ar == "الشولا" and e1.geo_precision in (1, 2)
    assert (e1.fatalities, e1.fatalities_known, e1.injuries, e1.injuries_known) == (3, True, 4, True)
    assert e1.interaction == 38 and e1.inter1 == 8


def test_e4_clash_near_the_airport(example):
    doc, _ = example
    e4 = _find(doc.events, "Armed clash", "2021-02-15")
    assert (e4.event_type, e4.time_precision) == ("Battles", 2)
    assert {e4.actor1, e4.actor2} == {"Liwa al-Quds", "Usud al-Sharqiya"}
    assert e4.admin1 == "Deir ez-Zor"
    assert e4.location in ("Deir ez-Zor Military Airport", "Deir ez-Zor")
    assert e4.fatalities is None and e4.fatalities_known is False


def test_evidence_points_into_the_cleaned_text(example):
    doc, _ = example
    for event in doc.events:
        assert event.evidence["event_type"], event
        for spans in event.evidence.values():
            for span in spans:
                assert doc.text[span.start : span.end] == span.text


def test_not_events_stay_out(example):
    doc, gold = example
    required = [g for g in gold["events"] if g.get("required", True)]
    optional = [g for g in gold["events"] if not g.get("required", True)]
    figures = {600, 86, 7000, 800, 107, 5778, 2013}
    for event in doc.events:
        assert event.fatalities not in figures and event.injuries not in figures, event
        assert event.event_type in {g["event_type"] for g in required + optional}, event
    # one event per required gold event, optional ones only if right: never more events than gold has
    assert len(doc.events) <= len(gold["events"])


def test_actor_facts_and_tags(example):
    doc, _ = example
    facts = {(f.actor, f.kind, f.value) for f in doc.facts}
    assert ("Liwa al-Quds", "backed by", "Military Forces of Russia") in facts
    assert {"لواء القدس", "دير الزور", "الشولا"} <= set(doc.tags)
