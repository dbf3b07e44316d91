"""The review queue ordered by risk: records likely to be wrong come first, each with the reasons why.

A record's risk is ``1 − confidence`` (the calibrated probability that it
needs no correction) plus :data:`FLAG_WEIGHT` for each warning sign it shows:

* ``toll_outlier`` — a death toll far above what events of its sub-type carry
  (over :data:`OUTLIER_FACTOR` times the 90th percentile of the non-zero tolls
  of that sub-type among the records ranked);
* ``unlisted_place`` — a place the gazetteer does not hold (coded at the unit named with it);
* ``foreign_place`` — a country the article never names (:mod:`rasd.geo.foreign`; needs the texts);
* ``one_sided`` — someone was killed or hurt, yet the record has no actor2;
* ``source_actor`` — an actor that is an organisation usually cited as a source
  (the ``organisation`` kind of ``rasd/data/actors.tsv``: the UN, WHO, UNICEF…).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from rasd.lexicon import read_tsv
from rasd.store.gazetteer import is_unlisted

__all__ = ["Risk", "REASONS", "FLAG_WEIGHT", "rank", "source_actors"]

REASONS: tuple[str, ...] = ("toll_outlier", "unlisted_place", "foreign_place", "one_sided", "source_actor")
FLAG_WEIGHT = 0.5
OUTLIER_FACTOR = 3.0
PERCENTILE = 0.9
_MIN_TOLLS = 5  # fewer non-zero tolls of a sub-type than this: compare with all sub-types together


@dataclass(slots=True)
class Risk:
    """One record's place in the queue: its score and the warning signs behind it."""

    event: dict[str, Any]
    score: float
    reasons: list[str] = field(default_factory=list)


@cache
def source_actors() -> frozenset[str]:
    """Canonical names of the actors of the ``organisation`` kind (usually cited as a source, rarely acting)."""
    return frozenset(row["canonical"] for row in read_tsv("actors.tsv") if row.get("kind") == "organisation")


def _percentile(values: list[int]) -> float:
    ordered = sorted(values)
    return float(ordered[min(len(ordered) - 1, int(PERCENTILE * len(ordered)))])


def _ceilings(events: list[Mapping[str, Any]]) -> tuple[dict[str, float], float]:
    """The 90th percentile of non-zero tolls per sub-type, and over all records."""
    tolls: dict[str, list[int]] = defaultdict(list)
    for ev in events:
        if ev.get("fatalities"):
            tolls[str(ev.get("sub_event_type"))].append(int(ev["fatalities"]))
    every = [n for values in tolls.values() for n in values]
    overall = _percentile(every) if every else 0.0
    return {k: _percentile(v) for k, v in tolls.items() if len(v) >= _MIN_TOLLS}, overall


def _reasons(ev: Mapping[str, Any], ceiling: float, foreign: bool) -> list[str]:
    out = []
    if ev.get("fatalities") and ceiling and int(ev["fatalities"]) > OUTLIER_FACTOR * ceiling:
        out.append("toll_outlier")
    if is_unlisted(ev.get("vague")):
        out.append("unlisted_place")
    if foreign:
        out.append("foreign_place")
    if not ev.get("actor2") and (ev.get("fatalities") or ev.get("injuries")):
        out.append("one_sided")
    if {ev.get("actor1"), ev.get("actor2")} & source_actors():
        out.append("source_actor")
    return out


def rank(events: Iterable[Mapping[str, Any]], foreign_ids: Iterable[Any] = ()) -> list[Risk]:
    """``events`` (dicts with ACLED fields, ``confidence`` and ``vague``) riskiest first; ``foreign_ids``:
    the ``id`` of those placed outside their article's countries (ties keep the given order)."""
    events = list(events)
    per_type, overall = _ceilings(events)
    foreign = set(foreign_ids)
    out = []
    for ev in events:
        reasons = _reasons(ev, per_type.get(str(ev.get("sub_event_type")), overall), ev.get("id") in foreign)
        score = 1.0 - float(ev.get("confidence") or 0.0) + FLAG_WEIGHT * len(reasons)
        out.append(Risk(dict(ev), round(score, 3), reasons))
    out.sort(key=lambda r: -r.score)
    return out
