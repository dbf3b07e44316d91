"""The gold the project coded itself (scripts/data/gold/): well formed, scorable, and free of article text.

The corpora are third-party, so the files hold ids, coded values and offsets, and Arabic only where a name is
the value (a place as written, an actor's aliases) or is quoted in a note. With ``../shared/`` present, every offset must fall
inside its article and every coded event must be one ``rasd eval`` can read.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

from rasd.evaluate import load_gold

ROOT = Path(__file__).resolve().parents[2]
GOLD = ROOT / "scripts" / "data" / "gold"
SHARED = ROOT.parent / "shared" / "corpus"
FILES = sorted(GOLD.glob("*.jsonl"))
# the corpus each file codes, by its name
CORPUS = {"leads": "aljazeera-leads.jsonl", "ant": "ant-conflict-news.jsonl"}
_ARABIC_RUN = re.compile(r"[\u0600-\u06FF]+(?:[\s،,.\"'()-]+[\u0600-\u06FF]+)*")
_NAME_FIELDS = ("location_ar", "_aliases", "_also_accepted")
_LONGEST_NAME = 8  # words: "منطقة النجيلي بمخيم الشابورة وسط مدينة رفح" is seven
_LONGEST_QUOTED = 4  # words of Arabic a note may quote (a name: "سرايا القدس"), never a sentence


def _strings(value: Any, field: str = "") -> list[tuple[str, str]]:
    if isinstance(value, str):
        return [(field, value)]
    if isinstance(value, dict):
        return [s for k, v in value.items() for s in _strings(v, k)]
    if isinstance(value, list):
        return [s for v in value for s in _strings(v, field)]
    return []


def _records(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def test_there_is_own_gold_of_both_kinds() -> None:
    assert {p.name.split("-")[1] for p in FILES} >= {"leads", "ant"}


@pytest.mark.parametrize("path", FILES, ids=[p.name for p in FILES])
def test_no_article_text_only_names(path: Path) -> None:
    for rec in _records(path):
        for field, text in _strings(rec):
            longest = _LONGEST_NAME if field.endswith(_NAME_FIELDS) else _LONGEST_QUOTED
            for run in _ARABIC_RUN.findall(text):
                assert len(run.split()) <= longest, (rec["doc_id"], field, run)


@pytest.mark.parametrize("path", FILES, ids=[p.name for p in FILES])
def test_each_item_is_coded_to_the_dev2_schema(path: Path) -> None:
    records = _records(path)
    assert len({r["doc_id"] for r in records}) == len(records)
    for rec in records:
        assert {"doc_id", "published", "events", "not_events"} <= rec.keys()
        for ev in rec["events"]:
            assert {"id", "required", "event_date", "event_type", "sub_event_type", "actor1", "country", "location",
                    "fatalities", "evidence_spans"} <= ev.keys(), (rec["doc_id"], ev.get("id"))
            assert ev["evidence_spans"] and all(0 <= s < e for s, e in ev["evidence_spans"])
    assert load_gold([path])  # the scorer reads it


@pytest.mark.skipif(not SHARED.is_dir(), reason=f"{SHARED} is missing: the offsets are checked against the shared corpora")
@pytest.mark.parametrize("path", FILES, ids=[p.name for p in FILES])
def test_offsets_fall_inside_their_articles(path: Path) -> None:
    records = _records(path)
    wanted = {r["doc_id"] for r in records}
    texts: dict[str, str] = {}
    with (SHARED / CORPUS[path.name.split("-")[1]]).open(encoding="utf-8") as f:
        for line in f:
            d = json.loads(line)
            if d["doc_id"] in wanted:
                texts[d["doc_id"]] = d["text"]
    assert wanted == texts.keys()
    for rec in records:
        for ev in rec["events"]:
            assert all(e <= len(texts[rec["doc_id"]]) for _, e in ev["evidence_spans"]), (rec["doc_id"], ev["id"])
