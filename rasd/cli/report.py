"""``rasd report``: a quality report over extracted events (a JSON Lines file or the store)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer

from rasd.cli.store import DbOption, cli_store

__all__ = ["register", "report_command"]

Opt = typer.Option


def register(app: typer.Typer) -> None:
    """Add ``rasd report`` to the ``rasd`` app."""
    app.command("report")(report_command)


def report_command(
    events: Annotated[
        Path | None,
        typer.Argument(metavar="[EVENTS]", help="Events JSONL, as `rasd extract` writes them. Without it: the store (--db).", show_default=False),
    ] = None,
    docs: Annotated[
        list[Path] | None,
        Opt("--docs", "-d", metavar="DOCS.jsonl", help="The documents the events come from (repeatable): counts articles without events and events placed abroad.", show_default=False),
    ] = None,
    as_json: Annotated[bool, Opt("--json", help="Print every figure as JSON instead of Markdown.")] = False,
    top: Annotated[int, Opt("--top", min=1, help="How many of the largest tolls to list.")] = 10,
    quote: Annotated[bool, Opt("--quote/--no-quote", help="Quote the evidence of the largest tolls (--no-quote: offsets only, for reports you publish).")] = True,
    title: Annotated[str, Opt("--title", help="The report's heading.")] = "Quality report",
    db: DbOption = None,
) -> None:
    """The figures that tell how the machine does on an archive, without gold.

    The distribution of death tolls and injuries with the largest records and
    the spans their tolls were read from, the share of each sub-type, the share
    of events without actor2, place or date, events per article, the confidence
    spread and the events placed in a country their article never names.

    [bold]Examples[/bold]

    [green]rasd extract corpus.jsonl > events.jsonl && rasd report events.jsonl --docs corpus.jsonl[/green]
    [green]rasd report --db events.db --json > quality.json[/green]
    """
    from rasd.errors import RasdError
    from rasd.evaluate.quality import quality
    from rasd.evaluate.quality_io import from_jsonl, from_store
    from rasd.evaluate.quality_render import quality_json, quality_markdown

    try:
        if events is not None:
            found, texts = from_jsonl(events, docs or [])
        else:
            with cli_store(db) as store:
                found, texts = from_store(store)
        q = quality(found, texts, top=top)
    except RasdError as exc:
        typer.echo(f"rasd report: {exc}", err=True)
        raise typer.Exit(2) from exc
    if as_json:
        typer.echo(json.dumps(quality_json(q), ensure_ascii=False, indent=2))
    else:
        typer.echo(quality_markdown(q, title, quote=quote), nl=False)
