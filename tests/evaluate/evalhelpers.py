"""Helpers for the evaluation tests: gold and prediction files written by the tests themselves."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[2]
SHARED = ROOT.parent / "shared"
REFERENCE = SHARED / "tools" / "score_events.py"

# Gold-only keys that a produced event never has.
_GOLD_ONLY = ("id", "required", "what", "evidence", "date_evidence", "location_note", "fatalities_note")


def shared_path(*parts: str) -> Path:
    """A path in ../shared/, or skip the test with the reason."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"needs ../shared/{'/'.join(parts)} (the shared material beside the project), which is missing")
    return path


def as_prediction(gold_event: dict[str, Any], doc_id: str) -> dict[str, Any]:
    """A produced event that codes exactly what the gold event says."""
    pred = {k: v for k, v in gold_event.items() if k not in _GOLD_ONLY and not k.endswith(("_aliases", "_also_accepted"))}
    pred["doc_id"] = doc_id
    if "fatalities" in gold_event and gold_event["fatalities"] is None:
        pred["fatalities_known"] = False
    if "injuries" in gold_event and gold_event["injuries"] is None:
        pred["injuries_known"] = False
    return pred


def write_jsonl(path: Path, records: list[dict[str, Any]]) -> Path:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    return path


def write_json(path: Path, record: dict[str, Any]) -> Path:
    path.write_text(json.dumps(record, ensure_ascii=False), encoding="utf-8")
    return path


def gold_event(**fields: Any) -> dict[str, Any]:
    """A required gold event: an airstrike in Idlib on 2024-03-02 unless fields say otherwise."""
    base = {
        "id": "E1", "required": True, "what": "test event",
        "event_date": "2024-03-02", "time_precision": 1,
        "event_type": "Explosions/Remote violence", "sub_event_type": "Air/drone strike",
        "actor1": "Military Forces of Russia", "actor1_aliases": ["روسيا"],
        "admin1": "Idlib", "location": "Maarat al-Numan", "location_ar": "معرة النعمان",
        "latitude": 35.6477, "longitude": 36.6746, "fatalities": 2,
    }
    return base | fields
