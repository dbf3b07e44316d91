"""``rasd user``: accounts for the web app and API tokens for scripts."""

from __future__ import annotations

import sys
from typing import Annotated

import typer

from rasd.cli.store import DbOption, cli_store

__all__ = ["register"]

user_app = typer.Typer(help="Accounts (viewer, reviewer, admin) and API tokens.", no_args_is_help=True)
Role = Annotated[str, typer.Option("--role", help="viewer (reads), reviewer (reviews events) or admin.")]


def register(app: typer.Typer) -> None:
    """Add the ``user`` group to the ``rasd`` app."""
    app.add_typer(user_app, name="user")


def _password(stdin: bool) -> str:
    if stdin:
        return sys.stdin.readline().rstrip("\r\n")
    return str(typer.prompt("Password", hide_input=True, confirmation_prompt=True))


@user_app.command("add", no_args_is_help=True)
def add_command(
    name: str, role: Role = "viewer", db: DbOption = None,
    password_stdin: Annotated[bool, typer.Option("--password-stdin", help="Read the password from the first line of stdin.")] = False,
) -> None:
    """Create an account; the password is asked for (twice) unless --password-stdin.

    Example:  rasd user add mona --role reviewer
    """
    from rasd.store.accounts import Accounts

    password = _password(password_stdin)
    with cli_store(db) as store:
        account = Accounts(store).add_user(name, password, role)
    typer.echo(f"added {account.name} ({account.role})")


@user_app.command("list")
def list_command(db: DbOption = None) -> None:
    """Every account and its role."""
    from rasd.store.accounts import Accounts

    with cli_store(db) as store:
        for account in Accounts(store).users():
            typer.echo(f"{account.name}\t{account.role}")


@user_app.command("role", no_args_is_help=True)
def role_command(name: str, role: Annotated[str, typer.Argument(help="viewer, reviewer or admin")], db: DbOption = None) -> None:
    """Change an account's role."""
    from rasd.store.accounts import Accounts

    with cli_store(db) as store:
        account = Accounts(store).set_role(name, role)
    typer.echo(f"{account.name} is now {account.role}")


@user_app.command("password", no_args_is_help=True)
def password_command(
    name: str, db: DbOption = None,
    password_stdin: Annotated[bool, typer.Option("--password-stdin", help="Read the password from the first line of stdin.")] = False,
) -> None:
    """Set a new password (ends the account's open sessions)."""
    from rasd.store.accounts import Accounts

    password = _password(password_stdin)
    with cli_store(db) as store:
        Accounts(store).set_password(name, password)
    typer.echo(f"password changed for {name}")


@user_app.command("remove", no_args_is_help=True)
def remove_command(name: str, db: DbOption = None) -> None:
    """Disable an account and revoke its sessions and tokens."""
    from rasd.store.accounts import Accounts

    with cli_store(db) as store:
        Accounts(store).remove_user(name)
    typer.echo(f"removed {name}")


@user_app.command("token", no_args_is_help=True)
def token_command(name: str, label: Annotated[str | None, typer.Option(help="What the token is for.")] = None, db: DbOption = None) -> None:
    """Create an API token for scripts (printed once): send it as 'Authorization: Bearer TOKEN'.

    Example:  curl -H "Authorization: Bearer $(rasd user token bot)" http://127.0.0.1:8000/api/v1/events
    """
    from rasd.store.accounts import Accounts

    with cli_store(db) as store:
        typer.echo(Accounts(store).create_token(name, label))
