"""Fixtures shared by every test area."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parent.parent
# the store tests' event factories (store_factories.py) serve the export, alerts and trends tests too
sys.path.insert(0, str(Path(__file__).resolve().parent / "store"))

from rasd.store import Store, open_store  # noqa: E402


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    """The shared corpus and examples beside the repository (``../shared``); skips when absent."""
    path = REPO_ROOT.parent / "shared"
    if not path.is_dir():
        pytest.skip(f"{path} not found: these tests read the shared corpus/examples")
    return path


@pytest.fixture
def store() -> Iterator[Store]:
    """An empty, migrated SQLite store in memory (tests/store overrides it to run on PostgreSQL too)."""
    s = open_store(":memory:")
    try:
        yield s
    finally:
        s.close()
