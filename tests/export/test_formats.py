"""GeoJSON, JSON Lines, XLSX, Parquet and the casualty register; plugins; the CLI and the API."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from store_factories import doc, strike

from rasd.clock import now
from rasd.export import VictimInput, add_victim, export
from rasd.export.formats import Exporter
from rasd.plugins import exporters, hookimpl, plugin_manager
from rasd.store import Store


@pytest.fixture
def two(store: Store) -> Store:
    store.save(doc("a"), [strike()])
    store.save(doc("b", text="قصف"), [strike(event_date="2023-11-02", location="Rafah", latitude=None, longitude=None, admin2="Rafah",
                                              fatalities=None, fatalities_known=False, location_ar="رفح")])
    return store


def _bytes(store: Store, fmt: str) -> bytes:
    out = io.BytesIO()
    export(store, fmt, out)
    return out.getvalue()


def test_geojson_is_a_feature_collection(two: Store) -> None:
    data = json.loads(_bytes(two, "geojson"))
    assert data["type"] == "FeatureCollection" and len(data["features"]) == 2
    first, second = data["features"]
    assert first["geometry"] == {"type": "Point", "coordinates": [34.4835, 31.5272]}
    assert second["geometry"] is None and second["properties"]["location_ar"] == "رفح"
    assert second["properties"]["fatalities"] == 3 and second["properties"]["fatalities_reported"] is None


def test_jsonl_keeps_rasds_honesty_fields(two: Store) -> None:
    rows = [json.loads(line) for line in _bytes(two, "jsonl").decode().splitlines()]
    assert [r["fatalities_known"] for r in rows] == [True, False]
    assert rows[0]["event_id_cnty"] == "PSE1" and rows[0]["injuries"] == 12


def test_xlsx_and_parquet_hold_every_event(two: Store) -> None:
    from openpyxl import load_workbook

    ws = load_workbook(io.BytesIO(_bytes(two, "xlsx")), read_only=True)["events"]
    rows = list(ws.iter_rows(values_only=True))
    assert rows[0][0] == "event_id_cnty" and len(rows) == 3
    import pyarrow.parquet as pq

    table = pq.read_table(io.BytesIO(_bytes(two, "parquet")))
    assert table.num_rows == 2 and table.column("event_id_cnty").to_pylist() == ["PSE1", "PSE2"]


def test_casualty_register(two: Store) -> None:
    with two.transaction() as conn:
        add_victim(conn, VictimInput(name="سامر خليل", name_en="Samer Khalil", age=17, sex="male", group="Palestinian refugee",
                                     cause="airstrike", sources=["Enab Baladi", "SANA"], event_id=1), at=now())
    text = _bytes(two, "casualties-csv").decode("utf-8-sig")
    header, row = text.splitlines()[:2]
    assert header.startswith("id,name,name_en,age,sex,group")
    assert "سامر خليل" in row and "Palestinian refugee" in row and "2023-10-10" in row and "Jabalia" in row and "PSE1" in row


class _TsvPlugin:
    @hookimpl
    def register_exporters(self) -> list[Exporter]:
        def write(rows, out):  # type: ignore[no-untyped-def]
            n = 0
            for r in rows:
                out.write(f"{r['id']}\t{r['location']}\n".encode())
                n += 1
            return n

        return [Exporter("tsv-demo", ".tsv", "text/tab-separated-values", "demo", write),
                Exporter("acled-csv", ".csv", "text/csv", "an impostor", write)]


def test_a_plugin_adds_a_format_but_cannot_shadow_a_builtin(two: Store) -> None:
    pm = plugin_manager()
    plugin = _TsvPlugin()
    pm.register(plugin)
    try:
        assert "tsv-demo" in exporters() and exporters()["acled-csv"].description.startswith("ACLED")
        assert _bytes(two, "tsv-demo") == b"1\tJabalia\n2\tRafah\n"
    finally:
        pm.unregister(plugin)


def test_cli_export_to_a_file(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from rasd.cli import app
    from rasd.store import open_store

    db = tmp_path / "e.db"
    with open_store(str(db)) as s:
        s.save(doc("a"), [strike()])
    out = tmp_path / "out.csv"
    result = CliRunner().invoke(app, ["export", "--format", "acled-csv", "--country", "Palestine", "-o", str(out), "--db", str(db)])
    assert result.exit_code == 0, result.output
    assert out.read_bytes().startswith(b"\xef\xbb\xbfevent_id_cnty,")
    bad = CliRunner().invoke(app, ["export", "--format", "pdf", "--db", str(db)])
    assert bad.exit_code == 2 and "unknown export format" in bad.output


def test_api_export_streams_a_download(two: Store) -> None:
    pytest.importorskip("fastapi")
    from fastapi.testclient import TestClient

    from rasd.api import create_app

    client = TestClient(create_app(two, web=False))
    r = client.get("/api/v1/export/acled-csv", params={"admin1": "Gaza Strip", "date_to": "2023-10-31"})
    assert r.status_code == 200 and r.headers["content-disposition"].startswith("attachment")
    lines = r.content.decode("utf-8-sig").splitlines()
    assert len(lines) == 2 and lines[1].startswith("PSE1,2023-10-10")
    assert client.get("/api/v1/export/nope").status_code == 400
    assert {f["name"] for f in client.get("/api/v1/export/formats").json()} >= {"acled-csv", "geojson", "jsonl", "xlsx", "parquet"}
