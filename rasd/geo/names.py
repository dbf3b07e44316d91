"""Place-name spellings: which names are Arabic, how Latin names are keyed and shown.

GeoNames and OCHA files mix scripts and transliteration schemes (Ḩamāh,
Hama, Hamah); the geocoder keys Arabic names through the project's
normaliser and Latin names through :func:`latin_key`, so "Deir ez-Zor",
"deir ez zor" and "Dayr az Zawr" each find their row.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

from rasd.lang.ar.normalize import fold

__all__ = ["arabic_keys", "is_arabic", "is_latin", "latin_key", "pick_arabic", "place_keys", "romanise"]

_ARABIC_LETTER = re.compile(r"[\u0621-\u064a]")
# Letters of Persian, Urdu and Kurdish that standard Arabic spelling never uses.
_NON_ARABIC = re.compile(r"[\u067e\u0686\u0698\u06a9\u06af\u06cc\u06d5\u06c6\u06b5\u06ce\u06be\u06c1\u06d2\u0695\u06a4]")
_NOT_NAME = re.compile(r"[^\w\s\-'.()]")
_FOLDED_ARABIC = re.compile(r"[\u0621-\u064a ]+")
_LATIN_PUNCT = re.compile(r"[-'`‘’ʻʼ.]+")
# First words that Arabic writers often glue to a following article (ديرالزور, ابوكمال); كفر to anything (كفربطنا).
_GLUED = frozenset(["دير", "ابو", "ام", "عين", "تل", "راس", "بيت", "كفر", "جسر", "خان", "بير", "بني", "مرج", "قصر", "جبل", "وادي", "سد", "سوق", "عرب"])


def is_arabic(name: str) -> bool:
    """A name written in Arabic letters (Persian/Urdu-only spellings excluded)."""
    return bool(_ARABIC_LETTER.search(name)) and not _NON_ARABIC.search(name) and not _NOT_NAME.search(name)


def is_latin(name: str) -> bool:
    """A name in Latin letters only (diacritics allowed)."""
    return bool(name) and all(c.isascii() or unicodedata.category(c).startswith(("L", "M")) and ord(c) < 0x0250 for c in name)


def pick_arabic(names: Iterable[str]) -> str:
    """The first clean Arabic spelling among ``names``, or ``""``."""
    return next((n.strip() for n in names if is_arabic(n)), "")


def romanise(name: str) -> str:
    """``Dayr al Balaḩ`` → ``Dayr al Balah``: diacritics and ayn/hamza marks dropped for display."""
    decomposed = unicodedata.normalize("NFKD", name)
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(plain.replace("‘", "").replace("’", "").replace("ʼ", "").replace("ʻ", "").split())


def latin_key(name: str) -> str:
    """Matching key of a Latin name: lower case, no diacritics, hyphens and apostrophes as spaces."""
    return " ".join(_LATIN_PUNCT.sub(" ", romanise(name).lower()).split())


def arabic_keys(name: str) -> list[str]:
    """Folded keys of an Arabic name, with the glued spelling (``ديرالزور``) where writers use it."""
    key = " ".join(fold(name).replace("-", " ").split())
    if not _FOLDED_ARABIC.fullmatch(key):
        return []
    keys = [key]
    words = key.split()
    if len(words) >= 2 and (words[0] == "كفر" or words[0] in _GLUED and words[1].startswith("ال")):
        keys.append(words[0] + " ".join(words[1:]))
    if len(words) == 2 and words[0] == "ابو" and words[1].startswith("ال"):
        keys.append("البو" + words[1][2:])  # ابو الكمال ~ البوكمال
    return keys


def place_keys(names: Iterable[str]) -> list[str]:
    """Every matching key of a place's names: folded Arabic and two Latin forms, deduplicated."""
    seen: dict[str, None] = {}
    for name in names:
        if _ARABIC_LETTER.search(name):
            for k in arabic_keys(name):
                seen[k] = None
        elif is_latin(name) and len(name) >= 3:
            seen[" ".join(fold(name).split())] = None
            seen[latin_key(name)] = None
    return [k for k in seen if len(k) >= 2]
