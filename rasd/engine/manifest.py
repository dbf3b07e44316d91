"""The output folder's bookkeeping: the manifest, done markers and atomic writes.

A partition is finished when its done marker exists, and only then: the
marker lists the partition's files and is written last, by an atomic
rename. So a task killed at any point leaves either a marker or nothing
that counts — the files it had already moved into place are rewritten,
identically, by the retry, and anything no marker lists is swept away at
the end of a run. ``manifest.json`` is the human-readable summary (inputs,
plan, counts, timings); the markers are the truth it is rebuilt from.

    OUT/manifest.json
    OUT/_done/p00003.json         one per finished partition (and merged.json for the merge stage)
    OUT/_staging/                 tasks' files before they are published
    OUT/events/year=…/month=…/country=…/p00003.parquet
    OUT/documents/year=…/month=…/p00003.parquet
    OUT/merged/country=…/events.parquet
"""

from __future__ import annotations

import json
import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from rasd.engine.plan import Plan
from rasd.errors import ConfigError

__all__ = [
    "MANIFEST", "TABLES", "atomic_write_bytes", "committed_files", "done_markers", "load_plan", "marker_path",
    "read_marker", "staging_dir", "sweep", "write_manifest", "write_marker",
]

MANIFEST = "manifest.json"
TABLES = ("events", "documents", "merged")
_DONE, _STAGING = "_done", "_staging"
FORMAT = 1


def atomic_write_bytes(path: Path, data: bytes) -> None:
    """Write ``path`` so that readers see the old file or the whole new one, never a part."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _write_json(path: Path, data: Any) -> None:
    atomic_write_bytes(path, json.dumps(data, ensure_ascii=False, indent=1).encode("utf-8"))


def marker_path(out: Path, name: str) -> Path:
    """The done marker of partition (or stage) ``name``."""
    return out / _DONE / f"{name}.json"


def staging_dir(out: Path, name: str) -> Path:
    """Where ``name``'s task writes before publishing; cleared at the start of each attempt."""
    return out / _STAGING / name


def write_marker(out: Path, name: str, result: dict[str, Any]) -> None:
    """Commit ``name``: from now on its files count and a re-run skips it."""
    _write_json(marker_path(out, name), result)


def read_marker(out: Path, name: str) -> dict[str, Any] | None:
    """What finished task ``name`` reported, or ``None`` if it has not finished."""
    path = marker_path(out, name)
    return json.loads(path.read_text(encoding="utf-8")) if path.is_file() else None


def done_markers(out: Path) -> dict[str, dict[str, Any]]:
    """Every finished task's result, by name."""
    folder = out / _DONE
    if not folder.is_dir():
        return {}
    return {p.stem: json.loads(p.read_text(encoding="utf-8")) for p in sorted(folder.glob("*.json"))}


def committed_files(out: Path, table: str) -> list[Path]:
    """The files of ``table`` that finished tasks published, in partition order."""
    return [out / f for marker in done_markers(out).values() for f in marker.get("files", {}).get(table, [])]


def load_plan(out: Path, plan: Plan) -> Plan:
    """The plan to run: the one in ``out``'s manifest when it is the same batch, else ``plan`` for a new folder.

    A folder that holds a different batch (other inputs, changed files, another
    extraction version or partition count) is an error, not silently mixed.
    """
    path = out / MANIFEST
    if not path.is_file():
        if out.exists() and any(out.iterdir()):
            raise ConfigError("output folder is not empty and holds no batch manifest", source=str(out))
        return plan
    saved = json.loads(path.read_text(encoding="utf-8"))
    if saved.get("plan", {}).get("fingerprint") != plan.fingerprint:
        raise ConfigError(
            "output folder holds another batch (inputs, partitions or extraction version differ); use a new --out",
            source=str(out),
        )
    return Plan.from_dict(saved["plan"])


def write_manifest(out: Path, plan: Plan, summary: dict[str, Any]) -> None:
    """Rewrite ``manifest.json``: the plan, each partition's state and counts, and ``summary``."""
    markers = done_markers(out)
    partitions = [
        {"id": p.id, "chunks": len(p.chunks), "done": p.id in markers, **(markers.get(p.id) or {}).get("counts", {})}
        for p in plan.partitions
    ]
    totals: dict[str, int] = {}
    for p in plan.partitions:
        for key, value in (markers.get(p.id) or {}).get("counts", {}).items():
            totals[key] = totals.get(key, 0) + value
    _write_json(out / MANIFEST, {
        "format": FORMAT, "extraction_version": plan.extraction_version, "inputs": plan.inputs,
        "counts": totals, "partition_status": partitions, **summary, "plan": plan.to_dict(),
    })


def _tree_files(out: Path) -> Iterator[Path]:
    for table in TABLES:
        if (out / table).is_dir():
            yield from (p for p in (out / table).rglob("*") if p.is_file())


def sweep(out: Path) -> int:
    """Delete staging leftovers and any table file no done marker lists; returns how many files went."""
    keep = {out / f for marker in done_markers(out).values() for files in marker.get("files", {}).values() for f in files}
    gone = [p for p in _tree_files(out) if p not in keep]
    for path in gone:
        path.unlink()
    shutil.rmtree(out / _STAGING, ignore_errors=True)
    return len(gone)
