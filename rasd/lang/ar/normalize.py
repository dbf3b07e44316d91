"""Arabic normalisation: the one place where spelling variation is folded away.

Every matcher in Rasd (triggers, actors, places, numbers, dates) works on the
output of :func:`normalize`, and every match is mapped back to the text a
person reads through :class:`Normalized`. Folding is deliberately aggressive
(ة→ه, ى→ي, all hamza seats to their bare letter) because the result is a
*matching key*, never shown to anyone.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field

__all__ = ["Normalized", "normalize", "fold", "DELETABLE", "to_ascii_digits"]

# Marks removed outright: harakat, Quranic annotation, superscript alef,
# tatweel, bidi controls and zero-width characters.
DELETABLE = (
    "\u0610-\u061a\u061c\u064b-\u065f\u0670\u06d6-\u06dc\u06df-\u06e8\u06ea-\u06ed"
    "\u0640\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff\u00ad"
)
# one mark, then any more: a pattern that opens with a character class lets the regex engine skip to those
# characters (one written "[…]+" is tried at every character)
_DELETABLE_RUN = re.compile(f"[{DELETABLE}][{DELETABLE}]*")

_REPLACE = {
    # hamza seats and alef variants
    "أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ٲ": "ا", "ٳ": "ا",
    "ؤ": "و", "ئ": "ي", "ى": "ي", "ة": "ه",
    # Persian / Urdu letter forms that appear in pasted text
    "ک": "ك", "ی": "ي", "ۍ": "ي", "ې": "ي", "ھ": "ه", "ہ": "ه", "ۀ": "ه", "ڤ": "ف", "گ": "ك", "پ": "ب", "چ": "ج",
    # quotes and dashes
    "«": '"', "»": '"', "“": '"', "”": '"', "„": '"', "‟": '"', "″": '"', "❝": '"', "❞": '"',
    "‘": "'", "’": "'", "‚": "'", "‛": "'", "`": "'", "´": "'",
    "‐": "-", "‑": "-", "‒": "-", "–": "-", "—": "-", "―": "-", "−": "-",
    # Arabic punctuation that separates like its Latin twin
    "٪": "%", "٫": ".", "٬": ",",
    "\u00a0": " ", "\u2009": " ", "\u202f": " ", "\u3000": " ",
}
for _i in range(10):
    _REPLACE[chr(0x0660 + _i)] = str(_i)  # Eastern Arabic digits
    _REPLACE[chr(0x06F0 + _i)] = str(_i)  # Persian digits
_TABLE = str.maketrans(_REPLACE)
# str.translate looks every character of non-ASCII text up in a dict: quick for a lexicon entry, some 20
# times slower on a paragraph than one str.replace per folded character present. Both give the same
# result, as no folded form is itself folded.
_FOLDS = tuple(_REPLACE.items())
_PARAGRAPH = 64  # characters from which the replacements are quicker
assert not set("".join(_REPLACE.values())) & set(_REPLACE), "a folded form must not be folded again"
_DIGITS = str.maketrans({chr(0x0660 + i): str(i) for i in range(10)} | {chr(0x06F0 + i): str(i) for i in range(10)})


def to_ascii_digits(text: str) -> str:
    """Eastern Arabic and Persian digits to ASCII, nothing else touched."""
    return text.translate(_DIGITS)


def _fold_chars(text: str) -> str:
    """Letters, digits, quotes and dashes folded one-to-one (``_REPLACE``)."""
    if len(text) < _PARAGRAPH:
        return text.translate(_TABLE)
    for char, folded in _FOLDS:
        if char in text:
            text = text.replace(char, folded)
    return text


def fold(text: str) -> str:
    """The matching key of a short string (a lexicon entry, a query): no offsets kept."""
    return _fold_chars(_DELETABLE_RUN.sub("", text)).lower()


@dataclass(frozen=True, slots=True)
class Normalized:
    """A normalised text and the way back to the source's character offsets.

    ``gaps`` lists, for each run of deleted marks, the normalised position it
    sits before and the number of source characters deleted up to and including
    it; a position maps back by adding the deletions before it.
    """

    source: str
    text: str
    _gap_at: tuple[int, ...] = field(default=())
    _gap_total: tuple[int, ...] = field(default=())

    def to_source(self, i: int) -> int:
        """Source offset of the normalised character at ``i`` (``len(text)`` allowed)."""
        k = bisect_right(self._gap_at, i)
        return i + (self._gap_total[k - 1] if k else 0)

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Source ``[start, end)`` of a normalised span; marks on its last letter stay inside."""
        if end <= start:
            s = self.to_source(start)
            return s, s
        s = self.to_source(start)
        e = self.to_source(end - 1) + 1
        src = self.source
        while e < len(src) and _DELETABLE_RUN.match(src, e):
            e = _DELETABLE_RUN.match(src, e).end()  # type: ignore[union-attr]
        return s, e


def normalize(text: str) -> Normalized:
    """Fold ``text`` for matching, keeping offsets back to it.

    One pass deletes marks (recording where), letters, digits, quotes and
    dashes are folded one-to-one, and Latin is lower-cased.
    """
    gap_at: list[int] = []
    gap_total: list[int] = []
    pieces: list[str] = []
    deleted = 0
    last = 0
    for m in _DELETABLE_RUN.finditer(text):
        pieces.append(text[last : m.start()])
        deleted += m.end() - m.start()
        gap_at.append(m.start() - (deleted - (m.end() - m.start())))
        gap_total.append(deleted)
        last = m.end()
    if gap_at:
        pieces.append(text[last:])
        stripped = "".join(pieces)
    else:
        stripped = text
    folded = _fold_chars(stripped)
    lowered = folded.lower()
    if len(lowered) != len(folded):  # rare: a Latin letter whose lower case is longer (İ)
        lowered = "".join(c.lower()[0] for c in folded)
    return Normalized(text, lowered, tuple(gap_at), tuple(gap_total))
