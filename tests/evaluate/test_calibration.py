"""Reliability of ``confidence``: the verdict per produced record, the bins, the ECE and the confident share."""

from __future__ import annotations

import json

import pytest
from evalhelpers import as_prediction, gold_event, write_json, write_jsonl
from typer.testing import CliRunner

from rasd.cli import app
from rasd.evaluate import score
from rasd.evaluate.calibration import (
    Outcome,
    ece_if_calibrated,
    expected_calibration_error,
    headline,
    outcomes,
    reliability,
    share_right_above,
    summary,
)


def _scored() -> list[Outcome]:
    """Three records: one right in every field, one with a wrong toll, one false alarm."""
    gold = [{"doc_id": "a", "events": [gold_event(), gold_event(id="E2", location="Idlib", location_ar="إدلب",
                                                              latitude=35.93, longitude=36.63, event_date="2024-03-05")]}]
    right = as_prediction(gold_event(), "a") | {"confidence": 0.95}
    wrong_toll = as_prediction(gold[0]["events"][1], "a") | {"fatalities": 9, "confidence": 0.85}
    alarm = as_prediction(gold_event(event_type="Protests", sub_event_type="Peaceful protest", event_date="2024-01-01",
                                     location="Aleppo", location_ar="حلب", latitude=36.2, longitude=37.15), "a") | {"confidence": 0.15}
    return outcomes(score([right, wrong_toll, alarm], gold))


def test_each_record_gets_its_verdict() -> None:
    verdicts = sorted((o.confidence, o.right) for o in _scored())
    assert verdicts == [(0.15, False), (0.85, False), (0.95, True)]


def test_bins_ece_and_confident_share() -> None:
    items = _scored()
    table = reliability(items)
    assert [b.n for b in table] == [0, 1, 0, 0, 0, 0, 0, 0, 1, 1]
    assert table[9].observed == 1.0 and table[8].observed == 0.0
    # |0.15-0| + |0.85-0| + |0.95-1|, each a third of the records
    assert expected_calibration_error(table) == pytest.approx((0.15 + 0.85 + 0.05) / 3)
    assert share_right_above(items) == (1, 2)
    assert expected_calibration_error(reliability([])) is None


def test_confidence_of_one_lands_in_the_last_bin() -> None:
    table = reliability([Outcome("d", 1.0, True, {}), Outcome("d", 0.0, False, {})])
    assert (table[0].n, table[-1].n) == (1, 1)


def test_summary_and_headline() -> None:
    data = summary(score([as_prediction(gold_event(), "a") | {"confidence": 0.5}], [{"doc_id": "a", "events": [gold_event()]}]))
    assert (data["records"], data["all_right"], data["ece"]) == (1, 1, 0.5)
    assert data["confident"]["n"] == 0
    assert "no record has confidence ≥ 0.8" in headline(data)


def test_eval_prints_the_reliability_table(tmp_path) -> None:
    gold = write_json(tmp_path / "a.gold.json", {"doc_id": "a", "events": [gold_event()]})
    preds = write_jsonl(tmp_path / "p.jsonl", [as_prediction(gold_event(), "a") | {"confidence": 0.9}])
    as_json = CliRunner().invoke(app, ["eval", str(gold), "--predictions", str(preds), "--json"])
    assert as_json.exit_code == 0, as_json.output
    cal = json.loads(as_json.stdout)["calibration"]
    assert cal["ece"] == 0.1 and cal["confident"] == {"threshold": 0.8, "n": 1, "right": 1, "share": 1.0}
    table = CliRunner().invoke(app, ["eval", str(gold), "--predictions", str(preds)], env={"COLUMNS": "200"})
    words = " ".join(table.stdout.split())
    assert "Reliability: confidence against records needing no correction" in words
    assert "expected calibration error 0.100 (10 bins; a perfectly calibrated score would show about 0.100 on as many records)" in words


def test_the_ece_a_calibrated_score_would_show() -> None:
    # certain records leave nothing to chance; at 0.9 a lone record is right (gap 0.1) or wrong (0.9), mostly right
    assert ece_if_calibrated([1.0, 0.0, 1.0]) == 0.0
    assert ece_if_calibrated([0.9]) == pytest.approx(0.1)
    assert ece_if_calibrated([]) is None
    # the noise shrinks as records grow: on 10 records at 0.5 the share strays far more than on 1000
    few, many = ece_if_calibrated([0.5] * 10), ece_if_calibrated([0.5] * 1000)
    assert few is not None and many is not None and few > 0.05 > 0.02 > many
    assert ece_if_calibrated([0.5] * 10) == few  # a fixed seed: the same records, the same figure
