"""Rasd's own exporters: ACLED CSV, JSON Lines, GeoJSON, XLSX and Parquet, each a streaming writer.

Every writer takes an iterator of stored events and a binary stream and
writes as it reads, so memory stays flat whatever the number of events
(XLSX uses openpyxl's write-only mode, Parquet writes row groups of 5,000).
XLSX cells drop control characters, which XML cannot hold (a source named
"Outlet\\u0007X" must not make the export fail), and text starting with "="
is written as text, never as a formula.
They are registered as default plugins (see :mod:`rasd.plugins`); a plugin
adds a format by returning more :class:`Exporter` objects.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable, Iterable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from typing import IO, Any

from rasd.errors import ConfigError
from rasd.export.acled import ACLED_COLUMNS, EXTRA_COLUMNS, acled_record, full_record
from rasd.plugins import hookimpl

__all__ = ["DEFAULT_EXPORTERS", "Exporter", "register_exporters", "write_csv"]

Rows = Iterable[Mapping[str, Any]]
_PARQUET_GROUP = 5000


@dataclass(frozen=True, slots=True)
class Exporter:
    """A named export format: how to write rows to a binary stream, and how to serve the file."""

    name: str
    suffix: str
    media_type: str
    description: str
    write: Callable[[Rows, IO[bytes]], int]
    #: "events" (stored events) or "victims" (the casualty register).
    rows: str = "events"


@contextmanager
def _text(out: IO[bytes], encoding: str = "utf-8") -> Iterator[io.TextIOWrapper]:
    """A text view of ``out`` that is flushed and detached, never closing the caller's stream."""
    wrapper = io.TextIOWrapper(out, encoding=encoding, newline="", write_through=False)
    try:
        yield wrapper
    finally:
        wrapper.flush()
        wrapper.detach()


def write_csv(records: Iterable[Mapping[str, Any]], columns: tuple[str, ...], out: IO[bytes]) -> int:
    """CSV with a UTF-8 BOM (so Excel opens Arabic correctly) and CRLF lines; returns the row count."""
    n = 0
    with _text(out, "utf-8-sig") as f:
        w = csv.writer(f)
        w.writerow(columns)
        for rec in records:
            w.writerow(["" if rec.get(c) is None else rec[c] for c in columns])
            n += 1
    return n


def _acled_csv(events: Rows, out: IO[bytes]) -> int:
    return write_csv((acled_record(e) for e in events), ACLED_COLUMNS, out)


def _jsonl(events: Rows, out: IO[bytes]) -> int:
    n = 0
    with _text(out) as f:
        for e in events:
            f.write(json.dumps(full_record(e), ensure_ascii=False, default=str) + "\n")
            n += 1
    return n


def _geojson(events: Rows, out: IO[bytes]) -> int:
    """A FeatureCollection written feature by feature (events without coordinates get a null geometry)."""
    n = 0
    with _text(out) as f:
        f.write('{"type":"FeatureCollection","features":[\n')
        for e in events:
            rec = full_record(e)
            lon, lat = rec.get("longitude"), rec.get("latitude")
            geometry = {"type": "Point", "coordinates": [lon, lat]} if lon is not None and lat is not None else None
            feature = {"type": "Feature", "id": rec["event_id_cnty"] or rec["rasd_id"], "geometry": geometry, "properties": rec}
            f.write(("," if n else "") + json.dumps(feature, ensure_ascii=False, default=str) + "\n")
            n += 1
        f.write("]}\n")
    return n


def _xlsx_cell(ws: Any, value: Any) -> Any:
    """A value as a cell: control characters (which XML 1.0 cannot hold) dropped, text starting with "=" kept as text."""
    if not isinstance(value, str):
        return value
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    value = ILLEGAL_CHARACTERS_RE.sub("", value)
    if not value.startswith("="):
        return value
    cell = WriteOnlyCell(ws, value)
    cell.data_type = "s"  # never a formula: a source's text must not run in the reader's spreadsheet
    return cell


def _xlsx(events: Rows, out: IO[bytes]) -> int:
    try:
        from openpyxl import Workbook
    except ModuleNotFoundError as exc:
        raise ConfigError("XLSX export needs openpyxl: pip install 'rasd[xlsx]'") from exc
    columns = ACLED_COLUMNS + EXTRA_COLUMNS
    wb = Workbook(write_only=True)
    ws = wb.create_sheet("events")
    ws.append(list(columns))
    n = 0
    for e in events:
        rec = full_record(e)
        ws.append([_xlsx_cell(ws, rec.get(c)) for c in columns])
        n += 1
    wb.save(out)
    return n


def _parquet(events: Rows, out: IO[bytes]) -> int:
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ModuleNotFoundError as exc:
        raise ConfigError("Parquet export needs pyarrow: pip install 'rasd[parquet]'") from exc
    ints = {"year", "time_precision", "inter1", "inter2", "interaction", "iso", "geo_precision", "fatalities", "timestamp",
            "rasd_id", "fatalities_reported", "injuries", "n_sources"}
    floats = {"latitude", "longitude", "confidence"}
    bools = {"fatalities_known", "injuries_known"}
    schema = pa.schema([
        (c, pa.int64() if c in ints else pa.float64() if c in floats else pa.bool_() if c in bools else pa.string())
        for c in ACLED_COLUMNS + EXTRA_COLUMNS
    ])
    n, batch = 0, []
    with pq.ParquetWriter(out, schema, compression="zstd") as writer:
        for e in events:
            batch.append(full_record(e))
            if len(batch) == _PARQUET_GROUP:
                writer.write_batch(pa.RecordBatch.from_pylist(batch, schema=schema))
                n, batch = n + len(batch), []
        if batch or not n:
            writer.write_batch(pa.RecordBatch.from_pylist(batch, schema=schema))
            n += len(batch)
    return n


def _casualties_csv(victims: Rows, out: IO[bytes]) -> int:
    from rasd.export.register import REGISTER_COLUMNS, register_row

    return write_csv(map(register_row, victims), REGISTER_COLUMNS, out)


DEFAULT_EXPORTERS: tuple[Exporter, ...] = (
    Exporter("acled-csv", ".csv", "text/csv; charset=utf-8", "ACLED's 31 columns in ACLED's order, ACLED's conventions, UTF-8 with BOM", _acled_csv),
    Exporter("geojson", ".geojson", "application/geo+json", "a FeatureCollection of points with ACLED's and Rasd's fields", _geojson),
    Exporter("jsonl", ".jsonl", "application/x-ndjson", "one JSON object per event, ACLED's and Rasd's fields", _jsonl),
    Exporter("xlsx", ".xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "an Excel workbook (needs rasd[xlsx])", _xlsx),
    Exporter("parquet", ".parquet", "application/vnd.apache.parquet", "a typed columnar file (needs rasd[parquet])", _parquet),
    Exporter("casualties-csv", ".csv", "text/csv; charset=utf-8", "the casualty register: victims named in reports", _casualties_csv, rows="victims"),
)


@hookimpl
def register_exporters() -> list[Exporter]:
    """Rasd's own formats, registered as a default plugin."""
    return list(DEFAULT_EXPORTERS)
