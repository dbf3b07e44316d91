"""``rasd batch`` (code an archive into partitioned Parquet, on Dask) and ``rasd load`` (into the store).

Thin commands over :mod:`rasd.engine`. Both need pyarrow (the ``parquet``
extra, ``pip install 'rasd[parquet]'``); ``--engine dask`` also needs Dask
(``pip install 'rasd[dask]'``). Without them they print that hint, not a
traceback.
"""

from __future__ import annotations

import json
from enum import Enum
from pathlib import Path
from typing import Annotated, Any

import typer

from rasd.cli.store import DbOption, cli_store
from rasd.errors import RasdError

__all__ = ["Engine", "batch_command", "load_command", "register"]

_HINT = "error: rasd batch and rasd load need pyarrow: pip install 'rasd[parquet]' (and 'rasd[dask]' for --engine dask)"


class Engine(str, Enum):
    """What ``--engine`` accepts."""

    local = "local"
    dask = "dask"


def register(app: typer.Typer) -> None:
    """Add ``batch`` and ``load`` to the ``rasd`` app."""
    app.command("batch", no_args_is_help=True)(batch_command)
    app.command("load", no_args_is_help=True)(load_command)


def _engine_module() -> Any:
    try:
        import rasd.engine
    except ImportError:
        typer.echo(_HINT, err=True)
        raise typer.Exit(1) from None
    return rasd.engine


def batch_command(
    inputs: Annotated[list[str], typer.Argument(help="JSON Lines (.jsonl, .jsonl.gz) and Parquet files, or folders of them.", metavar="INPUT...", show_default=False)],
    out: Annotated[str, typer.Option("--out", metavar="DIR", help="Output folder (created; re-running into it resumes).", show_default=False)],
    engine: Annotated[Engine, typer.Option("--engine", help="dask: a cluster of worker processes; local: this process (small jobs, the reference).")] = Engine.dask,
    scheduler: Annotated[str | None, typer.Option("--scheduler", metavar="tcp://HOST:PORT", envvar="RASD_DASK_SCHEDULER", help="An existing Dask scheduler. Default: a LocalCluster on this machine.", show_default=False)] = None,
    partitions: Annotated[int | None, typer.Option("--partitions", min=1, metavar="N", help="Number of partitions. Default: one per 32 MB of input.", show_default=False)] = None,
    workers: Annotated[int | None, typer.Option("--workers", min=1, metavar="N", help="LocalCluster worker processes. Default: one per core.", show_default=False)] = None,
    memory_limit: Annotated[str, typer.Option("--memory-limit", metavar="SIZE", help="LocalCluster memory per worker; a worker over it is restarted and its task retried.")] = "2GiB",
    merge: Annotated[bool, typer.Option("--merge/--no-merge", help="Merge reports of the same event across the archive.")] = True,
    as_json: Annotated[bool, typer.Option("--json", help="Print the run summary as JSON.")] = False,
) -> None:
    """Code a news archive into events, in parallel, as partitioned Parquet with a manifest.

    Writes OUT/events (by year, month and country), OUT/documents (by year and
    month), OUT/merged (reports of one event joined, with their sources) and
    OUT/manifest.json. Partitions are written atomically; running the same
    command again skips the partitions already done.

    [bold]Examples[/bold]

    [green]rasd batch archive/ --out coded/[/green]
      a LocalCluster with one worker per core
    [green]rasd batch shards/*.jsonl.gz --out coded/ --scheduler tcp://10.0.0.5:8786[/green]
      an existing cluster (every worker needs rasd installed and the paths readable)
    [green]rasd batch feed.jsonl --out coded/ --engine local[/green]
      in this process, without Dask

    Exit code: 0 every record coded, 1 some records failed (listed in the manifest) or the run failed.
    """
    eng = _engine_module()
    options = eng.BatchOptions(
        engine=engine.value, scheduler=scheduler, partitions=partitions, workers=workers, memory_limit=memory_limit, merge=merge,
    )
    try:
        summary = eng.run_batch(inputs, out, options)
    except RasdError as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(1) from None
    if as_json:
        typer.echo(json.dumps(summary, ensure_ascii=False))
    else:
        run, parts, t = summary["this_run"], summary["partitions"], summary["timings"]
        typer.echo(
            f"partitions: {parts['run']} run, {parts['skipped']} already done (of {parts['total']}) on {summary['workers']} worker(s)\n"
            f"documents: {run['documents']} coded, {run['failed']} failed; events: {run['events']}\n"
            f"merged events: {(summary['merge'] or {}).get('events', '–')}\n"
            f"time: {t['total_s']:.1f}s ({t['docs_per_s']} documents/s extracting); manifest: {Path(out) / 'manifest.json'}"
        )
    raise typer.Exit(1 if summary["this_run"]["failed"] else 0)


def load_command(
    folder: Annotated[str, typer.Argument(help="A folder written by rasd batch.", metavar="DIR", show_default=False)],
    db: DbOption = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the counts as JSON.")] = False,
) -> None:
    """Load a finished batch into the event store (idempotent: loading again changes nothing).

    Documents go through the same unit of work as [bold]rasd ingest[/bold], so the
    store merges their events with its own rule; failed records become dead letters.

    [green]rasd load coded/ --db events.db[/green]
    """
    eng = _engine_module()
    with cli_store(db) as store:
        counts = eng.load_batch(folder, store)
    if as_json:
        typer.echo(json.dumps(counts))
    else:
        typer.echo(
            f"documents: {counts['new']} new, {counts['changed']} changed, {counts['unchanged']} unchanged, {counts['failed']} failures recorded\n"
            f"events: {counts['events_created']} created, {counts['events_merged']} merged into existing"
        )
