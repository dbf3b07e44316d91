"""``rasd eval`` from the command line: tables, JSON, clean errors."""

from __future__ import annotations

import json
from pathlib import Path

import typer
from evalhelpers import as_prediction, gold_event, write_json, write_jsonl
from typer.testing import CliRunner

from rasd.cli.evaluate import register


def _app() -> typer.Typer:
    app = typer.Typer()
    register(app)

    @app.command()
    def other() -> None:  # a second command keeps "eval" a sub-command, as in the real app
        """Placeholder."""

    return app


def _files(tmp_path: Path) -> tuple[Path, Path]:
    gold = write_json(tmp_path / "a.gold.json", {"doc_id": "a", "events": [gold_event()]})
    preds = write_jsonl(tmp_path / "p.jsonl", [as_prediction(gold_event(fatalities=5), "a")])
    return gold, preds


def test_json_output(tmp_path: Path) -> None:
    gold, preds = _files(tmp_path)
    result = CliRunner().invoke(_app(), ["eval", "--gold", str(gold), "--predictions", str(preds), "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["events"]["f1"] == 1.0 and data["fields"]["fatalities"] == 0.0


def test_table_output_with_gold_as_argument(tmp_path: Path) -> None:
    gold, preds = _files(tmp_path)
    result = CliRunner().invoke(_app(), ["eval", str(gold), "-p", str(preds)])
    assert result.exit_code == 0, result.output
    assert "Field accuracy" in result.stdout and "wrong fatalities" in result.stdout


def test_missing_text_is_a_clean_error(tmp_path: Path) -> None:
    gold = write_jsonl(tmp_path / "g.jsonl", [{"doc_id": "zz", "events": []}])
    result = CliRunner().invoke(_app(), ["eval", str(gold)])
    assert result.exit_code == 2
    assert "--docs" in result.stderr and "Traceback" not in result.output


def test_help_has_examples() -> None:
    result = CliRunner().invoke(_app(), ["eval", "--help"])
    assert result.exit_code == 0 and "rasd eval --gold" in result.stdout
