"""Ingest runs: idempotent, re-extracting changed documents, dead-lettering bad input and retrying it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from ingest_fakes import fake_analyse

from rasd.ingest.retry import retry_failures
from rasd.ingest.run import Ingester, doc_key, ingest
from rasd.store import Store, open_store


@pytest.fixture
def store(tmp_path: Path) -> Store:
    s = open_store(str(tmp_path / "rasd.db"))
    yield s  # type: ignore[misc]
    s.close()


def _jsonl(path: Path, records: list[dict[str, object]]) -> Path:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    return path


def _corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text("غارة على القرية 1 وسقوط قتلى 4", encoding="utf-8")
    (folder / "b.txt").write_text("قصف القرية 2 بعد منتصف الليل", encoding="utf-8")
    _jsonl(folder / "c.jsonl", [
        {"doc_id": "c1", "published": "2023-10-10", "source": "Outlet C", "text": "غارة جديدة على القرية 1 قتلى 6"},
        {"doc_id": "c2", "published": "2023-10-11", "text": "القرية 3 تحت القصف"},
    ])
    return folder


def test_ingest_twice_adds_nothing_the_second_time(store: Store, tmp_path: Path) -> None:
    folder = _corpus(tmp_path)
    first = ingest([str(folder)], store, analyse=fake_analyse, extraction_version="t")
    assert (first.new, first.unchanged, first.failed) == (4, 0, 0)
    assert (first.events_created, first.events_merged) == (3, 1)
    counts = store.counts()
    second = ingest([str(folder)], store, analyse=fake_analyse, extraction_version="t")
    assert (second.new, second.changed, second.unchanged, second.events_created) == (0, 0, 4, 0)
    assert {k: v for k, v in store.counts().items() if k != "ingest_runs"} == {k: v for k, v in counts.items() if k != "ingest_runs"}
    assert store.counts()["ingest_runs"] == 2 and first.seconds > 0 and first.docs_per_second > 0


def test_changed_document_and_new_extraction_version_are_reextracted(store: Store, tmp_path: Path) -> None:
    folder = _corpus(tmp_path)
    ingest([str(folder)], store, analyse=fake_analyse, extraction_version="t")
    (folder / "b.txt").write_text("قصف القرية 4 بعد منتصف الليل", encoding="utf-8")
    run = ingest([str(folder)], store, analyse=fake_analyse, extraction_version="t")
    assert (run.changed, run.unchanged, run.events_created, run.events_removed) == (1, 3, 1, 1)
    assert sorted(e["location"] for e in store.events()) == ["Village 1", "Village 3", "Village 4"]
    rerun = ingest([str(folder)], store, analyse=fake_analyse, extraction_version="t2")
    assert rerun.changed == 4 and len(store.events()) == 3 and store.counts()["event_sources"] == 4


def test_bad_input_is_dead_lettered_and_the_run_goes_on(store: Store, tmp_path: Path) -> None:
    folder = _corpus(tmp_path)
    (folder / "d.txt").write_bytes(b"%PDF-1.7 \x00\x01binary")
    (folder / "e.txt").write_bytes(b"")
    (folder / "f.txt").write_bytes("قصف على القرية 5 قتلى 2".encode("cp1256"))  # legacy encoding: readable
    (folder / "g.txt").write_text("انهيار", encoding="utf-8")
    (folder / "h.jsonl").write_text('{"doc_id": "h1", "text": "القرية 6"}\n{"doc_id": "h2", "text": \n', encoding="utf-8")
    run = ingest([str(folder)], store, analyse=fake_analyse, extraction_version="t")
    assert run.failed == 4 and run.new == 6
    reasons = {Path(f.origin.split(":line")[0]).name: f.reason for f in store.failures()}
    assert set(reasons) == {"d.txt", "e.txt", "g.txt", "h.jsonl"}
    assert "binary" in reasons["d.txt"].lower() or "pdf" in reasons["d.txt"].lower()
    assert "extraction crashed" in reasons["g.txt"]
    assert "Village 5" in {e["location"] for e in store.events()}


def test_too_large_documents_are_dead_lettered(store: Store, tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    big.write_text("القرية 1 " * 1000, encoding="utf-8")
    run = ingest([str(big)], store, analyse=fake_analyse, extraction_version="t", max_bytes=1000)
    assert run.failed == 1 and "too large" in store.failures()[0].reason


def test_retry_resolves_what_now_goes_through(store: Store, tmp_path: Path) -> None:
    folder = _corpus(tmp_path)
    (folder / "g.txt").write_text("انهيار في القرية 7", encoding="utf-8")
    broken = _jsonl(folder / "h.jsonl", [{"doc_id": "h1", "text": "القرية 6"}])
    broken.write_text(broken.read_text(encoding="utf-8") + '{"doc_id": "h2", "text": \n', encoding="utf-8")
    ingest([str(folder)], store, analyse=fake_analyse, extraction_version="t")
    assert len(store.failures()) == 2
    # Nothing fixed yet: both fail again, counted, not duplicated.
    again = retry_failures(Ingester(store, analyse=fake_analyse, extraction_version="t"))
    assert [r.resolved for r in again] == [False, False] and len(store.failures()) == 2
    # Fix the line and the extractor.
    broken.write_text('{"doc_id": "h1", "text": "القرية 6"}\n{"doc_id": "h2", "text": "القرية 8"}\n', encoding="utf-8")
    fixed = retry_failures(Ingester(store, analyse=lambda text, **kw: fake_analyse(text.replace("انهيار", "قصف"), **kw), extraction_version="t"))
    assert [r.resolved for r in fixed] == [True, True] and store.failures() == []
    assert {"Village 7", "Village 8"} <= {e["location"] for e in store.events()}
    assert all(f.retries == 2 for f in store.failures(include_resolved=True))


def test_stdin_documents_are_keyed_by_content() -> None:
    from rasd.ingest.readers import RawDocument

    raw = RawDocument("stdin", "نص", None, None, None, None, "<stdin>", "ab" * 32)
    assert doc_key(raw) == "sha256:" + "ab" * 32
    assert doc_key(RawDocument("x1", "نص", None, None, None, None, "c.jsonl:line 1", "cd" * 32)) == "x1"
