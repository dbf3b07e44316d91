"""Alerts by e-mail through a real SMTP server on loopback (aiosmtpd): one alert, a digest, unsubscribe, no duplicates."""

from __future__ import annotations

from datetime import timedelta
from email.message import EmailMessage
from urllib.parse import urlsplit

import pytest
from mailkit import Inbox
from store_factories import doc, strike

from rasd.alerts import create_subscription, send_due
from rasd.clock import now
from rasd.store import Store
from rasd.store.alerts_models import AlertOutbox, Subscription
from rasd.store.models import table_of


def _subscribe(store: Store, mode: str = "immediate", **filters: object) -> int:
    with store.transaction() as conn:
        return int(create_subscription(conn, name="غزة", channel="email", target="desk@example.org", mode=mode,
                                       filters=filters or {"admin1": ["Gaza Strip"], "min_fatalities": 1}, at=now())["id"])


def _parts(msg: EmailMessage) -> tuple[str, str]:
    plain = msg.get_body(preferencelist=("plain",))
    html = msg.get_body(preferencelist=("html",))
    assert plain is not None and html is not None
    return plain.get_content(), html.get_content()


def test_new_matching_event_sends_one_rtl_alert_with_working_unsubscribe(store: Store, inbox: Inbox) -> None:
    sub_id = _subscribe(store)
    store.save(doc("a"), [strike()])
    store.save(doc("elsewhere", text="قصف"), [strike(admin1="West Bank", admin2="Jenin", location="Jenin", latitude=32.46, longitude=35.3)])
    report = send_due(store, base_url="http://rasd.test")
    assert report.as_dict() == {"messages_sent": 1, "messages_failed": 0, "events_delivered": 1}
    [msg] = inbox.messages
    assert msg["To"] == "desk@example.org" and msg.is_multipart() and msg.get_content_type() == "multipart/alternative"
    assert "رصد" in msg["Subject"] and "جباليا" not in msg["Subject"]  # location_ar unknown: the English name is used
    text, html = _parts(msg)
    assert '<html lang="ar" dir="rtl">' in html and 'dir="rtl" lang="ar"' in html and 'dir="ltr" lang="en"' in html
    assert "غارة جوية" in html and "5 قتلى" in text and "Jabalia" in text
    unsubscribe = msg["List-Unsubscribe"].strip("<>")
    assert unsubscribe in text and unsubscribe.replace("&", "&amp;") in html

    # The link works against the real app, with no login, and only for this subscription.
    fastapi = pytest.importorskip("fastapi.testclient")
    from rasd.api import create_app

    client = fastapi.TestClient(create_app(store, web=False))
    parts = urlsplit(unsubscribe)
    assert client.get(parts.path + "?token=forged" + parts.query[-6:]).status_code == 404
    r = client.get(f"{parts.path}?{parts.query}")
    assert r.status_code == 200 and "تم إلغاء اشتراكك" in r.text
    with store.transaction() as conn:
        assert conn.execute(table_of(Subscription).select().where(table_of(Subscription).c.id == sub_id)).first().active is False  # type: ignore[union-attr]
    store.save(doc("later", text="غارة ثانية"), [strike(event_date="2023-10-20", location="Beit Hanoun", latitude=31.54, longitude=34.54)])
    assert send_due(store).messages_sent == 0


def test_a_merged_report_never_alerts_twice(store: Store, inbox: Inbox) -> None:
    _subscribe(store)
    store.save(doc("a"), [strike()])
    assert send_due(store).messages_sent == 1
    outcome = store.save(doc("b", text="خبر آخر عن الغارة"), [strike(fatalities=6)])
    assert outcome.events_merged == 1
    assert send_due(store).messages_sent == 0
    assert len(inbox.messages) == 1
    assert store.counts()["alert_outbox"] == 1


def test_daily_digest_carries_several_events_in_one_mail(store: Store, inbox: Inbox) -> None:
    _subscribe(store, mode="daily", country="Palestine")
    places = [("Jabalia", 31.5272, 34.4835), ("Beit Lahia", 31.55, 34.5), ("Rafah", 31.28, 34.25)]
    for i, (place, lat, lon) in enumerate(places):
        store.save(doc(f"d{i}", text=f"غارة {i}"), [strike(location=place, latitude=lat, longitude=lon, admin2=place, event_date=f"2023-10-1{i}")])
    assert send_due(store).messages_sent == 0, "a digest waits for its hour"
    report = send_due(store, at=now() + timedelta(days=1, minutes=1))
    assert report.messages_sent == 1 and report.events_delivered == 3
    [msg] = inbox.messages
    text, html = _parts(msg)
    assert "الملخص اليومي: 3 أحداث" in msg["Subject"]
    for place, *_ in places:
        assert place in html and place in text


def test_ingestion_never_fails_because_of_alerting(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    _subscribe(store)

    def boom(*_a: object) -> bool:
        raise RuntimeError("a broken filter")

    monkeypatch.setattr("rasd.alerts.outbox.matching", boom)
    outcome = store.save(doc("a"), [strike()])
    assert outcome.events_created == 1 and store.counts()["events"] == 1
    with store.transaction() as conn:
        assert conn.execute(table_of(AlertOutbox).select()).first() is None
