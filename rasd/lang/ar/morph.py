"""Arabic word-edge facts that matchers need: which clitics may precede a word.

Kept as data next to the normaliser so triggers, actors and places all agree
on what counts as "the same word" (بغارة = ب + غارة, وللقدس = و + لل + قدس).
"""

from __future__ import annotations

__all__ = ["PROCLITICS", "ARTICLE_PROCLITICS", "SUFFIXES", "is_letter", "strip_article"]

# Conjunctions and prepositions that attach to the next word (normalised forms).
_BASE = ["", "و", "ف", "ب", "ل", "ك", "وب", "فب", "ول", "فل", "وك", "فك", "س", "وس"]
PROCLITICS: frozenset[str] = frozenset(_BASE + [p + "ال" for p in _BASE] + ["لل", "ولل", "فلل"])
# Prefixes that end in the article: a key stored without "ال" matched after them.
ARTICLE_PROCLITICS: frozenset[str] = frozenset(p for p in PROCLITICS if p.endswith("ال") or p.endswith("لل"))
# Endings a noun or verb may carry where a lexicon entry allows them.
SUFFIXES: frozenset[str] = frozenset(
    ["ه", "ها", "هم", "هما", "هن", "ي", "يه", "يين", "ين", "ون", "ان", "ات", "وا", "نا", "تم", "ت", "كم"]
)


def is_letter(ch: str) -> bool:
    """A character that continues a word (Arabic letters, Latin letters, digits)."""
    return ch.isalnum() or ch == "_"


def strip_article(word: str) -> str:
    """``الشولا`` → ``شولا``; leaves short words (``ال`` itself, ``الى``) alone."""
    return word[2:] if word.startswith("ال") and len(word) > 4 else word
