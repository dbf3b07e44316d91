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
from browserkit import chromium, site_page


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    """One headless Chromium for the session."""
    with chromium() as b:
        yield b


@pytest.fixture(scope="session")
def web_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Site]:
    """A server of its own, so the browser's corrections do not touch the API tests' data.

    A test module that needs a server of its own (it changes what other modules read) overrides this fixture.
    """
    with running_site(tmp_path_factory.mktemp("web") / "rasd.db") as s:
        yield s


@pytest.fixture
def page(browser: object, web_site: Site) -> Iterator[object]:
    """A fresh browser context (no cookies) with a page on the web tests' server (or the module's own)."""
    with site_page(browser, web_site) as pg:
        yield pg
