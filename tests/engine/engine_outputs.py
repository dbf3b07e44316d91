"""Reading a batch folder back for comparisons: rows of a table, sorted, and the files it holds."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pyarrow.parquet as pq

#: Partitions every test run asks for, so runs are comparable file for file.
PARTITIONS = 6
_ORDER = {"events": "event_id", "documents": "doc_id", "merged": "merged_id"}


def table_files(out: Path, table: str) -> list[str]:
    """The table's Parquet files, relative to ``out``, sorted."""
    return sorted(str(p.relative_to(out)) for p in (out / table).rglob("*.parquet"))


def table_rows(out: Path, table: str) -> list[dict[str, Any]]:
    """Every row of ``table``, in id order."""
    rows = [r for f in table_files(out, table) for r in pq.read_table(out / f).to_pylist()]
    return sorted(rows, key=lambda r: r[_ORDER[table]])


def assert_same_output(out: Path, reference: Path) -> None:
    """Same files, and the same rows in each table (events with the same ids), as ``reference``."""
    for table in _ORDER:
        assert table_files(out, table) == table_files(reference, table), table
        assert table_rows(out, table) == table_rows(reference, table), table
