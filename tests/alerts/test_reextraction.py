"""Re-extraction never alerts again (issue 16): ``ingest --force`` and a new extraction version re-create events
under new ids, and a subscriber who was told of them hears nothing more — on SQLite and PostgreSQL, over real SMTP."""

from __future__ import annotations

from pathlib import Path

from mailkit import Inbox
from sqlalchemy import select
from store_factories import doc, strike

from rasd.alerts import create_subscription, send_due
from rasd.clock import now
from rasd.ingest.run import ingest
from rasd.store import Store
from rasd.store.models import Event, table_of

ARTICLES = Path(__file__).resolve().parent.parent / "api" / "data" / "articles.jsonl"


def _subscribe_all(store: Store) -> None:
    with store.transaction() as conn:
        create_subscription(conn, name="كل شيء", channel="email", target="desk@example.org", filters={}, at=now())


def _event_ids(store: Store) -> set[int]:
    with store.transaction() as conn:
        return set(conn.execute(select(table_of(Event).c.id)).scalars())


def test_force_and_a_new_extraction_version_send_no_alert_again(store: Store, inbox: Inbox) -> None:
    _subscribe_all(store)
    ingest([str(ARTICLES)], store)
    first = send_due(store)
    assert first.messages_sent >= 5 and len(inbox.messages) == first.messages_sent
    before = _event_ids(store)

    ingest([str(ARTICLES)], store, force=True)
    assert _event_ids(store) != before, "re-extraction re-creates machine events under new ids"
    assert send_due(store).messages_sent == 0

    ingest([str(ARTICLES)], store, extraction_version="next-version")
    assert send_due(store).messages_sent == 0
    assert len(inbox.messages) == first.messages_sent


def test_a_changed_report_of_the_same_event_is_not_news_but_another_event_is(store: Store, inbox: Inbox) -> None:
    _subscribe_all(store)
    store.save(doc("a"), [strike()])
    assert send_due(store).messages_sent == 1
    # the document changes: the figures are refined, the event is the same (same day, type and place) …
    store.save(doc("a", text="غارة جوية على جباليا أدت إلى مقتل ستة"), [strike(fatalities=6)])
    assert send_due(store).messages_sent == 0
    # … but an event the new text adds elsewhere is news
    store.save(doc("a", text="غارة على جباليا وأخرى على رفح"), [
        strike(fatalities=6), strike(location="Rafah", admin2="Rafah", latitude=31.28, longitude=34.25, event_date="2023-10-20"),
    ])
    assert send_due(store).messages_sent == 1
    assert len(inbox.messages) == 2


GAZA_STRIP = {"admin2": None, "location": "Gaza Strip", "latitude": 31.42, "longitude": 34.37, "geo_precision": 3}


def test_two_events_joined_by_a_bridging_report_send_nothing_more(store: Store, inbox: Inbox) -> None:
    _subscribe_all(store)
    store.save(doc("a", "غارة على جباليا"), [strike(fatalities=5)])
    store.save(doc("b", "قصف على قطاع غزة"), [strike(actor1=None, actor2=None, fatalities=9, **GAZA_STRIP)])
    assert send_due(store).messages_sent == 2  # two events, each news when it came
    store.save(doc("c", "غارة إسرائيلية على القطاع"), [strike(fatalities=9, **GAZA_STRIP)])
    assert len(_event_ids(store)) == 1  # the third report showed they are one
    assert send_due(store).messages_sent == 0 and len(inbox.messages) == 2


def test_a_pending_alert_of_a_joined_event_goes_out_once(store: Store, inbox: Inbox) -> None:
    _subscribe_all(store)
    store.save(doc("a", "غارة على جباليا"), [strike(fatalities=5)])
    store.save(doc("b", "قصف على قطاع غزة"), [strike(actor1=None, actor2=None, fatalities=9, **GAZA_STRIP)])
    store.save(doc("c", "غارة إسرائيلية على القطاع"), [strike(fatalities=9, **GAZA_STRIP)])
    assert send_due(store).messages_sent == 1 and len(inbox.messages) == 1
