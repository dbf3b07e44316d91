"""Fixtures: an empty in-memory store; the store tests' event factories on the import path."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "store"))

from rasd.store import Store, open_store


@pytest.fixture
def store() -> Iterator[Store]:
    """An empty, migrated SQLite store in memory."""
    s = open_store(":memory:")
    try:
        yield s
    finally:
        s.close()
