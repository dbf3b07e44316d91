"""Tags and trends: automatic tags per event and document, rising actors/places/types, weekly tolls.

    >>> from rasd.trends import trends
    >>> with store.transaction() as conn:
    ...     trends(conn, today=date(2021, 4, 6))["rising"]["actors"]
"""

from __future__ import annotations

from rasd.trends.tags import TAG_KINDS, document_hashtags, event_tags, flat_tags
from rasd.trends.trends import BASELINE_WEEKS, rising, trends, week_start

__all__ = ["BASELINE_WEEKS", "TAG_KINDS", "document_hashtags", "event_tags", "flat_tags", "rising", "trends", "week_start"]
