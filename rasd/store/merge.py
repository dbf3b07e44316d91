"""Is this report the same event as that one? And what does the event say, given all its reports?

Two questions, answered by pure functions over plain dicts of
:class:`~rasd.model.Event` fields, so they can be tested without a database,
and answered by the rules an article's retellings follow too:

:func:`match_distance` and :func:`same_event` are :func:`rasd.sameness.match_distance`
at the archive scale (:data:`rasd.sameness.ARCHIVE`). They are deliberately
conservative: a wrong merge destroys an event (two strikes become one, a toll
is lost), a missed merge only leaves a duplicate a reviewer can join. So every
test is a *gate* that can say no: type, date window by time precision,
country and admin area, distance by geo precision, actors, and casualty
figures that cannot be the same toll.

:func:`combine` derives a machine event's columns from its reports: the most
precise report gives place and date, gaps are filled from the others, and
the figures follow the count rule of :mod:`rasd.counting` (a rise reported
later supersedes the smaller figures before it; otherwise the most
conservative credible figure, ACLED's rule; one document's reports are one
telling, which counts its largest figure), with ``notes`` saying so when
reports disagree. Reports count in the order given (the order they arrived);
a report says its figure was told as a rise with ``fatalities_update`` /
``injuries_update`` (set by the store from the record's evidence), and a
vague one with ``vague``.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from typing import Any

from rasd.counting import Count, Figure, count
from rasd.sameness import ARCHIVE, RADIUS_KM, Row, date_interval, haversine_km
from rasd.sameness import match_distance as _match_distance

__all__ = [
    "RADIUS_KM", "combine", "conservative_figure", "date_interval", "figures_of", "haversine_km", "match_distance", "same_event",
    "telling", "tellings", "text_key",
]


def match_distance(new: Row, old: Row) -> float | None:
    """``None`` if ``new`` and ``old`` may be different events; otherwise a distance (lower = closer).

    The distance ranks candidates: kilometres apart plus days apart.
    """
    return _match_distance(new, old, ARCHIVE)


def same_event(new: Row, old: Row) -> bool:
    """Could ``new`` and ``old`` be reports of one event? (Every gate of :func:`match_distance`.)"""
    return match_distance(new, old) is not None


def text_key(body: str) -> str:
    """The SHA-256 of a document's text with its whitespace collapsed: copies of one text share it."""
    return hashlib.sha256(" ".join(body.split()).encode("utf-8")).hexdigest()


def telling(report: Row, i: int) -> object:
    """What makes reports one telling: the text they were read from (``text_sha256``: one wire story carried
    under two addresses is told once), else their document, else the report itself (``i``: its position)."""
    return report.get("text_sha256") or report.get("doc_id") or ("report", i)


def tellings(reports: Sequence[Row]) -> int:
    """How many tellings ``reports`` are: an event's ``n_sources``."""
    return len({telling(r, i) for i, r in enumerate(reports)})


def figures_of(reports: Sequence[Row], field: str) -> list[Figure]:
    """Each report's figure for ``field``; reports from one text are one telling (:func:`telling`), in the order
    they first came.

    A rise is flagged by ``FIELD_update`` in the row or, for a record with its
    evidence, by evidence of that name; a vague figure by the words in ``vague``.
    """
    update = f"{field}_update"
    told: dict[object, int] = {}
    return [
        Figure(r.get(field), r.get(f"{field}_known", True) is not False,
               bool(r.get(update) or update in (r.get("evidence") or {})), bool((r.get("vague") or {}).get(field)),
               told.setdefault(telling(r, i), len(told)))
        for i, r in enumerate(reports)
    ]


def conservative_figure(reports: Sequence[Row], field: str) -> tuple[int | None, bool, str | None]:
    """The event's figure for ``field`` ("fatalities" or "injuries") from its reports, and a note.

    The count rule of :func:`rasd.counting.count` over :func:`figures_of`: a
    document's reports are one telling, which gives its largest figure; a rise
    reported later supersedes the smaller figures before it; of the rest the
    lowest *positive* specific figure wins (ACLED: the most conservative
    credible figure). A report that gives no number for deaths it mentions
    (``*_known`` false) or mentions none (0) does not lower a reported toll:
    early or partial reports are silence, not a counter-claim.
    """
    return _figure_and_note(count(figures_of(reports, field), nothing=0 if field == "fatalities" else None), len(reports), field)


def _figure_and_note(c: Count, n: int, field: str) -> tuple[int | None, bool, str | None]:
    if len(c.reported) < 2:
        return c.value, c.known, None
    why = "the toll a later report said it rose to" if c.superseded else "the most conservative figure"
    shown = ", ".join(str(v) for v in c.reported)
    return c.value, c.known, f"Reports differ on {field} ({shown} across {n} reports); {c.value} is coded as {why}."


def _precision_key(indexed: tuple[int, Row]) -> tuple[int, int, float, int]:
    i, r = indexed
    return (r.get("geo_precision") or 9, r.get("time_precision") or 9, -(r.get("confidence") or 0.0), i)


def combine(reports: Sequence[Row]) -> dict[str, Any]:
    """A machine event's fields from all its reports (see the module docstring for the rules)."""
    if not reports:
        raise ValueError("combine() needs at least one report")
    ordered = [r for _, r in sorted(enumerate(reports), key=_precision_key)]
    out: dict[str, Any] = dict(ordered[0])
    for r in ordered[1:]:
        for k, v in r.items():
            if out.get(k) in (None, "") and v not in (None, ""):
                out[k] = v
    notes = [str(ordered[0].get("notes") or "").strip()]
    for field in ("fatalities", "injuries"):
        c = count(figures_of(reports, field), nothing=0 if field == "fatalities" else None)
        value, known, note = _figure_and_note(c, len(reports), field)
        out[field], out[f"{field}_known"] = value, known
        if c.winner is not None and "vague" in out:  # the vague words ("عشرات") are the winning report's, or none
            vague = {k: v for k, v in (out["vague"] or {}).items() if k != field}
            words = (reports[c.winner].get("vague") or {}).get(field)
            out["vague"] = {**vague, field: words} if words else vague
        if note:
            notes.append(note)
    if len(notes) > 1:
        notes.append("Reports that mention no deaths, or give no number, do not lower a reported toll.")
    out["notes"] = " ".join(n for n in notes if n)
    sources: list[str] = []
    tags: list[str] = []
    for r in reports:
        for s in str(r.get("source") or "").split(";"):
            if s.strip() and s.strip() not in sources:
                sources.append(s.strip())
        for t in r.get("tags") or []:
            if t not in tags:
                tags.append(t)
    out["source"] = "; ".join(sources) or None
    out["tags"] = tags
    out["confidence"] = max(float(r.get("confidence") or 0.0) for r in reports)
    out["n_sources"] = tellings(reports)
    return out
