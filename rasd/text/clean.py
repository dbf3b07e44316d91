"""Strip page residue from a saved article and keep the hashtags as tags.

Saved pages repeat the title, wrap words in ``#hashtags`` and end with
newsletter boxes and "most read" widgets. The cleaned text is what every
evidence offset points into, so cleaning is deterministic: the same input
always gives the same text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from typing import TYPE_CHECKING

from rasd.lang.ar.normalize import fold
from rasd.lexicon import read_tsv

if TYPE_CHECKING:
    from rasd.doc import Doc

__all__ = ["Cleaned", "clean_text", "Clean"]

# "#دير_الزور" and the odd "#قوات_حفظ _النظام" (a stray space before an underscore)
_HASHTAG = re.compile(r"#((?:[^\W_]| ?_ ?(?=[^\W_]))+)", re.UNICODE)
_COUNTER = re.compile(r"^[\s\d,.٠-٩:/|-]*$")
# a run of spaces, tabs and no-break spaces, other than the lone space it becomes (left as it is: the same text,
# without a replacement at every word); written to open with its character class, which the regex engine then
# skips to, rather than trying the pattern at every character
_SPACES = re.compile(r"[ \t\u00a0](?:[ \t\u00a0]+|(?<=[\t\u00a0]))")


@dataclass(slots=True)
class Cleaned:
    """The article text without residue, its title and its hashtags."""

    text: str
    title: str | None = None
    tags: list[str] = field(default_factory=list)


@cache
def _residue() -> tuple[tuple[str, str], ...]:
    return tuple((fold(r["phrase"]), r["action"]) for r in read_tsv("residue.tsv"))


def _hashtag(m: re.Match[str], tags: list[str]) -> str:
    words = " ".join(w for w in m.group(1).replace(" ", "").split("_") if w)
    if words not in tags:
        tags.append(words)
    return words


def clean_text(text: str, title: str | None = None) -> Cleaned:
    """Clean one article; ``title`` (from a feed) helps spot the repeated headline."""
    tags: list[str] = []
    lines = [ln.strip() for ln in _SPACES.sub(" ", text.replace("\r\n", "\n").replace("\r", "\n")).split("\n")]
    kept: list[str] = []
    # folded at once, the text's lines are the lines folded: folding never makes nor takes a line break
    folded = fold("\n".join(lines))
    residue = [(phrase, a) for phrase, a in _residue() if phrase in folded]  # what a line can hold, in table order
    for line, key in zip(lines, folded.split("\n")):
        action = next((a for phrase, a in residue if phrase in key), None)
        if action == "cut" and kept:
            break
        if action or (line and _COUNTER.match(line)) or line.endswith("{"):
            continue
        if line and line in kept:  # the headline saved twice, a paragraph repeated
            continue
        kept.append(line)
    body = "\n".join(kept)
    body = _HASHTAG.sub(lambda m: _hashtag(m, tags), body)
    body = re.sub(r"\n{3,}", "\n\n", body).strip()
    first = body.split("\n", 1)[0] if body else None
    return Cleaned(body, title or first, tags)


class Clean:
    """Pipeline component: residue out, hashtags to words (and to ``doc.tags``)."""

    name = "clean"
    requires: tuple[str, ...] = ("text",)
    sets: tuple[str, ...] = ("clean", "tags", "title")

    def __call__(self, doc: Doc) -> Doc:
        cleaned = clean_text(doc.text, doc.title)
        doc.text = cleaned.text
        doc.tags = cleaned.tags
        doc.title = doc.title or cleaned.title
        return doc
