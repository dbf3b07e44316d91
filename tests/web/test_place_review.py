"""Placing a village the gazetteer lacks, in a real browser: the badge, the place search, a new place at its coordinates."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from apikit import Site, running_site
from browserkit import fill_form, log_in

from rasd.geo import get_geocoder
from rasd.ingest.run import ingest

ARTICLE = {
    "id": "bara-web", "published": "2024-03-02", "source": "test-outlet", "title": "قصف على جبل الزاوية",
    "text": "قصفت قوات النظام السوري صباح اليوم قرية البارة في جبل الزاوية بريف إدلب الجنوبي، ما أدى إلى مقتل ثلاثة مدنيين.",
}  # fmt: skip


@pytest.fixture(scope="module")
def web_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Site]:
    """A server of its own (the ``page`` fixture's, here) with one more article, naming a village the gazetteer does not hold."""
    folder = tmp_path_factory.mktemp("places")
    with running_site(folder / "rasd.db") as site:
        path = folder / "bara.jsonl"
        path.write_text(json.dumps(ARTICLE, ensure_ascii=False) + "\n", encoding="utf-8")
        ingest([str(path)], site.store)
        yield site
    get_geocoder().use_places([], version=None)


def _bara(site: Site) -> dict[str, Any]:
    return next(e for e in site.store.events(limit=1000) if e["location_ar"] == "البارة")


def test_a_reviewer_sets_a_new_place(page: Any, web_site: Site) -> None:
    event = _bara(web_site)
    log_in(page)
    # The queue (the table) marks the event, in English and in Arabic.
    page.goto("/lang/en?next=/table")
    page.wait_for_selector(f'#events-table tbody tr[data-id="{event["id"]}"]')
    row = page.locator(f'#events-table tbody tr[data-id="{event["id"]}"]')
    assert row.locator(".badge-unlisted").inner_text() == "Not in the gazetteer"
    assert page.locator("#events-table .badge-unlisted").count() == 1  # only the village the gazetteer lacks
    page.goto("/lang/ar?next=/table")
    page.wait_for_selector(f'#events-table tbody tr[data-id="{event["id"]}"] .badge-unlisted')
    assert row.locator(".badge-unlisted").inner_text() == "ليس في المعجم الجغرافي"
    page.goto(f"/events/{event['id']}")
    assert page.is_visible("#unlisted-badge")
    # The search reads the name with its context: the mountain from the gazetteer, and the village as a new place.
    page.fill("#place-q", "قرية البارة جبل الزاوية")
    page.click("#place-search button[type=submit]")
    page.wait_for_selector("#place-options li")
    sources = page.eval_on_selector_all("#place-options li", "ls => ls.map(l => l.dataset.source)")
    assert sources == ["gazetteer", "new"]
    assert "Jabal al-Zawiya" in page.inner_text("#place-options li[data-source=gazetteer]")
    assert "مكان جديد" in page.inner_text("#place-options li[data-source=new] .badge")
    page.click("#place-options li[data-source=new] button.use-place")
    form = page.locator("#new-place")
    assert form.is_visible()
    assert page.input_value('#new-place [name="name_ar"]') == "البارة"
    assert page.input_value('#new-place [name="name"]') == "Al-Bara"
    assert page.input_value('#new-place [name="admin1"]') == "Idlib"
    fill_form(page, "#new-place", latitude="35.6843", longitude="36.5289", comment="من صور الأقمار الصناعية")
    page.click("#new-place-save")
    page.wait_for_selector("table#history")
    assert page.inner_text('#fields tr[data-field="latitude"] td.value') == "35.6843"
    assert page.inner_text('#fields tr[data-field="geo_precision"] td.value') == "1"
    assert page.locator("#unlisted-badge").count() == 0
    assert "rana" in page.locator("table#history tbody tr").first.inner_text()
    # The place is now the store's: the same search offers it first.
    page.fill("#place-q", "قرية البارة جبل الزاوية")
    page.click("#place-search button[type=submit]")
    page.wait_for_selector("#place-options li[data-source=store]")
    first = page.locator("#place-options li").first
    assert first.get_attribute("data-source") == "store" and "Al-Bara" in first.inner_text()
    page.goto("/table")
    page.wait_for_selector(f'#events-table tbody tr[data-id="{event["id"]}"]')
    assert page.locator("#events-table .badge-unlisted").count() == 0
