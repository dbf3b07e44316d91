"""A quality report over extraction output: the figures the extraction work watches (``rasd report``).

    >>> from rasd.evaluate.quality import quality
    >>> q = quality(events, texts)          # events as ``rasd extract`` writes them; texts: doc_id → title and text
    >>> q.fatalities, q.sub_types, q.missing, q.foreign

Nothing here needs gold: the report tells what the machine produced on any
archive — how tolls are spread and which records carry the largest, the
share of each sub-type, what records leave empty, how many events an article
yields, and how many events are placed in a country their article never names
(:func:`rasd.geo.foreign.foreign_placements`). Given the articles' texts it
counts articles without events and the foreign placements; without, it
reports what the events alone tell.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from rasd.geo.foreign import ForeignPlacement

__all__ = ["Quality", "TOLL_BINS", "quality", "toll_bin"]

Event = Mapping[str, Any]

# (lowest, highest or None for no bound, label): the bins of the toll histogram.
TOLL_BINS: tuple[tuple[int, int | None, str], ...] = (
    (0, 0, "0"), (1, 1, "1"), (2, 4, "2–4"), (5, 9, "5–9"), (10, 19, "10–19"), (20, 49, "20–49"),
    (50, 99, "50–99"), (100, 499, "100–499"), (500, None, "500+"),
)
UNKNOWN = "unknown"  # a toll the report speaks of without a number ("شهداء وجرحى")
NOT_TOLD = "not told"  # no number and no words about it
PER_ARTICLE_MAX = 5  # events per article: 0, 1, … and "5+"
MISSING_FIELDS: tuple[str, ...] = ("actor2", "location", "event_date")
CONFIDENCE_BINS = 10


@dataclass(slots=True)
class Quality:
    """Every figure of one report; counts, so that shares can be shown with their base."""

    events: int
    articles: int | None  # None when only events were given (articles without events are unknown)
    articles_with_events: int
    fatalities: list[tuple[str, int]]
    injuries: list[tuple[str, int]]
    largest: list[dict[str, Any]]
    sub_types: list[tuple[str, int]]
    missing: dict[str, int]
    per_article: list[tuple[str, int]]
    busiest: list[tuple[str, int]]
    confidence: list[tuple[str, int]]
    foreign: list[ForeignPlacement] | None = None  # None without texts
    foreign_by_country: list[tuple[str, int]] = field(default_factory=list)


def toll_bin(value: Any, told: bool = True) -> str:
    """The histogram label of one toll: a bin of :data:`TOLL_BINS`, or for no number
    ``unknown`` (``told``: the report speaks of it, "شهداء وجرحى") or ``not told``."""
    if value is None:
        return UNKNOWN if told else NOT_TOLD
    n = int(value)
    for low, high, label in TOLL_BINS:
        if n >= low and (high is None or n <= high):
            return label
    return TOLL_BINS[0][2]  # a negative toll cannot be produced; count it with 0 rather than drop it


def _toll_histogram(events: Sequence[Event], key: str) -> list[tuple[str, int]]:
    counts = Counter(toll_bin(ev.get(key), bool((ev.get("evidence") or {}).get(key))) for ev in events)
    labels = [label for _, _, label in TOLL_BINS] + [UNKNOWN, NOT_TOLD]
    return [(label, counts[label]) for label in labels if counts[label] or label not in (UNKNOWN, NOT_TOLD)]


def _largest(events: Sequence[Event], top: int) -> list[dict[str, Any]]:
    """The ``top`` records with the largest death tolls (then injuries), with the spans the tolls were read from."""
    ranked = sorted(
        (ev for ev in events if ev.get("fatalities") or ev.get("injuries")),
        key=lambda ev: (int(ev.get("fatalities") or 0), int(ev.get("injuries") or 0)),
        reverse=True,
    )
    keys = ("doc_id", "event_date", "sub_event_type", "country", "location", "fatalities", "injuries", "confidence")
    out = []
    for ev in ranked[:top]:
        evidence = ev.get("evidence") or {}
        spans = [dict(s) for k in ("fatalities", "injuries") for s in evidence.get(k, [])]
        out.append({**{k: ev.get(k) for k in keys}, "evidence": spans})
    return out


def _per_article(counts: Counter[str], articles: Iterable[str] | None) -> list[tuple[str, int]]:
    per_doc = dict(counts)
    for doc_id in articles or ():
        per_doc.setdefault(doc_id, 0)
    hist = Counter(min(n, PER_ARTICLE_MAX) for n in per_doc.values())
    low = 0 if articles is not None else 1
    return [(f"{n}+" if n == PER_ARTICLE_MAX else str(n), hist[n]) for n in range(low, PER_ARTICLE_MAX + 1)]


def _confidence(events: Sequence[Event]) -> list[tuple[str, int]]:
    bins = Counter(min(int(float(ev.get("confidence") or 0.0) * CONFIDENCE_BINS), CONFIDENCE_BINS - 1) for ev in events)
    return [(f"{b / CONFIDENCE_BINS:.1f}–{(b + 1) / CONFIDENCE_BINS:.1f}", bins[b]) for b in range(CONFIDENCE_BINS)]


def quality(
    events: Iterable[Event], texts: Mapping[str, str] | None = None, *, top: int = 10, geocoder: Any = None,
) -> Quality:
    """The report over ``events`` (dicts as ``rasd extract`` writes them).

    ``texts`` (doc_id → the article's title and text), when given, are the
    articles the events were extracted from: they count the articles that
    yielded nothing and give the foreign-placement measure (with ``geocoder``,
    the default one if not given).
    """
    events = list(events)
    per_doc = Counter(str(ev.get("doc_id") or "") for ev in events)
    result = Quality(
        events=len(events),
        articles=len(texts) if texts is not None else None,
        articles_with_events=len(per_doc),
        fatalities=_toll_histogram(events, "fatalities"),
        injuries=_toll_histogram(events, "injuries"),
        largest=_largest(events, top),
        sub_types=Counter(str(ev.get("sub_event_type") or "(none)") for ev in events).most_common(),
        missing={f: sum(1 for ev in events if not ev.get(f)) for f in MISSING_FIELDS},
        per_article=_per_article(per_doc, texts.keys() if texts is not None else None),
        busiest=per_doc.most_common(min(top, 5)),
        confidence=_confidence(events),
    )
    if texts is not None:
        from rasd.geo import get_geocoder
        from rasd.geo.foreign import foreign_placements

        result.foreign = foreign_placements(events, texts, geocoder or get_geocoder())
        result.foreign_by_country = Counter(f.country for f in result.foreign).most_common()
    return result
