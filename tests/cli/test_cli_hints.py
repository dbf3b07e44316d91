"""What a newcomer meets when something is missing: install hints, no empty files, dates found or warned about, plain help.

Missing extras are real: the command runs in a fresh interpreter in which the
package cannot be imported (``sys.modules[name] = None``), so its import fails
as it does where the extra is not installed.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from rasd.cli import app

DEMO = Path(__file__).resolve().parents[2] / "rasd" / "data" / "examples" / "demo-idlib.txt"
BODY = "<article><h1>قصف على كفرنبل</h1><p>" + "قُتل مدنيان بقصف مدفعي على بلدة كفرنبل في ريف إدلب الجنوبي صباح اليوم. " * 4 + "</p></article>"
PAGES = {
    "meta-date": ('<meta name="date" content="2021-04-06">', "2021-04-06"),
    "open-graph": ('<meta property="article:published_time" content="2021-04-07T10:00:00+03:00">', "2021-04-07"),
    "json-ld": ('<script type="application/ld+json">{"@type": "NewsArticle", "datePublished": "2021-04-08T09:00:00Z"}</script>', "2021-04-08"),
    "undated": ("", None),
}


def rasd_without(modules: list[str], *args: str, cwd: Path, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """``rasd ARGS`` in a fresh interpreter where ``modules`` cannot be imported."""
    code = f"import sys\nfor m in {modules!r}: sys.modules[m] = None\nsys.argv = ['rasd', *{list(args)!r}]\nfrom rasd.cli import main\nmain()"
    return subprocess.run([sys.executable, "-c", code], cwd=cwd, capture_output=True, text=True, timeout=300, env=env)


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("hints") / "events.db"
    done = CliRunner().invoke(app, ["ingest", str(DEMO), "--db", str(db)])
    assert done.exit_code == 0, done.output
    return db


def test_a_failed_export_leaves_no_file_and_names_the_extra(store: Path, tmp_path: Path) -> None:
    done = rasd_without(["openpyxl"], "export", "--format", "xlsx", "--db", str(store), "--out", "events.xlsx", cwd=tmp_path)
    assert done.returncode == 1 and "pip install 'rasd[xlsx]'" in done.stderr and "Traceback" not in done.stderr
    assert list(tmp_path.iterdir()) == []


def test_export_says_how_many_rows_from_which_database(store: Path, tmp_path: Path) -> None:
    done = CliRunner().invoke(app, ["export", "--format", "geojson", "--db", str(store), "--out", str(tmp_path / "e.geojson")])
    assert done.exit_code == 0 and f"rows exported from sqlite:///{store}" in done.output
    assert json.loads((tmp_path / "e.geojson").read_text(encoding="utf-8"))["features"]
    assert [p.name for p in tmp_path.iterdir()] == ["e.geojson"]  # no temporary file left beside it


def test_batch_engine_local_needs_no_dask(tmp_path: Path) -> None:
    feed = tmp_path / "feed.jsonl"
    feed.write_text(json.dumps({"doc_id": "a", "published": "2024-03-05", "text": DEMO.read_text(encoding="utf-8")}, ensure_ascii=False) + "\n", encoding="utf-8")
    done = rasd_without(["dask", "distributed"], "batch", "feed.jsonl", "--out", "out/", "--engine", "local", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert "manifest: out/manifest.json" in done.stdout and (tmp_path / "out" / "manifest.json").is_file()
    dask = rasd_without(["dask", "distributed"], "batch", "feed.jsonl", "--out", "out2/", "--engine", "dask", cwd=tmp_path)
    assert dask.returncode == 1 and "pip install 'rasd[dask]'" in dask.stderr and "Traceback" not in dask.stderr


def test_alerts_send_without_smtp_settings_says_so(tmp_path: Path) -> None:
    db = str(tmp_path / "events.db")
    runner = CliRunner()
    assert runner.invoke(app, ["alerts", "subscribe", "Idlib", "desk@example.org", "--filter", '{"admin1": ["Idlib"]}', "--db", db]).exit_code == 0
    assert runner.invoke(app, ["ingest", str(DEMO), "--db", db]).exit_code == 0
    env = {k: v for k, v in __import__("os").environ.items() if not k.startswith("RASD_SMTP_")}
    env["RASD_SMTP_PORT"] = "9"  # nothing listens on the discard port: the default host, no server
    done = rasd_without([], "alerts", "send", "--db", db, cwd=tmp_path, env=env)
    assert done.returncode == 1
    assert "no SMTP server is configured" in done.stderr and "docs/alerts.md" in done.stderr and "rasd alerts log" in done.stderr


@pytest.mark.parametrize(("name", "page"), PAGES.items())
def test_a_saved_page_gives_its_own_date(tmp_path: Path, name: str, page: tuple[str, str | None]) -> None:
    head, expected = page
    path = tmp_path / f"{name}.html"
    path.write_text(f"<!doctype html><html><head><title>قصف</title>{head}</head><body>{BODY}</body></html>", encoding="utf-8")
    done = CliRunner().invoke(app, ["extract", str(path), "--format", "json"])
    assert done.exit_code == 0, done.output
    (doc,) = json.loads(done.stdout)
    assert doc["published"] == expected
    warnings = [line for line in done.stderr.splitlines() if line.startswith("warning:")]
    assert warnings == ([] if expected else [warnings[0]]) and (expected or "--published" in warnings[0])


def test_help_pages_have_no_type_tags() -> None:
    for args in (["user", "add", "--help"], ["export", "--help"], ["batch", "--help"], ["--help"]):
        out = CliRunner().invoke(app, args, terminal_width=120).output
        assert "<bool>" not in out and "<str>" not in out and "<int>" not in out, args
    assert "--password-stdin" in CliRunner().invoke(app, ["user", "add", "--help"]).output
