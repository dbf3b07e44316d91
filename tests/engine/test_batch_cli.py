"""``rasd batch`` and ``rasd load`` from the command line."""

from __future__ import annotations

import json
from pathlib import Path

from engine_corpus import records
from engine_outputs import PARTITIONS, assert_same_output
from typer.testing import CliRunner

from rasd.cli import app

runner = CliRunner()


def test_batch_then_load_twice(archive: Path, reference: Path, tmp_path: Path) -> None:
    out, db = tmp_path / "out", tmp_path / "events.db"
    result = runner.invoke(app, ["batch", str(archive), "--out", str(out), "--engine", "local", "--partitions", str(PARTITIONS), "--json"])
    assert result.exit_code == 1, result.output  # the archive's malformed line
    summary = json.loads(result.stdout)
    assert summary["this_run"]["documents"] == len(records(200)) and summary["this_run"]["failed"] == 1
    assert_same_output(out, reference)
    first = runner.invoke(app, ["load", str(out), "--db", str(db), "--json"])
    assert first.exit_code == 0, first.output
    assert json.loads(first.stdout)["new"] == len(records(200))
    again = runner.invoke(app, ["load", str(out), "--db", str(db)])
    assert again.exit_code == 0 and f"0 new, 0 changed, {len(records(200))} unchanged" in again.stdout


def test_bad_input_and_folder_are_one_line_errors(tmp_path: Path) -> None:
    missing = runner.invoke(app, ["batch", str(tmp_path / "nope.jsonl"), "--out", str(tmp_path / "o"), "--engine", "local"])
    assert missing.exit_code == 1 and "no such file or folder" in missing.output and "Traceback" not in missing.output
    not_batch = runner.invoke(app, ["load", str(tmp_path), "--db", str(tmp_path / "e.db")])
    assert not_batch.exit_code == 1 and "not a batch folder" in not_batch.output
