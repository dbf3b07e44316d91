"""Rasd's scorer agrees with the reference scorer shipped with the gold sets (../shared/tools/score_events.py).

Both are run on the same files: small gold and prediction files written here,
and the real shared gold sets with predictions derived from them by seeded
perturbations (dropped, shifted, mistyped, duplicated and invented events).
"""

from __future__ import annotations

import copy
import json
import random
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from evalhelpers import REFERENCE, as_prediction, gold_event, shared_path, write_json, write_jsonl

from rasd.evaluate import load_gold, score, to_json

pytestmark = pytest.mark.shared


def _reference(preds: Path, gold: list[Path]) -> dict[str, Any]:
    shared_path("tools", "score_events.py")
    out = subprocess.run([sys.executable, str(REFERENCE), str(preds), *map(str, gold), "--json"],
                         capture_output=True, text=True, check=True, timeout=60)
    return json.loads(out.stdout)


def _assert_agree(preds: Path, gold: list[Path]) -> None:
    ref = _reference(preds, gold)
    ours = to_json(score([json.loads(x) for x in preds.read_text(encoding="utf-8").splitlines() if x.strip()],
                         load_gold(gold)))
    assert ours["events"] == ref["events"]
    assert {f: ours["fields"][f] for f in ref["fields"]} == ref["fields"]
    assert len(ref["problems"]) == ours["events"]["fp"] + ours["events"]["fn"] + sum(
        1 for e in ours["errors"] if e["field"] in ref["fields"] and e["kind"] == f"wrong {e['field']}")


def _perturb(event: dict[str, Any], rng: random.Random) -> list[dict[str, Any]]:
    """Zero, one or two produced events for a gold event, each wrong in some ways."""
    roll = rng.random()
    if roll < 0.15:
        return []
    pred = copy.deepcopy(event)
    if rng.random() < 0.2:
        pred["event_type"] = rng.choice(["Battles", "Violence against civilians", "Protests", "Explosions/Remote violence"])
    if rng.random() < 0.3:
        pred["event_date"] = _shift(pred.get("event_date"), rng.choice([-40, -8, -3, -1, 1, 6, 31]))
    if rng.random() < 0.3:
        pred["location"], pred["location_ar"] = rng.choice([("Nowhere", None), (None, None), ("Gaza", "غزة")])
    if rng.random() < 0.3:
        pred["admin1"] = rng.choice([None, "Aleppo", "محافظة حمص", "دير الزور", "Gaza", "الضفة الغربية", "Rural Damascus"])
    if rng.random() < 0.3:
        pred["fatalities"] = rng.choice([None, 0, 1, 3, 12])
        pred["fatalities_known"] = rng.choice([True, False])
    if rng.random() < 0.2:
        pred["injuries"] = rng.choice([None, 0, 4])
    if rng.random() < 0.3:
        pred["actor1"], pred["actor2"] = rng.choice([(pred.get("actor2"), pred.get("actor1")), ("Unidentified Armed Group", None),
                                                     ("Israel", None), ("Civilians", "Military Forces of Syria")])
    if rng.random() < 0.2:
        pred["sub_event_type"] = rng.choice(["Armed clash", "Attack", "Shelling/artillery/missile attack", "Other"])
    _take_alternatives(pred, event, rng)
    out = [pred]
    if rng.random() < 0.1:
        out.append(copy.deepcopy(pred))
    return out


def _take_alternatives(pred: dict[str, Any], event: dict[str, Any], rng: random.Random) -> None:
    """Sometimes answer with a value the coders also accepted (or an unknown count where they allowed it)."""
    if event.get("event_type_also_accepted") and rng.random() < 0.5:
        pred["event_type"], pred["sub_event_type"] = rng.choice(event["event_type_also_accepted"])
    for key in ("fatalities", "injuries"):
        if event.get(f"{key}_also_accepted") and rng.random() < 0.5:
            pred[key] = rng.choice(event[f"{key}_also_accepted"])
            pred[f"{key}_known"] = pred[key] is not None or rng.random() < 0.5
    if event.get("event_date_also_accepted") and rng.random() < 0.5:
        pred["event_date"] = rng.choice(event["event_date_also_accepted"])


def _shift(value: Any, days: int) -> Any:
    from datetime import date, timedelta

    try:
        return (date.fromisoformat(str(value)[:10]) + timedelta(days=days)).isoformat()
    except ValueError:
        return value


def _predictions(gold_docs: list[dict[str, Any]], seed: int) -> list[dict[str, Any]]:
    rng = random.Random(seed)
    preds = []
    for doc in gold_docs:
        for event in doc["events"]:
            preds += [as_prediction(p, doc["doc_id"]) for p in _perturb(event, rng)]
        if rng.random() < 0.3:
            preds.append({"doc_id": doc["doc_id"], "event_type": "Protests", "sub_event_type": "Peaceful protest",
                          "event_date": doc.get("published"), "location": "Ramallah", "fatalities": 0})
    return preds


def test_agrees_on_written_files(tmp_path: Path) -> None:
    events = [
        gold_event(),
        gold_event(id="E2", event_date="2024-02-20", time_precision=2, event_type="Battles", sub_event_type="Armed clash",
                   actor2="Hayat Tahrir al-Sham", fatalities=None, injuries=3, admin1=None),
        gold_event(id="E3", required=False, event_type="Strategic developments", sub_event_type="Other"),
        gold_event(id="E4", event_date="2024-01-01", time_precision=3, location="Saraqib", latitude=35.86,
                   longitude=36.80, radius_km=5, location_also_accepted=["Saraqeb"]),
    ]
    gold = write_json(tmp_path / "t.gold.json", {"doc_id": "t", "events": events})
    gold2 = write_jsonl(tmp_path / "more.jsonl", [{"doc_id": "u", "events": events[:2]}, {"doc_id": "v", "events": []}])
    for seed in range(25):
        preds = _predictions(load_gold([gold, gold2]), seed)
        _assert_agree(write_jsonl(tmp_path / f"p{seed}.jsonl", preds), [gold, gold2])


def test_agrees_on_single_document_without_doc_ids(tmp_path: Path) -> None:
    gold = write_json(tmp_path / "t.gold.json", {"doc_id": "t", "events": [gold_event()]})
    pred = as_prediction(gold_event(fatalities=4), "t")
    del pred["doc_id"]
    _assert_agree(write_jsonl(tmp_path / "p.jsonl", [pred]), [gold])


SHARED_GOLD = ["examples", "corpus/dev-gold.jsonl", "corpus/ant-dev-gold.jsonl",
               "corpus/dev2-leads-gold.jsonl", "corpus/dev2-ant-gold.jsonl"]


@pytest.mark.parametrize("gold_set", SHARED_GOLD)
def test_agrees_on_shared_gold(tmp_path: Path, gold_set: str) -> None:
    base = shared_path(*gold_set.split("/"))
    gold = sorted(base.glob("*.gold.json")) if base.is_dir() else [base]
    docs = load_gold(gold)
    for seed in range(10):
        _assert_agree(write_jsonl(tmp_path / f"p{seed}.jsonl", _predictions(docs, seed)), gold)
    perfect = [as_prediction(e, d["doc_id"]) for d in docs for e in d["events"] if e.get("required", True)]
    _assert_agree(write_jsonl(tmp_path / "perfect.jsonl", perfect), gold)


@pytest.mark.parametrize(
    ("gold_set", "docs"),
    [("examples", None), ("corpus/dev-gold.jsonl", "corpus/aljazeera-leads.jsonl"),
     ("corpus/ant-dev-gold.jsonl", "corpus/ant-conflict-news.jsonl"),
     ("corpus/dev2-leads-gold.jsonl", "corpus/aljazeera-leads.jsonl"),
     ("corpus/dev2-ant-gold.jsonl", "corpus/ant-conflict-news.jsonl")],
)
def test_agrees_on_the_extractors_own_output(tmp_path: Path, gold_set: str, docs: str | None) -> None:
    from rasd.evaluate import find_sources, predict

    base = shared_path(*gold_set.split("/"))
    gold = sorted(base.glob("*.gold.json")) if base.is_dir() else [base]
    sources = find_sources(gold, [shared_path(*docs.split("/"))] if docs else [])
    produced = predict([src for _, src in sources], progress=False)
    _assert_agree(write_jsonl(tmp_path / "produced.jsonl", produced), gold)
