"""``rasd extract``: articles in, events out (JSON Lines, a JSON array or a table).

Thin on purpose: reading is :func:`rasd.ingest.read_local` (feed files as
feeds, as ``rasd ingest`` reads them, without fetching pages), extraction is
:func:`rasd.analyse`; this module only parses options, streams results and
turns per-document failures into one stderr line each.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Iterable
from dataclasses import asdict
from datetime import date
from enum import Enum
from typing import Annotated, Any

import typer

from rasd.errors import InputError, RasdError

__all__ = ["OutputFormat", "extract_command", "register"]


class OutputFormat(str, Enum):
    """What ``--format`` accepts."""

    jsonl = "jsonl"
    json = "json"
    table = "table"


def register(app: typer.Typer) -> None:
    """Add ``extract`` to the ``rasd`` app."""
    app.command("extract", no_args_is_help=True)(extract_command)


def _parse_published(value: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise typer.BadParameter(f"expected YYYY-MM-DD, got {value!r}") from None


def extract_command(
    paths: Annotated[
        list[str],
        typer.Argument(
            help="Files (.txt, .html, .jsonl; feeds .rss/.atom/.xml), directories of them, or [bold]-[/bold] for stdin. "
            "With [bold]--text[/bold]: the article texts themselves.",
            show_default=False,
            metavar="PATH",
        ),
    ],
    published: Annotated[
        date | None,
        typer.Option(
            "--published",
            parser=_parse_published,
            metavar="YYYY-MM-DD",
            help="Publication date: anchors relative dates (أمس، فجر اليوم). Overrides the documents' own.",
            show_default=False,
        ),
    ] = None,
    source: Annotated[
        str | None,
        typer.Option("--source", metavar="NAME", help="Source name put on every event. Overrides the documents' own.", show_default=False),
    ] = None,
    output: Annotated[
        OutputFormat,
        typer.Option("--format", "-f", help="jsonl: one event per line; json: documents with cleaned text, events and facts; table: for reading."),
    ] = OutputFormat.jsonl,
    as_text: Annotated[
        bool, typer.Option("--text", help="Treat the arguments as article text instead of paths.")
    ] = False,
) -> None:
    """Extract ACLED-style conflict events from Arabic news articles.

    Each event carries ACLED's fields plus [bold]evidence[/bold]: for each field, the
    character spans ({start, end, text}) in the cleaned text that support it.
    A sibling [italic]ARTICLE.meta.json[/italic] supplies doc_id, published, source and title.

    [bold]Examples[/bold]

    [green]rasd extract article.txt --published 2021-04-06[/green]
      events of one article, one JSON object per line

    [green]rasd extract saved-page.html --format table[/green]
      a page saved from a browser, as a readable table

    [green]rasd extract corpus.jsonl > events.jsonl[/green]
      JSON Lines of {doc_id, text | html, published, source, url, title}

    [green]rasd extract articles/ --format json[/green]
      every .txt/.html/.jsonl in a folder, with the cleaned text the offsets index into

    [green]cat page.html | rasd extract - --source "Enab Baladi"[/green]
      read stdin (text or HTML)

    [green]rasd extract --text "قُتل مدنيان بقصف مدفعي على بلدة كفرنبل"[/green]

    A bad input (empty, binary, malformed line…) prints one [italic]error:[/italic] line on
    stderr and the rest are still processed. Exit code: 0 all read, 1 some item failed, 2 usage error.
    """
    from rasd.ingest import read_local, read_texts

    read = read_texts if as_text else read_local
    docs = read(paths, published=published, source=source)
    try:
        failed = _run(docs, output)
    except BrokenPipeError:
        sys.stdout = None  # reader went away (`| head`): stop quietly
        raise typer.Exit(0) from None
    raise typer.Exit(1 if failed else 0)


def _run(docs: Iterable[Any], output: OutputFormat) -> bool:
    """Extract every document and print it as soon as it is done; True if any item failed."""
    import rasd

    printer = _PRINTERS[output]()
    failed = False
    for doc in docs:
        if isinstance(doc, InputError):
            failed = _fail(str(doc))
            continue
        for warning in doc.warnings:
            typer.echo(f"warning: {doc.origin}: {warning}", err=True)
        try:
            result = rasd.analyse(
                doc.text, published=doc.published, doc_id=doc.doc_id, source=doc.source, title=doc.title, url=doc.url
            )
        except InputError as exc:
            failed = _fail(f"{doc.origin}: {exc.message}")
            continue
        except RasdError as exc:  # the pipeline itself is broken (data file, assembly): stop
            printer.close()
            _fail(str(exc))
            raise typer.Exit(1) from None
        except Exception as exc:  # noqa: BLE001 - one document hitting a bug must not lose the batch
            failed = _fail(f"{doc.origin}: internal error, please report it ({type(exc).__name__}: {exc})")
            continue
        _warn_undated(doc, result)
        printer.document(result)
    printer.close()
    return failed


def _warn_undated(doc: Any, result: Any) -> None:
    """One line for a document with no publication date whose events the text alone could not date."""
    undated = sum(1 for event in result.events if not event.event_date)
    if doc.published is None and undated:
        typer.echo(
            f"warning: {doc.origin}: no publication date (none in the page, a .meta.json or the feed); "
            f"{undated} event(s) have no date: pass --published YYYY-MM-DD", err=True,
        )


def _fail(message: str) -> bool:
    typer.echo(f"error: {message}", err=True)
    return True


def _event_dicts(result: Any) -> list[dict[str, Any]]:
    return [event.to_dict() for event in result.events]


def _dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, default=str)


class _JsonLines:
    """One event per line, flushed per document so a pipe sees results as they come."""

    def document(self, result: Any) -> None:
        for event in _event_dicts(result):
            sys.stdout.write(_dumps(event) + "\n")
        sys.stdout.flush()

    def close(self) -> None:
        sys.stdout.flush()


class _JsonArray:
    """A JSON array of documents, written element by element (nothing held back)."""

    def __init__(self) -> None:
        self.count = 0

    def document(self, result: Any) -> None:
        record = {
            "doc_id": result.doc_id,
            "published": result.published.isoformat() if result.published else None,
            "source": result.source,
            "title": result.title,
            "url": result.url,
            "text": result.text,
            "events": _event_dicts(result),
            "facts": [asdict(fact) for fact in result.facts],
        }
        sys.stdout.write(("[\n" if self.count == 0 else ",\n") + _dumps(record))
        sys.stdout.flush()
        self.count += 1

    def close(self) -> None:
        sys.stdout.write("[]\n" if self.count == 0 else "\n]\n")
        sys.stdout.flush()


class _Table:
    """A rich table per document, for people reading a terminal."""

    def __init__(self) -> None:
        from rich.console import Console

        self.console = Console()

    def document(self, result: Any) -> None:
        from rich.markup import escape
        from rich.table import Table

        title = escape(f"{result.doc_id}: {result.title}" if result.title else str(result.doc_id))
        if not result.events:
            self.console.print(f"[bold]{title}[/bold]: no events found")
            return
        table = Table(title=title, title_justify="left", show_lines=True)
        for column in ("date", "type / sub-type", "actors", "location", "killed / injured", "conf."):
            table.add_column(column, overflow="fold")
        for event in result.events:
            table.add_row(
                _when(event), escape(f"{event.event_type}\n") + f"[dim]{escape(str(event.sub_event_type))}[/dim]",
                _actors(event, escape), _where(event, escape), f"{_count(event.fatalities, event.fatalities_known)} / {_count(event.injuries, event.injuries_known)}",
                f"{event.confidence:.2f}",
            )
        self.console.print(table)

    def close(self) -> None:
        """Tables are printed per document: nothing is pending."""


def _when(event: Any) -> str:
    precision = {2: " (±week)", 3: " (month)"}.get(event.time_precision or 1, "")
    return f"{event.event_date}{precision}" if event.event_date else "date unknown"


def _actors(event: Any, escape: Callable[[str], str]) -> str:
    lines = [escape(event.actor1 or "?")]
    if event.assoc_actor_1:
        lines.append(f"[dim]with {escape(event.assoc_actor_1)}[/dim]")
    if event.actor2:
        lines.append(f"vs {escape(event.actor2)}")
    if event.assoc_actor_2:
        lines.append(f"[dim]with {escape(event.assoc_actor_2)}[/dim]")
    return "\n".join(lines)


def _where(event: Any, escape: Callable[[str], str]) -> str:
    place = escape(event.location or event.location_ar or "?")
    region = escape(", ".join(p for p in (event.admin1, event.country) if p))
    return f"{place}\n[dim]{region}[/dim]" if region else place


def _count(value: int | None, known: bool) -> str:
    """ACLED counts honestly: a number, "?" for reported-but-unknown, "-" for none mentioned."""
    if value is None:
        return "?" if not known else "-"
    return str(value)


_PRINTERS: dict[OutputFormat, Any] = {OutputFormat.jsonl: _JsonLines, OutputFormat.json: _JsonArray, OutputFormat.table: _Table}
