"""The records Rasd produces: evidence spans and events in ACLED's field names.

Plain dataclasses (no validation cost in the hot path); :meth:`Event.to_dict`
gives the JSON shape that the CLI prints, the store saves and exporters read.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

__all__ = ["Span", "Victim", "Event", "ActorFact", "EVENT_FIELDS", "VICTIM_STATUSES", "interaction_code"]


@dataclass(frozen=True, slots=True)
class Span:
    """Evidence: ``text == doc.text[start:end]`` in the document's cleaned text."""

    start: int
    end: int
    text: str


#: What happened to a named victim, in the casualty register's words.
VICTIM_STATUSES: tuple[str, ...] = ("killed", "injured", "missing", "detained")


@dataclass(slots=True)
class Victim:
    """A person a report names as killed, injured, missing or detained ("استشهد الشاب أحمد شايب (19 عاماً)").

    Documentation teams count people, not events, so each named victim is kept
    beside the event's toll. ``name`` is written as in the source; ``sex`` comes
    from the role noun's gender ("الطفلة" → female) and is ``None`` when the noun
    has none; ``group`` is the nationality or group in English ("Palestinian
    refugee"). ``evidence`` maps ``name``, ``title``, ``age`` and ``status`` to spans.
    """

    name: str
    status: str
    age: int | None = None
    sex: str | None = None
    group: str | None = None
    evidence: dict[str, list[Span]] = field(default_factory=dict)


@dataclass(slots=True)
class Event:
    """One event in ACLED's model, plus Rasd's own fields (evidence, confidence, honesty flags).

    ``fatalities`` is ``None`` with ``fatalities_known=False`` when deaths are
    reported without a number; only the ACLED export applies ACLED's
    convention for such cases. ``evidence`` maps a field name to its spans.
    ``victims`` are the people the report names; ``source_title`` is the
    report's own (Arabic) headline, which exports carry beside English notes.
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
    victims: list[Victim] = field(default_factory=list)
    source_title: str | None = None

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


def interaction_code(inter1: int | None, inter2: int | None) -> int | None:
    """ACLED's interaction: both inter codes, lower digit first; ``X0`` when only one side is coded."""
    if not inter1 and not inter2:
        return None
    if not inter1 or not inter2:
        return int(f"{inter1 or inter2}0")
    lo, hi = sorted((inter1, inter2))
    return lo * 10 + hi
