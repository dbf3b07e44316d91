"""Batch planning: inputs to a fixed list of partitions, each a few input chunks.

A plan is computed once, saved in the manifest and reused by every re-run,
so a partition id means the same documents forever: that is what lets a
re-run skip finished partitions and what makes the single-process and the
Dask outputs file-for-file identical. Chunks are cut where reading can
start cheaply: plain JSON Lines at line starts (found here, with the line
number, so a task never scans for its start), gzip files whole (a gzip
stream cannot be entered in the middle), Parquet at row-group boundaries.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from rasd.errors import ConfigError

__all__ = ["DEFAULT_PARTITION_BYTES", "Chunk", "Partition", "Plan", "discover", "plan_batch"]

#: Input bytes per partition when ``--partitions`` is not given. It bounds a task's memory:
#: a partition's documents and events are held until its files are written (~10× its input).
DEFAULT_PARTITION_BYTES = 32 * 1024 * 1024
_SUFFIXES = (".jsonl", ".jsonl.gz", ".parquet")
_SCAN_BLOCK = 16 * 1024 * 1024


@dataclass(frozen=True, slots=True)
class Chunk:
    """A readable piece of one input: bytes ``start:stop`` from line ``first_line`` (JSON Lines), or row groups ``start:stop`` (Parquet)."""

    path: str
    kind: str  # "jsonl", "jsonl.gz" or "parquet"
    start: int
    stop: int
    first_line: int = 1
    weight: int = 0


@dataclass(frozen=True, slots=True)
class Partition:
    """One unit of work and of output: its files are named after ``id``."""

    id: str
    chunks: tuple[Chunk, ...]


@dataclass(slots=True)
class Plan:
    """Every partition of a batch and the inputs they were cut from (path, size, mtime)."""

    inputs: list[dict[str, Any]]
    partitions: list[Partition]
    extraction_version: str
    fingerprint: str = field(default="")

    def to_dict(self) -> dict[str, Any]:
        """The plan as the manifest stores it."""
        return {
            "inputs": self.inputs, "extraction_version": self.extraction_version, "fingerprint": self.fingerprint,
            "partitions": [{"id": p.id, "chunks": [asdict(c) for c in p.chunks]} for p in self.partitions],
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Plan:
        """A plan read back from a manifest."""
        parts = [Partition(p["id"], tuple(Chunk(**c) for c in p["chunks"])) for p in data["partitions"]]
        return cls(data["inputs"], parts, data["extraction_version"], data["fingerprint"])


def _kind(path: Path) -> str | None:
    name = path.name.lower()
    return next((s[1:] for s in _SUFFIXES if name.endswith(s)), None)


def discover(inputs: Sequence[str]) -> list[Path]:
    """Input files: each file given, and each folder's ``.jsonl``/``.jsonl.gz``/``.parquet`` files in name order."""
    found: list[Path] = []
    for arg in inputs:
        path = Path(arg)
        if path.is_dir():
            files = sorted(p for p in path.rglob("*") if p.is_file() and _kind(p) and not p.name.startswith("."))
            if not files:
                raise ConfigError("no .jsonl, .jsonl.gz or .parquet files in folder", source=arg)
            found += files
        elif not path.is_file():
            raise ConfigError("no such file or folder", source=arg)
        elif _kind(path) is None:
            raise ConfigError("batch inputs are .jsonl, .jsonl.gz or .parquet files (or folders of them)", source=arg)
        else:
            found.append(path)
    return found


def _jsonl_chunks(path: Path, size: int, target: int) -> Iterator[Chunk]:
    """Cut a plain JSON Lines file at the first line start after every ``target`` bytes."""
    start, line = 0, 1
    with path.open("rb") as f:
        while start < size:
            cut, lines, pos = start + target, 0, start
            f.seek(start)
            while pos < min(cut, size):
                block = f.read(min(_SCAN_BLOCK, cut - pos))
                lines += block.count(b"\n")
                pos += len(block)
            if pos < size:
                rest = f.readline()  # finish the line the cut fell in
                lines += rest.endswith(b"\n")
                pos += len(rest)
            yield Chunk(str(path), "jsonl", start, pos, line, pos - start)
            start, line = pos, line + lines


def _parquet_chunks(path: Path, target: int) -> Iterator[Chunk]:
    """Group consecutive row groups until they hold about ``target`` bytes."""
    import pyarrow.parquet as pq

    meta = pq.ParquetFile(path).metadata
    start, weight = 0, 0
    for i in range(meta.num_row_groups):
        weight += meta.row_group(i).total_byte_size
        if weight >= target or i == meta.num_row_groups - 1:
            yield Chunk(str(path), "parquet", start, i + 1, weight=weight)
            start, weight = i + 1, 0


def _chunks(path: Path, target: int) -> Iterator[Chunk]:
    kind, size = _kind(path), path.stat().st_size
    if kind == "jsonl":
        yield from _jsonl_chunks(path, size, target)
    elif kind == "parquet":
        yield from _parquet_chunks(path, target)
    else:
        yield Chunk(str(path), "jsonl.gz", 0, size, weight=size * 4)  # gzip: text is ~4× its compressed size


def _pack(chunks: list[Chunk], target: int) -> list[Partition]:
    """Consecutive chunks into partitions of about ``target`` weight each."""
    parts: list[list[Chunk]] = [[]]
    weight = 0
    for chunk in chunks:
        if parts[-1] and weight + chunk.weight > target * 1.5:
            parts.append([])
            weight = 0
        parts[-1].append(chunk)
        weight += chunk.weight
    return [Partition(f"p{i:05d}", tuple(group)) for i, group in enumerate(parts) if group]


def plan_batch(inputs: Sequence[str], *, extraction_version: str, partitions: int | None = None) -> Plan:
    """Cut ``inputs`` into about ``partitions`` partitions (by default one per 32 MB of input)."""
    files = discover(inputs)
    total = sum(f.stat().st_size * (4 if _kind(f) == "jsonl.gz" else 1) for f in files)
    if partitions is not None and partitions < 1:
        raise ConfigError(f"--partitions must be at least 1, got {partitions}")
    target = max(1, -(-total // partitions)) if partitions else DEFAULT_PARTITION_BYTES
    chunks = [c for f in files for c in _chunks(f, target)]
    described = [{"path": str(f), "size": f.stat().st_size, "mtime_ns": f.stat().st_mtime_ns} for f in files]
    plan = Plan(described, _pack(chunks, target), extraction_version)
    blob = json.dumps({k: v for k, v in plan.to_dict().items() if k != "fingerprint"}, sort_keys=True).encode()
    plan.fingerprint = hashlib.sha256(blob).hexdigest()[:16]
    return plan
