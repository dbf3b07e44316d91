"""Shared fixtures: one geocoder per test session (loading the gazetteer takes ~0.3 s)."""

from __future__ import annotations

from pathlib import Path

import pytest

from rasd.geo import Geocoder
from rasd.geo.index import Gazetteer

SHARED = Path(__file__).resolve().parents[2].parent / "shared"


def shared_path(*parts: str) -> Path:
    """A file under ../shared/, or skip the test with the reason."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"../shared/{'/'.join(parts)} is not available (the shared folder sits beside the project)")
    return path


@pytest.fixture(scope="session")
def gazetteer() -> Gazetteer:
    """The shipped gazetteer and supplement, without any user file."""
    return Gazetteer.load(None)


@pytest.fixture(scope="session")
def geocoder(gazetteer: Gazetteer) -> Geocoder:
    """A geocoder over the shipped data only, so a developer's own imports cannot change results."""
    return Geocoder(gazetteer)
