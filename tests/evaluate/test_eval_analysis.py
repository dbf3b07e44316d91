"""Each error is blamed on the component that made it, with its evidence."""

from __future__ import annotations

from evalhelpers import as_prediction, gold_event

from rasd.evaluate.analysis import FIELD_COMPONENT, by_component, errors
from rasd.evaluate.fields import FIELDS
from rasd.evaluate.score import score

SPAN = {"start": 0, "end": 9, "text": "غارة جوية"}


def _kinds(gold_events: list[dict], preds: list[dict]) -> list[tuple[str, str]]:
    result = score(preds, [{"doc_id": "d", "events": gold_events}])
    return sorted((e.component, e.kind) for e in errors(result))


def test_every_field_has_a_component() -> None:
    assert set(FIELD_COMPONENT) == set(FIELDS)


def test_miss_and_false_alarm_are_trigger_errors() -> None:
    far = as_prediction(gold_event(event_type="Protests", event_date="2020-01-01", location="X", location_ar=None,
                                   latitude=None), "d")
    assert _kinds([gold_event()], [far]) == [("triggers", "false alarm"), ("triggers", "missed event")]


def test_wrong_type_on_the_same_event() -> None:
    mistyped = as_prediction(gold_event(event_type="Battles"), "d")
    assert _kinds([gold_event()], [mistyped]) == [("triggers", "wrong event type (false alarm)"),
                                                  ("triggers", "wrong event type (missed)")]


def test_duplicate_is_an_assembly_error() -> None:
    assert ("assembly", "duplicate event") in _kinds([gold_event()], [as_prediction(gold_event(), "d")] * 2)


def test_found_with_wrong_date_and_place() -> None:
    off = as_prediction(gold_event(event_date="2020-01-01", location="X", location_ar=None, latitude=None), "d")
    assert ("dates", "found, but date and place both wrong") in _kinds([gold_event()], [off])


def test_wrong_fields_by_component() -> None:
    pred = as_prediction(gold_event(fatalities=3, actor1="Military Forces of Syria", admin1="Hama",
                                    location="Nearby", location_ar=None, latitude=35.70, longitude=36.70), "d")
    pred["evidence"] = {"fatalities": [{"start": 10, "end": 15, "text": "ثلاثة"}], "event_type": [SPAN]}
    result = score([pred], [{"doc_id": "d", "events": [gold_event()]}])
    items = errors(result)
    assert sorted((e.component, e.kind) for e in items) == [
        ("actors", "wrong actors"), ("casualties", "wrong fatalities"),
        ("places", "location name differs (within 10 km)"), ("places", "wrong admin1"),
    ]
    fatal = next(e for e in items if e.field == "fatalities")
    assert (fatal.got, fatal.expected, fatal.evidence) == (3, 2, ["ثلاثة"])
    table = by_component(items)
    assert list(table)[:5] == ["triggers", "dates", "actors", "places", "casualties"]
    assert sum(table["places"].values()) == 2


def test_miss_carries_gold_evidence_and_false_alarm_its_spans() -> None:
    far = as_prediction(gold_event(event_type="Protests", event_date="2020-01-01", location="X", location_ar=None,
                                   latitude=None), "d") | {"evidence": {"event_type": [SPAN]}}
    items = errors(score([far], [{"doc_id": "d", "events": [gold_event(evidence=["نص الدليل"])]}]))
    miss = next(e for e in items if e.kind == "missed event")
    alarm = next(e for e in items if e.kind == "false alarm")
    assert miss.evidence == ["نص الدليل"] and miss.what == "test event"
    assert alarm.evidence == ["غارة جوية"]
