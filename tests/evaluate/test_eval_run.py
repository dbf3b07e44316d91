"""Evaluation runs the public extraction API with what a feed would give it."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from evalhelpers import gold_event, write_json, write_jsonl

import rasd
from rasd.evaluate import evaluate
from rasd.model import Event, Span


def test_extracts_through_rasd_extract(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    calls = []

    def fake_extract(text: str, **kw: object) -> list[Event]:
        calls.append(kw)
        return [Event(event_date="2024-03-02", time_precision=1, event_type="Explosions/Remote violence",
                      sub_event_type="Air/drone strike", actor1="Military Forces of Russia", admin1="Idlib",
                      location="Maarat al-Numan", fatalities=2, evidence={"fatalities": [Span(0, 4, "شخصين")]})]

    monkeypatch.setattr(rasd, "extract", fake_extract)
    gold = write_json(tmp_path / "a.gold.json", {"doc_id": "a", "published": "2024-03-03", "events": [gold_event()]})
    (tmp_path / "a.txt").write_text("نص", encoding="utf-8")
    result = evaluate([gold], progress=False)
    assert calls == [{"published": date(2024, 3, 3), "doc_id": "a", "source": None, "title": None}]
    assert (result.tp, result.fp, result.fn) == (1, 0, 0)
    assert result.pairs[0].pred["doc_id"] == "a"


def test_predictions_file_skips_extraction(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(rasd, "extract", lambda *a, **k: pytest.fail("extraction must not run"))
    gold = write_jsonl(tmp_path / "g.jsonl", [{"doc_id": "a", "events": [gold_event()]}])
    preds = write_jsonl(tmp_path / "p.jsonl", [{"doc_id": "a", "event_type": "Battles", "event_date": "2024-03-02"}])
    result = evaluate([gold], predictions=preds)
    assert (result.tp, result.fp, result.fn) == (0, 1, 1)
