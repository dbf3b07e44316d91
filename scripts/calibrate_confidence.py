"""Rebuild rasd/data/confidence_calibration.json: confidence as the probability that a record needs no correction.

    python scripts/calibrate_confidence.py                # fit on the tune halves, measure on the held ones, write the file
    python scripts/calibrate_confidence.py --report-only  # fit and measure, write nothing

Records are Rasd's own (the pipeline without its ``calibrate`` stage), over
the development gold sets and the *tune* halves of dev2; the scorer says
which need no correction (:mod:`rasd.evaluate.calibration`). The calibrator is
a Platt (logistic) model over :func:`rasd.extract.calibrate.calibration_features`,
with isotonic regression on its output or not, and its regularisation, as
5-fold cross-validation by document on the tune records calibrates best. The *held* halves of dev2 are
read only to measure the result (ECE over 10 bins, the all-right share of
records at confidence ≥ 0.8), which the file records. Needs ``../shared/``.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import math
import sys
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from rasd.doc import Doc  # noqa: E402
from rasd.evaluate import find_sources, score  # noqa: E402
from rasd.evaluate.calibration import (  # noqa: E402
    Outcome,
    expected_calibration_error,
    outcomes,
    reliability,
    share_right_above,
)
from rasd.extract.calibrate import calibrated, calibration_features  # noqa: E402
from rasd.extract.registry import COMPONENTS, DEFAULT_PIPELINE  # noqa: E402
from rasd.pipeline import Pipeline  # noqa: E402

OUT = ROOT / "rasd" / "data" / "confidence_calibration.json"
# (gold file, documents file, half used or None for all of it)
TUNE = (("dev-gold.jsonl", "aljazeera-leads.jsonl", None), ("ant-dev-gold.jsonl", "ant-conflict-news.jsonl", None),
        ("dev2-leads-gold.jsonl", "aljazeera-leads.jsonl", "tune"), ("dev2-ant-gold.jsonl", "ant-conflict-news.jsonl", "tune"))
HELD = (("dev2-leads-gold.jsonl", "aljazeera-leads.jsonl", "held"), ("dev2-ant-gold.jsonl", "ant-conflict-news.jsonl", "held"))
L2_CHOICES = (0.003, 0.03, 0.3)  # per record; the one cross-validation calibrates best is kept
FOLDS = 5
ITERATIONS = 25


def _records(shared: Path, sets: tuple[tuple[str, str, str | None], ...]) -> list[Outcome]:
    """Every scored record of the sets, produced without calibration, with its features under ``_features``."""
    pipe = Pipeline.from_names([n for n in DEFAULT_PIPELINE if n != "calibrate"], COMPONENTS)
    found: list[Outcome] = []
    for gold, docs, half in sets:
        pairs = find_sources([shared / "corpus" / gold], [shared / "corpus" / docs], half)
        produced: list[dict[str, Any]] = []
        for _, src in pairs:
            doc = pipe(Doc(src.text, raw=src.text, doc_id=src.doc_id, published=src.published, source=src.source, title=src.title))
            kept = {id(ev) for ev in doc.events}
            for anchor in doc.of("event"):
                ev = anchor.value.event
                if id(ev) in kept:
                    produced.append({**ev.to_dict(), "doc_id": src.doc_id,
                                     "_features": calibration_features(ev, anchor.value)})
        found += outcomes(score(produced, [g for g, _ in pairs]))
    return found


def _solve(a: list[list[float]], b: list[float]) -> list[float]:
    """Gaussian elimination with partial pivoting (a handful of unknowns: no library needed)."""
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


def fit_platt(xs: list[dict[str, float]], ys: list[int], l2: float) -> dict[str, float]:
    """L2-regularised logistic regression by Newton's method (a few hundred records, a handful of features)."""
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


def fit_isotonic(ps: list[float], ys: list[int]) -> list[list[float]]:
    """Pool-adjacent-violators: non-decreasing steps [lowest score of the block, its all-right share].

    The share is smoothed as (right + 1) / (records + 2): a block of a few records is never certain, right or wrong.
    """
    blocks: list[list[float]] = []  # [low, sum of y, count]
    for p, y in sorted(zip(ps, ys)):
        blocks.append([p, float(y), 1.0])
        while len(blocks) > 1 and _smoothed(blocks[-2]) >= _smoothed(blocks[-1]):
            low, s, c = blocks.pop()
            blocks[-1][1] += s
            blocks[-1][2] += c
    return [[round(b[0], 4), round(_smoothed(b), 4)] for b in blocks]


def measure(model: dict[str, Any] | None, items: list[Outcome]) -> dict[str, Any]:
    """ECE, the high-confidence share and the reliability table of ``items`` rescored by ``model`` (None: as they are)."""
    if model is not None:
        items = [Outcome(o.doc_id, calibrated(model, o.record["_features"]), o.right, o.record) for o in items]
    table = reliability(items)
    right, n = share_right_above(items)
    return {"records": len(items), "all_right": sum(o.right for o in items),
            "ece": round(expected_calibration_error(table) or 0.0, 4),
            "confident": {"n": n, "right": right, "share": round(right / n, 4) if n else None},
            "bins": [[b.low, b.n, None if b.mean_confidence is None else round(b.mean_confidence, 3),
                      None if b.observed is None else round(b.observed, 3)] for b in table]}


def fit(items: list[Outcome], l2: float, isotonic: bool) -> dict[str, Any]:
    """A calibrator fitted on ``items``: Platt weights, then isotonic steps on their output if asked."""
    xs, ys = [o.record["_features"] for o in items], [int(o.right) for o in items]
    model: dict[str, Any] = {"weights": fit_platt(xs, ys, l2), "isotonic": []}
    if isotonic:
        model["isotonic"] = fit_isotonic([calibrated(model, x) for x in xs], ys)
    return model


def cross_validated(items: list[Outcome]) -> tuple[float, bool, float]:
    """(L2, isotonic or not, its ECE) of the choice that is best calibrated under cross-validation by document on ``items``."""
    fold = {d: i % FOLDS for i, d in enumerate(sorted({o.doc_id for o in items}, key=lambda d: hashlib.sha256(d.encode()).hexdigest()))}
    best: tuple[float, bool, float] | None = None
    for l2 in L2_CHOICES:
        for isotonic in (False, True):
            scored = []
            for k in range(FOLDS):
                model = fit([o for o in items if fold[o.doc_id] != k], l2, isotonic)
                scored += [Outcome(o.doc_id, calibrated(model, o.record["_features"]), o.right, o.record)
                           for o in items if fold[o.doc_id] == k]
            ece = expected_calibration_error(reliability(scored)) or 0.0
            if best is None or ece < best[2]:
                best = (l2, isotonic, round(ece, 4))
    assert best is not None
    return best


def main(argv: list[str] | None = None) -> None:
    """Collect, choose by cross-validation on the tune records, fit, measure on the held ones, write."""
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument("--report-only", action="store_true", help="print the measures, write nothing")
    args = parser.parse_args(argv)
    tune, held = _records(args.shared, TUNE), _records(args.shared, HELD)
    l2, isotonic, cv_ece = cross_validated(tune)
    model = fit(tune, l2, isotonic)
    print(f"chosen by {FOLDS}-fold cross-validation on the tune records: L2 {l2}, isotonic {isotonic} (CV ECE {cv_ece:.3f})")
    report = {"rules": measure(None, held), "calibrated": measure(model, held)}
    for name, m in report.items():
        print(f"held, {name}: ECE {m['ece']:.3f}; confidence ≥ 0.8: {m['confident']['right']}/{m['confident']['n']} all right;"
              f" {m['all_right']}/{m['records']} records all right")
    if args.report_only:
        return
    model.update({
        "what": "P(record needs no correction) from calibration_features: Platt weights, then isotonic steps [low, value]",
        "trained_on": [f"{g}{'' if h is None else f' ({h} half)'}" for g, _, h in TUNE],
        "records": len(tune), "all_right": sum(o.right for o in tune), "l2": l2, "cv_ece": cv_ece,
        "held": {**report["calibrated"], "sets": [f"{g} (held half)" for g, _, _ in HELD],
                 "rules_ece": report["rules"]["ece"], "rules_confident": report["rules"]["confident"]},
        "built": datetime.now(timezone.utc).strftime("%Y-%m-%d"),
    })
    OUT.write_text(json.dumps(model, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {OUT}: {len(tune)} tune records ({model['all_right']} all right)")


if __name__ == "__main__":
    main()
