"""Rasd (رصد): Arabic news to ACLED-style conflict events, with evidence for every field.

    >>> import rasd
    >>> events = rasd.extract(text, published=date(2021, 4, 6))
    >>> events[0].sub_event_type, events[0].fatalities, events[0].evidence["fatalities"]

The implementation lives in sub-packages; this module is the curated public API.
"""

from __future__ import annotations

from rasd.doc import Doc, Mention
from rasd.errors import ConfigError, DataError, InputError, PipelineError, RasdError
from rasd.extract import analyse, extract
from rasd.model import ActorFact, Event, Span

__version__ = "0.1.0"

__all__ = [
    "extract",
    "analyse",
    "Event",
    "Span",
    "ActorFact",
    "Doc",
    "Mention",
    "RasdError",
    "InputError",
    "ConfigError",
    "DataError",
    "PipelineError",
    "__version__",
]
