"""Reading one chunk of a batch input as :class:`~rasd.ingest.RawDocument` records.

Every record goes through the same JSON Lines record parser as ``rasd
extract`` and ``rasd ingest`` (:mod:`rasd.ingest.readers`), so a batch and
a single-document run agree on ids, dates, HTML handling and on which
records are errors. A Parquet row is one such record with columns instead
of keys.
"""

from __future__ import annotations

import gzip
import json
from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path
from typing import Any

from rasd.engine.plan import Chunk
from rasd.errors import InputError
from rasd.ingest.readers import RawDocument, jsonl_record

__all__ = ["MAX_RECORD_BYTES", "read_chunk"]

#: The same per-document bound as ``rasd extract`` (50 MB).
MAX_RECORD_BYTES = 50_000_000
_PARQUET_BATCH_ROWS = 2048


def _record_path(path: str) -> Path:
    """The path a record's default id is derived from (``shard.jsonl.gz`` ids read like ``shard.jsonl``'s)."""
    return Path(path.removesuffix(".gz"))


def _parse(line: bytes, number: int, chunk: Chunk) -> RawDocument | InputError:
    origin = f"{chunk.path}:line {number}"
    try:
        return jsonl_record(line, number, _record_path(chunk.path), origin, {}, MAX_RECORD_BYTES)
    except InputError as exc:
        return exc


def _jsonl(chunk: Chunk) -> Iterator[RawDocument | InputError]:
    with open(chunk.path, "rb") as f:
        f.seek(chunk.start)
        number, pos = chunk.first_line, chunk.start
        while pos < chunk.stop:
            line = f.readline()
            if not line:
                break
            pos += len(line)
            if line.strip():
                yield _parse(line, number, chunk)
            number += 1


def _jsonl_gz(chunk: Chunk) -> Iterator[RawDocument | InputError]:
    try:
        with gzip.open(chunk.path, "rb") as f:
            for number, line in enumerate(f, start=1):
                if line.strip():
                    yield _parse(line, number, chunk)
    except (OSError, EOFError) as exc:  # a truncated or corrupt gzip stream: the rest of the file is lost
        yield InputError(f"unreadable gzip data ({exc})", source=chunk.path)


def _plain(value: Any) -> Any:
    """A Parquet cell as JSON: dates and timestamps as ISO text."""
    return value.isoformat() if isinstance(value, date | datetime) else value


def _parquet(chunk: Chunk) -> Iterator[RawDocument | InputError]:
    import pyarrow.parquet as pq

    file = pq.ParquetFile(chunk.path)
    row = sum(file.metadata.row_group(i).num_rows for i in range(chunk.start)) + 1
    for batch in file.iter_batches(batch_size=_PARQUET_BATCH_ROWS, row_groups=range(chunk.start, chunk.stop)):
        for record in batch.to_pylist():
            line = json.dumps({k: _plain(v) for k, v in record.items()}, ensure_ascii=False).encode("utf-8")
            doc = _parse(line, row, chunk)
            if isinstance(doc, InputError):
                doc.source = f"{chunk.path}:row {row}"
            yield doc
            row += 1


def read_chunk(chunk: Chunk) -> Iterator[RawDocument | InputError]:
    """Documents of ``chunk`` in file order; a bad record is yielded as an error in its place."""
    readers = {"jsonl": _jsonl, "jsonl.gz": _jsonl_gz, "parquet": _parquet}
    return readers[chunk.kind](chunk)
