"""Every error Rasd raises on purpose, in one place.

    RasdError
    ├── InputError          a document could not be read (empty, binary, bad JSON/HTML, wrong encoding)
    ├── ConfigError         a setting, path or option is wrong
    ├── DataError           a shipped or imported data file (lexicon, gazetteer) is malformed
    ├── StoreError          the database could not be opened, migrated, read or written
    │   ├── EventNotFound   a review names an event the store does not have
    │   └── ReviewConflict  a review operation the data contradicts (a split that empties an event)
    ├── DeliveryError       an alert channel could not deliver a message (retried later)
    └── PipelineError       a pipeline was assembled wrongly (unknown or misordered component)

Errors carry the context a person needs to act (which file, which line);
the CLI turns them into one-line messages and a non-zero exit code.
"""

from __future__ import annotations

__all__ = [
    "RasdError",
    "InputError",
    "ConfigError",
    "DataError",
    "StoreError",
    "EventNotFound",
    "ReviewConflict",
    "DeliveryError",
    "PipelineError",
]


class RasdError(Exception):
    """Base class of every error Rasd raises on purpose."""

    def __init__(self, message: str, *, source: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.source = source

    def __str__(self) -> str:
        return f"{self.source}: {self.message}" if self.source else self.message


class InputError(RasdError):
    """A document could not be read: empty, binary, undecodable, malformed or too large."""


class ConfigError(RasdError):
    """A setting, path or command-line option is wrong."""


class DataError(RasdError):
    """A lexicon or gazetteer file is malformed."""


class StoreError(RasdError):
    """The database could not be opened, migrated, read or written."""


class EventNotFound(StoreError):
    """A review operation names an event the store does not have."""


class ReviewConflict(StoreError):
    """A review operation contradicts the data (moving reports an event lacks, emptying it, merging it into itself)."""


class DeliveryError(RasdError):
    """A channel could not deliver a message (the sender retries it later)."""

    def __init__(self, message: str, *, status_code: int | None = None) -> None:
        super().__init__(message)
        self.status_code = status_code


class PipelineError(RasdError):
    """A pipeline was assembled from unknown or misordered components."""
