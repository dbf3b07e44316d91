"""The audit in a real browser: draw a sample, review it in its own queue (one corrected, one rejected), read the report."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from apikit import Site, running_site
from browserkit import fill_form, log_in

from rasd.audit import Share
from rasd.store import audit as store_audit
from rasd.web.audit_pages import share_text


@pytest.fixture(scope="module")
def web_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Site]:
    """A server of its own (the ``page`` fixture's, here): the audit reviews the events it samples."""
    with running_site(tmp_path_factory.mktemp("audit") / "rasd.db") as site:
        yield site


def test_draw_review_and_report(page: Any, web_site: Site) -> None:
    log_in(page)
    page.click('nav a[href="/audit"]')
    assert page.inner_text("h1") == "التدقيق: دقة الآلة على عينات عشوائية"
    fill_form(page, "#sample-form", n="3", seed="11", name="عينة الاختبار")
    page.click("#draw")
    page.wait_for_url("**/audit/*")
    sections = page.locator("section.audit-item")
    assert sections.count() == 3
    first, second, third = (sections.nth(i).get_attribute("data-item") for i in range(3))

    # the first: its toll is wrong; typing the right value marks the field corrected
    item = page.locator(f"#item-{first}")
    item.locator('input[name="value-fatalities"]').fill("9")
    assert item.locator('select[name="verdict-fatalities"]').input_value() == "corrected"
    item.locator("button.verdict-corrected").click()
    page.wait_for_selector(f'#item-{first}[data-verdict="corrected"]')
    assert "مصحح: 9" in page.inner_text(f'#item-{first} tr[data-field="fatalities"]')
    # the second is no event; the third is right in every field
    page.locator(f"#item-{second} button.verdict-not-event").click()
    page.wait_for_selector(f'#item-{second}[data-verdict="not_event"]')
    page.locator(f"#item-{third} button.verdict-right").click()
    page.wait_for_selector(f'#item-{third}[data-verdict="right"]')
    assert page.inner_text("#progress") == "روجع 3 من 3"

    # the store kept the verdicts field by field, and the events were reviewed through the workflow
    with web_site.store.transaction() as conn:
        kept = {it["id"]: it for it in store_audit.items(conn)}
    assert kept[int(first)]["fields"]["fatalities"] == {"verdict": "corrected", "value": 9}
    assert kept[int(second)]["fields"] == {} and kept[int(third)]["verdict"] == "right"
    statuses = {e["id"]: (e["review_status"], e["fatalities"]) for e in web_site.store.events(limit=100)}
    assert statuses[kept[int(first)]["event_id"]] == ("corrected", 9)
    assert statuses[kept[int(second)]["event_id"]][0] == "rejected"

    # the report: one of three needed no correction, with its interval and n
    page.click('nav a[href="/audit"]')
    assert page.inner_text("#no-correction") == share_text(Share(1, 3), "ar") == "33% [6%–79%] (ن = 3)"
    assert page.inner_text("#real-events") == share_text(Share(2, 3), "ar")
    assert page.inner_text('#report-fields tr[data-field="fatalities"] td:last-child') == share_text(Share(1, 2), "ar")
    assert page.inner_text('#report-fields tr[data-field="location"] td:last-child') == share_text(Share(2, 2), "ar")
    assert "(ن = 3)" in page.inner_text("#report-extraction_version")
    page.goto("/lang/en?next=/audit")
    assert page.inner_text("#no-correction") == str(Share(1, 3)) == "33% [6%–79%] (n = 3)"
    assert page.locator("#batches tbody tr").count() == 1 and "3" in page.inner_text("#batches tbody tr td:nth-child(4)")


def test_a_viewer_sees_the_report_but_cannot_draw(page: Any) -> None:
    log_in(page, "vera")
    page.goto("/audit")
    assert page.locator("#sample-form").count() == 0
    assert page.is_visible("#report")
