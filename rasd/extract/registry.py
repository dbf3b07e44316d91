"""The one place where pipeline components are registered by name.

A test pins this list; adding a component means adding it here, where the
order of the default pipeline can be read at a glance.
"""

from __future__ import annotations

from collections.abc import Callable

from rasd.extract.actors import Actors
from rasd.extract.assemble import Assemble
from rasd.extract.calibrate import Calibrate
from rasd.extract.casualties import Casualties
from rasd.extract.dates import Dates
from rasd.extract.eventness import Eventness
from rasd.extract.judge import Judge
from rasd.extract.places import Places
from rasd.extract.scope import Scope
from rasd.extract.triggers import Triggers
from rasd.extract.victims import Victims
from rasd.pipeline import Component
from rasd.text.clean import Clean
from rasd.text.quotes import Quotes
from rasd.text.segment import Normalize, Segment

__all__ = ["COMPONENTS", "DEFAULT_PIPELINE"]

COMPONENTS: dict[str, Callable[[], Component]] = {
    "clean": Clean,
    "normalize": Normalize,
    "segment": Segment,
    "quotes": Quotes,
    "triggers": Triggers,
    "actors": Actors,
    "dates": Dates,
    "casualties": Casualties,
    "scope": Scope,
    "eventness": Eventness,
    "victims": Victims,
    "places": Places,
    "assemble": Assemble,
    "judge": Judge,
    "calibrate": Calibrate,
}

DEFAULT_PIPELINE: tuple[str, ...] = tuple(COMPONENTS)
