"""Rasd's REST API (FastAPI, ``/api/v1``) and the app that also serves the web pages.

Needs the ``web`` extra: ``pip install 'rasd[web]'``. ``rasd serve`` runs it.
"""

from __future__ import annotations

from rasd.api.app import API_PREFIX, EXTRA_ROUTERS, create_app

__all__ = ["API_PREFIX", "EXTRA_ROUTERS", "create_app"]
