"""Exports: stored events out as ACLED CSV, GeoJSON, JSON Lines, XLSX or Parquet, and the casualty register.

    >>> from rasd.store import EventFilter
    >>> from rasd.export import export
    >>> with open("syria.csv", "wb") as out:
    ...     export(store, "acled-csv", out, EventFilter.parse({"country": "Syria", "date_from": "2021"}))

Formats come from plugins (:func:`rasd.plugins.exporters`); Rasd's own are
default plugins. Every export first gives new events their stable
``event_id_cnty``, then streams.
"""

from __future__ import annotations

from typing import IO

from rasd.errors import ConfigError
from rasd.export.acled import ACLED_COLUMNS, acled_record, full_record, interaction_code
from rasd.export.formats import Exporter
from rasd.export.query import assign_codes, stream_events
from rasd.export.register import VictimInput, add_victim, list_victims
from rasd.store import EventFilter, Store

__all__ = [
    "ACLED_COLUMNS",
    "Exporter",
    "VictimInput",
    "acled_record",
    "add_victim",
    "assign_codes",
    "export",
    "full_record",
    "get_exporter",
    "interaction_code",
    "list_victims",
    "stream_events",
]


def get_exporter(name: str) -> Exporter:
    """The exporter called ``name``; :class:`~rasd.errors.ConfigError` naming the known ones otherwise."""
    from rasd.plugins import exporters

    known = exporters()
    if name not in known:
        raise ConfigError(f"unknown export format {name!r}; one of {', '.join(sorted(known))}")
    return known[name]


def export(store: Store, fmt: str, out: IO[bytes], f: EventFilter | None = None) -> int:
    """Write the events ``f`` selects (by default every event not rejected) to ``out`` in format ``fmt``; returns the count."""
    exporter = get_exporter(fmt)
    with store.transaction("assigning event ids") as conn:
        assign_codes(conn)
    if exporter.rows == "victims":  # no filter: every register entry, those linked to no event included
        with store.transaction("reading the casualty register") as conn:
            return exporter.write(list_victims(conn, None if f == EventFilter() else f), out)
    return exporter.write(stream_events(store, f or EventFilter()), out)
