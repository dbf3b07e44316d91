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
from collections.abc import Callable
from typing import Annotated, Any, get_args, get_origin

from pydantic import AfterValidator, BaseModel, ConfigDict, GetJsonSchemaHandler, ValidationInfo, field_validator
from pydantic.json_schema import JsonSchemaValue

from rasd.lexicon import read_tsv
from rasd.text.controls import CONTROL, has_control

__all__ = ["MAX_ID", "PRINTABLE", "CleanModel", "EventType", "RealDate", "SubEventType", "check_date", "date_pattern", "event_types"]

EARLIEST_YEAR = 1900
PRINTABLE = "^[^" + CONTROL.pattern[1:-1] + "]*$"  # a JSON-schema pattern for text without control characters
MAX_ID = 2**53 - 1  # the largest integer every JSON reader holds exactly (far below bigint's): larger ids are 422, not a crash


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


def _upto(last: int) -> str:
    """A regex for the two-digit numbers 01 … ``last``."""
    tens, ones = divmod(last, 10)
    parts = [f"{t}[{1 if t == 0 else 0}-9]" for t in range(tens)]
    if ones >= (1 if tens == 0 else 0):
        parts.append(f"{tens}[{1 if tens == 0 else 0}-{ones}]")
    return "(?:" + "|".join(parts) + ")"


def date_pattern(latest: date) -> str:
    """A regex for ``YYYY-MM-DD`` from 1900 to ``latest`` (the calendar itself is left to ``format: date``)."""
    year, years = latest.year, []
    for decade in range(EARLIEST_YEAR // 10, (year - 1) // 10 + 1):
        last = min(9, year - 1 - decade * 10)
        years.append(f"{decade}\\d" if last == 9 else f"{decade}[0-{last}]")
    parts = [f"(?:{'|'.join(years)})-\\d\\d-\\d\\d"] if years else []
    if latest.month > 1:
        parts.append(f"{year}-{_upto(latest.month - 1)}-\\d\\d")
    parts.append(f"{year}-{latest.month:02d}-{_upto(latest.day)}")
    return "^(?:" + "|".join(parts) + ")$"


class _Schema:
    """Annotation metadata adding to a field's JSON schema what its validator checks, computed when the schema is built."""

    def __init__(self, extra: Callable[[], dict[str, Any]]) -> None:
        self.extra = extra

    def __get_pydantic_json_schema__(self, core_schema: Any, handler: GetJsonSchemaHandler) -> JsonSchemaValue:
        return {**handler(core_schema), **self.extra()}


RealDate = Annotated[str, AfterValidator(check_date), _Schema(lambda: {
    "format": "date", "pattern": date_pattern(datetime.now(UTC).date() + timedelta(days=1)),
    "description": f"A day of the calendar, {EARLIEST_YEAR}-01-01 to tomorrow (UTC).",
})]
EventType = Annotated[str, AfterValidator(_check_event_type), _Schema(lambda: {"enum": sorted(event_types())})]
SubEventType = Annotated[str, AfterValidator(_check_sub_event_type), _Schema(lambda: {"enum": sorted(set().union(*event_types().values()))})]


def _no_control(value: Any) -> None:
    if isinstance(value, str) and has_control(value):
        raise ValueError("control characters are not allowed (only tab and line breaks)")
    if isinstance(value, list | tuple):
        for item in value:
            _no_control(item)


def _takes_int(annotation: Any) -> bool:
    """Whether a field holds integers (or a list of them), not floats."""
    args = get_args(annotation) or (annotation,)
    if get_origin(annotation) is Annotated:
        return _takes_int(args[0])
    if get_origin(annotation) is list:
        return _takes_int(args[0])
    return int in args and float not in args or any(get_origin(a) is Annotated and _takes_int(a) for a in args)


def _printable(schema: dict[str, Any]) -> None:
    if schema.get("type") == "string" and not schema.keys() & {"pattern", "enum", "const", "format"}:
        schema["pattern"] = PRINTABLE


def _whole(value: Any) -> Any:
    return int(value) if isinstance(value, float) and value.is_integer() else value


class CleanModel(BaseModel):
    """A request body that is strict, knows its fields and carries no control characters in any text."""

    model_config = ConfigDict(extra="forbid", strict=True)

    @field_validator("*", mode="before")
    @classmethod
    def _whole_numbers(cls, value: Any, info: ValidationInfo) -> Any:
        """JSON has one kind of number: ``6.0`` is the integer 6 (as JSON Schema reads it); ``"6"`` and ``false`` stay refused."""
        if info.field_name is None or not _takes_int(cls.model_fields[info.field_name].annotation):
            return value
        if isinstance(value, list):
            return [_whole(v) for v in value]
        return _whole(value)

    @classmethod
    def __get_pydantic_json_schema__(cls, core_schema: Any, handler: GetJsonSchemaHandler) -> JsonSchemaValue:
        """The schema says what :meth:`_text_is_clean` refuses: every free text field gets a pattern without control characters."""
        reference = handler(core_schema)
        schema = handler.resolve_ref_schema(reference)
        for prop in schema.get("properties", {}).values():
            for branch in prop.get("anyOf", [prop]):
                _printable(branch.get("items", {}) if branch.get("type") == "array" else branch)
        return reference

    @field_validator("*")
    @classmethod
    def _text_is_clean(cls, value: Any) -> Any:
        _no_control(value)
        return value
