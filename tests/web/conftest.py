"""Browser fixtures: Debian's Chromium driven by Playwright (``executable_path``), against a real server.

Chromium comes from ``scripts/ci/service-chromium.sh`` (apt-get), which
exports ``RASD_CHROMIUM``; Playwright's own browser download cannot work
here. Without a Chromium binary the tests skip and say how to get one.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "api"))
from apikit import Site, running_site
from browserkit import ARGS, chromium_path, site_page


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    """One headless Chromium for the session."""
    path = chromium_path()
    if path is None:
        pytest.skip("no Chromium: run `apt-get install chromium` (scripts/ci/service-chromium.sh does) or set RASD_CHROMIUM")
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=path, args=ARGS)
        yield b
        b.close()


@pytest.fixture(scope="session")
def web_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Site]:
    """A server of its own, so the browser's corrections do not touch the API tests' data."""
    with running_site(tmp_path_factory.mktemp("web") / "rasd.db") as s:
        yield s


@pytest.fixture
def page(browser: object, web_site: Site) -> Iterator[object]:
    """A fresh browser context (no cookies) with a page on the web tests' server."""
    with site_page(browser, web_site) as pg:
        yield pg
