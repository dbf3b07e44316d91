"""The records Rasd produces: evidence spans and events in ACLED's field names.

Plain dataclasses (no validation cost in the hot path); :meth:`Event.to_dict`
gives the JSON shape that the CLI prints, the store saves and exporters read.

ACLED's conventions of the data model live here too, so that extraction,
export, alerts and trends code an event one way: the disorder type of each
event type (:data:`DISORDER_TYPES`), the interaction code
(:func:`interaction_code`) and the figure ACLED's data set gets for a toll
(:func:`acled_fatalities`: unknown-but-reported deaths → 10 for a significant
attack, 3 for a limited event; vague counts as the extractor coded them).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

__all__ = [
    "Span",
    "Victim",
    "Event",
    "ActorFact",
    "EVENT_FIELDS",
    "VICTIM_STATUSES",
    "DISORDER_TYPES",
    "SIGNIFICANT_SUB_TYPES",
    "LIMITED_UNKNOWN",
    "SIGNIFICANT_UNKNOWN",
    "acled_fatalities",
    "interaction_code",
]


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
    reported without a number; ACLED's convention for such cases
    (:func:`acled_fatalities`) is applied when an event is read, never stored. ``evidence`` maps a field name to its spans.
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
        return _plain(self)


def _plain(value: Any) -> Any:
    """What ``dataclasses.asdict`` gives for the values an event holds (dataclasses, lists, dicts and scalars),
    a few times faster: it deep-copies every string and number on the way."""
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if hasattr(value, "__dataclass_fields__"):
        return {name: _plain(getattr(value, name)) for name in value.__dataclass_fields__}
    return value


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


#: ACLED's disorder type of each event type.
DISORDER_TYPES: dict[str, str] = {
    "Battles": "Political violence",
    "Explosions/Remote violence": "Political violence",
    "Violence against civilians": "Political violence",
    "Protests": "Demonstrations",
    "Riots": "Demonstrations",
    "Strategic developments": "Strategic developments",
}
#: Attacks whose unnumbered deaths ACLED codes as 10 rather than 3.
SIGNIFICANT_SUB_TYPES = frozenset({"Suicide bomb", "Chemical weapon"})
#: ACLED's figures for deaths reported without a number: a limited event, a significant attack.
LIMITED_UNKNOWN, SIGNIFICANT_UNKNOWN = 3, 10


def _significant(ev: Mapping[str, Any]) -> bool:
    vague = ev.get("vague") or {}
    return ev.get("sub_event_type") in SIGNIFICANT_SUB_TYPES or vague.get("scale") == "significant"


def acled_fatalities(ev: Mapping[str, Any]) -> tuple[int, str | None]:
    """The figure ACLED's data set gets for an event's toll, and the sentence ``notes`` needs when it is a convention."""
    if ev.get("fatalities_known", True) is False:
        n = SIGNIFICANT_UNKNOWN if _significant(ev) else LIMITED_UNKNOWN
        kind = "a significant attack" if n == SIGNIFICANT_UNKNOWN else "a limited event"
        return n, f"Deaths were reported without a number: {n} fatalities coded by convention for {kind}."
    value = int(ev.get("fatalities") or 0)
    vague = (ev.get("vague") or {}).get("fatalities")
    if vague:
        return value, f"The toll was reported only as a vague count, coded as {value}."
    return value, None
