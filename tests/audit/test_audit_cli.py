"""``rasd audit sample`` and ``rasd audit report`` through the real CLI on a SQLite file."""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from pathlib import Path

import typer
from store_factories import doc, strike
from typer.testing import CliRunner

from rasd.cli import app
from rasd.store import audit as store_audit
from rasd.store import open_store


def test_sample_then_report(tmp_path: Path) -> None:
    db = str(tmp_path / "a.db")
    with open_store(db) as s:
        for i in range(6):
            s.save(doc(f"d{i}", f"تقرير {i}"), [strike(event_date=f"2023-10-{i + 1:02d}", location=f"Place {i}")])
    runner = CliRunner()
    drawn = runner.invoke(app, ["audit", "sample", "--n", "4", "--seed", "2", "--by", "rana", "--db", db])
    assert drawn.exit_code == 0, drawn.output
    assert "audit batch 1: 4 events drawn (seed 2)" in drawn.stdout
    with open_store(db) as s, s.transaction() as conn:
        first = store_audit.items(conn, [1])[0]["id"]
        store_audit.record_verdict(conn, first, "right", reviewer="rana")
    md = runner.invoke(app, ["audit", "report", "--db", db])
    assert md.exit_code == 0 and "needing no correction: 100% [21%–100%] (n = 1)" in md.stdout
    data = json.loads(runner.invoke(app, ["audit", "report", "--batch", "1", "--json", "--db", db]).stdout)
    assert data["no_correction"]["n"] == 1 and data["batches"] == [1]
    none_left = runner.invoke(app, ["audit", "sample", "--n", "4", "--country", "Yemen", "--db", db])
    assert none_left.exit_code == 1 and "nothing to sample" in none_left.output
    bad = runner.invoke(app, ["audit", "sample", "--to", "2023-13", "--db", db])
    assert bad.exit_code == 2 and bad.output.startswith("error: date_to: YYYY, YYYY-MM or YYYY-MM-DD expected")


def test_sample_has_the_export_filter_options(help_page: Callable[[typer.Typer, Sequence[str]], None]) -> None:
    help_page(app, ["audit", "sample"])
    export, sample = (typer.main.get_command(app).commands[c] for c in ("export", "audit"))  # type: ignore[attr-defined]
    options = {p.name: p.opts for p in export.params}
    assert {p.name: p.opts for p in sample.commands["sample"].params if p.name in options and p.name not in ("db",)} == {
        name: opts for name, opts in options.items() if name not in ("fmt", "out", "db")}
