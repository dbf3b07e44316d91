"""Browser helpers shared by the browser tests and scripts/web_screenshots.py."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import pytest
from apikit import PASSWORD, Site

ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"]


def chromium_path() -> str | None:
    """``$RASD_CHROMIUM``, else Debian's ``/usr/bin/chromium``, else a ``chromium`` on PATH."""
    for candidate in (os.environ.get("RASD_CHROMIUM"), "/usr/bin/chromium", shutil.which("chromium")):
        if candidate and os.access(candidate, os.X_OK):
            return candidate
    return None


@contextmanager
def chromium() -> Iterator[Any]:
    """Debian's Chromium, headless, driven by Playwright; skips the test, saying how to get one, when there is none."""
    path = chromium_path()
    if path is None:
        pytest.skip("no Chromium: run `apt-get install chromium` (scripts/ci/service-chromium.sh does) or set RASD_CHROMIUM")
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=path, args=ARGS)
        try:
            yield browser
        finally:
            browser.close()


def log_in(page: Any, name: str = "rana", password: str = PASSWORD) -> None:
    """Log in through the form, as a person would."""
    page.goto("/login")
    page.fill('input[name="name"]', name)
    page.fill('input[name="password"]', password)
    page.click('#login-form button[type="submit"]')
    page.wait_for_selector("#who")


def correct(page: Any, field: str, value: str, comment: str | None = None) -> Any:
    """Correct one field in the event page's review panel (``value`` a code for a coded field); returns the audit trail's newest row once the reloaded page shows it."""
    before = page.locator("table#history tbody tr").count()
    page.select_option("#correct-field", field)
    if page.is_visible("#correct-choice"):  # a coded field: its list of labelled codes
        page.select_option("#correct-choice", value)
    else:
        page.fill("#correct-value", value)
    if comment is not None:
        page.fill("#correct-comment", comment)
    page.click("#correct-save")
    page.wait_for_function("n => document.querySelectorAll('table#history tbody tr').length > n", arg=before)  # the new row, not the old table
    return page.locator("table#history tbody tr").first


def fill_form(page: Any, form: str, **values: str) -> None:
    """Set the fields of ``form`` (a selector) by name, in order: a list's option, or an input's text."""
    for name, value in values.items():
        selector = f'{form} [name="{name}"]'
        if page.locator(selector).evaluate("e => e.tagName") == "SELECT":
            page.select_option(selector, value)
        else:
            page.fill(selector, value)


def subscribe(page: Any, name: str, target: str, **fields: str) -> Any:
    """Fill and send the form on /alerts; returns the new subscription's rows (targets are unique per test)."""
    fill_form(page, "#subscribe-form", name=name, **fields, target=target)
    page.click("#subscribe")
    page.wait_for_function("() => document.getElementById('subscribe-status').textContent === JSON.parse(document.getElementById('i18n').textContent).subscribed")
    rows = page.locator("#subscriptions tbody.subscription", has_text=target)
    rows.wait_for()
    return rows


@contextmanager
def site_page(browser: Any, site: Site) -> Iterator[Any]:
    """A fresh browser context (no cookies) on ``site`` with a page; fails the test on any script error."""
    context = browser.new_context(base_url=site.url, locale="ar", viewport={"width": 1280, "height": 900})
    context.set_default_timeout(10_000)
    pg = context.new_page()
    errors: list[str] = []
    pg.on("pageerror", lambda exc: errors.append(str(exc)))
    yield pg
    context.close()
    assert errors == [], errors
