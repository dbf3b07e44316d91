"""Scoring extraction against hand-coded gold events (``rasd eval``).

    >>> from rasd.evaluate import evaluate
    >>> result = evaluate([Path("article.gold.json")])
    >>> result.precision, result.recall, result.field_accuracy()["event_date"]

Matching and field rules follow the reference scorer that ships with the
gold sets, so numbers from either agree; this package adds the confusion
table, the evidence behind every error and the blame per component.
"""

from __future__ import annotations

from rasd.evaluate.analysis import COMPONENTS, ErrorItem, by_component, errors
from rasd.evaluate.fields import FIELDS, check_fields
from rasd.evaluate.gold import Source, find_sources, load_gold
from rasd.evaluate.render import markdown, print_score, to_json
from rasd.evaluate.run import evaluate, predict
from rasd.evaluate.score import FalseAlarm, Miss, Pair, Score, score

__all__ = [
    "evaluate",
    "predict",
    "score",
    "Score",
    "Pair",
    "Miss",
    "FalseAlarm",
    "FIELDS",
    "check_fields",
    "COMPONENTS",
    "ErrorItem",
    "errors",
    "by_component",
    "Source",
    "find_sources",
    "load_gold",
    "to_json",
    "print_score",
    "markdown",
]
