"""Fitting the confidence calibrator: Platt (logistic) weights, optional isotonic steps, chosen by cross-validation.

The records are :class:`~rasd.evaluate.calibration.Outcome` s whose ``record``
carries the calibrator's inputs under ``"_features"`` (see
:func:`rasd.extract.calibrate.calibration_features`). A *candidate* names the
features a model reads, its L2 strength and whether isotonic steps follow the
Platt score; :func:`choose` keeps the candidate with the lowest out-of-fold
Brier score (folds by document, so records of one article never sit on both
sides), a proper score that, unlike a 10-bin ECE over a hundred records,
rewards sharp and calibrated probabilities alike without chasing bin noise.
A few hundred records and a handful of unknowns: no library needed.
"""

from __future__ import annotations

import hashlib
import math
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from functools import cache
from typing import Any

from rasd.evaluate.calibration import Outcome, expected_calibration_error, reliability
from rasd.doc import Doc
from rasd.extract.calibrate import calibrated, calibration_features
from rasd.extract.registry import COMPONENTS, DEFAULT_PIPELINE
from rasd.pipeline import Pipeline

__all__ = ["Candidate", "fit_platt", "fit_isotonic", "fit", "fold_of", "out_of_fold", "brier", "choose", "rescored", "produce"]

FOLDS = 5
ITERATIONS = 25


@dataclass(frozen=True, slots=True)
class Candidate:
    """One model family: the features read (besides the bias), the L2 strength per record, isotonic steps or not,
    and whether it is *factored*: the judge's probability that the record is an event times a Platt model of
    its fields being right, fitted on the records that are events (so the reviewers' verdicts the judge learnt
    from carry their weight, and the few false alarms of the gold sets need not teach the judge's slope again)."""

    features: tuple[str, ...]
    l2: float
    isotonic: bool
    factored: bool = False
    drop: tuple[str, ...] = ()  # training sets (a record's ``_set``) left out of the fit


@cache
def _uncalibrated() -> Pipeline:
    return Pipeline.from_names([n for n in DEFAULT_PIPELINE if n != "calibrate"], COMPONENTS)


def produce(doc: Mapping[str, Any]) -> list[dict[str, Any]]:
    """The records the pipeline without its ``calibrate`` stage makes of one document (``doc_key``, ``text`` and
    optionally ``title``, ``published``, ``source``), each with ``doc_id`` and its calibrator inputs under ``_features``."""
    published = doc.get("published")
    if isinstance(published, str):
        published = date.fromisoformat(published[:10])
    out = _uncalibrated()(Doc(doc["text"], raw=doc["text"], doc_id=doc["doc_key"], published=published,
                              source=doc.get("source"), title=doc.get("title")))
    kept = {id(ev) for ev in out.events}
    return [{**a.value.event.to_dict(), "doc_id": doc["doc_key"], "_features": calibration_features(a.value.event, a.value)}
            for a in out.of("event") if id(a.value.event) in kept]


def _solve(a: list[list[float]], b: list[float]) -> list[float]:
    """Gaussian elimination with partial pivoting."""
    n = len(b)
    m = [row[:] + [b[i]] for i, row in enumerate(a)]
    for col in range(n):
        pivot = max(range(col, n), key=lambda r: abs(m[r][col]))
        m[col], m[pivot] = m[pivot], m[col]
        for r in range(n):
            if r != col and m[col][col]:
                f = m[r][col] / m[col][col]
                m[r] = [x - f * y for x, y in zip(m[r], m[col])]
    return [m[i][n] / m[i][i] if m[i][i] else 0.0 for i in range(n)]


def fit_platt(xs: Sequence[dict[str, float]], ys: Sequence[int], l2: float) -> dict[str, float]:
    """L2-regularised logistic regression by Newton's method (the bias is not penalised)."""
    names = sorted({k for x in xs for k in x})
    rows = [[x.get(k, 0.0) for k in names] for x in xs]
    w = [0.0] * len(names)
    reg = [0.0 if k == "bias" else l2 * len(xs) for k in names]
    for _ in range(ITERATIONS):
        grad = [reg[j] * w[j] for j in range(len(names))]
        hess = [[reg[i] if i == j else 0.0 for j in range(len(names))] for i in range(len(names))]
        for row, y in zip(rows, ys):
            p = 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, sum(a * b for a, b in zip(w, row))))))
            for i, xi in enumerate(row):
                grad[i] += (p - y) * xi
                for j, xj in enumerate(row):
                    hess[i][j] += p * (1 - p) * xi * xj
        w = [a - b for a, b in zip(w, _solve(hess, grad))]
    return {k: round(v, 4) for k, v in zip(names, w)}


def _smoothed(block: list[float]) -> float:
    return (block[1] + 1) / (block[2] + 2)


def fit_isotonic(ps: Sequence[float], ys: Sequence[int]) -> list[list[float]]:
    """Pool-adjacent-violators: non-decreasing steps [lowest score of the block, its all-right share].

    The share is smoothed as (right + 1) / (records + 2): a block of a few records is never certain, right or wrong.
    """
    blocks: list[list[float]] = []  # [low, sum of y, count]
    for p, y in sorted(zip(ps, ys)):
        blocks.append([p, float(y), 1.0])
        while len(blocks) > 1 and _smoothed(blocks[-2]) >= _smoothed(blocks[-1]):
            _, s, c = blocks.pop()
            blocks[-1][1] += s
            blocks[-1][2] += c
    return [[round(b[0], 4), round(_smoothed(b), 4)] for b in blocks]


def _inputs(o: Outcome, features: Sequence[str]) -> dict[str, float]:
    feats = o.record["_features"]
    return {"bias": 1.0, **{k: float(feats.get(k, 0.0)) for k in features}}


def fit(items: Sequence[Outcome], cand: Candidate) -> dict[str, Any]:
    """A calibrator fitted on ``items`` (a record marked ``_false_alarm`` is no event): Platt weights over the
    candidate's features (on the events only, if factored), then isotonic steps on all of them if asked; records
    of the sets the candidate drops are left out."""
    items = [o for o in items if o.record.get("_set") not in cand.drop]
    events = [o for o in items if not (cand.factored and o.record.get("_false_alarm"))]
    model: dict[str, Any] = {"weights": fit_platt([_inputs(o, cand.features) for o in events], [int(o.right) for o in events], cand.l2),
                             "times_judge": cand.factored, "isotonic": []}
    if cand.isotonic:
        model["isotonic"] = fit_isotonic([calibrated(model, o.record["_features"]) for o in items], [int(o.right) for o in items])
    return model


def fold_of(doc_id: str, folds: int = FOLDS) -> int:
    """A document's fold: fixed by its id's hash, so every run and every candidate splits alike."""
    return int(hashlib.sha256(doc_id.encode()).hexdigest(), 16) % folds


def rescored(model: dict[str, Any], items: Sequence[Outcome]) -> list[Outcome]:
    """``items`` with the confidence ``model`` gives them."""
    return [Outcome(o.doc_id, calibrated(model, o.record["_features"]), o.right, o.record) for o in items]


def out_of_fold(items: Sequence[Outcome], cand: Candidate, folds: int = FOLDS) -> list[Outcome]:
    """Every record scored by the candidate fitted on the other folds."""
    out: list[Outcome] = []
    for k in range(folds):
        train = [o for o in items if fold_of(o.doc_id, folds) != k]
        test = [o for o in items if fold_of(o.doc_id, folds) == k]
        if train and test:
            out += rescored(fit(train, cand), test)
    return out


def brier(items: Sequence[Outcome]) -> float:
    """The mean squared gap between confidence and outcome (lower is better)."""
    return sum((o.confidence - o.right) ** 2 for o in items) / len(items) if items else 0.0


def choose(items: Sequence[Outcome], candidates: Sequence[Candidate], scored_on: Callable[[Outcome], bool] = lambda o: True,
           ) -> tuple[Candidate, list[dict[str, Any]]]:
    """The candidate with the lowest out-of-fold Brier score on ``items`` (ties: the earlier), and every candidate's figures.

    Only the records ``scored_on`` accepts are scored (all of them are fitted on, bar the sets a candidate drops)."""
    table: list[dict[str, Any]] = []
    for cand in candidates:
        scored = [o for o in out_of_fold(items, cand) if scored_on(o)]
        table.append({"features": list(cand.features), "l2": cand.l2, "isotonic": cand.isotonic, "factored": cand.factored,
                      "drop": list(cand.drop), "scored": len(scored),
                      "brier": round(brier(scored), 4), "ece": round(expected_calibration_error(reliability(scored)) or 0.0, 4)})
    best = min(range(len(candidates)), key=lambda i: table[i]["brier"])
    return candidates[best], table
