"""``rasd report``: the quality figures over real extraction output, from a JSONL file and from the store."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from store_factories import doc, strike
from typer.testing import CliRunner

from rasd.cli import app
from rasd.evaluate.quality import quality, toll_bin
from rasd.evaluate.quality_render import bars, quality_markdown
from rasd.model import Span
from rasd.store import open_store

# Articles written for these tests: a strike with a toll, a clash without one, and a text with no event.
ARTICLES = [
    {"doc_id": "q1", "published": "2024-03-04", "title": "غارة على خان يونس",
     "text": "غارة على خان يونس\nقتل 12 فلسطينيا وأصيب 30 آخرون في غارة إسرائيلية على مدينة خان يونس جنوب قطاع غزة فجر اليوم."},
    {"doc_id": "q2", "published": "2024-03-04", "title": "اشتباكات في درعا",
     "text": "اشتباكات في درعا\nاندلعت اشتباكات عنيفة بين قوات النظام السوري ومسلحين في مدينة درعا جنوب سوريا أمس."},
    {"doc_id": "q3", "published": "2024-03-04", "title": "افتتاح معرض الكتاب",
     "text": "افتتاح معرض الكتاب\nافتتح وزير الثقافة معرض الكتاب السنوي في العاصمة بمشاركة مئة دار نشر."},
]


@pytest.mark.parametrize(("value", "told", "label"), [
    (0, True, "0"), (1, True, "1"), (4, True, "2–4"), (5, True, "5–9"), (499, True, "100–499"), (500, True, "500+"),
    (None, True, "unknown"), (None, False, "not told"),
])
def test_toll_bins(value: int | None, told: bool, label: str) -> None:
    assert toll_bin(value, told) == label


def test_bars_scale_to_the_largest_count() -> None:
    lines = bars([("a", 10), ("bb", 5), ("c", 0)], width=10)
    assert lines[0] == " a │██████████ 10 (66.7%)"
    assert lines[1] == "bb │█████      5 (33.3%)"
    assert lines[2].endswith(" 0 (0.0%)")


def _corpus(tmp_path: Path) -> Path:
    path = tmp_path / "corpus.jsonl"
    path.write_text("".join(json.dumps(a, ensure_ascii=False) + "\n" for a in ARTICLES), encoding="utf-8")
    return path


def test_report_over_extracted_jsonl(tmp_path: Path) -> None:
    corpus = _corpus(tmp_path)
    runner = CliRunner()
    extracted = runner.invoke(app, ["extract", str(corpus)])
    assert extracted.exit_code == 0, extracted.output
    events_path = tmp_path / "events.jsonl"
    events_path.write_text(extracted.stdout, encoding="utf-8")
    events = [json.loads(line) for line in extracted.stdout.splitlines() if line.strip()]
    assert {e["doc_id"] for e in events} == {"q1", "q2"}

    result = runner.invoke(app, ["report", str(events_path), "--docs", str(corpus), "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["events"] == len(events) and data["articles"] == 3 and data["articles_with_events"] == 2
    assert dict(data["per_article"])["0"] == 1  # the book fair yields nothing
    top = data["largest"][0]
    assert (top["doc_id"], top["fatalities"], top["injuries"]) == ("q1", 12, 30)
    assert any("12" in span["text"] for span in top["evidence"])
    assert dict(data["fatalities"])["10–19"] == 1
    assert data["missing"]["event_date"] == 0
    assert data["foreign"] == []  # each event lies in a country its article names

    md = runner.invoke(app, ["report", str(events_path), "--no-quote"])
    assert md.exit_code == 0, md.output
    assert "## Largest tolls" in md.stdout and "| q1 |" in md.stdout
    assert "قتل" not in md.stdout  # offsets, not the article's words
    assert "Not measured: pass the documents" in md.stdout


def test_foreign_placement_is_counted() -> None:
    # an event the article places in Yemen while it only speaks of Gaza
    texts = {"f1": "غارة على خان يونس\nقتل 3 في غارة على خان يونس في قطاع غزة."}
    event = {"doc_id": "f1", "country": "Yemen", "location": "Sanaa", "location_ar": "صنعاء", "sub_event_type": "Air/drone strike",
             "fatalities": 3, "event_date": "2024-03-04", "actor2": None}
    q = quality([event], texts)
    assert q.foreign is not None and [f.country for f in q.foreign] == ["Yemen"]
    assert q.missing["actor2"] == 1
    assert "1 events (100.0%) are placed in a country" in quality_markdown(q)


def test_report_over_the_store(tmp_path: Path) -> None:
    db = tmp_path / "q.db"
    with open_store(str(db)) as s:
        s.save(doc("s1"), [strike(fatalities=40, evidence={"fatalities": [Span(10, 12, "40")]})])
        s.save(doc("s2", "مؤتمر صحفي لوزير الخارجية"), [])
    result = CliRunner().invoke(app, ["report", "--db", str(db), "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert (data["events"], data["articles"], data["articles_with_events"]) == (1, 2, 1)
    assert data["largest"][0]["doc_id"] == "s1" and data["largest"][0]["evidence"] == [{"start": 10, "end": 12, "text": "40"}]
    assert dict(data["fatalities"])["20–49"] == 1
