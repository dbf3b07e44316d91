"""The web app: HTML pages (Jinja), their scripts and styles, and the vendored map library.

Everything a browser needs ships inside the package (``rasd/web/static``):
Leaflet and leaflet.markercluster copied from npm, the offline base layer of
country and governorate outlines, and Rasd's own small scripts. No CDN, no
npm at run time; ``npm run build`` only refreshes the vendored files.
"""

from __future__ import annotations

from pathlib import Path

from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles

__all__ = ["STATIC", "mount_web"]

STATIC = Path(__file__).with_name("static")


def mount_web(app: FastAPI) -> None:
    """Add the pages and ``/static`` to ``app``."""
    from rasd.web.audit_pages import router as audit_router
    from rasd.web import pages, placenames

    app.include_router(pages.router)
    app.include_router(placenames.router)
    app.include_router(audit_router)
    app.mount("/static", StaticFiles(directory=STATIC), name="static")
