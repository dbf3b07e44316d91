"""``rasd alerts``: subscribe, list, unsubscribe, send what is due, run the sender, read the delivery log.

Thin commands over :mod:`rasd.alerts`. Ingestion only queues alerts; these
commands deliver them (``send`` once, ``run`` in a loop beside ``rasd watch``).
"""

from __future__ import annotations

import json
import os
from typing import Annotated

import typer

from rasd.cli.store import DbOption, cli_store

__all__ = ["register"]

Opt = typer.Option
alerts_app = typer.Typer(help="Subscriptions and alerts by e-mail and webhook.", no_args_is_help=True)
SMTP_UNSET = ("error: no SMTP server is configured (RASD_SMTP_HOST is unset, so e-mail went to localhost:25): "
              "set RASD_SMTP_HOST and RASD_SMTP_PORT (and RASD_SMTP_USER, RASD_SMTP_PASSWORD, RASD_SMTP_STARTTLS, RASD_SMTP_FROM); see docs/alerts.md")
BaseUrl = Annotated[str, Opt("--base-url", envvar="RASD_BASE_URL", help="Public URL of the Rasd app, for links in alerts.")]


def register(app: typer.Typer) -> None:
    """Add ``rasd alerts`` to the ``rasd`` app."""
    app.add_typer(alerts_app, name="alerts")


@alerts_app.command("subscribe", no_args_is_help=True)
def subscribe_command(
    name: Annotated[str, typer.Argument(help="A name for the subscription.")],
    target: Annotated[str, typer.Argument(help="E-mail address or webhook URL.")],
    channel: Annotated[str, Opt(help="email or webhook (or a plugin's channel).")] = "email",
    mode: Annotated[str, Opt(help="immediate, daily or weekly.")] = "immediate",
    filters: Annotated[str, Opt("--filter", metavar="JSON", help='The event filter as JSON (docs/filters.md), e.g. {"admin1": "Deir ez-Zor", "actor": "liwa", "min_fatalities": 1}')] = "{}",
    owner: Annotated[str | None, Opt(help="Account name that owns it.", show_default=False)] = None,
    db: DbOption = None,
) -> None:
    """Subscribe an address or URL to events matching a filter.

    [bold]Examples[/bold]

    [green]rasd alerts subscribe "Deir ez-Zor" desk@example.org --filter '{"admin1": ["Deir ez-Zor"]}'[/green]
    [green]rasd alerts subscribe hook https://example.org/hook --channel webhook --mode daily[/green]
    """
    from rasd.alerts import create_subscription
    from rasd.clock import now

    try:
        parsed = json.loads(filters)
    except json.JSONDecodeError as exc:
        typer.echo(f"error: --filter is not JSON: {exc}", err=True)
        raise typer.Exit(2) from None
    with cli_store(db) as store, store.transaction("creating a subscription") as conn:
        row = create_subscription(conn, name=name, channel=channel, target=target, filters=parsed, mode=mode, owner=owner, at=now())
    typer.echo(f"subscription {row['id']} created" + (f"; webhook secret: {row['secret']}" if row.get("secret") else ""))


@alerts_app.command("list")
def list_command(db: DbOption = None, as_json: Annotated[bool, Opt("--json", help="JSON output.")] = False) -> None:
    """List subscriptions."""
    from rasd.alerts import list_subscriptions

    with cli_store(db) as store, store.transaction("listing subscriptions") as conn:
        subs = list_subscriptions(conn)
    for s in subs:
        if as_json:
            typer.echo(json.dumps(s, ensure_ascii=False, default=str))
        else:
            state = "active" if s["active"] else "ended"
            typer.echo(f"{s['id']:>4}  {state:<6} {s['mode']:<9} {s['channel']:<7} {s['target']}  {s['name']}  {json.dumps(s['filters'], ensure_ascii=False)}")


@alerts_app.command("unsubscribe", no_args_is_help=True)
def unsubscribe_command(subscription_id: Annotated[int, typer.Argument(help="Subscription id.")], db: DbOption = None) -> None:
    """End a subscription (its pending alerts are cancelled)."""
    from rasd.alerts import deactivate

    with cli_store(db) as store, store.transaction("ending a subscription") as conn:
        found = deactivate(conn, subscription_id)
    if not found:
        typer.echo(f"error: no subscription {subscription_id}", err=True)
        raise typer.Exit(1)
    typer.echo(f"subscription {subscription_id} ended")


@alerts_app.command("send")
def send_command(db: DbOption = None, base_url: BaseUrl = "http://localhost:8000",
                 as_json: Annotated[bool, Opt("--json", help="JSON summary.")] = False) -> None:
    """Deliver every alert and digest that is due, once, and exit: 0 when all went out, 1 when any failed.

    E-mail goes through the SMTP server in RASD_SMTP_HOST, RASD_SMTP_PORT,
    RASD_SMTP_USER, RASD_SMTP_PASSWORD, RASD_SMTP_STARTTLS and RASD_SMTP_FROM
    (docs/alerts.md). Failed deliveries are retried on a later run.

    [green]RASD_SMTP_HOST=mail.example.org RASD_SMTP_PORT=587 RASD_SMTP_STARTTLS=1 rasd alerts send --db events.db[/green]
    """
    from rasd.alerts import send_due

    with cli_store(db) as store:
        report = send_due(store, base_url=base_url)
    typer.echo(json.dumps(report.as_dict()) if as_json else
               f"{report.messages_sent} messages sent ({report.events_delivered} events), {report.messages_failed} failed (will be retried)")
    if report.messages_failed:
        if not os.environ.get("RASD_SMTP_HOST"):
            typer.echo(SMTP_UNSET, err=True)
        typer.echo("error: some alerts were not delivered; `rasd alerts log` says why", err=True)
        raise typer.Exit(1)


@alerts_app.command("run")
def run_command(
    db: DbOption = None, base_url: BaseUrl = "http://localhost:8000",
    interval: Annotated[float, Opt(help="Seconds between passes.")] = 30.0,
    cycles: Annotated[int | None, Opt(help="Stop after this many passes (default: until interrupted).", show_default=False)] = None,
) -> None:
    """Deliver alerts in a loop: run it beside [bold]rasd watch[/bold] or [bold]rasd serve[/bold]."""
    from rasd.alerts import run_sender

    def show(report: object) -> None:
        typer.echo(json.dumps(report.as_dict()), err=True)  # type: ignore[attr-defined]

    with cli_store(db) as store:
        try:
            run_sender(store, interval=interval, cycles=cycles, on_pass=show, base_url=base_url)
        except KeyboardInterrupt:
            typer.echo("stopped", err=True)


@alerts_app.command("log")
def log_command(subscription: Annotated[int | None, Opt(help="Only this subscription.", show_default=False)] = None,
                limit: Annotated[int, Opt(help="How many, newest first.")] = 50, db: DbOption = None) -> None:
    """The delivery log: every attempt, successful or not."""
    from rasd.alerts import deliveries

    with cli_store(db) as store, store.transaction("reading deliveries") as conn:
        rows = deliveries(conn, subscription_id=subscription, limit=limit)
    for r in rows:
        outcome = "ok" if r["ok"] else f"FAILED {r['error']}"
        typer.echo(f"{r['at']:%Y-%m-%d %H:%M:%S}  sub {r['subscription_id']}  {r['channel']}  attempt {r['attempt']}  events {r['event_ids']}  {outcome}")
