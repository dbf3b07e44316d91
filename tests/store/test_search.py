"""Full-text search: Arabic spelling variants fold together, clitics need no stemming, both backends agree."""

from __future__ import annotations

import pytest
from store_factories import doc

from rasd.store import Store

TEXTS = {
    "a": "قصف مدفعي على بلدة كفرنبل في ريف إدلب الجنوبي",
    "b": "وبالغارة الجوية استُهدفت مدرسةٌ في مخيم جباليا",
    "c": "مظاهرة سلمية في ساحة المدينة للمطالبة بالإفراج عن المعتقلين",
}


@pytest.fixture
def filled(store: Store) -> Store:
    for key, text in TEXTS.items():
        store.save(doc(key, text, published=f"2023-10-1{len(key) + ord(key) % 3}"), [])
    return store


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("كفرنبل", {"a"}),
        ("ادلب", {"a"}),  # hamza folded: إدلب
        ("الغارة", {"b"}),  # inside وبالغارة, ة folded to ه
        ("الغاره", {"b"}),
        ("استهدفت مدرسة", {"b"}),  # harakat removed from the text: استُهدفت مدرسةٌ
        ("مخيم جباليا", {"b"}),
        ('"ساحة المدينة"', {"c"}),
        ('"المدينة ساحة"', set()),
        ("في", {"a", "b", "c"}),  # a two-letter word: checked without the trigram index
        ("قصف جباليا", set()),  # every word must occur
        ("", set()),
    ],
)
def test_search_finds_folded_variants(filled: Store, query: str, expected: set[str]) -> None:
    assert {h.doc_key for h in filled.search(query)} == expected


def test_snippet_marks_the_match_in_the_original_text(filled: Store) -> None:
    (hit,) = filled.search("مدرسة")
    assert "[مدرسةٌ]" in hit.snippet or "[مدرسة]" in hit.snippet


def test_resaved_document_is_reindexed(store: Store) -> None:
    store.save(doc("a", "نص عن حلب"), [])
    store.save(doc("a", "نص عن حمص"), [])
    assert [h.doc_key for h in store.search("حمص")] == ["a"] and store.search("حلب") == []


def test_query_special_characters_are_harmless(filled: Store) -> None:
    for q in ['"', "%", "_", "a OR b", "NEAR(x y)", "'; DROP TABLE documents; --"]:
        filled.search(q)
    assert filled.counts()["documents"] == 3


@pytest.mark.parametrize(
    ("query", "marked"),
    [
        ("دير الزور", "قصف على [دير] [الزور] صباحا، وفي ريف [دير] [الزور]"),  # every word, every time it occurs
        ('"دير الزور"', "قصف على [دير الزور] صباحا، وفي ريف [دير الزور]"),  # a quoted phrase as one
        ("الزور دير", "قصف على [دير] [الزور] صباحا، وفي ريف [دير] [الزور]"),  # the query's order does not matter
    ],
)
def test_snippet_marks_every_word_of_the_query(query: str, marked: str) -> None:
    from rasd.store.search import query_terms, snippet

    text = "قصف على دير الزور صباحا، وفي ريف دير الزور قتيلان."
    assert snippet(text, query_terms(query)).startswith(marked)
