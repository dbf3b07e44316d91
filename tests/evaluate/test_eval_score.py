"""Matching: one to one, by type and date or place, best agreement first."""

from __future__ import annotations

from evalhelpers import as_prediction, gold_event

from rasd.evaluate.score import NO_EVENT, score


def _doc(*events: dict, doc_id: str = "d1") -> dict:
    return {"doc_id": doc_id, "events": list(events)}


def test_perfect_prediction() -> None:
    gold = _doc(gold_event(), gold_event(id="E2", event_date="2024-03-05", location="Saraqib", fatalities=0))
    result = score([as_prediction(e, "d1") for e in gold["events"]], [gold])
    assert (result.tp, result.fp, result.fn) == (2, 0, 0)
    assert result.precision == result.recall == result.f1 == 1.0
    assert all(v == 1.0 for f, v in result.field_accuracy().items() if f != "injuries")
    assert result.field_accuracy()["injuries"] is None


def test_nothing_produced() -> None:
    result = score([], [_doc(gold_event())])
    assert (result.tp, result.fp, result.fn, result.f1) == (0, 0, 1, 0.0)
    assert result.confusion == {("Explosions/Remote violence", NO_EVENT): 1}


def test_type_must_agree_and_date_or_place() -> None:
    gold = _doc(gold_event())
    wrong_type = as_prediction(gold_event(event_type="Battles"), "d1")
    elsewhere_later = as_prediction(gold_event(event_date="2024-05-01", location="Saraqib", location_ar=None,
                                               latitude=None), "d1")
    result = score([wrong_type, elsewhere_later], [gold])
    assert (result.tp, result.fp, result.fn) == (0, 2, 1)
    assert result.misses[0].near == wrong_type
    assert result.confusion[("Explosions/Remote violence", "Battles")] == 1


def test_one_to_one_and_best_agreement_wins() -> None:
    gold = _doc(gold_event(fatalities=5))
    close = as_prediction(gold_event(fatalities=5), "d1")
    rough = as_prediction(gold_event(fatalities=1, admin1="Hama"), "d1")
    result = score([rough, close], [gold])
    assert result.tp == 1 and result.pairs[0].pred == close
    assert result.fp == 1 and result.false_alarms[0].duplicate_of is not None


def test_optional_gold_is_neither_miss_nor_false_alarm() -> None:
    optional = gold_event(id="E9", required=False, event_type="Strategic developments", sub_event_type="Other")
    gold = _doc(gold_event(), optional)
    result = score([as_prediction(gold_event(), "d1")], [gold])
    assert (result.tp, result.fp, result.fn) == (1, 0, 0)
    result = score([as_prediction(gold_event(), "d1"), as_prediction(optional, "d1")], [gold])
    assert (result.tp, result.fp, result.fn) == (1, 0, 0)


def test_doc_ids() -> None:
    pred = as_prediction(gold_event(), "d1")
    del pred["doc_id"]
    assert score([pred], [_doc(gold_event())]).tp == 1  # a single gold document owns unlabelled events
    two = [_doc(gold_event()), _doc(gold_event(), doc_id="d2")]
    result = score([pred, as_prediction(gold_event(), "d2"), as_prediction(gold_event(), "other")], two)
    assert (result.tp, result.fp, result.fn, result.unscored_predictions) == (1, 0, 1, 2)


def test_field_counts_only_on_required_matches() -> None:
    gold = _doc(gold_event(fatalities=3, injuries=4))
    pred = as_prediction(gold_event(fatalities=2, injuries=4, event_date="2024-03-03"), "d1")
    result = score([pred], [gold])
    counts = result.field_counts()
    assert counts["fatalities"] == (0, 1) and counts["injuries"] == (1, 1) and counts["event_date"] == (0, 1)
    assert result.pairs[0].wrong == ["event_date", "fatalities"]
