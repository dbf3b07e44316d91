"""The API's documentation page (Swagger UI at ``/api/docs``), offline.

FastAPI's own page loads Swagger UI from a CDN, so it is blank without a
network. This is the same page with its script and style served from the
``fastapi-offline`` package (part of the ``web`` extra), which ships Swagger
UI 5 as static files (the favicon is that package's too); nothing else is
fetched (no validator badge). ReDoc is not offered: its page loads its logo
from the network whatever its options.
"""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path

from fastapi import FastAPI
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.responses import HTMLResponse
from fastapi.staticfiles import StaticFiles

__all__ = ["ASSETS_URL", "DOCS_URL", "mount_api_docs"]

DOCS_URL = "/api/docs"
ASSETS_URL = "/api/docs-assets"
_FAVICON = f"{ASSETS_URL}/favicon.png"


def mount_api_docs(app: FastAPI) -> None:
    """Add the documentation page and its assets to ``app`` (created with ``docs_url=None, redoc_url=None``)."""
    openapi_url = str(app.openapi_url)
    assets = Path(str(files("fastapi_offline") / "static"))
    app.mount(ASSETS_URL, StaticFiles(directory=assets), name="api-docs-assets")

    @app.get(DOCS_URL, include_in_schema=False)
    async def swagger_ui() -> HTMLResponse:
        return get_swagger_ui_html(
            openapi_url=openapi_url, title=f"{app.title} – Swagger UI",
            swagger_js_url=f"{ASSETS_URL}/swagger-ui-bundle.js", swagger_css_url=f"{ASSETS_URL}/swagger-ui.css",
            swagger_favicon_url=_FAVICON, swagger_ui_parameters={"validatorUrl": None},
        )
