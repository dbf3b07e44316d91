"""Fixtures shared by every test area."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path

import click
import pytest
import typer
from rich.text import Text
from typer.testing import CliRunner

REPO_ROOT = Path(__file__).resolve().parent.parent
# the store tests' factories and two-backend store fixture (store_factories.py) serve the other test folders too
sys.path.insert(0, str(Path(__file__).resolve().parent / "store"))

from rasd.store import Store, open_store  # noqa: E402


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    """The shared corpus and examples beside the repository (``../shared``); skips when absent."""
    path = REPO_ROOT.parent / "shared"
    if not path.is_dir():
        pytest.skip(f"{path} not found: these tests read the shared corpus/examples")
    return path


@pytest.fixture
def store() -> Iterator[Store]:
    """An empty, migrated SQLite store in memory (store, alerts, export and trends tests use store_factories' on both backends)."""
    s = open_store(":memory:")
    try:
        yield s
    finally:
        s.close()


def _check_help_page(app: typer.Typer, command: Sequence[str]) -> None:
    cmd = typer.main.get_command(app)
    for name in command:
        cmd = cmd.commands[name]  # type: ignore[attr-defined]
    result = CliRunner().invoke(app, [*command, "--help"])
    assert result.exit_code == 0, result.output
    summary = Text.from_markup((cmd.help or "").strip().split("\n\n")[0]).plain  # as rich prints it
    assert summary, f"{' '.join(command)} has no help text"
    shown = " ".join(result.output.split())  # the page wraps long lines
    assert " ".join(summary.split()) in shown, f"{' '.join(command)}: its summary is not on its help page"
    for param in cmd.params:
        for opt in param.opts if isinstance(param, click.Option) else ():
            assert opt in shown, f"{' '.join(command)}: {opt} is not on its help page"


@pytest.fixture
def help_page() -> Callable[[typer.Typer, Sequence[str]], None]:
    """A check that ``COMMAND --help`` works and shows the command's summary and every option it declares."""
    return _check_help_page
