"""The public API the extractor relies on: names, fields and the cached instance."""

from __future__ import annotations

import dataclasses

import rasd.geo
from rasd.geo import Candidate, PlaceMention, geocode, get_geocoder


def test_exported_members() -> None:
    assert sorted(rasd.geo.__all__) == sorted(["Candidate", "PlaceMention", "Geocoder", "get_geocoder", "geocode"])


def test_candidate_fields() -> None:
    assert [f.name for f in dataclasses.fields(Candidate)] == [
        "name", "name_ar", "kind", "admin1", "admin2", "admin3", "country", "iso", "latitude", "longitude",
        "geo_precision", "score", "source", "approximate",
    ]  # fmt: skip
    assert [f.name for f in dataclasses.fields(PlaceMention)] == ["start", "end", "phrase", "qualifier", "candidates"]
    assert PlaceMention(0, 0, "", None).best is None


def test_process_wide_instance_and_shortcut() -> None:
    assert get_geocoder() is get_geocoder()
    best = geocode("مخيم جباليا")[0]
    assert (best.name, best.admin1, best.country, best.iso, best.geo_precision) == (
        "Jabalia Camp", "Gaza Strip", "Palestine", 275, 1,
    )
    assert 0.0 <= best.score <= 1.0
