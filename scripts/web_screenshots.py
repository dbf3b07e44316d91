"""Take the screenshots in docs/screenshots/ (map, article view, review screen, timeline, alerts) with Playwright + Debian Chromium.

    python scripts/web_screenshots.py          # needs /usr/bin/chromium (apt-get install chromium fonts-noto-core)

Serves the test articles (tests/api/data) from a throwaway database, logs in as a reviewer and
saves the pages as PNG.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests" / "api"))
sys.path.insert(0, str(ROOT / "tests" / "web"))

from apikit import running_site
from browserkit import ARGS, chromium_path, log_in, subscribe
from playwright.sync_api import sync_playwright

OUT = ROOT / "docs" / "screenshots"


def main() -> None:
    """Write map.png, article.png, review.png, timeline.png and alerts.png."""
    OUT.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp, running_site(Path(tmp) / "rasd.db") as site, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium_path(), args=ARGS)
        page = browser.new_page(base_url=site.url, viewport={"width": 1280, "height": 860}, locale="ar")
        log_in(page)
        page.goto("/")
        page.wait_for_selector("#map[data-count]")
        page.wait_for_timeout(500)
        page.screenshot(path=OUT / "map.png")
        gaza = page.evaluate("fetch('/api/v1/events?admin1=Gaza%20Strip').then(r => r.json())")["items"][0]["id"]
        page.goto(f"/events/{gaza}")
        page.click("a.article-link")
        page.wait_for_url("**/documents/*")
        page.locator(".event-card .field.has-evidence", has_text="الموقع").first.hover()
        page.screenshot(path=OUT / "article.png")
        page.goto(f"/events/{gaza}")
        page.select_option("#correct-field", "fatalities")
        page.fill("#correct-value", "6")
        page.fill("#correct-comment", "قائمة المستشفى")
        page.click("#correct-save")
        page.wait_for_selector("table#history")
        page.screenshot(path=OUT / "review.png", full_page=True)
        page.goto("/timeline")
        page.wait_for_selector("#timeline-events svg rect.bar")
        page.screenshot(path=OUT / "timeline.png")
        page.goto("/alerts?admin1=Gaza%20Strip")
        subscribe(page, "غزة: كل حدث فيه قتلى", "desk@example.org", min_fatalities="1")
        page.screenshot(path=OUT / "alerts.png", full_page=True)
        browser.close()
    print(f"screenshots in {OUT}")


if __name__ == "__main__":
    main()
