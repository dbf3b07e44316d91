"""``rasd load``: a finished batch folder into the event store, idempotently.

Each document goes through :meth:`rasd.store.Store.save`, the same unit of
work as ``rasd ingest``, so the store merges reports into events with its
own rule and keeps evidence, places and actors — a batch is an ingest whose
extraction ran elsewhere. A document already stored with the same content
hash and extraction version is skipped, and a failure already recorded
(same origin) is not recorded twice, so loading again changes nothing.
Work is read one partition at a time, which bounds memory by partition size.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pyarrow.parquet as pq

from rasd.engine import manifest
from rasd.engine.records import event_from_row, facts_from_row
from rasd.errors import ConfigError
from rasd.model import Event
from rasd.store import DocumentInput, Store

__all__ = ["load_batch"]


def _rows(root: Path, files: list[str]) -> list[dict[str, Any]]:
    return [row for f in files for row in pq.read_table(root / f).to_pylist()]


def _load_partition(store: Store, root: Path, marker: dict[str, Any], counts: dict[str, int]) -> None:
    events: dict[str, list[Event]] = defaultdict(list)
    for row in sorted(_rows(root, marker["files"]["events"]), key=lambda r: (r["doc_id"], r["event_index"])):
        events[row["doc_id"]].append(event_from_row(row))
    for row in _rows(root, marker["files"]["documents"]):
        state = store.document_state(row["doc_id"])
        if state is not None and state.raw_sha256 == row["raw_sha256"] and state.extraction_version == row["extraction_version"]:
            counts["unchanged"] += 1
            continue
        doc = DocumentInput(
            doc_key=row["doc_id"], raw_sha256=row["raw_sha256"], text=row["text"], extraction_version=row["extraction_version"],
            title=row["title"], url=row["url"], source=row["source"], published=row["published"], origin=row["origin"],
            tags=list(row["tags"] or []),
        )
        outcome = store.save(doc, events.get(row["doc_id"], []), facts_from_row(row))
        counts[outcome.status] += 1
        counts["events_created"] += outcome.events_created
        counts["events_merged"] += outcome.events_merged


def load_batch(out: str | Path, store: Store, *, progress: Callable[[int], None] | None = None) -> dict[str, int]:
    """Load every finished partition of batch folder ``out`` into ``store``; returns counts.

    ``progress(n)`` is called after each partition with its number of documents.
    """
    root = Path(out)
    if not (root / manifest.MANIFEST).is_file():
        raise ConfigError("not a batch folder (no manifest.json); make one with rasd batch", source=str(root))
    counts: dict[str, int] = defaultdict(int)
    known = {f.origin for f in store.failures(include_resolved=True)}
    run_id = store.start_run([str(root)])
    for marker in manifest.done_markers(root).values():
        if "counts" not in marker:  # the merge stage's marker: the store merges on its own
            continue
        _load_partition(store, root, marker, counts)
        for failure in marker.get("failures", []):
            if failure["origin"] not in known:
                store.add_failure(origin=failure["origin"], reason=failure["reason"])
                known.add(failure["origin"])
                counts["failed"] += 1
        if progress:
            progress(marker["counts"]["documents"])
    result = {k: counts[k] for k in ("new", "changed", "unchanged", "failed", "events_created", "events_merged")}
    store.finish_run(run_id, result)
    return result
