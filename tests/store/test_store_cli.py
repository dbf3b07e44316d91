"""The store commands end to end in-process: db, ingest, failures, retry, sources, search."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

from rasd.cli.store import register
from rasd.store.engine import head_revision

app = typer.Typer()
register(app)
runner = CliRunner()


@pytest.fixture
def db(tmp_path: Path) -> str:
    """A database path; the commands run the real extractor on it."""
    return str(tmp_path / "cli.db")


def run(*args: str) -> tuple[int, str]:
    result = runner.invoke(app, list(args))
    return result.exit_code, result.output


def test_db_init_and_info(db: str) -> None:
    code, out = run("db", "info", "--db", db)
    assert code == 0 and "not created" in out
    code, out = run("db", "init", "--db", db)
    assert code == 0 and f"schema {head_revision()}" in out
    code, out = run("db", "info", "--db", db)
    assert code == 0 and "events: 0" in out


def test_ingest_failures_retry_search(db: str, tmp_path: Path) -> None:
    corpus = tmp_path / "c.jsonl"
    corpus.write_text(
        json.dumps({"doc_id": "a", "published": "2023-10-10", "text": "قُتل مدنيان في غارة جوية روسية على مدينة إدلب، أمس الاثنين."}, ensure_ascii=False)
        + "\n{broken\n",
        encoding="utf-8",
    )
    code, out = run("ingest", str(corpus), "--db", db, "--no-progress")
    assert code == 1 and "1 new" in out and "1 failed" in out
    code, out = run("db", "info", "--db", db)
    assert "  events: 1\n" in out  # the real extractor coded the strike
    code, out = run("ingest", str(corpus), "--db", db, "--no-progress", "--json")
    summary = json.loads(out.strip().splitlines()[0])
    assert summary["unchanged"] == 1 and summary["new"] == 0
    code, out = run("failures", "--db", db)
    assert code == 0 and "line 2" in out and "malformed JSON" in out
    corpus.write_text(corpus.read_text(encoding="utf-8").replace("{broken", '{"doc_id": "b", "text": "القرية 2"}'), encoding="utf-8")
    code, out = run("retry", "--db", db)
    assert code == 0 and "resolved" in out
    code, out = run("search", "غارة", "--db", db, "--json")
    assert code == 0 and json.loads(out.strip())["doc_id"] == "a"


def test_sources(db: str) -> None:
    code, out = run("sources", "add", "enab", "https://example.org/rss", "--scale", "National", "--db", db)
    assert code == 0 and "added source" in out
    code, out = run("sources", "add", "enab", "https://example.org/rss", "--db", db)
    assert code == 1 and "already exists" in out
    code, out = run("sources", "list", "--db", db)
    assert "enab" in out and "never" in out


def test_bad_database_is_one_line_not_a_traceback() -> None:
    code, out = run("db", "init", "--db", "nosuchdb://x")
    assert code == 1 and out.startswith("error:") and "Traceback" not in out


@pytest.mark.parametrize("command", [["ingest"], ["watch"], ["failures"], ["retry"], ["search"], ["sources", "add"],
                                     ["sources", "list"], ["db", "init"], ["db", "upgrade"], ["db", "info"]])
def test_every_command_has_help(help_page: Callable[[typer.Typer, list[str]], None], command: list[str]) -> None:
    help_page(app, command)
