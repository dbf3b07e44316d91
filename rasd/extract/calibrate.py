"""Calibrated confidence: the probability that a record needs no correction.

The rules' confidence (set in ``assemble``) and the judge's probability (on
each record's ``event`` mention) rank records, but neither is a probability
that the record is right. This last stage maps them to one: a logistic
(Platt) model over a few features of the record — or, for a *factored*
model (``times_judge``), the judge's probability that it is an event times
such a model of its fields being right — followed by an isotonic step
function, all read from ``rasd/data/confidence_calibration.json``.
``scripts/calibrate_confidence.py`` rebuilds the file from records the gold
sets (the tune halves only) or a store's audit verdicts say are right in
every field or not, and records what it measured on the held halves.
Without the file, confidence is left as the rules set it.
"""

from __future__ import annotations

import json
import math
from bisect import bisect_right
from collections.abc import Mapping, Sequence
from functools import cache
from importlib.resources import files
from typing import Any

from rasd.doc import Doc
from rasd.model import Event

__all__ = ["Calibrate", "calibration_features", "calibrated", "load_calibration"]

DATA_FILE = "confidence_calibration.json"
_EDGE = 1e-4  # probabilities are kept off 0 and 1 before taking their logit


def _logit(p: float) -> float:
    p = min(1.0 - _EDGE, max(_EDGE, p))
    return math.log(p / (1.0 - p))


def calibration_features(ev: Event, judged: Any) -> dict[str, float]:
    """Every feature a calibrator may read from a record and its judgement (``judged``: the
    :class:`~rasd.extract.judge.Judged` on its ``event`` mention): the rules' confidence, the judge's
    logit, what the record lacks (a second actor, a place finer than the country, a known toll), whether
    its text is a full article rather than a lead, and how many other events its article holds. A model
    reads those it has weights for (``scripts/calibrate_confidence.py`` chooses them)."""
    seen: Mapping[str, float] = judged.features
    one = seen.get("events<=1", 0.0)
    return {
        "bias": 1.0,
        "rule_confidence": float(ev.confidence),
        "judge_logit": _logit(judged.probability),
        "no_actor2": float(ev.actor2 is None),
        "no_place": float(ev.location is None or ev.geo_precision == 3),
        "deaths_unknown": float(ev.fatalities is None),
        "long_doc": seen.get("long_doc", 0.0),
        "multi": 1.0 - one,
        "crowded": 1.0 - one - seen.get("events<=3", 0.0),
    }


def _sigmoid(z: float) -> float:
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


def calibrated(model: Mapping[str, Any], feats: Mapping[str, float]) -> float:
    """The model's probability for one record: Platt score (times the judge's probability if the model is
    factored, ``times_judge``), then the isotonic steps (if any)."""
    weights: Mapping[str, float] = model["weights"]
    p = _sigmoid(sum(weights.get(k, 0.0) * v for k, v in feats.items()))
    if model.get("times_judge"):
        p *= _sigmoid(feats["judge_logit"])
    steps: Sequence[Sequence[float]] = model.get("isotonic") or ()
    if not steps:
        return p
    i = bisect_right([x for x, _ in steps], p) - 1
    return float(steps[max(0, i)][1])


@cache
def load_calibration(name: str = DATA_FILE) -> dict[str, Any] | None:
    """The shipped calibrator (``None`` when the file is absent)."""
    try:
        return json.loads((files("rasd") / "data" / name).read_text(encoding="utf-8"))
    except FileNotFoundError:
        return None


class Calibrate:
    """Pipeline component: replaces each kept record's confidence by the calibrated probability that it needs no correction."""

    name = "calibrate"
    requires: tuple[str, ...] = ("judged",)
    sets: tuple[str, ...] = ("calibrated",)

    def __init__(self, model: dict[str, Any] | None = None) -> None:
        self.model = model if model is not None else load_calibration()

    def __call__(self, doc: Doc) -> Doc:
        if not self.model:
            return doc
        kept = {id(ev) for ev in doc.events}
        for anchor in doc.of("event"):
            judged = anchor.value
            ev = getattr(judged, "event", None)
            if ev is not None and id(ev) in kept:
                ev.confidence = round(calibrated(self.model, calibration_features(ev, judged)), 3)
        return doc
