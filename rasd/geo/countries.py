"""The countries an article names: by name, by nationality adjective, or by a place in them.

A report about Syria that names "الطيبة" means a Syrian Tayyibah, not the
Jordanian town of the same name, unless the text says Jordan ("الأردن",
"الأردنية", a Jordanian place). The resolver keeps a place outside the
article's countries only when those countries include it; the evaluation of
wrong-country placements (:mod:`rasd.geo.foreign`) counts events outside them.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from typing import TYPE_CHECKING

from rasd.geo.model import PlaceMention
from rasd.geo.store import Country
from rasd.lang.ar.normalize import fold

if TYPE_CHECKING:
    from rasd.geo.index import Gazetteer

__all__ = ["adjective_forms", "article_countries", "demonym_countries"]

_WORD = re.compile(r"[^\W\d_]+")
_PREFIXES = ("وبال", "وال", "بال", "لل", "ال", "و", "ب", "ل")
_ENDINGS = ("", "ه", "ون", "ين", "ان", "تان", "تين", "ات")


def adjective_forms(countries: Iterable[Country]) -> dict[str, str]:
    """Folded nationality adjectives in every gender and number ("سوريه", "العراقيون" stems), also after
    a clitic ("والعراقيين", "بالسوريه") → ISO alpha-2. A written form read two ways takes the first clitic."""
    table: dict[str, str] = {}
    for c in countries:
        for adjective in c.adjectives:
            stem = fold(adjective)
            for ending in _ENDINGS:
                table.setdefault(stem + ending, c.iso2)
            if stem.endswith("ي"):  # سوري → سوريون، سوريين
                table.setdefault(stem + "ون", c.iso2)
                table.setdefault(stem[:-1] + "يون", c.iso2)
                table.setdefault(stem[:-1] + "يين", c.iso2)
    bare = dict(table)
    for prefix in _PREFIXES:
        for form, code in bare.items():
            table.setdefault(prefix + form, code)
    return table


def demonym_countries(norm_text: str, adjectives: dict[str, str]) -> set[str]:
    """Countries whose nationality adjective (a table of :func:`adjective_forms`) the text uses ("الأردنية", "والعراقيين")."""
    return {adjectives[word] for word in adjectives.keys() & set(_WORD.findall(norm_text))}  # each word once


def article_countries(
    gaz: Gazetteer, norm_text: str, mentions: Iterable[PlaceMention], *, besides: str | None = None
) -> set[str]:
    """ISO alpha-2 codes of the countries an article names, by a place in them or an adjective.

    ``besides``: a folded place name whose own mentions do not count, so that an
    event's location is no evidence for its own country.
    """
    named = {
        gaz.country_code(m.best.country) or m.best.country
        for m in mentions
        if m.best and (besides is None or besides not in fold(m.phrase))
    }
    return named | demonym_countries(norm_text, gaz.adjectives)
