"""Browser helpers shared by the browser tests and scripts/web_screenshots.py."""

from __future__ import annotations

import os
import shutil
from typing import Any

from apikit import PASSWORD

ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"]


def chromium_path() -> str | None:
    """``$RASD_CHROMIUM``, else Debian's ``/usr/bin/chromium``, else a ``chromium`` on PATH."""
    for candidate in (os.environ.get("RASD_CHROMIUM"), "/usr/bin/chromium", shutil.which("chromium")):
        if candidate and os.access(candidate, os.X_OK):
            return candidate
    return None


def log_in(page: Any, name: str = "rana") -> None:
    """Log in through the form, as a person would."""
    page.goto("/login")
    page.fill('input[name="name"]', name)
    page.fill('input[name="password"]', PASSWORD)
    page.click('#login-form button[type="submit"]')
    page.wait_for_selector("#who")
