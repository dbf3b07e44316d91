"""Subscriptions and alerts: e-mail and webhooks for new events matching a standing filter.

    >>> from rasd.alerts import create_subscription, send_due
    >>> with store.transaction() as conn:
    ...     create_subscription(conn, name="Deir ez-Zor", channel="email", target="desk@example.org",
    ...                         filters={"admin1": "Deir ez-Zor", "min_fatalities": 1}, at=now())
    >>> send_due(store)          # what `rasd alerts send` does; `rasd alerts run` loops

Ingestion only fills an outbox (:func:`enqueue_alerts`, answering the
store's ``event_saved`` hook for every new or merged event); sending is a separate loop, so a slow or
failing mail server never slows or fails an ingest.
"""

from __future__ import annotations

from rasd.alerts.match import matching, validate_filters
from rasd.alerts.outbox import enqueue_alerts
from rasd.alerts.sender import SendReport, run_sender, send_due
from rasd.alerts.subscriptions import (
    create_subscription,
    deactivate,
    deliveries,
    list_subscriptions,
    unsubscribe_with_token,
)

__all__ = [
    "SendReport",
    "create_subscription",
    "deactivate",
    "deliveries",
    "enqueue_alerts",
    "list_subscriptions",
    "matching",
    "run_sender",
    "send_due",
    "unsubscribe_with_token",
    "validate_filters",
]
