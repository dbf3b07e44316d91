"""`rasd geocode` and `rasd gazetteer …`, run through Typer on an app holding only this module's commands."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

from rasd.cli import geo

from .test_importers import ALTERNATES, DUMP, _tsv

FIELDS = ["name", "name_ar", "kind", "admin1", "admin2", "admin3", "country", "iso", "latitude", "longitude",
          "geo_precision", "score", "source"]  # fmt: skip


@pytest.fixture(scope="module")
def app() -> typer.Typer:
    app = typer.Typer()

    @app.callback()
    def _root() -> None:
        """Test root."""

    geo.register(app)
    return app


def test_geocode_prints_json(app: typer.Typer, tmp_path: Path) -> None:
    result = CliRunner().invoke(
        app, ["geocode", "قرب بلدة الشولا في ريف دير الزور الغربي", "--country", "SY", "--gazetteer", str(tmp_path / "none.tsv")]
    )
    assert result.exit_code == 0, result.output
    found = json.loads(result.output)
    assert set(FIELDS) <= set(found[0])
    assert (found[0]["name"], found[0]["geo_precision"], found[0]["iso"]) == ("Ash Shula", 2, 760)


def test_geocode_nothing(app: typer.Typer) -> None:
    result = CliRunner().invoke(app, ["geocode", "؟؟؟"])
    assert result.exit_code == 0 and json.loads(result.output) == []


def test_import_then_geocode(app: typer.Typer, tmp_path: Path) -> None:
    user = tmp_path / "user.tsv"
    dump, alt = _tsv(tmp_path / "SY.txt", DUMP), _tsv(tmp_path / "alternateNamesV2.txt", ALTERNATES)
    result = CliRunner().invoke(app, ["gazetteer", "import", str(dump), "--alternate-names", str(alt), "--gazetteer", str(user)])
    assert result.exit_code == 0, result.output
    assert "2 places imported" in result.output
    found = json.loads(CliRunner().invoke(app, ["geocode", "قرية تل الورد", "--gazetteer", str(user)]).output)
    assert found[0]["source"] == "user"
    info = CliRunner().invoke(app, ["gazetteer", "info", "--gazetteer", str(user)])
    assert info.exit_code == 0 and "user 2" in info.output


def test_import_errors_are_one_line(app: typer.Typer, tmp_path: Path) -> None:
    bad = _tsv(tmp_path / "bad.txt", [["1", "x"]])
    result = CliRunner().invoke(app, ["gazetteer", "import", str(bad), "--gazetteer", str(tmp_path / "u.tsv")])
    assert result.exit_code == 1 and "error:" in result.output and "Traceback" not in result.output
    missing = CliRunner().invoke(app, ["gazetteer", "import", str(tmp_path / "nope.txt")])
    assert missing.exit_code == 1 and "no such file" in missing.output


def test_build_needs_open_syria(app: typer.Typer, tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["gazetteer", "build", "--open-syria", str(tmp_path), "--out", str(tmp_path / "g.tsv")])
    assert result.exit_code == 1 and "open-syria" in result.output


@pytest.mark.parametrize("command", [["geocode"], ["gazetteer", "import"], ["gazetteer", "info"], ["gazetteer", "build"]])
def test_every_command_has_help(app: typer.Typer, help_page: Callable[[typer.Typer, list[str]], None], command: list[str]) -> None:
    help_page(app, command)
