"""The API documentation page renders with the network off: every request that is not to the local server is blocked."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit

from apikit import Site


def _offline(page: Any) -> list[str]:
    """Abort every request to another host; returns the list of what was tried."""
    tried: list[str] = []

    def route(r: Any) -> None:
        if urlsplit(r.request.url).hostname in ("127.0.0.1", "localhost") or r.request.url.startswith(("data:", "blob:")):
            r.continue_()
        else:
            tried.append(r.request.url)
            r.abort()

    page.route("**/*", route)
    return tried


def test_api_docs_render_offline(page: Any, web_site: Site) -> None:
    tried = _offline(page)
    page.goto("/api/docs")
    page.wait_for_selector(".swagger-ui .opblock-tag-section")
    assert "Rasd API" in page.inner_text(".swagger-ui .info")
    assert "/api/v1/events" in page.inner_text("body")
    assert tried == []
