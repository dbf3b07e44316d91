"""The calibrate stage: confidence becomes the shipped calibrator's probability that a record needs no correction."""

from __future__ import annotations

from datetime import date

import pytest

import rasd
from rasd.extract.calibrate import Calibrate, calibrated, calibration_features, load_calibration
from rasd.extract.registry import COMPONENTS, DEFAULT_PIPELINE
from rasd.pipeline import Pipeline

D = date(2024, 3, 4)
TEXT = "قتل مدنيان بقصف مدفعي على بلدة كفرنبل في ريف إدلب الجنوبي صباح اليوم."


def _pipeline(calibrator: Calibrate | None) -> Pipeline:
    names = [n for n in DEFAULT_PIPELINE if n != "calibrate"]
    return Pipeline([COMPONENTS[n]() for n in names] + ([calibrator] if calibrator else []))


def test_the_default_pipeline_ends_with_calibration() -> None:
    assert DEFAULT_PIPELINE[-2:] == ("judge", "calibrate")


def test_confidence_is_the_calibrated_probability() -> None:
    raw = _pipeline(None)(rasd.Doc(TEXT, published=D))
    (anchor,) = raw.of("event")
    feats = calibration_features(anchor.value.event, anchor.value)
    assert feats["rule_confidence"] == raw.events[0].confidence and feats["long_doc"] == 0.0
    assert (feats["multi"], feats["deaths_unknown"]) == (0.0, 0.0)  # one event in the article, its toll told
    model = load_calibration()
    assert model is not None
    (ev,) = rasd.extract(TEXT, published=D)
    assert ev.confidence == round(calibrated(model, feats), 3)


@pytest.mark.parametrize(("bias", "expected"), [(-30.0, 0.0), (0.0, 0.5), (30.0, 1.0)])
def test_a_platt_model_alone(bias: float, expected: float) -> None:
    (ev,) = _pipeline(Calibrate({"weights": {"bias": bias}}))(rasd.Doc(TEXT, published=D)).events
    assert ev.confidence == pytest.approx(expected, abs=1e-3)


def test_isotonic_steps_map_the_platt_score() -> None:
    steps = [[0.0, 0.1], [0.4, 0.3], [0.6, 0.9]]
    assert calibrated({"weights": {"bias": 0.0}, "isotonic": steps}, {"bias": 1.0}) == 0.3  # Platt 0.5 lies in [0.4, 0.6)
    assert calibrated({"weights": {"bias": 5.0}, "isotonic": steps}, {"bias": 1.0}) == 0.9
    assert calibrated({"weights": {"bias": -5.0}, "isotonic": steps}, {"bias": 1.0}) == 0.1


def test_a_factored_model_multiplies_by_the_judges_probability() -> None:
    feats = {"bias": 1.0, "judge_logit": 0.0}  # the judge says 0.5
    assert calibrated({"weights": {"bias": 30.0}, "times_judge": True}, feats) == pytest.approx(0.5)
    assert calibrated({"weights": {"bias": 30.0}}, feats) == pytest.approx(1.0)


def test_without_a_calibrator_the_rules_confidence_stays() -> None:
    raw = _pipeline(None)(rasd.Doc(TEXT, published=D)).events[0].confidence
    (ev,) = _pipeline(Calibrate({}))(rasd.Doc(TEXT, published=D)).events
    assert ev.confidence == raw


def test_the_shipped_file_records_what_it_was_fitted_on_and_measured() -> None:
    model = load_calibration()
    assert model is not None
    assert all("held" not in name for name in model["trained_on"])
    assert {"ece", "ece_if_calibrated", "confident", "bins", "sets", "per_set"} <= set(model["held"])
    # the weights read only features the stage computes, and those the cross-validation chose
    (anchor,) = _pipeline(None)(rasd.Doc(TEXT, published=D)).of("event")
    assert set(model["weights"]) == {"bias", *model["features"]} <= set(calibration_features(anchor.value.event, anchor.value))
    assert model["cv"]["brier"] == min(row["brier"] for row in model["cv"]["candidates"])
    steps = [v for _, v in model["isotonic"]]
    assert steps == sorted(steps)  # isotonic: never decreasing
