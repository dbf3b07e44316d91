"""Headline clauses (rasd/text/segment.py): a headline has no commas, so "و" + a new subject + a verb
starts a clause of its own.

Every sentence here is written for these tests (no corpus text).
"""

from __future__ import annotations

from collections.abc import Callable

from rasd.doc import Doc


def _title_clauses(doc: Doc) -> list[str]:
    return [doc.ntext[s:e].strip() for s, e in doc.clauses if s < doc.title_end]


def test_waw_with_a_new_subject_and_verb_starts_a_headline_clause(prepared: Callable[[str], Doc]) -> None:
    doc = prepared("قصف على بلدة في إدلب والجيش التركي يرد بالمدفعية\nقصفت قوات النظام اليوم بلدة في ريف إدلب.")
    assert _title_clauses(doc) == ["قصف علي بلده في ادلب", "والجيش التركي يرد بالمدفعيه"]


def test_waw_joining_nouns_or_a_number_is_no_clause(prepared: Callable[[str], Doc]) -> None:
    doc = prepared("مقتل وإصابة تسعة مدنيين بقصف على درعا\nقصفت قوات النظام اليوم مدينة درعا.")
    assert len(_title_clauses(doc)) == 1
    doc = prepared("منظمة ووتش تدين قصف درعا\nقصفت قوات النظام اليوم مدينة درعا.")
    assert len(_title_clauses(doc)) == 1


def test_body_sentences_keep_their_clauses(prepared: Callable[[str], Doc]) -> None:
    doc = prepared("قصف على درعا\nقصفت قوات النظام درعا والفصائل تستهدف مواقعها.")
    assert len([c for c in doc.clauses if c[0] >= doc.title_end]) == 1


def test_waw_with_a_new_figure_starts_a_headline_clause(prepared: Callable[[str], Doc]) -> None:
    doc = prepared("5 قتلى بقصف على درعا و3 جرحى باشتباكات في إدلب\nقصفت قوات النظام اليوم مدينة درعا.")
    assert _title_clauses(doc) == ["5 قتلي بقصف علي درعا", "و3 جرحي باشتباكات في ادلب"]


def test_waw_with_a_number_of_people_or_after_a_bare_figure_is_no_clause(prepared: Callable[[str], Doc]) -> None:
    doc = prepared("إصابة ضابطين و3 جنود بقصف على درعا\nقصفت قوات النظام اليوم مدينة درعا.")
    assert len(_title_clauses(doc)) == 1
    doc = prepared("قتيل و3 جرحى بقصف على درعا\nقصفت قوات النظام اليوم مدينة درعا.")
    assert len(_title_clauses(doc)) == 1
