"""Normalise once, then split into tokens, sentences and clauses.

All three layers hold offsets into the normalised text. Clauses split a
sentence at Arabic commas and semicolons and at quotation marks, so that a
cue such as "تحسباً" governs only its own clause.
"""

from __future__ import annotations

import re
from functools import cache
from itertools import accumulate

from rasd.doc import Doc
from rasd.lang.ar.normalize import normalize
from rasd.lexicon import read_tsv

__all__ = ["Normalize", "Segment"]

# a token, captured: splitting by it gives gap, token, gap, …, token, gap
_TOKEN = re.compile(r"(\d+(?:[.,]\d+)*|[^\W\d]+)", re.UNICODE)
# a full stop, "!", "?" or "؟" not between digits, with the closing quotes and spaces after it; line breaks; "..".
# One alternative per mark, opening with it ("(?<!\d.)" then reads the character before the mark; a line break, then
# any more): the regex engine skips to those characters instead of trying the pattern at every one
_SENTENCE_END = re.compile("|".join(re.escape(mark) + r"(?<!\d.)(?!\d)[\"'»)\]]*\s*" for mark in ".!?؟") + r"|\n\n*|\.\.\s*")
_CLAUSE_END = re.compile(r"[،؛;:\"]|,(?!\d)|\s-\s|\(|\)")


@cache
def _title_clause_end() -> re.Pattern[str]:
    """A headline clause starts at "و" + a one- or two-word subject + an imperfect verb ("والاحتلال يعلن"), or at
    "و" + a new figure ("و14 قتيلا")."""
    rows = read_tsv("title_clauses.tsv")

    def alt(kind: str) -> str:  # "word*" accepts any ending, "word" only the whole word
        return "|".join(re.escape(normalize(r["word"].rstrip("*")).text) + ("" if r["word"].endswith("*") else r"(?!\S)")
                        for r in rows if r["kind"] == kind)

    verb = rf"(?!{alt('not_verb')})[يت][^\W\d]{{2,}}(?!\S)"
    figure = rf"\d+\s+(?:{alt('figure_noun')})"  # "31 شهيدا بالقطاع و14 قتيلا إسرائيليا بمعارك جباليا": a new figure with its own place
    return re.compile(rf"\s(?!{alt('not_waw')})(?=و(?:[^\W\d]\S*(?:\s[^\W\d]\S*)?\s{verb}|{figure}))")


def _clauses(text: str, start: int, end: int, title_end: int) -> list[tuple[int, int]]:
    """The clauses of one sentence; a headline's also split where a new subject and verb begin."""
    clauses = _split(text, start, end, _CLAUSE_END)
    if start >= title_end:
        return clauses
    out: list[tuple[int, int]] = []
    for s, e in clauses:
        for c in _split(text, s, e, _title_clause_end()):
            # "شهيد و4 جرحى بالخليل": a bare figure before "و" + a number is one toll with it, not a clause
            if out and out[-1][1] == c[0] and _NEW_FIGURE.match(text, c[0]) and len(text[out[-1][0] : c[0]].split()) < 3:
                out[-1] = (out[-1][0], c[1])
            else:
                out.append(c)
    return out


_NEW_FIGURE = re.compile(r"و\d")


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
        pieces = _TOKEN.split(text)  # the words and their offsets at once, for the components that read them
        edges = list(accumulate(map(len, pieces)))  # where each piece ends
        doc.token_starts = edges[:-1:2]
        doc.tokens = list(zip(doc.token_starts, edges[1::2]))
        doc.words = pieces[1::2]
        doc.title_end = _title_end(text)
        doc.sentences = _split(text, 0, len(text), _SENTENCE_END)
        doc.clauses = [c for s, e in doc.sentences for c in _clauses(text, s, e, doc.title_end)]
        return doc
