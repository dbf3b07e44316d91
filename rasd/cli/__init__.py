"""The ``rasd`` command: one Typer app, one module per command group.

Each module in :data:`COMMAND_MODULES` exposes ``register(app)``; commands
parse arguments and call a library function — no logic lives here.
"""

from __future__ import annotations

import importlib

import typer

from rasd.cli._help import plain_type_labels
from rasd.plugins import register_commands

__all__ = ["app", "main", "COMMAND_MODULES"]

plain_type_labels()
app = typer.Typer(
    name="rasd",
    help=(
        "Rasd (رصد): turn Arabic news into ACLED-style conflict events with evidence.\n\n"
        "Start with:  rasd extract ARTICLE.txt --published 2021-04-06\n\n"
        "Every command has --help with examples."
    ),
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

# The one place where command groups are listed, in the order --help shows them.
COMMAND_MODULES: tuple[str, ...] = ("extract", "geo", "store", "evaluate", "report", "audit", "batch", "export", "alerts", "serve", "users")

for _name in COMMAND_MODULES:
    importlib.import_module(f"rasd.cli.{_name}").register(app)

# Commands that installed plugins add (the ``register_commands`` hook of rasd.plugins).
register_commands(app)


def main() -> None:
    """Console-script entry point."""
    app()
