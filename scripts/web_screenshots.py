"""Take the screenshots in docs/screenshots/: every page of the web app, in Arabic and in English.

    python scripts/web_screenshots.py          # needs /usr/bin/chromium (apt-get install chromium fonts-noto-core)

Serves the test articles (tests/api/data) from a throwaway database, prepares and visits the pages as
the browser test does (tests/web/tour.py) and saves each as NAME.png (Arabic) and NAME-en.png (English):
login, map, timeline, table, review (an event with its audit trail), article, alerts.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests" / "api"))
sys.path.insert(0, str(ROOT / "tests" / "web"))

from apikit import running_site
from browserkit import ARGS, chromium_path
from playwright.sync_api import sync_playwright
from tour import prepare, tour

OUT = ROOT / "docs" / "screenshots"


def main() -> None:
    """Write one PNG per page and language."""
    OUT.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp, running_site(Path(tmp) / "rasd.db") as site, sync_playwright() as p:
        ids = prepare(site)
        browser = p.chromium.launch(executable_path=chromium_path(), args=ARGS)
        for lang in ("ar", "en"):
            context = browser.new_context(base_url=site.url, viewport={"width": 1280, "height": 860}, locale=lang)
            page = context.new_page()
            for stop in tour(page, lang, ids):
                page.wait_for_timeout(300)  # let the map's tiles of outlines and the popup settle
                page.screenshot(path=OUT / (stop.name + ("" if lang == "ar" else "-en") + ".png"), full_page=stop.full_page)
            context.close()
        browser.close()
    print(f"screenshots in {OUT}")


if __name__ == "__main__":
    main()
