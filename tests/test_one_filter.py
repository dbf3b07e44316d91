"""One event filter, one meaning: the same filter through every entry point selects the same events, on SQLite and PostgreSQL.

The filter names an area, a month (``YYYY-MM`` at both ends), part of an actor's
name in another case, a type and ``min_fatalities: 3``; the events are made so
that each one the filter leaves out fails exactly one of its fields, and one it
keeps has deaths reported without a number (ACLED's 3). Before the filter was
one, the export compared the raw toll and the actor exactly and read
``2024-03`` as a string, and the alerts matched actors exactly: each entry
point gave a different set. An audit sample (the library's, ``rasd audit sample``
with ``rasd export``'s options, ``POST /api/v1/audit/batches``) drawn larger
than the store draws exactly the same events: it once had its own filter,
equality on a few columns, that took no actor and no month.
"""

from __future__ import annotations

import io
import json
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select
from store_factories import BACKENDS, doc, empty_pg_url, strike
from typer.testing import CliRunner

from rasd.alerts import create_subscription
from rasd.api import create_app
from rasd.audit import batches, sample
from rasd.cli import app as cli
from rasd.clock import now
from rasd.export import export
from rasd.store import EventFilter, Store, open_store
from rasd.store import audit as store_audit
from rasd.store.accounts import Accounts
from rasd.store.alerts_models import AlertOutbox
from rasd.store.models import table_of
from rasd.trends import trends

FILTER: dict[str, Any] = {"admin1": "Deir ez-Zor", "date_from": "2024-03", "date_to": "2024-03", "actor": "LIWA al",
                          "event_type": "Battles", "min_fatalities": 3}
CLASH = {"country": "Syria", "admin1": "Deir ez-Zor", "event_type": "Battles", "sub_event_type": "Armed clash",
         "actor1": "Liwa al-Quds", "inter1": 3, "actor2": "Usud al-Sharqiya", "inter2": 3, "fatalities": 5, "injuries": None}
#: location → (what differs from CLASH, whether the filter keeps it)
EVENTS: dict[str, tuple[dict[str, Any], bool]] = {
    "Mayadin": ({"event_date": "2024-03-02"}, True),
    "Hajin": ({"event_date": "2024-03-31", "fatalities": None, "fatalities_known": False}, True),  # no number: ACLED's 3
    "Busayrah": ({"event_date": "2024-03-09", "actor1": "Usud al-Sharqiya", "actor2": None, "assoc_actor_1": "Liwa al-Quds"}, True),
    "Tabni": ({"event_date": "2024-03-05", "admin1": "Idlib"}, False),
    "Kasra": ({"event_date": "2024-04-01"}, False),
    "Muhasan": ({"event_date": "2024-02-29"}, False),
    "Shuhayl": ({"event_date": "2024-03-12", "actor1": "Usud al-Sharqiya", "actor2": "Military Forces of Syria (2000-)"}, False),
    "Dhiban": ({"event_date": "2024-03-14", "event_type": "Protests", "sub_event_type": "Peaceful protest"}, False),
    "Sur": ({"event_date": "2024-03-16", "fatalities": 2}, False),
}
KEPT = {place for place, (_, kept) in EVENTS.items() if kept}
#: FILTER as the options of ``rasd export`` and ``rasd audit sample``
OPTIONS = ["--admin1", "Deir ez-Zor", "--from", "2024-03", "--to", "2024-03", "--actor", "LIWA al", "--event-type", "Battles", "--min-fatalities", "3"]


@pytest.fixture(params=BACKENDS)
def url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """A SQLite file (the CLI opens it again) or PostgreSQL in an empty schema."""
    return empty_pg_url() if request.param == "postgres" else str(tmp_path / "rasd.db")


@pytest.fixture
def filled(url: str) -> Iterator[Store]:
    """Two subscriptions to FILTER (the library's and the CLI's), then the events, each from its own Arabic report."""
    store = open_store(url)
    with store.transaction() as conn:
        create_subscription(conn, name="دير الزور", channel="email", target="desk@example.org", filters=FILTER, at=now())
    result = CliRunner().invoke(cli, ["alerts", "subscribe", "CLI", "cli@example.org", "--filter", json.dumps(FILTER), "--db", url])
    assert result.exit_code == 0, result.output
    for i, (place, (changes, _)) in enumerate(EVENTS.items()):
        report = doc(f"r{i}", f"اشتباكات في {place} قتل فيها عناصر من الطرفين {i}", published=changes["event_date"])
        store.save(report, [strike(**{**CLASH, "location": place, "admin2": place, "latitude": 35.0 + i / 10, "longitude": 40.0 + i / 10, **changes})])
    assert len(store.events()) == len(EVENTS)  # no two reports merged
    try:
        yield store
    finally:
        store.close()


def _places(lines: str) -> set[str]:
    return {json.loads(line)["location"] for line in lines.splitlines() if line.strip()}


def test_every_entry_point_selects_the_same_events(filled: Store, url: str, tmp_path: Path) -> None:
    f = EventFilter.parse(FILTER)
    got: dict[str, set[str]] = {"store": {e["location"] for e in filled.events(f)}}

    out = io.BytesIO()
    export(filled, "jsonl", out, f)
    got["export"] = _places(out.getvalue().decode())

    csv_path = tmp_path / "out.jsonl"
    result = CliRunner().invoke(cli, ["export", "-f", "jsonl", "-o", str(csv_path), "--db", url, *OPTIONS])
    assert result.exit_code == 0, result.output
    got["cli export"] = _places(csv_path.read_text(encoding="utf-8"))

    with TestClient(create_app(filled)) as client:
        page = client.get("/api/v1/events", params={**FILTER, "limit": 500})
        assert page.status_code == 200, page.text
        got["api"] = {e["location"] for e in page.json()["items"]}
        got["api map"] = {feat["properties"]["location"] for feat in client.get("/api/v1/events.geojson", params=FILTER).json()["features"]}
        got["api export"] = _places(client.get("/api/v1/export/jsonl", params=FILTER).text)
        weekly = client.get("/api/v1/trends", params={**FILTER, "week_of": "2024-04-01", "weeks": 6}).json()["fatalities_by_week"]

    places = {e["id"]: e["location"] for e in filled.events()}
    with filled.transaction() as conn:
        queued = conn.execute(select(table_of(AlertOutbox).c.subscription_id, table_of(AlertOutbox).c.event_id)).all()
    for sub_id in sorted({s for s, _ in queued}):
        got[f"alerts {sub_id}"] = {places[e] for s, e in queued if s == sub_id}
    assert len([k for k in got if k.startswith("alerts")]) == 2

    assert got == dict.fromkeys(got, KEPT)
    assert sum(w["events"] for w in weekly) == len(KEPT) and sum(w["unknown_tolls"] for w in weekly) == 1  # trends count the same events
    with filled.transaction() as conn:
        assert sum(w["events"] for w in trends(conn, today=date(2024, 4, 1), f=f, weeks=6)["fatalities_by_week"]) == len(KEPT)


def _drawn(store: Store, batch_id: int) -> set[str]:
    """The places of a batch's events; the batches are then deleted, so the next draw has every event to draw from again."""
    with store.transaction() as conn:
        ids = {it["event_id"] for it in store_audit.items(conn, [batch_id])}
        conn.execute(store_audit.I.delete())
        conn.execute(store_audit.B.delete())
    return {e["location"] for e in store.events() if e["id"] in ids}


def test_an_audit_sample_draws_from_the_same_events(filled: Store, url: str) -> None:
    """The library's, the CLI's and the API's audit sample, larger than the events: every event the filter keeps, no other."""
    got = {"audit sample": _drawn(filled, sample(filled, 100, seed=1, created_by="rana", f=EventFilter.parse(FILTER)))}
    result = CliRunner().invoke(cli, ["audit", "sample", "--n", "100", "--by", "rana", "--db", url, *OPTIONS])
    assert result.exit_code == 0, result.output
    got["cli audit sample"] = _drawn(filled, batches(filled)[0]["id"])
    accounts = Accounts(filled)
    accounts.add_user("rana", "correct horse battery", "reviewer")
    with TestClient(create_app(filled)) as client:
        made = client.post("/api/v1/audit/batches", json={"n": 100, "filters": FILTER},
                           headers={"Authorization": f"Bearer {accounts.create_token('rana', 'tests')}"})
        assert made.status_code == 201, made.text
    got["api audit sample"] = _drawn(filled, made.json()["batch"]["id"])
    assert got == dict.fromkeys(got, KEPT)
