"""Loose name keys for comparing a produced name with a coder's.

Coders write places and actors in English transliteration or in Arabic, with
or without the article ("Ash Shula", "al-Shula", "الشولا"); the scorer must
not count those as errors. A key drops what varies (diacritics, articles,
punctuation, parenthesised remarks) and keeps what identifies.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping
from typing import Any

from rasd.lang.ar.normalize import fold

__all__ = ["name_key", "accepted_names", "admin1_equivalents", "actor_tokens"]

_PARENS = re.compile(r"\(.*?\)")
_LATIN_ARTICLE = re.compile(r"\b(al|el|ad|ar|as|ash|az|an|at|ath|adh)[- ]")
_KEEP = re.compile(r"[^0-9a-z\u0600-\u06ff]+")

# Words that every armed actor's name shares: they say nothing about which actor it is.
_GENERIC = frozenset(
    "military forces force of the police group groups brigade brigades army armed "
    "unidentified fighters militia militias members and".split()
)

# First-level areas the gold sets use, as groups of equivalent spellings: Palestine's
# two territories, and Syria's governorates (names from OpenSyria, CC BY 4.0), whose
# formal forms ("Homs Governorate", "محافظة حمص") are added by _admin1_groups.
_PALESTINE: tuple[tuple[str, ...], ...] = (
    ("Gaza Strip", "Gaza", "قطاع غزة"),
    ("West Bank", "الضفة الغربية"),
)
_SYRIA: tuple[tuple[str, ...], ...] = (
    ("Al-Hasakah", "الحسكة", "Hasakah", "Hasaka", "Al-Hasakeh", "Hasakeh", "Hassakeh"),
    ("Aleppo", "حلب"),
    ("As-Suwayda", "السويداء", "Suwayda", "As-Sweida", "Sweida", "Suwaida"),
    ("Damascus", "دمشق", "Damascus City"),
    ("Daraa", "درعا", "Dar'a", "Dara"),
    ("Deir ez-Zor", "دير الزور", "Dayr az-Zawr", "Dajr ez-Zaur", "Deir-ez-Zor", "Deir Ezzor", "Dayr az Zawr"),
    ("Hama", "حماة", "Hamah"),
    ("Homs", "حمص", "Hims"),
    ("Idlib", "إدلب"),
    ("Latakia", "اللاذقية", "Lattakia", "Al-Ladhiqiyah"),
    ("Quneitra", "القنيطرة", "Al Qunaytirah", "Al-Qunaytirah"),
    ("Raqqa", "الرقة", "Ar-Raqqah", "Al-Raqqah", "Ar-Raqqa", "Raqqah"),
    (
        "Rif Dimashq", "ريف دمشق", "Rif-dimashq", "Damascus Countryside", "Damascus Surroundings",
        "Governorate of the Countryside of Damascus", "Rural Damascus", "Reef Damascus",
    ),
    ("Tartus", "طرطوس", "Tartous"),
)


def _admin1_groups() -> list[tuple[str, ...]]:
    """All groups, with each Syrian spelling's formal governorate form."""
    groups = list(_PALESTINE)
    for group in _SYRIA:
        formal = [f"محافظة {n}" if re.search("[\u0600-\u06ff]", n) else f"{n} Governorate" for n in group]
        groups.append(group + tuple(formal))
    return groups


def name_key(name: Any) -> str:
    """The comparison key of a name: '' for a missing one."""
    if name is None:
        return ""
    s = _PARENS.sub("", str(name))
    s = "".join(c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c))
    s = s.lower().replace("ʿ", "").replace("'", "").replace("’", "")
    s = _LATIN_ARTICLE.sub("", s)
    s = fold(s)
    s = s.removeprefix("ال")
    return _KEEP.sub("", s)


def accepted_names(gold: Mapping[str, Any], key: str) -> set[str]:
    """Keys of the gold value of ``key`` and of its ``<key>_aliases``."""
    keys = {name_key(gold.get(key))} | {name_key(a) for a in gold.get(f"{key}_aliases", [])}
    keys.discard("")
    return keys


def _build_admin1_index(groups: Iterable[Iterable[str]]) -> dict[str, frozenset[str]]:
    """Union the groups that share a spelling, so equivalence is transitive."""
    index: dict[str, set[str]] = {}
    for group in groups:
        merged = {name_key(n) for n in group} - {""}
        for k in list(merged):
            merged |= index.get(k, set())
        for k in merged:
            index[k] = merged
    return {k: frozenset(v) for k, v in index.items()}


_ADMIN1_INDEX = _build_admin1_index(_admin1_groups())


def admin1_equivalents(key: str) -> frozenset[str]:
    """Every key that names the same first-level area as ``key``."""
    return _ADMIN1_INDEX.get(key, frozenset())


def actor_tokens(name: Any) -> set[str]:
    """Distinctive words of an actor name: 'Military Forces of Israel' -> {'israel'}."""
    words = re.findall(r"[a-z\u0600-\u06ff]+", _PARENS.sub("", str(name or "")).lower())
    return {w for w in words if w not in _GENERIC and len(w) > 2}
