"""``rasd ingest``, ``watch``, ``failures``, ``retry``, ``sources``, ``db`` and ``search``.

Thin commands over :mod:`rasd.ingest` and :mod:`rasd.store`. Every command
takes ``--db`` (a path or a SQLAlchemy URL; default ``$RASD_DB``, then
``rasd.db`` in the user data directory). Expected failures — a bad
database URL, a missing driver — are :class:`~rasd.store.StoreError` and
end as one ``error:`` line with exit code 1, never a traceback.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date
from typing import Annotated, Any

import typer

from rasd.errors import RasdError

__all__ = ["DbOption", "cli_store", "register"]

DbOption = Annotated[
    str | None,
    typer.Option("--db", metavar="PATH|URL", envvar="RASD_DB", help="Database file or URL (sqlite:///…, postgresql+psycopg://…). Default: rasd.db in the user data directory.", show_default=False),
]
sources_app = typer.Typer(help="Outlets and feeds that [bold]rasd watch[/bold] polls.", no_args_is_help=True)
db_app = typer.Typer(help="Create, upgrade and inspect the database.", no_args_is_help=True)


def register(app: typer.Typer) -> None:
    """Add the store and ingest commands to the ``rasd`` app."""
    app.command("ingest", no_args_is_help=True)(ingest_command)
    app.command("watch")(watch_command)
    app.command("failures")(failures_command)
    app.command("retry")(retry_command)
    app.command("search", no_args_is_help=True)(search_command)
    app.add_typer(sources_app, name="sources")
    app.add_typer(db_app, name="db")


@contextmanager
def cli_store(db: str | None, *, migrate: bool = True) -> Iterator[Any]:
    """Open the store; turn Rasd's errors into one line and exit code 1."""
    from rasd.store import open_store

    try:
        store = open_store(db, migrate=migrate)
    except RasdError as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(1) from None
    try:
        yield store
    except RasdError as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(1) from None
    finally:
        store.close()


def _progress(total: int | None) -> Any:
    from rich.console import Console
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        TextColumn,
        TimeElapsedColumn,
        TimeRemainingColumn,
    )

    return Progress(
        TextColumn("[bold]ingest"), BarColumn(), MofNCompleteColumn(), TextColumn("{task.fields[stats]}"),
        TimeElapsedColumn(), TimeRemainingColumn(), console=Console(stderr=True), transient=False,
    )


def _print_summary(summary: Any, as_json: bool) -> None:
    data = summary.as_dict()
    if as_json:
        typer.echo(json.dumps(data, ensure_ascii=False))
        return
    typer.echo(
        f"documents: {data['documents']} ({data['new']} new, {data['changed']} changed, {data['unchanged']} unchanged, {data['failed']} failed)\n"
        f"events: {data['events_created']} created, {data['events_merged']} merged into existing, {data['events_removed']} removed\n"
        f"time: {data['seconds']:.1f}s, {data['docs_per_second']} documents/s"
    )
    if summary.failed:
        typer.echo("failures are kept: see [rasd failures], reprocess with [rasd retry]")
    for warning in summary.warnings:
        typer.echo(f"warning: {warning}", err=True)


def _run_with_progress(fn: Callable[[Callable[[str], None] | None], Any], total: int | None, show: bool) -> Any:
    if not show:
        return fn(None)
    counts: dict[str, int] = {}
    with _progress(total) as bar:
        task = bar.add_task("ingest", total=total, stats="")

        def tick(outcome: str) -> None:
            counts[outcome] = counts.get(outcome, 0) + 1
            bar.update(task, advance=1, stats=" ".join(f"{k} {v}" for k, v in sorted(counts.items())))

        return fn(tick)


def ingest_command(
    inputs: Annotated[list[str], typer.Argument(help="Files (.txt/.html/.jsonl), folders, feeds (.rss/.atom/.xml), http(s) URLs of feeds or pages, or - for stdin.", metavar="PATH|URL", show_default=False)],
    db: DbOption = None,
    published: Annotated[str | None, typer.Option("--published", metavar="YYYY-MM-DD", help="Publication date for documents that have none.", show_default=False)] = None,
    source: Annotated[str | None, typer.Option("--source", metavar="NAME", help="Source name for every document.", show_default=False)] = None,
    force: Annotated[bool, typer.Option("--force", help="Re-extract documents even if unchanged.")] = False,
    progress: Annotated[bool, typer.Option("--progress/--no-progress", help="Show a progress bar on stderr.")] = True,
    as_json: Annotated[bool, typer.Option("--json", help="Print the summary as JSON.")] = False,
) -> None:
    """Read documents, extract their events and store them, merging reports of the same event.

    Idempotent: a document already stored with the same content and extraction
    version is skipped; a changed one is re-extracted (events a person approved
    or corrected are never touched). Each document is one transaction, so an
    interrupted run can simply be run again. Bad input becomes a dead letter
    and the run goes on.

    [bold]Examples[/bold]

    [green]rasd ingest corpus.jsonl[/green]
    [green]rasd ingest articles/ --db events.db[/green]
    [green]rasd ingest https://example.org/rss.xml[/green]
      a feed: its entries (pages fetched when the entry is only a teaser)

    Exit code: 0 everything stored, 1 some input failed (see rasd failures).
    """
    from rasd.ingest.run import expand_inputs, ingest

    day = _parse_day(published)
    with cli_store(db) as store:
        total = expand_inputs(inputs) if progress else None
        summary = _run_with_progress(
            lambda tick: ingest(inputs, store, published=day, source=source, force=force, progress=tick), total, progress
        )
    _print_summary(summary, as_json)
    raise typer.Exit(1 if summary.failed else 0)


def _parse_day(value: str | None) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise typer.BadParameter(f"expected YYYY-MM-DD, got {value!r}", param_hint="--published") from None


def watch_command(
    db: DbOption = None,
    interval: Annotated[float, typer.Option("--interval", min=0.0, help="Seconds between polling cycles (each source also has its own poll interval).")] = 60.0,
    cycles: Annotated[int | None, typer.Option("--cycles", min=1, help="Stop after this many cycles (default: run until interrupted).", show_default=False)] = None,
) -> None:
    """Poll the configured sources (see [bold]rasd sources[/bold]) and ingest what is new.

    Feeds and pages are fetched with conditional GET, politely rate-limited per host.

    [green]rasd sources add aljazeera https://example.org/rss.xml --scale International[/green]
    [green]rasd watch --interval 300[/green]
    """
    from rasd.ingest.watch import watch

    def report(result: Any) -> None:
        s = result.summary.as_dict()
        typer.echo(
            f"polled {len(result.polled)} source(s) ({len(result.not_modified)} unchanged): "
            f"{s['new']} new, {s['changed']} changed, {s['failed']} failed documents; {s['events_created']} events created, {s['events_merged']} merged",
            err=True,
        )

    with cli_store(db) as store:
        if not store.sources(enabled_only=True):
            typer.echo("error: no sources configured; add one with: rasd sources add NAME URL", err=True)
            raise typer.Exit(1)
        try:
            watch(store, interval=interval, cycles=cycles, on_cycle=report)
        except KeyboardInterrupt:
            typer.echo("stopped", err=True)


def failures_command(
    db: DbOption = None,
    all_: Annotated[bool, typer.Option("--all", help="Include resolved dead letters.")] = False,
    as_json: Annotated[bool, typer.Option("--json", help="One JSON object per line.")] = False,
) -> None:
    """List input that could not be ingested (dead letters), with the reason and the origin."""
    with cli_store(db) as store:
        rows = store.failures(include_resolved=all_)
    for f in rows:
        if as_json:
            typer.echo(json.dumps({"id": f.id, "origin": f.origin, "reason": f.reason, "source": f.source, "created_at": f.created_at.isoformat(), "retries": f.retries, "resolved": f.resolved}, ensure_ascii=False))
        else:
            state = " (resolved)" if f.resolved else ""
            reason = f.reason.replace("\n", "\n    ")  # the first reason, then the latest attempt
            typer.echo(f"#{f.id} {f.created_at:%Y-%m-%d %H:%M} {f.origin}: {reason} [retries {f.retries}]{state}")
    if not rows and not as_json:
        typer.echo("no failures", err=True)


def retry_command(
    ids: Annotated[list[int] | None, typer.Argument(help="Dead-letter ids (default: all unresolved).", show_default=False)] = None,
    db: DbOption = None,
) -> None:
    """Reprocess dead letters from their origin; resolved ones leave [bold]rasd failures[/bold]."""
    from rasd.ingest.retry import retry_failures
    from rasd.ingest.run import Ingester

    with cli_store(db) as store:
        results = retry_failures(Ingester(store), ids or ())
    for r in results:
        typer.echo(f"#{r.id} {r.origin}: " + ("resolved" if r.resolved else f"failed again: {r.reason}"))
    raise typer.Exit(0 if all(r.resolved for r in results) else 1)


def search_command(
    query: Annotated[str, typer.Argument(help='Words that must all occur (Arabic spelling variants match); "quoted phrases" as is.', show_default=False)],
    db: DbOption = None,
    limit: Annotated[int, typer.Option("--limit", "-n", min=1, help="Most results shown.")] = 20,
    as_json: Annotated[bool, typer.Option("--json", help="One JSON object per line.")] = False,
) -> None:
    """Full-text search over stored documents, newest first.

    [green]rasd search "غارة جباليا"[/green]
    """
    with cli_store(db) as store:
        hits = store.search(query, limit=limit)
    for h in hits:
        if as_json:
            typer.echo(json.dumps({"doc_id": h.doc_key, "published": h.published, "source": h.source, "title": h.title, "url": h.url, "snippet": h.snippet}, ensure_ascii=False))
        else:
            typer.echo(f"{h.published or '?'}  {h.source or '?'}  {h.doc_key}\n    {h.snippet}")
    if not hits and not as_json:
        typer.echo("no matches", err=True)


@sources_app.command("add")
def sources_add(
    name: Annotated[str, typer.Argument(help="A short unique name.")],
    url: Annotated[str, typer.Argument(help="Feed or page URL, or a path for kind 'file'.")],
    db: DbOption = None,
    kind: Annotated[str, typer.Option("--kind", help="feed, page or file.")] = "feed",
    scale: Annotated[str | None, typer.Option("--scale", help="ACLED source scale: Local, National, Regional, International…", show_default=False)] = None,
    language: Annotated[str, typer.Option("--language")] = "ar",
    reliability: Annotated[float | None, typer.Option("--reliability", min=0.0, max=1.0, help="0 to 1.", show_default=False)] = None,
    every: Annotated[int, typer.Option("--every", min=1, help="Poll at most every this many seconds.")] = 900,
) -> None:
    """Add a source to poll with [bold]rasd watch[/bold]."""
    with cli_store(db) as store:
        where = os.path.abspath(url) if kind == "file" else url  # watch may run from another directory
        sid = store.add_source(name, where, kind=kind, scale=scale, language=language, reliability=reliability, poll_seconds=every)
    typer.echo(f"added source #{sid} {name}")


@sources_app.command("list")
def sources_list(db: DbOption = None) -> None:
    """List configured sources and when each was last polled."""
    with cli_store(db) as store:
        rows = store.sources()
    for s in rows:
        polled = f"{s.last_polled:%Y-%m-%d %H:%M}" if s.last_polled else "never"
        typer.echo(f"{s.name}\t{s.kind}\t{s.url}\tscale={s.scale or '-'}\treliability={s.reliability if s.reliability is not None else '-'}\tevery {s.poll_seconds}s\tpolled {polled}")
    if not rows:
        typer.echo("no sources", err=True)


@db_app.command("init")
def db_init(db: DbOption = None) -> None:
    """Create the database and its tables (runs every migration)."""
    with cli_store(db) as store:
        typer.echo(f"database ready at schema {store.revision()}: {_where(store)}")


@db_app.command("upgrade")
def db_upgrade(db: DbOption = None) -> None:
    """Apply migrations a newer Rasd brought (safe to run any time)."""
    db_init(db)


@db_app.command("info")
def db_info(db: DbOption = None) -> None:
    """Where the database is, its schema revision and how many rows each table holds."""
    from rasd.store.engine import head_revision

    with cli_store(db, migrate=False) as store:
        rev = store.revision()
        typer.echo(f"database: {_where(store)}\nschema: {rev or 'not created (run rasd db init)'} (this Rasd: {head_revision()})")
        if rev:
            for table, n in store.counts().items():
                typer.echo(f"  {table}: {n}")


@db_app.command("runs")
def db_runs(
    db: DbOption = None,
    limit: Annotated[int, typer.Option("--limit", min=1, help="How many runs, newest first.")] = 20,
    status: Annotated[str | None, typer.Option("--status", help="Only runs in this status: running, done, failed, interrupted.", show_default=False)] = None,
    mark_interrupted: Annotated[bool, typer.Option("--mark-interrupted", help="First mark killed runs interrupted: this host's whose process is gone, any host's whose heartbeat stopped.")] = False,
    stale_after: Annotated[float, typer.Option("--stale-after", min=1.0, help="Minutes without a heartbeat after which a run counts as killed.")] = 10.0,
) -> None:
    """The latest ingest runs: status, host and process, start, last heartbeat, end."""
    from datetime import timedelta

    with cli_store(db) as store:
        if mark_interrupted:
            marked = store.mark_interrupted_runs(timedelta(minutes=stale_after))
            typer.echo(f"marked {len(marked)} run(s) interrupted" + (": " + ", ".join(f"#{i}" for i in marked) if marked else ""), err=True)
        rows = store.runs(limit=limit, status=status)
    for r in rows:
        beat = f"{r['heartbeat_at']:%Y-%m-%d %H:%M:%S}" if r["heartbeat_at"] else "-"
        end = f"{r['finished_at']:%Y-%m-%d %H:%M:%S}" if r["finished_at"] else "-"
        typer.echo(f"#{r['id']}\t{r['status']}\t{r['host'] or '-'}:{r['pid'] or '-'}\tstarted {r['started_at']:%Y-%m-%d %H:%M:%S}\theartbeat {beat}\tfinished {end}\t{' '.join(r['inputs'] or [])}")
    if not rows:
        typer.echo("no runs", err=True)


def _where(store: Any) -> str:
    from rasd.store.engine import redact

    return redact(store.url)
