"""The map's place names: from the gazetteer, as many as the zoom has room for, in the page's language."""

from __future__ import annotations

import itertools
from typing import Any

import httpx
import pytest
from apikit import Site

from rasd.web.placenames import LINE, MOST, labels_in, pixels

SYRIA = (35.5, 32.3, 42.5, 37.4)  # west, south, east, north


def overlap(a: Any, b: Any, zoom: int) -> bool:
    """Whether the labels of two places would overlap on a map at ``zoom``."""
    (ax, ay), (bx, by) = pixels(a.latitude, a.longitude, zoom), pixels(b.latitude, b.longitude, zoom)
    return abs(ax - bx) < (a.width + b.width) / 2 and abs(ay - by) < LINE


def test_zoomed_out_names_the_big_cities_only() -> None:
    places = labels_in(*SYRIA, zoom=6)
    assert not any(overlap(a, b, 6) for a, b in itertools.combinations(places, 2))
    names = [p.name_ar for p in places]
    assert "حلب" in names and "حمص" in names
    assert len(places) < 30 < MOST
    assert all(SYRIA[1] <= p.latitude <= SYRIA[3] and SYRIA[0] <= p.longitude <= SYRIA[2] for p in places)


def test_zooming_in_adds_towns_and_villages_without_crowding() -> None:
    out, near = labels_in(*SYRIA, zoom=6), labels_in(36.4, 35.7, 36.8, 36.0, zoom=11)  # around Idlib city and Ariha
    assert len(near) > 5 and not {p.name for p in near} <= {p.name for p in out}
    assert any(p.population == 0 for p in near), "villages once the map is close enough"
    assert not any(overlap(a, b, 11) for a, b in itertools.combinations(near, 2)), "no label sits on another"


@pytest.mark.parametrize(("lang", "aleppo"), [("ar", "حلب"), ("en", "Aleppo")])
def test_the_route_answers_in_the_page_language(web_site: Site, lang: str, aleppo: str) -> None:
    with httpx.Client(base_url=web_site.url, headers={"Accept-Language": lang}, timeout=20) as http:
        found = http.get("/map/places", params={"bbox": ",".join(map(str, SYRIA)), "zoom": 6})
        assert found.status_code == 200 and aleppo in [p["name"] for p in found.json()]
        assert http.get("/map/places", params={"bbox": "1,2,3", "zoom": 6}).status_code == 422
        assert http.get("/map/places", params={"bbox": "1,2,3,4", "zoom": 40}).status_code == 422


def test_the_map_shows_place_names(page: Any) -> None:
    page.goto("/")
    page.wait_for_selector("#map[data-names]")
    shown = page.locator(".place-label").all_inner_texts()
    assert int(page.get_attribute("#map", "data-names")) == len(shown) > 0
    assert all(any("\u0600" <= c <= "\u06ff" for c in name) for name in shown), shown  # the page is Arabic
