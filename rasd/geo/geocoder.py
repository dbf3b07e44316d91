"""The geocoder the extractor calls: whole articles (find_places) and single phrases (geocode).

One :class:`Geocoder` per process (:func:`get_geocoder`) holds the loaded
gazetteer; both entry points share the scan → resolve path, so a phrase and
the same words inside an article get the same answer.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Sequence
from pathlib import Path

from rasd.geo.index import Gazetteer
from rasd.geo.model import KIND_RANK, Candidate, Place, PlaceMention
from rasd.geo.names import latin_key
from rasd.geo.phrases import Hit, place_noun, scan
from rasd.geo.resolve import Context, resolve
from rasd.geo.store import user_gazetteer_path
from rasd.geo.units import settle_by_unit
from rasd.geo.unlisted import unlisted_places
from rasd.lang.ar.normalize import fold
from rasd.lang.ar.places import PLACE_NOUNS

__all__ = ["Geocoder", "geocode", "get_geocoder"]

_MAX_TEXT = 200_000  # characters scanned per document; beyond this is not an article
_LATIN_PARTS = re.compile(r"\s*[,;/()]\s*")


def _unhashed(text: str) -> str:
    """"#دير_الزور" reads as "دير الزور" (same length); str.replace, as str.translate is slow on Arabic."""
    return text.replace("_", " ").replace("#", " ")


class Geocoder:
    """Arabic (and Latin) place references to ACLED-style candidates, offline."""

    def __init__(self, gazetteer: Gazetteer | None = None, *, user_gazetteer: str | Path | None = None) -> None:
        self.gazetteer = gazetteer or Gazetteer.load(user_gazetteer_path(user_gazetteer))
        self._loaded = self.gazetteer
        self.places_version: object = None  # what :meth:`use_places` was last given (rasd.store.gazetteer)

    def use_places(self, places: Sequence[Place], *, version: object = None) -> None:
        """Consult ``places`` too (the store's own gazetteer), in place of any given before.

        The index is rebuilt over the loaded places and these (~0.1 s) and swapped in whole. Given
        in the same order plus new ones at the end (as the store does), every index a lookup in
        flight holds stays valid.
        """
        base = self._loaded
        merged = [*base.places, *places]
        self.gazetteer = Gazetteer(
            merged, base.countries, base.stop, base.blocked, [*base.sources, "store"], base.local,
            base.describing) if places else base
        self.places_version = version

    def _context(self, country: str | None, context: str | None) -> Context:
        ctx = Context(self.gazetteer.country_code(country))
        if context:
            for m in self.find_places(fold(context), country=country):
                if m.best:
                    code = self.gazetteer.country_code(m.best.country)
                    ctx.countries[code or m.best.country] += 1
                    if m.best.admin1:
                        ctx.areas[(code or m.best.country, m.best.admin1)] += 1
        return ctx

    def find_places(self, norm_text: str, *, country: str | None = None) -> list[PlaceMention]:
        """Every place mention in a normalised article, in text order, disambiguated by the whole text."""
        if not norm_text or not isinstance(norm_text, str):
            return []
        text = norm_text[:_MAX_TEXT]
        hits = scan(self.gazetteer, _unhashed(text))
        ctx = Context(self.gazetteer.country_code(country))
        known = settle_by_unit(text, resolve(self.gazetteer, text, hits, ctx)) if hits else []
        found = known + unlisted_places(self.gazetteer, text, known, ctx)
        return sorted(found, key=lambda m: m.start)

    def geocode(
        self, phrase: str, *, country: str | None = None, context: str | None = None, limit: int = 5
    ) -> list[Candidate]:
        """Candidates for one place phrase, best first: its most specific place, then the others named."""
        if not phrase or not isinstance(phrase, str) or limit <= 0:
            return []
        ctx = self._context(country, context)
        text = _unhashed(fold(phrase[:_MAX_TEXT]))
        hits = self._exact_hits(text) or scan(self.gazetteer, text) or self._latin_hits(text)
        mentions = settle_by_unit(text, [m for m in resolve(self.gazetteer, text, hits, ctx, strict=False) if m.best])
        unlisted = unlisted_places(self.gazetteer, text, mentions, ctx)
        if unlisted:  # "قرية البارة جبل الزاوية": the village the phrase names, placed by the mountain
            return [m.best for m in unlisted if m.best][:1] + [m.best for m in mentions if m.best][: limit - 1]
        if not mentions:
            return []
        head = min(mentions, key=lambda m: KIND_RANK[m.best.kind])  # type: ignore[union-attr]
        out = list(head.candidates)
        out += [m.best for m in mentions if m is not head and m.best not in out]  # type: ignore[misc]
        return out[:limit]


    def _exact_hits(self, text: str) -> list[Hit]:
        """A query that is only a name, maybe after a place noun ("مدينة دوما"): found without a scan."""
        words = text.split()
        if not words or text != " ".join(words):
            return []
        exact = self.gazetteer.exact
        if text in exact:
            return [Hit(0, len(text), 0, len(text), text, tuple(exact[text]))]
        noun = place_noun(words[0]) if len(words) > 1 else None
        key = " ".join(words[1:])
        if noun is None or key not in exact:
            return []
        start = len(text) - len(key)
        return [Hit(0, len(text), start, len(text), key, tuple(exact[key]), kinds=PLACE_NOUNS[noun], noun=True)]

    def _latin_hits(self, text: str) -> list[Hit]:
        """Latin queries ("Deir ez-Zor", "Jabalia Camp, Gaza"): each comma-separated part looked up whole."""
        hits, pos = [], 0
        for part in _LATIN_PARTS.split(text):
            start = text.index(part, pos)
            pos = start + len(part)
            places = self.gazetteer.latin.get(latin_key(part))
            if places:
                hits.append(Hit(start, pos, start, pos, latin_key(part), tuple(places), cue=True))
        return hits


_lock = threading.Lock()
_instance: Geocoder | None = None


def get_geocoder() -> Geocoder:
    """The process-wide geocoder, loaded on first use."""
    global _instance
    with _lock:
        if _instance is None:
            _instance = Geocoder()
        return _instance


def geocode(phrase: str, **kw: object) -> list[Candidate]:
    """Shortcut for ``get_geocoder().geocode(phrase, **kw)``."""
    return get_geocoder().geocode(phrase, **kw)  # type: ignore[arg-type]
