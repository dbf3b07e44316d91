"""The store's error, until the lead moves it into :mod:`rasd.errors`.

    RasdError
    └── StoreError          the database could not be opened, migrated, read or written

Kept here so that ``rasd/errors.py`` (the lead's file) is untouched; when it
gains ``StoreError`` this module re-exports that class instead.
"""

from __future__ import annotations

from rasd import errors as _errors

__all__ = ["StoreError"]

if hasattr(_errors, "StoreError"):  # pragma: no cover - once the lead adds it
    StoreError = _errors.StoreError  # type: ignore[misc, assignment]
else:

    class StoreError(_errors.RasdError):  # type: ignore[no-redef]
        """The database could not be opened, migrated, read or written."""
