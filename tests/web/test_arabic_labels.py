"""The Arabic interface shows Arabic for what it stores as codes: review statuses, roles, booleans, missing values."""

from __future__ import annotations

from typing import Any

from apikit import Site
from browserkit import correct, log_in


def test_audit_trail_and_header_speak_arabic(page: Any, web_site: Site) -> None:
    log_in(page)
    assert "(مراجع)" in page.inner_text("#who") and "reviewer" not in page.inner_text("#who")
    page.goto(f"/events/{web_site.xss_event}")
    row = correct(page, "fatalities_known", "لا")
    text = row.inner_text()
    assert "مصحح" in text and "عدد القتلى معروف" in text
    assert row.locator("del").first.inner_text() == "نعم" and row.locator("ins").first.inner_text() == "لا"
    assert not any(word in text for word in ("True", "False", "None", "corrected", "fatalities_known"))


def test_a_coded_field_is_picked_by_its_label_and_stored_as_its_code(page: Any, web_site: Site) -> None:
    log_in(page)
    strike = page.evaluate("fetch('/api/v1/events?admin1=Nabatieh').then(r => r.json())")["items"][0]
    assert strike["sub_event_type"] == "Air/drone strike"
    page.goto(f"/events/{strike['id']}")
    assert page.inner_text('#fields tr[data-field="sub_event_type"] td.value') == "غارة جوية أو بطائرة مسيّرة"
    page.select_option("#correct-field", "sub_event_type")
    assert page.is_hidden("#correct-value") and page.input_value("#correct-choice") == "Air/drone strike"
    offered = page.eval_on_selector_all("#correct-choice option", "os => os.map(o => o.textContent)")
    assert "قصف مدفعي أو صاروخي" in offered and not any("strike" in o for o in offered)
    row = correct(page, "sub_event_type", "Shelling/artillery/missile attack")
    change = row.locator("ul.changes li", has_text="النوع الفرعي")  # (the English notes are rewritten too)
    assert change.locator("del").inner_text() == "غارة جوية أو بطائرة مسيّرة" and change.locator("ins").inner_text() == "قصف مدفعي أو صاروخي"
    stored = page.evaluate(f"fetch('/api/v1/events/{strike['id']}').then(r => r.json())")["event"]
    assert stored["sub_event_type"] == "Shelling/artillery/missile attack"
    page.select_option("#correct-field", "fatalities")
    assert page.is_visible("#correct-value") and page.is_hidden("#correct-choice")
