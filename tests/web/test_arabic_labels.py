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
