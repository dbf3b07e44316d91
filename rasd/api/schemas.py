"""Response and request shapes, for the OpenAPI schema and for validating what clients send.

Read endpoints build their JSON straight from rows (:mod:`rasd.api.render`)
for speed and declare these models so the schema still says what comes back.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from rasd.api.values import MAX_ID, CleanModel, EventType, RealDate, SubEventType, event_types
from rasd.store.models import Event as EventRow
from rasd.store.models import table_of

__all__ = [
    "ActorOut", "Correction", "DocumentOut", "EventDetail", "EventOut", "EventPage", "HistoryOut", "LoginIn",
    "MergeIn", "PlaceOut", "ReviewIn", "SplitIn", "StatsOut",
]  # fmt: skip

DATE = r"^\d{4}-\d{2}-\d{2}$"
Id = Annotated[int, Field(ge=1, le=MAX_ID)]


class EventOut(BaseModel):
    """One event: ACLED's fields and Rasd's (honest unknowns, review status, confidence)."""

    model_config = ConfigDict(extra="allow")

    id: int
    event_date: str | None = None
    event_type: str | None = None
    sub_event_type: str | None = None
    actor1: str | None = None
    actor2: str | None = None
    country: str | None = None
    admin1: str | None = None
    location: str | None = None
    latitude: float | None = None
    longitude: float | None = None
    fatalities: int | None = None
    fatalities_known: bool = True
    review_status: str = "machine"


class EventPage(BaseModel):
    """A page of events; ``total`` only when asked for (``total=true``), as counting costs a scan."""

    items: list[EventOut]
    limit: int
    offset: int
    has_more: bool
    total: int | None = None


class SpanOut(BaseModel):
    """Evidence: ``document.text[start:end] == text``."""

    field: str
    start: int
    end: int
    text: str


class ReportOut(BaseModel):
    """One report of an event: the document and that report's own figures and evidence."""

    id: int
    document_id: int
    doc_key: str
    title: str | None = None
    source: str | None = None
    published: str | None = None
    url: str | None = None
    fatalities: int | None = None
    fatalities_known: bool = True
    injuries: int | None = None
    injuries_known: bool = True
    evidence: list[SpanOut]


class HistoryOut(BaseModel):
    """One audit-trail entry: who, when, what action, the fields before and after."""

    id: int
    reviewer: str
    action: str
    at: str
    comment: str | None = None
    before: dict[str, Any]
    after: dict[str, Any]
    changed: list[str]


class EventDetail(BaseModel):
    """An event with its reports, their evidence, and its audit trail."""

    event: EventOut
    reports: list[ReportOut]
    history: list[HistoryOut]


class DocumentOut(BaseModel):
    """A stored article with its cleaned text (what evidence offsets index into)."""

    id: int
    doc_key: str
    title: str | None = None
    source: str | None = None
    published: str | None = None
    url: str | None = None
    text: str | None = None
    n_events: int = 0


class ActorOut(BaseModel):
    """A canonical actor, its aliases and its dated facts."""

    id: int
    name: str
    inter: int | None = None
    aliases: list[str] = []
    facts: list[dict[str, Any]] = []


class PlaceOut(BaseModel):
    """A located place events happened at."""

    id: int
    name: str
    name_ar: str | None = None
    country: str | None = None
    admin1: str | None = None
    admin2: str | None = None
    latitude: float | None = None
    longitude: float | None = None
    n_events: int = 0


class StatsRow(BaseModel):
    """One period's (and key's) events and deaths; ``period`` is there unless ``interval=none``, ``key`` when ``by`` is given."""

    period: str | None = Field(None, description="The day, the Monday of the week or the month (YYYY-MM).")
    key: str | None = Field(None, description="The value of the field the rows are by.")
    events: int
    fatalities: int = Field(description=(
        "Deaths by ACLED's coded figure, as exports, trends and min_fatalities count them: "
        "a toll reported without a number counts 3, or 10 for a significant attack."))
    unknown_tolls: int = Field(description="How many of the events had deaths reported without a number (counted in fatalities as 3 or 10).")


class StatsOut(BaseModel):
    """Counts and deaths per period (day, week or month) and per key (type, area)."""

    interval: str
    by: str | None
    rows: list[StatsRow]


def _correction_schema(schema: dict[str, Any]) -> None:
    """Say in the schema what :meth:`Correction._possible` refuses: null in a NOT NULL column, a sub-type of another type."""
    for name, prop in schema["properties"].items():
        if not _NULLABLE.get(name, True):
            prop["anyOf"] = [branch for branch in prop["anyOf"] if branch.get("type") != "null"]
    schema["allOf"] = [
        {"if": {"properties": {"event_type": {"const": kind}}, "required": ["event_type"]},
         "then": {"properties": {"sub_event_type": {"enum": [*sorted(subs), None]}}}}
        for kind, subs in sorted(event_types().items())
    ]


class Correction(CleanModel):
    """Fields a reviewer may set; any left out stay as they are (what is refused: :mod:`rasd.api.values`)."""

    model_config = ConfigDict(json_schema_extra=_correction_schema)

    event_date: RealDate | None = Field(default=None, pattern=DATE)
    time_precision: int | None = Field(default=None, ge=1, le=3)
    disorder_type: str | None = Field(default=None, max_length=60)
    event_type: EventType | None = Field(default=None, max_length=60)
    sub_event_type: SubEventType | None = Field(default=None, max_length=80)
    actor1: str | None = Field(default=None, max_length=300)
    assoc_actor_1: str | None = Field(default=None, max_length=300)
    inter1: int | None = Field(default=None, ge=0, le=8)
    actor2: str | None = Field(default=None, max_length=300)
    assoc_actor_2: str | None = Field(default=None, max_length=300)
    inter2: int | None = Field(default=None, ge=0, le=8)
    interaction: int | None = Field(default=None, ge=0, le=88)
    civilian_targeting: str | None = Field(default=None, max_length=40)
    country: str | None = Field(default=None, max_length=80)
    iso: int | None = Field(default=None, ge=0, le=999)
    admin1: str | None = Field(default=None, max_length=120)
    admin2: str | None = Field(default=None, max_length=120)
    admin3: str | None = Field(default=None, max_length=120)
    location: str | None = Field(default=None, max_length=200)
    location_ar: str | None = Field(default=None, max_length=200)
    latitude: float | None = Field(default=None, ge=-90, le=90)
    longitude: float | None = Field(default=None, ge=-180, le=180)
    geo_precision: int | None = Field(default=None, ge=1, le=3)
    fatalities: int | None = Field(default=None, ge=0, le=1_000_000)
    fatalities_known: bool | None = None
    injuries: int | None = Field(default=None, ge=0, le=1_000_000)
    injuries_known: bool | None = None
    notes: str | None = Field(default=None, max_length=10_000)

    @model_validator(mode="after")
    def _possible(self) -> Correction:
        """No null where the event's column has none; a sub-event type of the event type set with it."""
        for name in sorted(self.model_fields_set):
            if getattr(self, name) is None and not _NULLABLE.get(name, True):
                hint = 'send "" to clear it' if name == "notes" else "send true or false"
                raise ValueError(f"{name} cannot be null ({hint})")
        if self.event_type and self.sub_event_type and self.sub_event_type not in event_types()[self.event_type]:
            raise ValueError(f"{self.sub_event_type!r} is not a sub-event type of {self.event_type!r}")
        return self


_NULLABLE = {c.name: bool(c.nullable) for c in table_of(EventRow).columns}


class ReviewIn(CleanModel):
    """A review action: ``approve`` and ``reject`` take a comment; ``correct`` also takes changes (one at least)."""

    model_config = ConfigDict(json_schema_extra={
        "if": {"properties": {"action": {"const": "correct"}}, "required": ["action"]},
        "then": {"properties": {"changes": {"minProperties": 1}}, "required": ["changes"]},
    })

    action: Literal["approve", "correct", "reject"]
    changes: Correction = Field(default_factory=Correction)
    comment: str | None = Field(default=None, max_length=2000)


class SplitIn(CleanModel):
    """Split an event: the reports listed (by report id) move to a new event with ``changes`` applied."""

    report_ids: list[Id] = Field(default_factory=list, max_length=1000)
    changes: Correction = Field(default_factory=Correction)
    comment: str | None = Field(default=None, max_length=2000)


class MergeIn(CleanModel):
    """Merge other events into this one: their reports join it and they are rejected as duplicates."""

    event_ids: list[Id] = Field(min_length=1, max_length=100)
    comment: str | None = Field(default=None, max_length=2000)


class LoginIn(BaseModel):
    """A name and password."""

    name: str = Field(min_length=1, max_length=120)
    password: str = Field(min_length=1, max_length=1000)
