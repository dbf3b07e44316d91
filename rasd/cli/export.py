"""``rasd export``: stored events out as ACLED CSV, GeoJSON, JSON Lines, XLSX, Parquet, or the casualty register.

A thin command over :func:`rasd.export.export`; formats come from plugins.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Annotated, BinaryIO

import typer

from rasd.cli.store import DbOption, cli_store

__all__ = ["register"]

Opt = typer.Option


def register(app: typer.Typer) -> None:
    """Add ``rasd export`` to the ``rasd`` app."""
    app.command("export")(export_command)


def export_command(
    fmt: Annotated[str, Opt("--format", "-f", metavar="FORMAT", help="acled-csv, geojson, jsonl, xlsx, parquet or casualties-csv (and plugins').")] = "acled-csv",
    out: Annotated[Path | None, Opt("--out", "-o", metavar="FILE", help="Write here (default: stdout).", show_default=False)] = None,
    country: Annotated[list[str] | None, Opt(help="Only this country (ACLED name; repeat for any of several).", show_default=False)] = None,
    admin1: Annotated[list[str] | None, Opt(help="Only this governorate/state (repeatable).", show_default=False)] = None,
    event_type: Annotated[list[str] | None, Opt("--event-type", help="Only this event type (repeatable).", show_default=False)] = None,
    sub_event_type: Annotated[list[str] | None, Opt("--sub-event-type", help="Only this sub-event type (repeatable).", show_default=False)] = None,
    actor: Annotated[list[str] | None, Opt(help="Only events with an actor whose name contains this, any case (repeatable).", show_default=False)] = None,
    date_from: Annotated[str | None, Opt("--from", metavar="YYYY[-MM[-DD]]", help="First day (a year or month: its first day).", show_default=False)] = None,
    date_to: Annotated[str | None, Opt("--to", metavar="YYYY[-MM[-DD]]", help="Last day, inclusive (a year or month: its last day).", show_default=False)] = None,
    min_fatalities: Annotated[int | None, Opt("--min-fatalities", help="At least this many deaths by ACLED's coded figure (no number reported: 3 or 10).", show_default=False)] = None,
    bbox: Annotated[str | None, Opt(metavar="W,S,E,N", help="Only events inside this box (degrees).", show_default=False)] = None,
    review_status: Annotated[list[str] | None, Opt("--review-status", help="Only this review status (repeatable; default: all but rejected).", show_default=False)] = None,
    db: DbOption = None,
) -> None:
    """Export events, streaming (memory stays flat for any number of events).

    ACLED CSV has ACLED's 31 columns in ACLED's order, ACLED's conventions
    (deaths reported without a number coded 3 or 10, vague counts), stable
    event_id_cnty values, and a UTF-8 BOM so Excel shows Arabic correctly.
    The filter means what it means in the API, the web app and subscriptions
    (docs/filters.md).

    [bold]Examples[/bold]

    [green]rasd export --format acled-csv --country Syria --from 2021 -o syria.csv[/green]
    [green]rasd export -f geojson --bbox 39.5,34.5,41,36 -o deir-ez-zor.geojson[/green]
    [green]rasd export -f casualties-csv -o register.csv[/green]
    """
    from rasd.errors import RasdError
    from rasd.export import export, get_exporter
    from rasd.store import EventFilter

    try:
        get_exporter(fmt)
        query = EventFilter.parse({
            "country": country, "admin1": admin1, "event_type": event_type, "sub_event_type": sub_event_type, "actor": actor,
            "date_from": date_from, "date_to": date_to, "min_fatalities": min_fatalities, "bbox": bbox, "review_status": review_status,
        })
    except RasdError as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(2) from None
    from rasd.store.engine import redact

    with cli_store(db) as store:
        if out is None:
            n = export(store, fmt, sys.stdout.buffer, query)
            sys.stdout.buffer.flush()
        else:
            n = write_atomically(out, lambda fh: export(store, fmt, fh, query))
        typer.echo(f"{n} rows exported from {redact(store.url)}{f' to {out}' if out else ''}", err=True)


def write_atomically(out: Path, write: Callable[[BinaryIO], int]) -> int:
    """Write ``out`` through a temporary file beside it, so a failed export leaves no partial or empty file."""
    part = out.with_name(f".{out.name}.part")
    try:
        with part.open("wb") as fh:
            n = write(fh)
        os.replace(part, out)
    finally:
        part.unlink(missing_ok=True)
    return n
