"""Which subscriptions an event matches. A subscription's filter is the store's :class:`~rasd.store.filters.EventFilter`.

A filter is stored as the JSON of that filter (:meth:`EventFilter.to_json`),
the filter the API, exports, trends and the CLI read, with the same meaning
for every key; a key with a list matches any of its values:

    {"country": ["Syria"], "admin1": ["Deir ez-Zor", "Idlib"], "actor": ["Liwa al-Quds"],
     "event_type": ["Battles"], "date_from": "2024-03", "min_fatalities": 1,
     "bbox": [west, south, east, north], "polygon": [[lon, lat], ...]}

``min_fatalities`` compares ACLED's coded figure, so deaths reported without
a number (coded 3 or 10 by convention) reach a subscriber who asked for "any
deaths", as they count in an export with the same filter. The database
evaluates every filter (:func:`matching`), so an alert and an export cannot
disagree on an event.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from sqlalchemy import Connection, and_, case, select

from rasd.store.filters import EventFilter
from rasd.store.models import Event, table_of

__all__ = ["matching", "validate_filters"]

E = table_of(Event)
_PER_QUERY = 200  # filters evaluated by one SELECT (one column each; SQLite allows 2,000)


def validate_filters(filters: Mapping[str, Any]) -> dict[str, Any]:
    """The filter as stored, or :class:`~rasd.errors.InputError` saying what is wrong with it."""
    return EventFilter.parse(filters).to_json()


def matching(conn: Connection, event_id: int, filters: Sequence[Mapping[str, Any]]) -> list[bool]:
    """For each filter (stored JSON), whether the event ``event_id`` passes it."""
    parsed = [EventFilter.parse(f) for f in filters]
    out: list[bool] = []
    for i in range(0, len(parsed), _PER_QUERY):
        cols = [case((and_(*f.conditions(conn.dialect.name)), 1), else_=0).label(f"f{n}") for n, f in enumerate(parsed[i : i + _PER_QUERY])]
        row = conn.execute(select(*cols).where(E.c.id == event_id)).first()
        out += [bool(v) for v in (row or (0,) * len(cols))]
    return out
