"""Arabic place names in Latin letters, for names no gazetteer spells for us.

The scheme is a plain-ASCII simplification of the romanisation ACLED and
GeoNames names mostly follow (BGN/PCGN style, without diacritics):

- consonants: ب b, ت t, ث th, ج j, ح h, خ kh, د d, ذ dh, ر r, ز z, س s, ش sh,
  ص s, ض d, ط t, ظ z, ع and ء ' (ع opening a word, after its article too, is "A",
  with a following alef folded into it: "عبسان" → "Absan", "العطار" → "Al-Atar"), غ gh, ف f, ق q,
  ك k, ل l, م m, ن n, ه h, و w, ي y;
- long vowels: ا a; و and ي between consonants u and i; ى a;
- the article: "ال" → "Al-" at the start of a name, "al-" inside it
  (no assimilation: "الشولا" → "Al-Shwla");
- ending: ة (or ه, as folded text writes it, after three letters) → a, "ية" → "iya", final ي → i, final و → u;
- words common in place names take their usual spelling (``rasd/data/translit_words.tsv``:
  تل Tal, بيت Beit, بني Bani, أم Umm, دير Deir, الكبرى al-Kubra…), with or without the article;
- every word capitalised.

Unvocalised Arabic has no short vowels, so the result is a readable key
("قرية البارة" → "Al-Bara"), not a scholarly transliteration; the Arabic
original is always kept beside it (``location_ar``).
"""

from __future__ import annotations

from functools import cache

from rasd.lang.ar.normalize import DELETABLE
from rasd.lexicon import read_tsv

__all__ = ["transliterate"]

_CONSONANTS = {
    "ب": "b", "ت": "t", "ث": "th", "ج": "j", "ح": "h", "خ": "kh", "د": "d", "ذ": "dh", "ر": "r", "ز": "z",
    "س": "s", "ش": "sh", "ص": "s", "ض": "d", "ط": "t", "ظ": "z", "ع": "'", "غ": "gh", "ف": "f", "ق": "q",
    "ك": "k", "ل": "l", "م": "m", "ن": "n", "ه": "h", "ء": "'", "ؤ": "'", "ئ": "'", "پ": "p", "گ": "g", "ڤ": "v",
}  # fmt: skip
_ALEFS = frozenset("اأإآٱى")
_DELETE = str.maketrans("", "", "".join(chr(c) for c in range(0x064B, 0x0660)) + "\u0640\u0670")


@cache
def _name_words() -> dict[str, str]:
    """Arabic name word → its usual Latin spelling, from ``rasd/data/translit_words.tsv``."""
    return {row["arabic"]: row["latin"] for row in read_tsv("translit_words.tsv")}


def _word(word: str, first: bool) -> str:
    article = ""
    if word.startswith("ال") and len(word) > 3:
        article, word = ("Al-" if first else "al-"), word[2:]
    known = _name_words().get(word)
    if known:
        return article + known
    out: list[str] = []
    n = len(word)
    for i, ch in enumerate(word):
        last = i == n - 1
        if ch == "ع" and i == 0 and n > 1:  # a word-initial ayn is heard as a vowel
            out.append("A")
        elif ch in _ALEFS and i == 1 and word[0] == "ع":
            continue
        elif ch == "ة" or (ch == "ه" and last and n > 3):  # folded text writes ة as ه
            out.append("a")
        elif ch in _ALEFS:
            out.append("a")
        elif ch == "ي":
            if last:
                out.append("i")
            elif i + 1 < n and word[i + 1] == "ة":
                out.append("iy")
            elif 0 < i and word[i - 1] not in _ALEFS and word[i + 1] not in _ALEFS | {"و", "ي"}:
                out.append("i")
            else:
                out.append("y")
        elif ch == "و":
            if last and i > 0:
                out.append("u")
            elif 0 < i and word[i - 1] not in _ALEFS and i + 1 < n and word[i + 1] not in _ALEFS | {"و", "ي"}:
                out.append("u")
            else:
                out.append("w")
        else:
            out.append(_CONSONANTS.get(ch, ch if ch.isascii() else ""))
    latin = "".join(out).lstrip("'")
    return article + latin[:1].upper() + latin[1:] if latin else article.rstrip("-")


def transliterate(name: str) -> str:
    """A Latin spelling of an Arabic place name ("تل الصوان" → "Tal al-Swan"); Latin text is returned as it is."""
    cleaned = "".join(ch for ch in name.translate(_DELETE) if ch not in DELETABLE)
    words = cleaned.split()
    if not words or all(w.isascii() for w in words):
        return " ".join(words)
    return " ".join(_word(w, i == 0) for i, w in enumerate(words))
