"""Planning, reading, resuming, merging and loading, in-process."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from engine_corpus import records
from engine_outputs import PARTITIONS, assert_same_output, table_rows

from rasd.engine import BatchOptions, event_id, load_batch, plan_batch, run_batch
from rasd.engine.sources import read_chunk
from rasd.errors import ConfigError
from rasd.ingest import read_inputs
from rasd.store import open_store


@pytest.mark.parametrize("partitions", [1, 3, 7, 40])
def test_jsonl_chunks_read_exactly_what_rasd_extract_reads(archive: Path, partitions: int) -> None:
    path = archive / "shard-1.jsonl"
    plan = plan_batch([str(path)], extraction_version="v", partitions=partitions)
    assert 1 <= len(plan.partitions) <= partitions and (partitions == 1) == (len(plan.partitions) == 1)
    chunked = [doc for p in plan.partitions for c in p.chunks for doc in read_chunk(c)]
    assert [str(d) for d in chunked] == [str(d) for d in read_inputs([str(path)])]


def test_every_record_is_read_once(archive: Path) -> None:
    plan = plan_batch([str(archive)], extraction_version="v", partitions=PARTITIONS)
    ids = [d.doc_id for p in plan.partitions for c in p.chunks for d in read_chunk(c) if hasattr(d, "doc_id")]
    assert sorted(ids) == sorted(r["doc_id"] for r in records(200))


def test_event_ids_are_stable_and_versioned() -> None:
    assert event_id("a-1", 0, "0.1.0") == event_id("a-1", 0, "0.1.0")
    assert len({event_id("a-1", 0, "0.1.0"), event_id("a-1", 1, "0.1.0"), event_id("a-1", 0, "0.2.0")}) == 3


def test_output_layout_and_manifest(reference: Path) -> None:
    manifest = json.loads((reference / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["counts"]["documents"] == len(records(200))
    assert manifest["counts"]["failed"] == 1  # the malformed line, recorded with its place
    assert all(p["done"] for p in manifest["partition_status"])
    assert {"plan_s", "extract_s", "merge_s", "total_s", "docs_per_s"} <= set(manifest["timings"])
    event_dirs = {p.parent.relative_to(reference).as_posix() for p in (reference / "events").rglob("*.parquet")}
    assert "events/year=2023/month=1/country=Syria" in event_dirs
    assert (reference / "documents/year=2023/month=1").is_dir()


def _fail_at(partition: str, stage: str, partition_id: str) -> None:
    if stage == "staged" and partition_id == partition:
        raise RuntimeError("simulated crash")


def test_rerun_skips_finished_partitions(archive: Path, reference: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    with pytest.raises(RuntimeError, match="simulated crash"):
        run_batch([str(archive)], out, BatchOptions(engine="local", partitions=PARTITIONS, hook=lambda s, p: _fail_at("p00003", s, p)))
    resumed = run_batch([str(archive)], out, BatchOptions(engine="local", partitions=PARTITIONS))
    assert resumed["partitions"] == {"total": PARTITIONS, "run": PARTITIONS - 3, "skipped": 3}
    assert_same_output(out, reference)
    again = run_batch([str(archive)], out, BatchOptions(engine="local", partitions=PARTITIONS))
    assert again["partitions"]["run"] == 0 and again["this_run"]["documents"] == 0
    assert_same_output(out, reference)


def test_another_batch_in_the_same_folder_is_refused(archive: Path, reference: Path) -> None:
    with pytest.raises(ConfigError, match="another batch"):
        run_batch([str(archive)], reference, BatchOptions(engine="local", partitions=PARTITIONS + 1))


def test_merge_joins_two_outlets_reports_with_their_sources(reference: Path) -> None:
    merged = table_rows(reference, "merged")
    events = table_rows(reference, "events")
    assert sorted(i for m in merged for i in m["event_ids"]) == sorted(e["event_id"] for e in events)
    pairs = [m for m in merged if m["n_sources"] == 2]
    assert pairs and all(sorted(m["source"].split("; ")) == ["Outlet A", "Outlet B"] for m in pairs)
    assert all({d[0] for d in m["doc_ids"]} == {"a", "b"} for m in pairs)


def test_load_is_idempotent_and_merges_like_the_batch(reference: Path) -> None:
    store = open_store(":memory:")
    first = load_batch(reference, store)
    assert first["new"] == len(records(200)) and first["failed"] == 1
    counts = store.counts()
    assert counts["events"] == len(table_rows(reference, "merged"))
    second = load_batch(reference, store)
    assert second["new"] == 0 and second["unchanged"] == len(records(200)) and second["failed"] == 0
    assert store.counts()["events"] == counts["events"] and store.counts()["dead_letters"] == 1
