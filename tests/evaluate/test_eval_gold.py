"""Reading gold files and finding each gold document's text."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from evalhelpers import gold_event, write_json, write_jsonl

from rasd.errors import InputError
from rasd.evaluate.gold import find_sources, load_gold

TEXT = "قصفت طائرات حربية روسية أمس الاثنين بلدة معرة النعمان ما أدى لمقتل شخصين."


def test_gold_json_and_jsonl(tmp_path: Path) -> None:
    one = write_json(tmp_path / "a.gold.json", {"doc_id": "a", "events": [gold_event()]})
    many = write_jsonl(tmp_path / "g.jsonl", [{"doc_id": "b", "events": []}, {"doc_id": "c", "events": [gold_event()]}])
    assert [d["doc_id"] for d in load_gold([one, many])] == ["a", "b", "c"]


@pytest.mark.parametrize("content", ["{not json", '{"events": []}', '{"doc_id": "x", "events": 3}'])
def test_bad_gold_is_an_input_error(tmp_path: Path, content: str) -> None:
    path = tmp_path / "bad.gold.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(InputError, match="bad.gold.json"):
        load_gold([path])


def test_missing_file_is_an_input_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="cannot read"):
        load_gold([tmp_path / "nope.jsonl"])


def test_text_beside_the_gold_file(tmp_path: Path) -> None:
    gold = write_json(tmp_path / "art.gold.json", {"doc_id": "art", "published": "2024-03-03", "events": []})
    (tmp_path / "art.txt").write_text(TEXT, encoding="utf-8")
    write_json(tmp_path / "art.meta.json", {"source": "Test Wire", "published": "2024-03-03", "title": "عنوان"})
    [(_, src)] = find_sources([gold], [])
    assert (src.doc_id, src.text, src.published, src.source, src.title) == ("art", TEXT, date(2024, 3, 3), "Test Wire", "عنوان")


def test_text_from_docs_jsonl_with_gold_date_as_fallback(tmp_path: Path) -> None:
    gold = write_jsonl(tmp_path / "g.jsonl", [{"doc_id": "x1", "published": "2024-03-03", "events": []}])
    docs = write_jsonl(tmp_path / "docs.jsonl", [{"doc_id": "x1", "text": TEXT, "source": "Wire"}, {"doc_id": "x2", "text": "…"}])
    [(_, src)] = find_sources([gold], [docs])
    assert src.text == TEXT and src.published == date(2024, 3, 3) and src.source == "Wire"


def test_no_text_names_the_documents_and_the_fix(tmp_path: Path) -> None:
    gold = write_jsonl(tmp_path / "g.jsonl", [{"doc_id": f"x{i}", "events": []} for i in range(7)])
    with pytest.raises(InputError, match=r"x0, x1, x2, x3, x4 and 2 more.*--docs"):
        find_sources([gold], [])


def test_jsonl_lines_split_on_newlines_only(tmp_path: Path) -> None:
    docs = write_jsonl(tmp_path / "docs.jsonl", [{"doc_id": "x", "text": "سطر\u2028سطر\x1cآخر"}, {"doc_id": "y", "text": "ب"}])
    gold = write_jsonl(tmp_path / "g.jsonl", [{"doc_id": "x", "events": []}])
    [(_, src)] = find_sources([gold], [docs])
    assert src.text == "سطر\u2028سطر\x1cآخر"
