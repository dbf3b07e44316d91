"""The one object that flows through the pipeline.

Each component reads what earlier ones set and adds its own layer; nothing
is recomputed. Components match on the normalised text (``doc.norm.text``),
so mentions, tokens and sentences hold *normalised* offsets;
:meth:`Doc.evidence` maps them back to :attr:`Doc.text`, the cleaned text
that evidence spans point into.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from rasd.lang.ar.normalize import Normalized
from rasd.model import ActorFact, Event, Span

__all__ = ["Doc", "Mention"]

# The spans a Doc last indexed, with their starts: a list of ints bisects several times faster than one of tuples
# by a key. Held with the very list read, so that a layer set anew (segment) is indexed anew.
_Starts = tuple[list[tuple[int, int]], list[int]]


@dataclass(slots=True)
class Mention:
    """Something found in the text: a trigger, an actor, a number, a date, a place…"""

    label: str
    start: int
    end: int
    value: Any = None
    sentence: int = -1

    def span(self, doc: Doc) -> Span:
        """The evidence span of this mention in ``doc``'s cleaned text."""
        return doc.evidence(self.start, self.end)


@dataclass(slots=True)
class Doc:
    """A document and every layer of analysis the pipeline has added to it."""

    text: str
    doc_id: str | None = None
    published: date | None = None
    source: str | None = None
    title: str | None = None
    url: str | None = None
    raw: str | None = None
    tags: list[str] = field(default_factory=list)
    norm: Normalized | None = None
    sentences: list[tuple[int, int]] = field(default_factory=list)
    clauses: list[tuple[int, int]] = field(default_factory=list)
    tokens: list[tuple[int, int]] = field(default_factory=list)
    token_starts: list[int] = field(default_factory=list)  # where each token starts, to bisect an offset to its token
    words: list[str] = field(default_factory=list)  # each token's normalised text
    title_end: int = 0
    mentions: dict[str, list[Mention]] = field(default_factory=dict)
    events: list[Event] = field(default_factory=list)
    facts: list[ActorFact] = field(default_factory=list)
    country_hint: str | None = None
    _sentence_starts: _Starts | None = field(default=None, init=False, repr=False, compare=False)
    _clause_starts: _Starts | None = field(default=None, init=False, repr=False, compare=False)

    def add(self, mention: Mention) -> None:
        """Attach a mention under its label, in the sentence it starts in."""
        if mention.sentence < 0:
            mention.sentence = self.sentence_of(mention.start)
        self.mentions.setdefault(mention.label, []).append(mention)

    def of(self, label: str) -> list[Mention]:
        """All mentions with ``label`` (empty list if none)."""
        return self.mentions.get(label, [])

    def sentence_of(self, offset: int) -> int:
        """Index of the sentence holding normalised ``offset`` (-1 before sentences are split)."""
        self._sentence_starts = indexed = _indexed(self.sentences, self._sentence_starts)
        return _index_of(indexed, offset)

    def clause_of(self, offset: int) -> int:
        """Index of the clause holding normalised ``offset``."""
        self._clause_starts = indexed = _indexed(self.clauses, self._clause_starts)
        return _index_of(indexed, offset)

    @property
    def ntext(self) -> str:
        """The normalised text every matcher reads."""
        assert self.norm is not None, "the normalize component must run first"
        return self.norm.text

    def evidence(self, start: int, end: int) -> Span:
        """The cleaned-text span of normalised ``[start, end)``."""
        assert self.norm is not None, "the normalize component must run first"
        s, e = self.norm.span(start, end)
        return Span(s, e, self.text[s:e])


def _indexed(spans: list[tuple[int, int]], cached: _Starts | None) -> _Starts:
    """``spans`` with their starts: ``cached`` while it holds these very spans, else made anew."""
    if cached is not None and cached[0] is spans and len(cached[1]) == len(spans):
        return cached
    return spans, [start for start, _ in spans]


def _index_of(indexed: _Starts, offset: int) -> int:
    """Index of the span holding ``offset`` in sorted, disjoint spans (:func:`_indexed`); -1 in a gap or outside them."""
    spans, starts = indexed
    k = bisect_right(starts, offset) - 1  # the last span starting at or before offset
    return k if k >= 0 and offset < spans[k][1] else -1
