"""``rasd audit sample`` and ``rasd audit report``: random audit batches and the accuracy they measure."""

from __future__ import annotations

import getpass
import json
from typing import Annotated

import typer

from rasd.cli.filters import with_filter_options
from rasd.cli.store import DbOption, cli_store
from rasd.store.filters import EventFilter

__all__ = ["register", "audit_app"]

Opt = typer.Option
audit_app = typer.Typer(help="Measure accuracy on your own sources: random audit batches, reviewed in the web app's audit queue.",
                        no_args_is_help=True)


def register(app: typer.Typer) -> None:
    """Add ``rasd audit`` to the ``rasd`` app."""
    app.add_typer(audit_app, name="audit")


@audit_app.command("sample")
@with_filter_options
def sample_command(
    n: Annotated[int, Opt("--n", "-n", min=1, help="How many events to draw.")] = 100,
    seed: Annotated[int, Opt("--seed", help="The random seed: the same store, filters and seed draw the same events.")] = 0,
    name: Annotated[str | None, Opt("--name", help="The batch's name (default: the date and time).", show_default=False)] = None,
    by: Annotated[str | None, Opt("--by", help="Who draws it (default: the login name).", show_default=False)] = None,
    db: DbOption = None,
    *,
    f: EventFilter,
) -> None:
    """Draw a random audit batch of machine events nobody has reviewed, stratified by sub-type and source.

    The filter options are [bold]rasd export[/bold]'s, with the same meanings
    (docs/filters.md); the batch is drawn from the machine events they select
    that were never reviewed or sampled.

    Reviewers then open it at /audit in the web app (rasd serve) and give each
    event a verdict field by field: right, corrected (with the value) or not an event.

    [bold]Examples[/bold]

    [green]rasd audit sample --n 100 --seed 7 --db events.db[/green]
    [green]rasd audit sample --n 50 --country Syria --from 2024-01 --source "SANA" --seed 1[/green]
    """
    from rasd.audit import batches, sample

    with cli_store(db) as store:
        batch = sample(store, n, seed=seed, created_by=by or getpass.getuser(), name=name, f=f)
        size = next(b["size"] for b in batches(store) if b["id"] == batch)
    typer.echo(f"audit batch {batch}: {size} events drawn (seed {seed}); review them at /audit/{batch} in the web app")


@audit_app.command("report")
def report_command(
    batch: Annotated[list[int] | None, Opt("--batch", "-b", help="Only this batch (repeatable; default: every batch).", show_default=False)] = None,
    as_json: Annotated[bool, Opt("--json", help="Print the report as JSON.")] = False,
    db: DbOption = None,
) -> None:
    """Accuracy measured by the audit batches, each share with a Wilson 95 % interval and its sample size.

    The share of audited events that needed no correction, and the share right
    per field, per sub-type, per source and per extraction version.

    Counts audit batches only: a random sample estimates accuracy without the
    bias of the events reviewers chose to open.

    [bold]Examples[/bold]

    [green]rasd audit report --db events.db[/green]
    [green]rasd audit report --batch 3 --json[/green]
    """
    from rasd.audit import report, report_json, report_markdown

    with cli_store(db) as store:
        result = report(store, batch or None)
    if as_json:
        typer.echo(json.dumps(report_json(result), ensure_ascii=False, indent=2))
    else:
        typer.echo(report_markdown(result), nl=False)
