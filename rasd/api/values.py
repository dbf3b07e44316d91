"""What a person may write into an event or the casualty register: checked at the API's edge, answered 422.

* **Dates** are real calendar days (``2024-02-30`` and ``0000-00-00`` are
  not), from 1900 up to tomorrow (UTC): an event or a death cannot be coded
  in the future.
* **Event types** are ACLED's six, and sub-event types ACLED's 25
  (``rasd/data/acled_event_types.tsv``); a correction that sets both must
  pair them as ACLED does.
* **Text** carries no control characters (U+0000–U+001F but tab, newline
  and carriage return; U+007F): they break spreadsheets, terminals and XML.
* **Null** only where the event's column may be empty: ``notes`` is text
  (send ``""`` to clear it), ``fatalities_known`` and ``injuries_known`` are
  true or false.
* Numbers and booleans are JSON numbers and booleans (models are strict:
  ``age: false`` or ``fatalities: "5"`` is refused, not coerced).
"""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, timedelta
from functools import cache
from typing import Annotated, Any

from pydantic import AfterValidator, BaseModel, ConfigDict, field_validator

from rasd.lexicon import read_tsv
from rasd.text.controls import has_control

__all__ = ["CleanModel", "EventType", "RealDate", "SubEventType", "check_date", "event_types"]

EARLIEST_YEAR = 1900


@cache
def event_types() -> dict[str, frozenset[str]]:
    """ACLED's event types, each with its sub-event types."""
    out: dict[str, set[str]] = {}
    for r in read_tsv("acled_event_types.tsv"):
        out.setdefault(r["event_type"], set()).add(r["sub_event_type"])
    return {k: frozenset(v) for k, v in out.items()}


def check_date(value: str) -> str:
    """``value`` if it is a real ``YYYY-MM-DD`` day between 1900 and tomorrow, else :class:`ValueError`."""
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        raise ValueError("a date is YYYY-MM-DD")
    try:
        day = date.fromisoformat(value)
    except ValueError:
        raise ValueError(f"{value} is not a day of the calendar") from None
    latest = datetime.now(UTC).date() + timedelta(days=1)
    if not EARLIEST_YEAR <= day.year or day > latest:
        raise ValueError(f"{value} is outside {EARLIEST_YEAR}-01-01 … {latest.isoformat()}")
    return value


def _check_event_type(value: str) -> str:
    if value not in event_types():
        raise ValueError(f"not an ACLED event type: {value!r}; one of {', '.join(sorted(event_types()))}")
    return value


def _check_sub_event_type(value: str) -> str:
    if not any(value in subs for subs in event_types().values()):
        raise ValueError(f"not an ACLED sub-event type: {value!r}")
    return value


RealDate = Annotated[str, AfterValidator(check_date)]
EventType = Annotated[str, AfterValidator(_check_event_type)]
SubEventType = Annotated[str, AfterValidator(_check_sub_event_type)]


def _no_control(value: Any) -> None:
    if isinstance(value, str) and has_control(value):
        raise ValueError("control characters are not allowed (only tab and line breaks)")
    if isinstance(value, list | tuple):
        for item in value:
            _no_control(item)


class CleanModel(BaseModel):
    """A request body that is strict, knows its fields and carries no control characters in any text."""

    model_config = ConfigDict(extra="forbid", strict=True)

    @field_validator("*")
    @classmethod
    def _text_is_clean(cls, value: Any) -> Any:
        _no_control(value)
        return value
