"""Country names ↔ ISO codes, from the gazetteer's country table (``rasd/data/gazetteer_countries.tsv``)."""

from __future__ import annotations

from functools import cache

from rasd.lang.ar.normalize import fold
from rasd.lexicon import read_tsv

__all__ = ["arabic_names", "iso2_of"]


@cache
def _by_name() -> dict[str, str]:
    return {row["name"]: row["iso2"] for row in read_tsv("gazetteer_countries.tsv")}


def iso2_of(country: str | None) -> str | None:
    """ISO 3166 alpha-2 of an ACLED country name ("Syria" → "SY")."""
    return _by_name().get(country) if country else None


@cache
def arabic_names() -> frozenset[str]:
    """The countries' Arabic names and aliases, folded ("اسراييل", "سوريه")."""
    names = set()
    for row in read_tsv("gazetteer_countries.tsv"):
        for name in [row.get("name_ar", "")] + row.get("aliases", "").split("|"):
            if name.strip() and any("\u0600" <= ch <= "\u06ff" for ch in name):
                names.add(fold(name.strip()))
    return frozenset(names)
