"""A phrase matcher for normalised Arabic: Aho-Corasick with word-edge rules.

Lexicons (triggers, actors, places) hold thousands of phrases; scanning an
article once with an automaton (pyahocorasick) is linear in the text. A hit
counts only at a word edge, where the text before it in the same word must be
a proclitic (و، ف، ب، ل، ك، ال …) and the text after it nothing, or an allowed
suffix when the phrase says so.
"""

from __future__ import annotations

import re
import threading
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache, partial
from itertools import accumulate
from operator import attrgetter
from typing import Any, Generic, NamedTuple, Protocol, TypeVar

import ahocorasick

from rasd.lang.ar.morph import ARTICLE_PROCLITICS, PROCLITICS, SUFFIXES, strip_article
from rasd.lang.ar.normalize import fold

__all__ = ["ARTICLE_LEXICONS", "Match", "MatcherGroup", "PhraseMatcher", "Spanned", "longest_first", "word_spans"]

T = TypeVar("T")

# A run of word characters (captured, to split by): exactly the characters :func:`rasd.lang.ar.morph.is_letter` accepts.
_WORD = re.compile(r"(\w+)")
_MAX_PROCLITIC = max(map(len, PROCLITICS))
_PROCLITIC_ENDS = frozenset(p[-1] for p in PROCLITICS if p)  # the letters a proclitic may end with
_START = attrgetter("start")


class Spanned(Protocol):
    """Anything with a ``[start, end)`` in the text: a :class:`Match`, a document's mention."""

    @property
    def start(self) -> int: ...

    @property
    def end(self) -> int: ...


S = TypeVar("S", bound=Spanned)
F = TypeVar("F", bound=Callable[[], object])


class Match(NamedTuple, Generic[T]):
    """One phrase found: ``[start, end)`` in normalised text, without its clitics.

    A named tuple, not a dataclass: every scan makes one per hit, and a tuple is made several times faster.
    """

    start: int
    end: int
    key: str
    values: tuple[T, ...]
    prefix: str = ""

    @property
    def outer_start(self) -> int:
        """Where the whole word begins, clitics included."""
        return self.start - len(self.prefix)


@dataclass(slots=True)
class _Entry(Generic[T]):
    values: list[T]
    suffixes: bool
    bare: bool  # key is a phrase with its article removed: needs ال/لل before it


# A Match made straight from its fields' tuple: the class's own constructor is a Python function, called per hit.
_new_match = partial(tuple.__new__, Match)

# What the automaton holds per key: the key, its length less one, its values, and the entry's two flags.
_Hit = tuple[str, int, tuple[T, ...], bool, bool]


class PhraseMatcher(Generic[T]):
    """Find lexicon phrases in normalised text.

    ``add(phrase, value, suffixes=False)`` folds the phrase; a phrase starting
    with the article is also found after لل (للقدس) and, when ``article_optional``
    is set, without it. A phrase ending in ``*`` accepts any suffix in
    :data:`~rasd.lang.ar.morph.SUFFIXES`. In a ``group`` (:class:`MatcherGroup`), the group walks the text
    for it and its fellow members at once.
    """

    def __init__(self, entries: Iterable[tuple[str, T]] = (), *, article_optional: bool = False,
                 group: MatcherGroup | None = None) -> None:
        self._entries: dict[str, _Entry[T]] = {}
        self._article_optional = article_optional
        self._automaton: ahocorasick.Automaton | None = None
        self._group = group
        self._slot = group.join(self) if group is not None else -1  # its place among the group's members
        for phrase, value in entries:
            self.add(phrase, value)

    def __len__(self) -> int:
        return len(self._entries)

    def add(self, phrase: str, value: T, *, suffixes: bool = False) -> None:
        """Register ``phrase`` (any spelling; it is folded here) with ``value``."""
        if phrase.endswith("*"):
            phrase, suffixes = phrase[:-1], True
        key = " ".join(fold(phrase).split())
        if not key:
            return
        self._put(key, value, suffixes, bare=False)
        bare = strip_article(key)
        if bare != key:
            self._put(bare, value, suffixes, bare=not self._article_optional)
        self._automaton = None
        if self._group is not None:
            self._group.changed()

    def _put(self, key: str, value: T, suffixes: bool, bare: bool) -> None:
        entry = self._entries.get(key)
        if entry is None:
            self._entries[key] = _Entry([value], suffixes, bare)
            return
        if value not in entry.values:
            entry.values.append(value)
        entry.suffixes |= suffixes
        entry.bare &= bare  # a key that is also a phrase in its own right needs no article

    def _hits(self) -> Iterator[tuple[str, _Hit[T]]]:
        """Each key with what a hit of it needs, read here once rather than at every hit."""
        for key, entry in self._entries.items():
            yield key, (key, len(key) - 1, tuple(entry.values), entry.suffixes, entry.bare)

    def _build(self) -> ahocorasick.Automaton:
        automaton = ahocorasick.Automaton()
        for key, hit in self._hits():
            automaton.add_word(key, hit)
        if len(automaton):
            automaton.make_automaton()
        self._automaton = automaton
        return automaton

    def find(self, text: str) -> list[Match[T]]:
        """Every hit at a word edge, in order of start (overlaps kept)."""
        hits: Iterable[tuple[int, _Hit[T]]]
        if self._group is not None:
            hits = self._group.hits(self._slot, text)
        elif len(automaton := self._automaton or self._build()):
            hits = automaton.iter(text)
        else:
            return []
        # The automaton reports hits by their end, so reversed they are longest first at each start.
        found = _accepted(hits, text)
        found.reverse()
        found.sort(key=_START)
        return found


class MatcherGroup:
    """Matchers that read the same texts, scanned together: one walk of a text finds every member's hits.

    An automaton's walk costs about as much per character for a lexicon of a hundred phrases as for one of
    thousands, and the extractor's lexicons each read the whole normalised article. One automaton over all the
    members' keys walks a text once and hands each member its own hits, in the order its own automaton reports
    them (by end, longest first at each end), so that :meth:`PhraseMatcher.find` returns the same matches.
    """

    def __init__(self) -> None:
        self._members: list[PhraseMatcher[Any]] = []
        self._makers: list[Callable[[], object]] = []  # what makes the members (see :meth:`lexicon`)
        self._built: tuple[ahocorasick.Automaton, int] | None = None  # the automaton, and how many members it holds
        self._version = 0  # one more at each change: a walk of an automaton since replaced is never read again
        self._lock = threading.Lock()  # a member may join, or change, while another thread walks
        # the last texts walked, each member's hits apart: a document's components ask in turn
        self._scan = lru_cache(maxsize=4)(self._walk)

    def lexicon(self, maker: F) -> F:
        """Register ``maker``, a cached function that makes members: all are made before the first walk, so that
        the automaton is built once, not again as each member first reads a text."""
        self._makers.append(maker)
        return maker

    def join(self, member: PhraseMatcher[Any]) -> int:
        """Take in ``member``; its slot, by which it asks for its hits."""
        with self._lock:
            self._members.append(member)
            slot = len(self._members) - 1
        self.changed()
        return slot

    def changed(self) -> None:
        """A member's phrases changed: the automaton is built again at the next walk."""
        with self._lock:
            self._built = None
            self._version += 1
        self._scan.cache_clear()

    def hits(self, slot: int, text: str) -> list[tuple[int, _Hit[Any]]]:
        """The raw hits in ``text`` (each hit's last character, what the hit needs) of the member at ``slot``."""
        if self._makers:
            makers, self._makers = self._makers, []
            for make in makers:
                make()
        return self._scan(text, self._version)[slot]

    def _walk(self, text: str, version: int) -> tuple[list[tuple[int, _Hit[Any]]], ...]:
        """Each member's hits in ``text``; ``version`` keys the cache only."""
        automaton, size = self._built or self._build()
        out: tuple[list[tuple[int, _Hit[Any]]], ...] = tuple([] for _ in range(size))
        for last, pairs in automaton.iter(text) if len(automaton) else ():
            for slot, hit in pairs:
                out[slot].append((last, hit))
        return out

    def _build(self) -> tuple[ahocorasick.Automaton, int]:
        with self._lock:
            if self._built is None:
                keyed: dict[str, list[tuple[int, _Hit[Any]]]] = {}  # a key two members hold is one key, with both hits
                for slot, member in enumerate(self._members):
                    for key, hit in member._hits():
                        keyed.setdefault(key, []).append((slot, hit))
                automaton = ahocorasick.Automaton()
                for key, pairs in keyed.items():
                    automaton.add_word(key, tuple(pairs))
                if len(automaton):
                    automaton.make_automaton()
                self._built = (automaton, len(self._members))
            return self._built


#: The extractor's lexicons (triggers, modality, casualty and role words, actors, eventness and genre cues):
#: each reads the whole normalised article.
ARTICLE_LEXICONS = MatcherGroup()


def _accepted(hits: Iterable[tuple[int, _Hit[T]]], text: str) -> list[Match[T]]:
    """The ``hits`` at word edges: after nothing or a proclitic in the same word, before nothing or an allowed
    suffix. A hit that opens (or closes) a word, as most do, is told so by a set test, without a bisect; one inside
    a word after a letter that ends no proclitic is dropped at once."""
    starts, ends = word_spans(text)
    opening, closing = _word_edges(text)
    out: list[Match[T]] = []
    for last, (key, length, values, suffixes, bare) in hits:
        start, end = last - length, last + 1
        if start in opening:  # nothing of its word before it
            if bare:
                continue
            prefix = ""
        else:
            before = text[start - 1] if start else ""
            if before not in _PROCLITIC_ENDS and (before.isalnum() or before == "_"):
                continue  # inside a word, after a letter no proclitic ends with
            k = bisect_right(starts, start - 1) - 1  # the word holding the character before the hit, if any
            word_start = starts[k] if k >= 0 and ends[k] > start - 1 else start
            if start - word_start > _MAX_PROCLITIC:
                continue
            prefix = text[word_start:start]
            if prefix not in PROCLITICS or (bare and prefix not in ARTICLE_PROCLITICS):
                continue
        if end not in closing:
            k = bisect_right(starts, end) - 1  # the word holding the character after the hit, if any
            word_end = ends[k] if k >= 0 and ends[k] > end else end
            if word_end != end and not (suffixes and text[end:word_end] in SUFFIXES):
                continue
        out.append(_new_match((start, end, key, values, prefix)))
    return out


@lru_cache(maxsize=8)
def word_spans(text: str) -> tuple[list[int], list[int]]:
    """Starts and ends of the words (runs of ``\\w``) of ``text``, for the word-edge checks: computed once
    per text, which every matcher of the pipeline scans in turn (and the geocoder reads words back by)."""
    edges = list(accumulate(map(len, _WORD.split(text))))  # split by a captured word: gap, word, gap, …, word, gap
    return edges[:-1:2], edges[1::2]


@lru_cache(maxsize=8)
def _word_edges(text: str) -> tuple[frozenset[int], frozenset[int]]:
    """Where the words of ``text`` start, and where they end, as sets."""
    starts, ends = word_spans(text)
    return frozenset(starts), frozenset(ends)


def longest_first(matches: Iterable[S]) -> list[S]:
    """Drop hits inside a longer hit; keep the rest in text order (hits are non-empty spans)."""
    chosen: list[S] = []  # disjoint, so in order of start and of end alike
    starts: list[int] = []
    for m in sorted(matches, key=lambda m: (-(m.end - m.start), m.start)):
        i = bisect_left(starts, m.end)  # chosen[:i] start before m ends; the last of them ends latest
        if i and chosen[i - 1].end > m.start:
            continue
        chosen.insert(i, m)
        starts.insert(i, m.start)
    return chosen
