"""Country names ↔ ISO codes, from the gazetteer's country table (``rasd/data/gazetteer_countries.tsv``)."""

from __future__ import annotations

from functools import cache

from rasd.lexicon import read_tsv

__all__ = ["iso2_of"]


@cache
def _by_name() -> dict[str, str]:
    return {row["name"]: row["iso2"] for row in read_tsv("gazetteer_countries.tsv")}


def iso2_of(country: str | None) -> str | None:
    """ISO 3166 alpha-2 of an ACLED country name ("Syria" → "SY")."""
    return _by_name().get(country) if country else None
