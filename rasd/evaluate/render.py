"""Show a score: rich tables for a person, a JSON object for tools, Markdown for docs/.

The Markdown report is committed to the repository, so it names documents,
events and coded values but never quotes the articles (their text is not ours
to copy); the terminal view quotes evidence freely.
"""

from __future__ import annotations

from typing import Any

from rich.console import Console, Group
from rich.table import Table
from rich.text import Text

from rasd.evaluate.analysis import ErrorItem, by_component, errors
from rasd.evaluate.calibration import headline, reliability_rows, summary
from rasd.evaluate.score import NO_EVENT, Score

__all__ = ["FIELD_LABELS", "to_json", "tables", "print_score", "markdown"]

FIELD_LABELS: dict[str, str] = {
    "event_type": "event type",
    "sub_event_type": "sub-event type",
    "event_date": "date (window by precision)",
    "actors": "actors",
    "admin1": "admin1",
    "location_exact": "location (exact name)",
    "location": "location (name or ≤ 10 km)",
    "fatalities": "fatalities",
    "injuries": "injuries",
}


def _r(x: float | None) -> float | None:
    return None if x is None else round(x, 3)


def to_json(result: Score) -> dict[str, Any]:
    """Everything in the score as plain JSON (rounded like the reference scorer)."""
    items = errors(result)
    return {
        "docs": result.docs,
        "events": {"tp": result.tp, "fp": result.fp, "fn": result.fn, "precision": _r(result.precision),
                   "recall": _r(result.recall), "f1": _r(result.f1)},
        "fields": {f: _r(v) for f, v in result.field_accuracy().items()},
        "field_counts": {f: {"right": a, "scored": n} for f, (a, n) in result.field_counts().items()},
        "confusion": [{"gold": g, "predicted": p, "count": n} for (g, p), n in sorted(result.confusion.items())],
        "components": {c: dict(kinds) for c, kinds in by_component(items).items()},
        "errors": [item.to_dict() for item in items],
        "unscored_predictions": result.unscored_predictions,
        "calibration": summary(result),
    }


def _pct(right: int, n: int) -> str:
    return f"{right / n:.0%} ({right}/{n})" if n else "–"


def _confusion_table(result: Score) -> Table:
    types = sorted({t for pair in result.confusion for t in pair} - {NO_EVENT}) + [NO_EVENT]
    table = Table(title="Event types: gold (rows) × produced (columns)")
    table.add_column("gold \\ produced")
    for t in types:
        table.add_column(t, justify="right")
    for g in types:
        table.add_row(g, *[str(result.confusion.get((g, p), "") or "·") for p in types])
    return table


def _reliability_table(result: Score) -> Table:
    data = summary(result)
    table = Table(title="Reliability: confidence against records needing no correction", caption=headline(data))
    for name in ("confidence", "records", "mean confidence", "no correction"):
        table.add_column(name, justify="right")
    for row in reliability_rows(data):
        table.add_row(*row)
    return table


def _component_table(items: list[ErrorItem]) -> Table:
    table = Table(title="Errors by component")
    table.add_column("component")
    table.add_column("errors", justify="right")
    table.add_column("kinds")
    for component, kinds in by_component(items).items():
        table.add_row(component, str(sum(kinds.values())), ", ".join(f"{k}: {n}" for k, n in kinds.most_common()))
    return table


def _error_lines(items: list[ErrorItem]) -> list[Text]:
    """Every error as a short block: a list reads better than a table in a narrow terminal."""
    out = [Text("Every miss, false alarm and wrong field", style="bold")]
    for it in items:
        block = Text()
        block.append(f"✗ {it.doc_id} {it.gold_id or ''}".rstrip(), style="bold")
        block.append(f"  {it.component}: {it.kind}\n", style="red")
        block.append(f"    produced: {_show(it.got)}   expected: {_show(it.expected)}")
        if it.what:
            block.append(f"\n    gold: {it.what}", style="dim")
        for evidence in it.evidence[:3]:
            block.append(f"\n    evidence: “{evidence}”", style="cyan")
        out.append(block)
    return out


def _show(value: Any) -> str:
    if isinstance(value, list):
        return " / ".join(str(v) for v in value if v) or "–"
    return "–" if value is None or value == "" else str(value)


def tables(result: Score) -> Group:
    """The terminal view: headline numbers, field accuracy, confusion, components, every error."""
    head = Table(title=f"Events ({result.docs} gold documents)")
    for name in ("precision", "recall", "F1", "matched", "false alarms", "missed"):
        head.add_column(name, justify="right")
    head.add_row(f"{result.precision:.3f}", f"{result.recall:.3f}", f"{result.f1:.3f}",
                 str(result.tp), str(result.fp), str(result.fn))
    fields = Table(title="Field accuracy on matched events")
    fields.add_column("field")
    fields.add_column("accuracy", justify="right")
    for f, (right, n) in result.field_counts().items():
        fields.add_row(FIELD_LABELS[f], _pct(right, n))
    items = errors(result)
    parts: list[Any] = [head, fields, _reliability_table(result), _confusion_table(result), _component_table(items)]
    if items:
        parts += _error_lines(items)
    if result.unscored_predictions:
        parts.append(f"[dim]{result.unscored_predictions} produced events belong to no gold document: not scored[/dim]")
    return Group(*parts)


def print_score(result: Score, console: Console | None = None) -> None:
    """Print :func:`tables` to the terminal."""
    (console or Console()).print(tables(result))


def _md_row(cells: list[Any]) -> str:
    return "| " + " | ".join(str(c).replace("|", "\\|") for c in cells) + " |"


def markdown(name: str, result: Score) -> str:
    """One gold set's section of docs/evaluation.md: scores, confusion, errors by component and each error."""
    items = errors(result)
    lines = [f"### {name}", "",
             f"{result.docs} document(s); {result.tp + result.fn} required gold events; "
             f"{result.tp + result.fp} produced events scored.", "",
             _md_row(["precision", "recall", "F1", "matched", "false alarms", "missed"]), "|---:" * 6 + "|",
             _md_row([f"{result.precision:.3f}", f"{result.recall:.3f}", f"{result.f1:.3f}",
                      result.tp, result.fp, result.fn]), "",
             _md_row(["field", "accuracy on matched events"]), "|---|---:|"]
    lines += [_md_row([FIELD_LABELS[f], _pct(a, n)]) for f, (a, n) in result.field_counts().items()]
    data = summary(result)
    lines += ["", headline(data), "", _md_row(["confidence", "records", "mean confidence", "no correction"]), "|---:" * 4 + "|"]
    lines += [_md_row(row) for row in reliability_rows(data)]
    lines += ["", _md_row(["component", "errors", "kinds"]), "|---|---:|---|"]
    for component, kinds in by_component(items).items():
        lines.append(_md_row([component, sum(kinds.values()), ", ".join(f"{k}: {n}" for k, n in kinds.most_common())]))
    if result.confusion:
        types = sorted({t for pair in result.confusion for t in pair} - {NO_EVENT}) + [NO_EVENT]
        lines += ["", _md_row(["gold \\ produced", *types]), "|---" + "|---:" * len(types) + "|"]
        lines += [_md_row([g, *[result.confusion.get((g, p), 0) or "·" for p in types]]) for g in types]
    if items:
        lines += ["", "<details><summary>Every error</summary>", "",
                  _md_row(["doc", "event", "component", "error", "produced", "expected"]), "|---" * 6 + "|"]
        lines += [_md_row([it.doc_id, it.gold_id or "", it.component, it.kind, _show(it.got), _show(it.expected)])
                  for it in items]
        lines += ["", "</details>"]
    return "\n".join(lines) + "\n"

