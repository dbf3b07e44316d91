"""Normalise once, then split into tokens, sentences and clauses.

All three layers hold offsets into the normalised text. Clauses split a
sentence at Arabic commas and semicolons and at quotation marks, so that a
cue such as "تحسباً" governs only its own clause.
"""

from __future__ import annotations

import re

from rasd.doc import Doc
from rasd.lang.ar.normalize import normalize

__all__ = ["Normalize", "Segment"]

_TOKEN = re.compile(r"\d+(?:[.,]\d+)*|[^\W\d]+", re.UNICODE)
_SENTENCE_END = re.compile(r"(?<!\d)[.!?؟](?!\d)[\"'»)\]]*\s*|\n+|\.\.\s*")
_CLAUSE_END = re.compile(r"[،؛;:\"]|,(?!\d)|\s-\s|\(|\)")


def _title_end(text: str) -> int:
    """A first line that is short and ends without a full stop is a headline, not the lead."""
    first_newline = text.find("\n")
    first = text[:first_newline].rstrip() if first_newline > 0 else ""
    return first_newline if first and len(first) <= 200 and not first.endswith(".") else 0


class Normalize:
    """Pipeline component: the folded text every matcher reads, with offsets back."""

    name = "normalize"
    requires: tuple[str, ...] = ("clean",)
    sets: tuple[str, ...] = ("norm",)

    def __call__(self, doc: Doc) -> Doc:
        doc.norm = normalize(doc.text)
        return doc


def _split(text: str, start: int, end: int, pattern: re.Pattern[str]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    pos = start
    for m in pattern.finditer(text, start, end):
        if m.end() > pos and text[pos : m.start()].strip():
            out.append((pos, m.end()))
        pos = max(pos, m.end())
    if text[pos:end].strip():
        out.append((pos, end))
    return out


class Segment:
    """Pipeline component: tokens, sentences and clauses; the first line is the title."""

    name = "segment"
    requires: tuple[str, ...] = ("norm",)
    sets: tuple[str, ...] = ("tokens", "sentences", "clauses")

    def __call__(self, doc: Doc) -> Doc:
        text = doc.ntext
        doc.tokens = [m.span() for m in _TOKEN.finditer(text)]
        doc.title_end = _title_end(text)
        doc.sentences = _split(text, 0, len(text), _SENTENCE_END)
        doc.clauses = [c for s, e in doc.sentences for c in _split(text, s, e, _CLAUSE_END)]
        return doc
