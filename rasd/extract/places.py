"""Place mentions: the geocoder scans the normalised article once, with the whole article as context."""

from __future__ import annotations

from rasd.doc import Doc, Mention
from rasd.geo.unlisted import UNLISTED
from rasd.lang.ar.translit import transliterate

__all__ = ["Places"]


class Places:
    """Pipeline component: place mentions (label ``place``, value a :class:`rasd.geo.PlaceMention`)."""

    name = "places"
    requires: tuple[str, ...] = ("norm", "actors")
    sets: tuple[str, ...] = ("places",)

    def __init__(self) -> None:
        from rasd.geo import get_geocoder

        self.geocoder = get_geocoder()

    def __call__(self, doc: Doc) -> Doc:
        actors = doc.of("actor")
        for pm in self.geocoder.find_places(doc.ntext, country=doc.country_hint):
            # "القدس" inside "لواء القدس" names a group, not Jerusalem
            inside = any(a.start <= pm.start and pm.end <= a.end for a in actors if not a.value.adjective)
            if pm.candidates and not inside:
                if pm.best and pm.best.source == UNLISTED:  # a name no gazetteer holds: as the article writes it
                    written = doc.evidence(pm.start, pm.end).text
                    pm.best.name_ar, pm.best.name = written, transliterate(written)
                doc.add(Mention("place", pm.start, pm.end, pm))
        return doc
