"""Is ``confidence`` a probability? Reliability bins and the expected calibration error over a score.

A produced record *needs no correction* when the scorer matches it to a
required gold event and every field scored on the pair is right (the
location by name or within the gold radius: ``location_exact`` is the
stricter twin of ``location`` and is left out). A false alarm needs
rejecting. Records matched to optional gold events (coders disagree) are
neither and are not counted.

On a few dozen records the ECE is mostly sampling noise: even a score that
is exactly the probability of being right shows an ECE well above zero.
:func:`ece_if_calibrated` says how much, by drawing the outcomes from the
records' own confidences, so a measured ECE can be read against it.
"""

from __future__ import annotations

import random
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from statistics import median
from typing import Any

from rasd.evaluate.score import Score

__all__ = ["Outcome", "Bin", "outcomes", "all_right", "reliability", "expected_calibration_error", "share_right_above",
           "ece_if_calibrated", "summary", "summary_of", "reliability_rows", "headline", "BINS", "HIGH"]

BINS = 10
HIGH = 0.8  # "confident" records: confidence at or above this should need no correction in ≥ 80 % of cases
_SKIP = {"location_exact"}


@dataclass(frozen=True, slots=True)
class Outcome:
    """One produced record: its confidence and whether it needed no correction."""

    doc_id: str
    confidence: float
    right: bool
    record: dict[str, Any]


@dataclass(frozen=True, slots=True)
class Bin:
    """One reliability bin: records with ``low <= confidence < high`` (the last bin includes 1.0)."""

    low: float
    high: float
    n: int
    mean_confidence: float | None
    observed: float | None  # the share of them that needed no correction


def all_right(fields: dict[str, bool | None]) -> bool:
    """Every scored field of a pair right (``location_exact`` aside)."""
    return all(ok is not False for f, ok in fields.items() if f not in _SKIP)


def outcomes(result: Score) -> list[Outcome]:
    """Every matched and falsely alarmed record of a score, with its verdict."""
    out = [Outcome(p.doc_id, float(p.pred.get("confidence") or 0.0), all_right(p.fields), p.pred) for p in result.pairs]
    out += [Outcome(fa.doc_id, float(fa.pred.get("confidence") or 0.0), False, fa.pred) for fa in result.false_alarms]
    return out


def reliability(items: Iterable[Outcome], bins: int = BINS) -> list[Bin]:
    """Equal-width confidence bins with each bin's mean confidence and observed all-right share."""
    groups: list[list[Outcome]] = [[] for _ in range(bins)]
    for o in items:
        groups[min(bins - 1, max(0, int(o.confidence * bins)))].append(o)
    out = []
    for b, group in enumerate(groups):
        n = len(group)
        out.append(Bin(b / bins, (b + 1) / bins, n,
                       sum(o.confidence for o in group) / n if n else None,
                       sum(o.right for o in group) / n if n else None))
    return out


def expected_calibration_error(table: Sequence[Bin]) -> float | None:
    """Σ (n_bin / n) · |mean confidence − observed share| over the bins (None without records)."""
    total = sum(b.n for b in table)
    if not total:
        return None
    return sum(b.n / total * abs((b.mean_confidence or 0.0) - (b.observed or 0.0)) for b in table if b.n)


def ece_if_calibrated(confidences: Sequence[float], bins: int = BINS, draws: int = 400, seed: int = 17) -> float | None:
    """The median ECE a perfectly calibrated score would show on records with these confidences: each draw
    makes every record right with the probability its confidence says (fixed seed: the same records, the same answer)."""
    if not confidences:
        return None
    rng = random.Random(seed)
    eces = [expected_calibration_error(reliability(
        [Outcome("", c, rng.random() < c, {}) for c in confidences], bins)) or 0.0 for _ in range(draws)]
    return median(eces)


def share_right_above(items: Iterable[Outcome], threshold: float = HIGH) -> tuple[int, int]:
    """(right, n) among records with confidence ≥ ``threshold``."""
    high = [o for o in items if o.confidence >= threshold]
    return sum(o.right for o in high), len(high)


def summary(result: Score, bins: int = BINS) -> dict[str, Any]:
    """The calibration of one score as plain JSON: the bins, the ECE and the confident records' all-right share."""
    return summary_of(outcomes(result), bins)


def summary_of(items: Sequence[Outcome], bins: int = BINS) -> dict[str, Any]:
    """:func:`summary` of scored records, however they were scored."""
    table = reliability(items, bins)
    ece = expected_calibration_error(table)
    floor = ece_if_calibrated([o.confidence for o in items], bins)
    right, n = share_right_above(items)
    return {
        "records": len(items), "all_right": sum(o.right for o in items),
        "ece": None if ece is None else round(ece, 3),
        "ece_if_calibrated": None if floor is None else round(floor, 3),
        "confident": {"threshold": HIGH, "n": n, "right": right, "share": round(right / n, 3) if n else None},
        "bins": [{"low": b.low, "high": b.high, "n": b.n,
                  "confidence": None if b.mean_confidence is None else round(b.mean_confidence, 3),
                  "observed": None if b.observed is None else round(b.observed, 3)} for b in table],
    }


def _pct(x: float | None) -> str:
    return "–" if x is None else f"{x:.0%}"


def reliability_rows(data: dict[str, Any]) -> list[list[str]]:
    """The rows of a reliability table (confidence bin, records, mean confidence, observed all-right share) from :func:`summary`."""
    return [[f"{b['low']:.1f}–{b['high']:.1f}", str(b["n"]), _pct(b["confidence"]), _pct(b["observed"])] for b in data["bins"]]


def headline(data: dict[str, Any]) -> str:
    """One sentence: ECE and how often the confident records need no correction, from :func:`summary`."""
    conf = data["confident"]
    ece = "–" if data["ece"] is None else f"{data['ece']:.3f}"
    floor = data.get("ece_if_calibrated")
    noise = "" if floor is None else f"; a perfectly calibrated score would show about {floor:.3f} on as many records"
    confident = (f"{conf['right']} of the {conf['n']} with confidence ≥ {conf['threshold']} need none ({_pct(conf['share'])})"
                 if conf["n"] else f"no record has confidence ≥ {conf['threshold']}")
    return (f"{data['all_right']} of {data['records']} scored records need no correction; expected calibration error "
            f"{ece} ({len(data['bins'])} bins{noise}); {confident}.")
