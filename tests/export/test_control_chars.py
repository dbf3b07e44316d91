"""Control characters from a source never break an export (issue 16): the XLSX drops them, the CLI leaves no
empty file, the API answers the workbook — and an exporter that fails answers JSON, not a plain-text 500."""

from __future__ import annotations

import io
import json
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import IO, Any

import pytest
from store_factories import doc, strike

from rasd.export.formats import Exporter
from rasd.ingest.run import ingest
from rasd.plugins import hookimpl, plugin_manager
from rasd.store import open_store

openpyxl = pytest.importorskip("openpyxl")
ARTICLES = Path(__file__).resolve().parent.parent / "api" / "data" / "articles.jsonl"


@pytest.fixture
def db(tmp_path: Path) -> Path:
    """A store with a document whose source and title carry a bell and a vertical tab, ingested for real."""
    article = json.loads(ARTICLES.read_text(encoding="utf-8").splitlines()[0])
    article.update(doc_id="bell", source="Outlet\u0007X", title="عنوان\u000bمكسور")
    feed = tmp_path / "bell.jsonl"
    feed.write_text(json.dumps(article, ensure_ascii=False) + "\n", encoding="utf-8")
    path = tmp_path / "rasd.db"
    with open_store(str(path)) as store:
        ingest([str(feed)], store)
        store.save(doc("formula"), [strike(actor1="=HYPERLINK(\"http://x\",\"y\")", assoc_actor_1="Civilians\u0007(Palestine)")])
    return path


def _sheet(data: bytes) -> list[dict[str, Any]]:
    ws = openpyxl.load_workbook(io.BytesIO(data))["events"]
    header, *rows = [[c.value for c in row] for row in ws.iter_rows()]
    return [dict(zip(header, r, strict=True)) for r in rows]


def test_cli_xlsx_export_drops_control_characters_and_never_runs_a_formula(db: Path, tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from rasd.cli import app

    out = tmp_path / "events.xlsx"
    result = CliRunner().invoke(app, ["export", "--format", "xlsx", "-o", str(out), "--db", str(db)])
    assert result.exit_code == 0, result.output
    rows = _sheet(out.read_bytes())
    assert "OutletX" in {r["source"] for r in rows}  # stripped when the document was stored
    assert "Civilians(Palestine)" in {r["assoc_actor_1"] for r in rows}  # an event field: dropped by the XLSX writer
    formula = next(r for r in rows if str(r["actor1"]).startswith("="))
    assert formula["actor1"] == "=HYPERLINK(\"http://x\",\"y\")"
    cells = [c for row in openpyxl.load_workbook(out)["events"].iter_rows() for c in row if c.value == formula["actor1"]]
    assert [c.data_type for c in cells] == ["s"], "text, not a formula"


def test_api_xlsx_export_answers_the_workbook(db: Path) -> None:
    from fastapi.testclient import TestClient

    from rasd.api import create_app

    with open_store(str(db)) as store, TestClient(create_app(store, web=False)) as client:
        r = client.get("/api/v1/export/xlsx")
    assert r.status_code == 200 and len(r.content) > 1000
    assert "OutletX" in {row["source"] for row in _sheet(r.content)}


class _Broken:
    @hookimpl
    def register_exporters(self) -> list[Exporter]:
        def write(_rows: Iterable[Mapping[str, Any]], _out: IO[bytes]) -> int:
            raise RuntimeError("a bug in a plugin")

        return [Exporter("broken-demo", ".x", "application/octet-stream", "fails", write)]


def test_an_exporter_that_fails_answers_json(db: Path) -> None:
    from fastapi.testclient import TestClient

    from rasd.api import create_app

    pm = plugin_manager()
    plugin = _Broken()
    pm.register(plugin)
    try:
        with open_store(str(db)) as store, TestClient(create_app(store, web=False), raise_server_exceptions=False) as client:
            r = client.get("/api/v1/export/broken-demo")
    finally:
        pm.unregister(plugin)
    assert r.status_code == 500 and r.headers["content-type"] == "application/json"
    assert r.json()["error"] == {"status": 500, "kind": "InternalError", "message": "internal error; the server log has the details"}


def test_a_source_with_control_characters_is_refused(tmp_path: Path) -> None:
    from rasd.store.errors import StoreError

    with open_store(str(tmp_path / "s.db")) as store:
        with pytest.raises(StoreError, match="control characters"):
            store.add_source("Outlet\u0007X", "https://example.org/feed")
        assert store.sources() == []
