"""A reviewer's day in a real browser: log in, filter the map, open an event, see its evidence, correct it, log out."""

from __future__ import annotations

from typing import Any

from apikit import XSS_IMG, XSS_SCRIPT, Site
from browserkit import correct, log_in


def open_only_marker(page: Any, **filters: str) -> None:
    """Filter the map down to one event and open its popup."""
    page.goto("/")
    page.wait_for_selector("#map[data-count]")
    for name, value in filters.items():
        page.select_option(f'#filters select[name="{name}"]', value) if name != "q" else page.fill('#filters input[name="q"]', value)
    page.click('#filters button[type="submit"]')
    page.wait_for_selector('#map[data-count="1"]')
    page.locator("path.leaflet-interactive").first.click()
    page.wait_for_selector(".leaflet-popup-content .popup")


def test_review_flow(page: Any, web_site: Site) -> None:
    log_in(page)
    assert page.locator("html").get_attribute("dir") == "rtl"
    page.goto("/")
    page.wait_for_selector("#map[data-count]")
    everything = int(page.locator("#map").get_attribute("data-count"))
    assert everything >= 6
    open_only_marker(page, country="Palestine")
    assert "Jabalia" in page.inner_text(".leaflet-popup-content")
    page.click(".leaflet-popup-content a.popup-open")
    page.wait_for_url("**/events/*")
    # The event page shows each field's evidence words.
    assert page.inner_text('#fields tr[data-field="location"] td.evidence').strip()
    # The article view highlights a field's words when its row is hovered.
    page.click("a.article-link")
    page.wait_for_url("**/documents/*")
    assert page.locator("article").get_attribute("dir") == "rtl"
    field = page.locator(".event-card .field.has-evidence", has_text="الموقع").first
    field.hover()
    lit = page.locator("#article-text mark.ev.active")
    assert lit.count() >= 1 and "جباليا" in " ".join(lit.all_inner_texts())
    page.go_back()
    # Correct the death toll and find the change in the audit trail.
    row = correct(page, "fatalities", "6", "hospital list")
    assert "rana" in row.inner_text() and "مصحح" in row.inner_text() and "corrected" not in row.inner_text()
    assert row.locator("del").first.inner_text() == "5" and row.locator("ins").first.inner_text() == "6"
    assert page.inner_text('#fields tr[data-field="fatalities"] td.value') == "6"
    page.click("#logout")
    page.wait_for_selector("#login-link")
    assert page.evaluate("fetch('/api/v1/auth/me').then(r => r.json())")["user"] is None


def test_markup_in_data_stays_text_everywhere(page: Any, web_site: Site) -> None:
    open_only_marker(page, q="معرة النعمان")
    popup = page.locator(".leaflet-popup-content")
    assert XSS_IMG in popup.inner_text() and XSS_SCRIPT in popup.inner_text()
    assert popup.locator("img, script").count() == 0
    page.goto("/lang/en?next=/table")  # the English table shows the Latin-script location, where the markup is
    page.goto("/table?q=" + "معرة النعمان")
    page.wait_for_selector("#events-table tbody tr[data-id]")
    body = page.locator("#events-table tbody")
    assert XSS_SCRIPT in body.inner_text() and XSS_IMG in body.inner_text()
    assert body.locator("img, script").count() == 0
    page.goto(f"/events/{web_site.xss_event}")
    page.click("a.article-link")
    page.wait_for_url("**/documents/*")
    text = page.inner_text("#article-text")
    assert "<script>window.__xss=1</script>" in text and 'onerror="window.__xss=1"' in text
    assert page.locator("main img, main script").count() == 0
    assert page.evaluate("window.__xss") is None


def test_timeline_and_english_interface(page: Any) -> None:
    page.goto("/lang/en?next=/timeline")
    assert page.locator("html").get_attribute("dir") == "ltr"
    page.wait_for_selector("#timeline-events svg rect.bar")
    assert page.locator("#timeline-fatalities svg rect.bar").count() >= 1
    page.check('input[name="interval"][value="month"]')
    page.wait_for_selector("#timeline-events svg text >> text=2024-03")


def test_viewer_sees_no_review_panel(page: Any, web_site: Site) -> None:
    log_in(page, "vera")
    page.goto(f"/events/{web_site.xss_event}")
    assert page.locator("#review").count() == 0
    status = page.evaluate(
        "fetch(location.pathname.replace('/events/', '/api/v1/events/') + '/review', {method: 'POST', headers: {'Content-Type': 'application/json',"
        " 'X-CSRF-Token': document.querySelector('meta[name=csrf-token]').content}, body: JSON.stringify({action: 'approve'})}).then(r => r.status)"
    )
    assert status == 403


def test_an_actor_field_offers_the_known_actors(page: Any, web_site: Site) -> None:
    log_in(page)
    page.goto(f"/events/{web_site.xss_event}")
    page.select_option("#correct-field", "actor2")
    assert page.get_attribute("#correct-value", "list") == "actor-options"
    page.fill("#correct-value", "")
    page.type("#correct-value", "Military")  # typing narrows the list to names and aliases containing it
    # Wait for the list the typed word asked for, not one an earlier keystroke (or the empty field) left there.
    page.wait_for_function("() => { const os = [...document.querySelectorAll('#actor-options option')]; return os.length > 0 && os.every(o => o.value.includes('Military')); }")
    offered = page.eval_on_selector_all("#actor-options option", "os => os.map(o => o.value)")
    assert offered and all("Military" in name for name in offered)
    page.select_option("#correct-field", "fatalities")
    assert page.get_attribute("#correct-value", "list") is None


def test_the_map_says_when_it_shows_only_the_newest_events(page: Any) -> None:
    page.goto("/?limit=2")  # a cap below the number of events
    page.wait_for_selector('#map[data-count="2"][data-cells]')
    everything = page.evaluate("fetch('/api/v1/events.geojson').then(r => r.json())")["features"]
    note = page.inner_text("#map-truncated")
    assert page.is_visible("#map-truncated") and "2" in note and str(len(everything)) in note  # the cells count them all
    assert page.locator("path.grid-cell").count() == int(page.get_attribute("#map", "data-cells")) > 0
    page.goto("/")
    page.wait_for_selector("#map[data-count]")
    assert not page.is_visible("#map-truncated")
