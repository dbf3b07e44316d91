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

from rasd.cli.filters import with_filter_options
from rasd.cli.store import DbOption, cli_store
from rasd.store.filters import EventFilter

__all__ = ["register"]

Opt = typer.Option


def register(app: typer.Typer) -> None:
    """Add ``rasd export`` to the ``rasd`` app."""
    app.command("export")(export_command)


@with_filter_options
def export_command(
    fmt: Annotated[str, Opt("--format", "-f", metavar="FORMAT", help="acled-csv, geojson, jsonl, xlsx, parquet or casualties-csv (and plugins').")] = "acled-csv",
    out: Annotated[Path | None, Opt("--out", "-o", metavar="FILE", help="Write here (default: stdout).", show_default=False)] = None,
    db: DbOption = None,
    *,
    f: EventFilter,
) -> None:
    """Export events, streaming (memory stays flat for any number of events).

    ACLED CSV has ACLED's 31 columns in ACLED's order, ACLED's conventions
    (deaths reported without a number coded 3 or 10, vague counts), stable
    event_id_cnty values, and a UTF-8 BOM so Excel shows Arabic correctly.
    The filter options mean what the filter means in the API, the web app,
    subscriptions and audit samples (docs/filters.md).

    [bold]Examples[/bold]

    [green]rasd export --format acled-csv --country Syria --from 2021 -o syria.csv[/green]
    [green]rasd export -f geojson --bbox 39.5,34.5,41,36 -o deir-ez-zor.geojson[/green]
    [green]rasd export -f casualties-csv -o register.csv[/green]
    """
    from rasd.errors import RasdError
    from rasd.export import export, get_exporter

    try:
        get_exporter(fmt)
    except RasdError as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(2) from None
    from rasd.store.engine import redact

    with cli_store(db) as store:
        if out is None:
            n = export(store, fmt, sys.stdout.buffer, f)
            sys.stdout.buffer.flush()
        else:
            n = write_atomically(out, lambda fh: export(store, fmt, fh, f))
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
