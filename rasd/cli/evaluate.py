"""``rasd eval``: score extraction against hand-coded gold events."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer

__all__ = ["register", "eval_command"]

_HELP = """Score Rasd's events against gold events coded by hand.

Runs extraction on each gold document (or reads --predictions instead) and
prints event precision/recall/F1, per-field accuracy, a confusion table of
event types, errors by pipeline component and every miss and false alarm
with its evidence.

Examples:

  rasd eval ../shared/examples/alhal-2021-04-06-liwa-al-quds.gold.json

  rasd eval --gold ../shared/corpus/dev-gold.jsonl --docs ../shared/corpus/aljazeera-leads.jsonl

  rasd eval --gold dev-gold.jsonl --predictions events.jsonl --json

  rasd eval --gold ../shared/corpus/dev2-ant-gold.jsonl --docs ../shared/corpus/ant-conflict-news.jsonl --half held

--half scores one half of a gold set split by a hash of doc_id: write rules
looking at "tune" only; "held" predicts what unseen news will show.
"""


def eval_command(
    gold_args: Annotated[
        list[Path] | None,
        typer.Argument(metavar="[GOLD]...", help="Gold files (*.gold.json, or JSONL of gold documents)."),
    ] = None,
    gold: Annotated[
        list[Path] | None,
        typer.Option("--gold", "-g", help="A gold file (repeatable); same as giving it as an argument."),
    ] = None,
    docs: Annotated[
        list[Path] | None,
        typer.Option("--docs", "-d", help="Documents JSONL giving the texts by doc_id (repeatable)."),
    ] = None,
    predictions: Annotated[
        Path | None,
        typer.Option("--predictions", "-p", help="Score these events (JSONL, one event a line) instead of extracting."),
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the full result as JSON.")] = False,
    half: Annotated[
        str | None,
        typer.Option("--half", help="Score only one half of the gold documents, split by a hash of doc_id: tune or held."),
    ] = None,
) -> None:
    from rasd.errors import RasdError
    from rasd.evaluate import evaluate, print_score, to_json

    files = [*(gold_args or []), *(gold or [])]
    if not files:
        raise typer.BadParameter("give at least one gold file", param_hint="GOLD / --gold")
    try:
        result = evaluate(files, docs=docs or [], predictions=predictions, progress=not as_json, half=half)
    except RasdError as exc:
        typer.echo(f"rasd eval: {exc}", err=True)
        raise typer.Exit(2) from exc
    if as_json:
        typer.echo(json.dumps(to_json(result), ensure_ascii=False, indent=2))
    else:
        print_score(result)


def register(app: typer.Typer) -> None:
    """Add ``rasd eval`` to the app."""
    app.command("eval", help=_HELP, no_args_is_help=True)(eval_command)
