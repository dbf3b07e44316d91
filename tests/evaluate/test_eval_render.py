"""Output: JSON for tools, tables for people, Markdown for docs/."""

from __future__ import annotations

import json

from evalhelpers import as_prediction, gold_event
from rich.console import Console

from rasd.evaluate.fields import FIELDS
from rasd.evaluate.render import FIELD_LABELS, markdown, print_score, to_json
from rasd.evaluate.score import score


def _result():
    gold = {"doc_id": "d", "events": [gold_event(), gold_event(id="E2", event_type="Battles", sub_event_type="Armed clash")]}
    preds = [as_prediction(gold_event(fatalities=7), "d"), as_prediction(gold_event(event_type="Protests"), "d")]
    return score(preds, [gold])


def test_every_field_has_a_label() -> None:
    assert set(FIELD_LABELS) == set(FIELDS)


def test_json_shape() -> None:
    data = json.loads(json.dumps(to_json(_result())))
    assert data["events"] == {"tp": 1, "fp": 1, "fn": 1, "precision": 0.5, "recall": 0.5, "f1": 0.5}
    assert data["fields"]["fatalities"] == 0.0 and data["fields"]["event_type"] == 1.0
    assert {"gold": "Battles", "predicted": "Protests", "count": 1} in data["confusion"]
    assert data["components"]["casualties"] == {"wrong fatalities": 1}
    assert {e["kind"] for e in data["errors"]} >= {"wrong fatalities", "wrong event type (missed)"}


def test_terminal_tables() -> None:
    console = Console(record=True, width=200)
    print_score(_result(), console)
    out = console.export_text()
    for heading in ("precision", "Field accuracy", "gold (rows)", "Errors by component", "Every miss"):
        assert heading in out
    assert "wrong fatalities" in out


def test_markdown_quotes_no_evidence() -> None:
    result = _result()
    result.pairs[0].pred["evidence"] = {"fatalities": [{"start": 0, "end": 5, "text": "نص المقال"}]}
    md = markdown("test set", result)
    assert md.startswith("### test set") and "| 0.500 | 0.500 | 0.500 | 1 | 1 | 1 |" in md
    assert "نص المقال" not in md and "test event" not in md
