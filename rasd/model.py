"""The records Rasd produces: evidence spans and events in ACLED's field names.

Plain dataclasses (no validation cost in the hot path); :meth:`Event.to_dict`
gives the JSON shape that the CLI prints, the store saves and exporters read.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

__all__ = ["Span", "Event", "ActorFact", "EVENT_FIELDS"]


@dataclass(frozen=True, slots=True)
class Span:
    """Evidence: ``text == doc.text[start:end]`` in the document's cleaned text."""

    start: int
    end: int
    text: str


@dataclass(slots=True)
class Event:
    """One event in ACLED's model, plus Rasd's own fields (evidence, confidence, honesty flags).

    ``fatalities`` is ``None`` with ``fatalities_known=False`` when deaths are
    reported without a number; only the ACLED export applies ACLED's
    convention for such cases. ``evidence`` maps a field name to its spans.
    """

    doc_id: str | None = None
    event_date: str | None = None
    time_precision: int | None = None
    disorder_type: str | None = None
    event_type: str | None = None
    sub_event_type: str | None = None
    actor1: str | None = None
    assoc_actor_1: str | None = None
    inter1: int | None = None
    actor2: str | None = None
    assoc_actor_2: str | None = None
    inter2: int | None = None
    interaction: int | None = None
    civilian_targeting: str | None = None
    country: str | None = None
    iso: int | None = None
    admin1: str | None = None
    admin2: str | None = None
    admin3: str | None = None
    location: str | None = None
    latitude: float | None = None
    longitude: float | None = None
    geo_precision: int | None = None
    fatalities: int | None = 0
    notes: str = ""
    tags: list[str] = field(default_factory=list)
    source: str | None = None
    location_ar: str | None = None
    fatalities_known: bool = True
    injuries: int | None = None
    injuries_known: bool = True
    evidence: dict[str, list[Span]] = field(default_factory=dict)
    confidence: float = 0.0
    vague: dict[str, str] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        """The JSON shape: every field, evidence as ``{start, end, text}`` objects."""
        return asdict(self)


EVENT_FIELDS: tuple[str, ...] = tuple(Event.__dataclass_fields__)


@dataclass(frozen=True, slots=True)
class ActorFact:
    """A dated, sourced statement about an actor ("backed by Russia", "about 7,000 fighters")."""

    actor: str
    kind: str
    value: str
    evidence: Span
    doc_id: str | None = None
    published: str | None = None
