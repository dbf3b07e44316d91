"""The store's error, re-exported from :mod:`rasd.errors` where every Rasd error lives."""

from __future__ import annotations

from rasd.errors import StoreError

__all__ = ["StoreError"]
