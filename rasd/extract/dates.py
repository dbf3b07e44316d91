"""Date mentions, resolved against the publication date (grammar in :mod:`rasd.lang.ar.dates`)."""

from __future__ import annotations

from rasd.doc import Doc, Mention
from rasd.lang.ar.dates import find_dates

__all__ = ["Dates"]


class Dates:
    """Pipeline component: date mentions (label ``date``, value a :class:`~rasd.lang.ar.dates.DateExpr`)."""

    name = "dates"
    requires: tuple[str, ...] = ("sentences",)
    sets: tuple[str, ...] = ("dates",)

    def __call__(self, doc: Doc) -> Doc:
        for expr in find_dates(doc.ntext, doc.published):
            doc.add(Mention("date", expr.start, expr.end, expr))
        return doc
