"""Fitting the calibrator: Platt weights, smoothed isotonic steps, factored models, the choice by cross-validation."""

from __future__ import annotations

import math
import random
from datetime import date

import pytest

import rasd
from rasd.evaluate.calibration import Outcome
from rasd.evaluate.calibration_fit import (
    Candidate,
    brier,
    choose,
    fit,
    fit_isotonic,
    fit_platt,
    fold_of,
    out_of_fold,
    produce,
    rescored,
)
from rasd.extract.calibrate import calibrated


def _records(n: int, seed: int = 5) -> list[Outcome]:
    """``n`` records, one per document: right with probability sigmoid(-1 + 2·signal); ``noise`` tells nothing."""
    rng = random.Random(seed)
    out = []
    for i in range(n):
        signal, noise = float(rng.random() < 0.5), float(rng.random() < 0.5)
        right = rng.random() < 1 / (1 + math.exp(-(-1.0 + 2.0 * signal)))
        out.append(Outcome(f"d{i}", 0.5, right, {"_features": {"bias": 1.0, "signal": signal, "noise": noise}}))
    return out


def test_platt_recovers_the_weights_that_made_the_data() -> None:
    items = _records(4000)
    w = fit_platt([o.record["_features"] for o in items], [int(o.right) for o in items], l2=0.0)
    assert w["bias"] == pytest.approx(-1.0, abs=0.15) and w["signal"] == pytest.approx(2.0, abs=0.2)
    assert abs(w["noise"]) < 0.15


def test_l2_shrinks_the_weights_but_not_the_bias() -> None:
    items = _records(400)
    xs, ys = [o.record["_features"] for o in items], [int(o.right) for o in items]
    loose, tight = fit_platt(xs, ys, 0.0), fit_platt(xs, ys, 1.0)
    assert abs(tight["signal"]) < abs(loose["signal"]) / 3
    # with the features shrunk away the bias alone carries the base rate
    base = sum(ys) / len(ys)
    assert 1 / (1 + math.exp(-(tight["bias"] + tight["signal"] * 0.5 + tight["noise"] * 0.5))) == pytest.approx(base, abs=0.05)


def test_isotonic_steps_never_fall_and_are_never_certain() -> None:
    steps = fit_isotonic([0.1, 0.2, 0.3, 0.4, 0.5, 0.6], [0, 1, 0, 1, 1, 1])
    values = [v for _, v in steps]
    assert values == sorted(values) and 0.0 < values[0] and values[-1] < 1.0
    assert steps[0][0] == 0.1  # each step starts at the lowest score of its block
    # (right + 1) / (records + 2): one wrong record alone reads 1/3, not 0
    assert fit_isotonic([0.5], [0]) == [[0.5, pytest.approx(1 / 3, abs=1e-4)]]


def test_a_factored_model_fits_its_fields_part_on_events_only() -> None:
    # two kinds of record, alike to the fields model: events (right 3 times in 4) and false alarms
    feats = {"bias": 1.0, "judge_logit": 0.0}  # the judge says 0.5
    events = [Outcome(f"e{i}", 0.5, i % 4 != 0, {"_features": feats}) for i in range(40)]
    alarms = [Outcome(f"f{i}", 0.5, False, {"_features": feats, "_false_alarm": True}) for i in range(40)]
    plain = fit(events + alarms, Candidate((), 0.0, False))
    factored = fit(events + alarms, Candidate((), 0.0, False, factored=True))
    assert calibrated(plain, feats) == pytest.approx(30 / 80, abs=1e-3)
    assert factored["times_judge"] and calibrated(factored, feats) == pytest.approx(0.5 * 30 / 40, abs=1e-3)


def test_out_of_fold_scores_every_record_once_by_a_model_that_never_saw_its_document() -> None:
    # every document's records share a label the features cannot tell: a model that saw the document would know it
    items = [Outcome(f"doc{d}", 0.5, d % 2 == 0, {"_features": {"bias": 1.0, f"doc{d}": 1.0}}) for d in range(30) for _ in range(3)]
    cand = Candidate(tuple(f"doc{d}" for d in range(30)), 0.01, False)
    scored = out_of_fold(items, cand)
    assert sorted(o.doc_id for o in scored) == sorted(o.doc_id for o in items)

    def gap(xs: list[Outcome]) -> float:  # mean confidence of the right records minus that of the wrong ones
        right, wrong = [o.confidence for o in xs if o.right], [o.confidence for o in xs if not o.right]
        return sum(right) / len(right) - sum(wrong) / len(wrong)

    # an in-sample fit tells each document's label from its feature; out of fold nothing is left to tell it
    assert gap(rescored(fit(items, cand), items)) > 0.4
    assert abs(gap(scored)) < 0.1
    assert 0 <= fold_of("doc3") < 5 and len({fold_of(f"doc{d}") for d in range(30)}) == 5


def test_choose_keeps_the_candidate_that_reads_the_signal() -> None:
    items = _records(300)
    noise_only, with_signal = Candidate(("noise",), 0.003, False), Candidate(("signal",), 0.003, False)
    best, table = choose(items, [noise_only, with_signal])
    assert best == with_signal
    assert table[1]["brier"] < table[0]["brier"] and {"features", "l2", "isotonic", "factored", "ece"} <= set(table[0])
    assert brier(rescored(fit(items, with_signal), items)) == pytest.approx(table[1]["brier"], abs=0.01)


def test_produce_gives_each_kept_record_its_calibrator_inputs() -> None:
    text = "قتل مدنيان بقصف مدفعي على بلدة كفرنبل في ريف إدلب الجنوبي صباح اليوم."
    (record,) = produce({"doc_key": "k1", "text": text, "published": "2024-03-04"})
    (ev,) = rasd.extract(text, published=date(2024, 3, 4))
    assert record["doc_id"] == "k1" and record["sub_event_type"] == ev.sub_event_type
    assert {"judge_logit", "multi", "deaths_unknown", "long_doc", "no_actor2", "no_place"} <= set(record["_features"])
    assert record["_features"]["deaths_unknown"] == 0.0 and record["_features"]["multi"] == 0.0


def test_a_candidate_may_drop_a_set_and_the_choice_scores_only_some_records() -> None:
    # an easy set (always right) beside the set that matters (right a quarter of the time); no feature tells them apart
    easy = [Outcome(f"e{i}", 0.5, True, {"_features": {"bias": 1.0}, "_set": "easy"}) for i in range(60)]
    hard = [Outcome(f"h{i}", 0.5, i % 4 == 0, {"_features": {"bias": 1.0}, "_set": "hard"}) for i in range(60)]
    pooled, alone = Candidate((), 0.0, False), Candidate((), 0.0, False, drop=("easy",))
    assert calibrated(fit(easy + hard, alone), {"bias": 1.0}) == pytest.approx(0.25, abs=1e-3)
    assert calibrated(fit(easy + hard, pooled), {"bias": 1.0}) == pytest.approx(0.625, abs=1e-3)
    best, table = choose(easy + hard, [pooled, alone], scored_on=lambda o: o.record["_set"] == "hard")
    assert best == alone and [row["scored"] for row in table] == [60, 60] and table[1]["drop"] == ["easy"]
    # scored on everything, pooling is as good as it gets
    assert choose(easy + hard, [pooled, alone])[0] == pooled
