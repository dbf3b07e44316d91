"""Match produced events to gold events one to one and count agreement.

A produced event can stand for a gold event when it has the gold type and
agrees on the date or the place; among candidates, pairs that agree on more
fields win (greedily, ties in gold then produced order). A required gold
event left unmatched is a miss; a produced event matched to nothing (not even
an optional gold event) is a false alarm. Matched pairs of required events
are scored field by field.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from rasd.evaluate.fields import FIELDS, MATCH_FIELDS, check_fields

__all__ = ["Pair", "Miss", "FalseAlarm", "Score", "score", "NO_EVENT"]

NO_EVENT = "(none)"  # the confusion table's row/column for "no event on this side"


@dataclass(slots=True)
class Pair:
    """A gold event and the produced event matched to it, with the verdict on each field."""

    doc_id: str
    gold: dict[str, Any]
    pred: dict[str, Any]
    fields: dict[str, bool | None]

    @property
    def wrong(self) -> list[str]:
        """The fields this pair gets wrong."""
        return [f for f, ok in self.fields.items() if ok is False]


@dataclass(slots=True)
class Miss:
    """A required gold event that nothing produced stands for.

    ``near`` is an unmatched produced event of another type on the same date or
    place: the event was found but typed wrongly. ``same_type`` is one of the
    right type that got both date and place wrong.
    """

    doc_id: str
    gold: dict[str, Any]
    near: dict[str, Any] | None = None
    same_type: dict[str, Any] | None = None


@dataclass(slots=True)
class FalseAlarm:
    """A produced event that stands for no gold event.

    ``near`` is the unmatched gold event it mistyped; ``duplicate_of`` a gold
    event already matched that it would also have matched (one event split in two).
    """

    doc_id: str
    pred: dict[str, Any]
    near: dict[str, Any] | None = None
    duplicate_of: dict[str, Any] | None = None


@dataclass(slots=True)
class Score:
    """Everything one scoring run found: counts, field accuracy, confusion and every error."""

    docs: int = 0
    pairs: list[Pair] = field(default_factory=list)
    misses: list[Miss] = field(default_factory=list)
    false_alarms: list[FalseAlarm] = field(default_factory=list)
    confusion: Counter[tuple[str, str]] = field(default_factory=Counter)
    unscored_predictions: int = 0

    @property
    def tp(self) -> int:
        return len(self.pairs)

    @property
    def fp(self) -> int:
        return len(self.false_alarms)

    @property
    def fn(self) -> int:
        return len(self.misses)

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def field_counts(self) -> dict[str, tuple[int, int]]:
        """Per field: (right, scored) over the matched pairs."""
        counts = {f: [0, 0] for f in FIELDS}
        for pair in self.pairs:
            for f, ok in pair.fields.items():
                if ok is not None:
                    counts[f][0] += ok
                    counts[f][1] += 1
        return {f: (right, n) for f, (right, n) in counts.items()}

    def field_accuracy(self) -> dict[str, float | None]:
        """Per field: the share of matched pairs that get it right (``None`` if never scored)."""
        return {f: (right / n if n else None) for f, (right, n) in self.field_counts().items()}


def _rank(fields: Mapping[str, bool | None]) -> tuple[bool, int] | None:
    """How well a candidate pair agrees, or None if it cannot be a match at all."""
    if not (fields["event_type"] and (fields["event_date"] or fields["location"])):
        return None
    return True, sum(bool(fields[f]) for f in MATCH_FIELDS)


def _score_doc(result: Score, doc_id: str, gold_events: list[dict[str, Any]], preds: list[dict[str, Any]]) -> None:
    checks = {(gi, pi): check_fields(g, p) for gi, g in enumerate(gold_events) for pi, p in enumerate(preds)}
    ranked = [(rank, gi, pi) for (gi, pi), f in checks.items() if (rank := _rank(f)) is not None]
    ranked.sort(key=lambda x: x[0], reverse=True)  # stable: ties keep gold, then produced order
    matched: dict[int, int] = {}
    used_p: set[int] = set()
    for _, gi, pi in ranked:
        if gi in matched or pi in used_p:
            continue
        matched[gi] = pi
        used_p.add(pi)
        if gold_events[gi].get("required", True):
            result.pairs.append(Pair(doc_id, gold_events[gi], preds[pi], checks[gi, pi]))
            result.confusion[_type(gold_events[gi]), _type(preds[pi])] += 1

    free_g = [gi for gi, g in enumerate(gold_events) if gi not in matched and g.get("required", True)]
    free_p = [pi for pi in range(len(preds)) if pi not in used_p]
    near = _mistyped(checks, free_g, free_p)
    near_g = {gi: pi for pi, gi in near.items()}
    for gi in free_g:
        mistyped = _at(preds, near_g.get(gi))
        same = next((preds[pi] for pi in free_p if checks[gi, pi]["event_type"]), None)
        result.misses.append(Miss(doc_id, gold_events[gi], mistyped, same))
        result.confusion[_type(gold_events[gi]), _type(mistyped)] += 1
    for pi in free_p:
        mistyped_gold = _at(gold_events, near.get(pi))
        duplicate = next((gold_events[g] for g in matched if _rank(checks[g, pi]) is not None), None)
        result.false_alarms.append(FalseAlarm(doc_id, preds[pi], mistyped_gold, duplicate))
        if mistyped_gold is None:  # a mistyped pair was counted once, on the gold side
            result.confusion[NO_EVENT, _type(preds[pi])] += 1


def _type(event: Mapping[str, Any] | None) -> str:
    return str(event.get("event_type") or NO_EVENT) if event else NO_EVENT


def _at(events: list[dict[str, Any]], i: int | None) -> dict[str, Any] | None:
    return None if i is None else events[i]


def _mistyped(checks: Mapping[tuple[int, int], Mapping[str, bool | None]], free_g: list[int], free_p: list[int]) -> dict[int, int]:
    """Pair leftover gold and produced events that agree on date or place but not type (produced -> gold)."""
    out: dict[int, int] = {}
    taken: set[int] = set()
    for gi in free_g:
        for pi in free_p:
            f = checks[gi, pi]
            if pi not in out and gi not in taken and not f["event_type"] and (f["event_date"] or f["location"]):
                out[pi] = gi
                taken.add(gi)
    return out


def score(predictions: Iterable[Mapping[str, Any]], gold_docs: list[dict[str, Any]]) -> Score:
    """Score produced events (dicts with ACLED field names and ``doc_id``) against gold documents.

    Predictions without ``doc_id`` belong to the only gold document when there
    is one; predictions for documents outside the gold set are not scored.
    """
    single = gold_docs[0]["doc_id"] if len(gold_docs) == 1 else None
    by_doc: dict[str | None, list[dict[str, Any]]] = {}
    for p in predictions:
        by_doc.setdefault(p.get("doc_id") or single, []).append(dict(p))
    gold_ids = {d["doc_id"] for d in gold_docs}
    result = Score(docs=len(gold_docs))
    result.unscored_predictions = sum(len(v) for k, v in by_doc.items() if k not in gold_ids)
    for doc in gold_docs:
        _score_doc(result, doc["doc_id"], doc.get("events", []), by_doc.get(doc["doc_id"], []))
    return result
