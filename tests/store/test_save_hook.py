"""Saving a document announces each saved event through the ``event_saved`` plugin hook; alerting is one subscriber."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from sqlalchemy import Connection, select
from store_factories import doc, strike

from rasd.alerts import create_subscription
from rasd.clock import now
from rasd.plugins import hookimpl, plugin_manager
from rasd.store import Store
from rasd.store.alerts_models import AlertOutbox
from rasd.store.models import table_of


class Recorder:
    """A plugin that keeps what the hook told it, and whether it ran inside the saving transaction."""

    def __init__(self) -> None:
        self.calls: list[tuple[int, bool, bool]] = []

    @hookimpl
    def event_saved(self, conn: Connection, event_id: int, merged: bool) -> None:
        self.calls.append((event_id, merged, conn.in_transaction()))


@pytest.fixture
def recorder() -> Iterator[Recorder]:
    plugin = Recorder()
    plugin_manager().register(plugin, name="test-recorder")
    try:
        yield plugin
    finally:
        plugin_manager().unregister(name="test-recorder")


def _outbox(store: Store) -> list[dict[str, Any]]:
    with store.transaction() as conn:
        return [dict(r._mapping) for r in conn.execute(select(table_of(AlertOutbox)).order_by("id"))]


def test_every_saved_event_is_announced_new_then_merged(store: Store, recorder: Recorder) -> None:
    first = store.save(doc("a"), [strike(), strike(location="Rafah", latitude=31.28, longitude=34.25, admin2="Rafah")])
    again = store.save(doc("b", text="غارة على جباليا أوقعت خمسة قتلى"), [strike()])
    created = [(i, False, True) for i in first.event_ids]
    assert recorder.calls == [*created, (first.event_ids[0], True, True)]
    assert again.event_ids == [first.event_ids[0]]


def test_alerts_are_queued_through_the_hook(store: Store) -> None:
    with store.transaction() as conn:
        create_subscription(conn, name="غزة", channel="email", target="desk@example.org", filters={"admin1": ["Gaza Strip"]}, at=now())
    outbox = plugin_manager().unregister(name="rasd.alerts.outbox")
    try:
        store.save(doc("a"), [strike()])
        assert _outbox(store) == [], "with alerting's hook unregistered, saving queues nothing"
    finally:
        plugin_manager().register(outbox, name="rasd.alerts.outbox")
    saved = store.save(doc("b", text="قصف على رفح"), [strike(location="Rafah", latitude=31.28, longitude=34.25, admin2="Rafah")])
    assert [(r["event_id"], r["reason"], r["status"]) for r in _outbox(store)] == [(saved.event_ids[0], "new", "pending")]
