"""Alerting never fails a save: when queueing an event's alerts hits a database error, the event is saved all
the same and nothing is queued. On PostgreSQL a failed statement aborts the whole transaction, so this holds
only because the queueing runs in a savepoint (rasd/alerts/outbox.py)."""

from __future__ import annotations

import logging

import pytest
from sqlalchemy import func, select, text
from store_factories import doc, strike

from rasd.alerts import create_subscription
from rasd.clock import now
from rasd.store import Store
from rasd.store.alerts_models import AlertOutbox
from rasd.store.models import table_of


def test_a_database_error_while_queueing_alerts_leaves_the_event_saved(store: Store, caplog: pytest.LogCaptureFixture) -> None:
    with store.transaction() as conn:
        create_subscription(conn, name="غزة", channel="email", target="desk@example.org", filters={"admin1": ["Gaza Strip"]}, at=now())
        conn.execute(text("DROP TABLE alert_marks"))  # the queueing's lookup of marks now fails in the database
    with caplog.at_level(logging.ERROR, logger="rasd.alerts.outbox"):
        store.save(doc("a"), [strike()])
    assert [(e["location"], e["fatalities"]) for e in store.events()] == [("Jabalia", 5)]
    assert "queueing alerts for event" in caplog.text and "the event is saved" in caplog.text
    with store.engine.connect() as conn:
        assert conn.execute(select(func.count()).select_from(table_of(AlertOutbox))).scalar() == 0
