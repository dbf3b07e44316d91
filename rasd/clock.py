"""The project's clock: one ``now()`` for every timestamp Rasd writes or compares."""

from __future__ import annotations

from datetime import UTC, datetime

__all__ = ["now"]


def now() -> datetime:
    """UTC now without tzinfo (both SQLite and PostgreSQL ``DateTime`` columns store it as is)."""
    return datetime.now(UTC).replace(tzinfo=None)
