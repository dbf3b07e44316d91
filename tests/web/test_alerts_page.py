"""The alerts page in a real browser: subscribe from the form, read the delivery log, end it; hand a map filter over;
markup in a subscription stays text; without a login the page shows nothing (checked over plain HTTP too)."""

from __future__ import annotations

import re
from typing import Any

import httpx
from apikit import XSS_IMG, XSS_SCRIPT, Site, bearer
from browserkit import fill_form, log_in, subscribe

SUBSCRIPTIONS = "fetch('/api/v1/alerts/subscriptions').then(r => r.json())"


def test_subscribe_read_the_log_and_end(page: Any) -> None:
    log_in(page)
    page.click('header nav a[href="/alerts"]')
    page.wait_for_url("**/alerts")
    rows = subscribe(page, "درعا: قتلى", "desk@example.org", admin1="Daraa", min_fatalities="2")
    sub_id = rows.get_attribute("data-id")
    assert rows.get_attribute("data-active") == "true"
    summary = rows.locator("td.filter-summary").inner_text()
    assert "المحافظة: درعا" in summary and "Daraa" not in summary and "الحد الأدنى للقتلى: 2" in summary
    assert "بريد إلكتروني" in rows.inner_text() and "فوري" in rows.inner_text()
    # What the form sent is docs/alerts.md's filter, as the API stores it.
    [stored] = [s for s in page.evaluate(SUBSCRIPTIONS) if str(s["id"]) == sub_id]
    assert stored["filters"] == {"admin1": ["Daraa"], "min_fatalities": 2} and stored["channel"] == "email" and stored["mode"] == "immediate"
    assert page.locator("#secret-box").is_hidden()  # e-mail has no secret
    rows.locator("details.deliveries summary").click()
    assert rows.locator(".delivery-log p.muted").inner_text() == "لم يُرسل شيء بعد"
    page.once("dialog", lambda dialog: dialog.accept())
    rows.locator("button.end").click()
    ended = page.locator(f'#subscriptions tbody[data-id="{sub_id}"][data-active="false"]')
    ended.wait_for()
    assert "منتهٍ" in ended.inner_text() and ended.locator("button.end").count() == 0
    [stored] = [s for s in page.evaluate(SUBSCRIPTIONS) if str(s["id"]) == sub_id]
    assert stored["active"] is False


def test_webhook_secret_is_shown_once(page: Any) -> None:
    log_in(page)
    page.goto("/alerts")
    page.select_option('#subscribe-form select[name="channel"]', "webhook")
    assert page.locator('#subscribe-form input[name="target"]').get_attribute("type") == "url"
    subscribe(page, "hook", "https://example.org/rasd-hook", mode="weekly", event_type="Battles")
    secret = page.inner_text("#secret")
    assert re.fullmatch(r"[0-9a-f]{48}", secret) and page.locator("#secret-box").is_visible()
    page.reload()
    page.wait_for_selector("#subscriptions tbody.subscription")
    assert secret not in page.content() and page.locator("#secret-box").is_hidden()


def test_map_filter_is_handed_to_the_form(page: Any) -> None:
    log_in(page)
    page.goto("/")
    page.wait_for_selector("#map[data-count]")
    fill_form(page, "#filters", country="Syria", event_type="Battles", date_from="2024-01-01")
    page.click('#filters button[type="submit"]')
    page.wait_for_function("document.getElementById('alert-me').href.includes('event_type=Battles')")
    assert page.inner_text("#alert-me") == "تنبيهني بأحداث هذا الفلتر"
    page.click("#alert-me")
    page.wait_for_url(re.compile(r"/alerts\?"))
    assert page.input_value('#subscribe-form select[name="country"]') == "Syria"
    assert page.eval_on_selector('#subscribe-form select[name="event_type"]', "s => [...s.selectedOptions].map(o => o.value)") == ["Battles"]
    assert page.locator("#prefill-note").is_visible()  # the dates do not carry over, and the page says so


def test_markup_in_a_subscription_stays_text(page: Any) -> None:
    log_in(page)
    page.goto("/alerts")
    rows = subscribe(page, XSS_SCRIPT + XSS_IMG, "xss@example.org", actor=XSS_IMG)
    assert XSS_SCRIPT + XSS_IMG in rows.locator("td.sub-name").inner_text()
    assert XSS_IMG in rows.locator("td.filter-summary").inner_text()
    page.reload()
    page.wait_for_selector("#subscriptions tbody.subscription")
    assert page.locator("main img, main script").count() == 0
    assert page.evaluate("window.__xss") is None


def test_admin_sees_everyones_subscriptions_with_their_owner(page: Any, web_site: Site) -> None:
    with httpx.Client(base_url=web_site.url, timeout=30) as http:
        made = http.post("/api/v1/alerts/subscriptions", headers=bearer(web_site.tokens["vera"]), json={"name": "vera's", "target": "vera@example.org"})
    sub_id = made.json()["id"]
    log_in(page, "admin")
    page.goto("/alerts")
    row = page.locator(f'#subscriptions tbody[data-id="{sub_id}"]')
    assert "المالك: vera" in row.locator("td.sub-name").inner_text() and "كل الأحداث" in row.locator("td.filter-summary").inner_text()


def test_anonymous_visitor_is_sent_to_log_in(page: Any) -> None:
    page.goto("/")
    assert page.locator('header nav a[href="/alerts"]').count() == 0 and page.locator("#alert-me").count() == 0
    page.goto("/alerts?country=Syria")
    page.wait_for_url(re.compile(r"/login\?next="))
    assert page.locator("#subscriptions").count() == 0
    assert page.locator('#login-form input[name="next"]').input_value() == "/alerts?country=Syria"  # the handed-over filter survives


def test_alerts_page_leaks_nothing_without_a_login(web_site: Site) -> None:
    """Plain HTTP, no browser: the page answers with a redirect, and neither it nor the login page names a subscription."""
    secret_name = "private-desk-subscription"
    with httpx.Client(base_url=web_site.url, timeout=30) as http:
        made = http.post("/api/v1/alerts/subscriptions", headers=bearer(web_site.tokens["rana"]),
                         json={"name": secret_name, "target": "private-desk@example.org", "filters": {"country": ["Syria"]}})
        assert made.status_code == 201
        r = http.get("/alerts")
        assert r.status_code == 303 and r.headers["location"] == "/login?next=/alerts"
        assert secret_name not in r.text and "private-desk@example.org" not in r.text
        followed = http.get("/alerts", follow_redirects=True)
        assert followed.url.path == "/login" and secret_name not in followed.text and 'id="subscriptions"' not in followed.text
        assert http.get("/api/v1/alerts/subscriptions").status_code == 401
        # Nor does another user's token.
        assert secret_name not in http.get("/api/v1/alerts/subscriptions", headers=bearer(web_site.tokens["vera"])).text
