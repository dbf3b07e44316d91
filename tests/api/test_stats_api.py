"""``/api/v1/stats`` and ``/events.grid`` count deaths as the filter, exports and trends do (ACLED's coded figure), on SQLite and PostgreSQL."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from typing import Any

import pytest
from fastapi.testclient import TestClient
from store_factories import BACKENDS, doc, fresh_store, strike

from rasd.api import create_app

#: location → what differs from the airstrike, and ACLED's coded figure for it
TOLLS: dict[str, tuple[dict[str, Any], int]] = {
    "Jabalia": ({"fatalities": 5}, 5),
    "Beit Lahia": ({"fatalities": None, "fatalities_known": False}, 3),  # deaths, no number: a limited event
    "Rafah": ({"fatalities": None, "fatalities_known": False, "sub_event_type": "Suicide bomb"}, 10),  # a significant attack
    "Khan Yunis": ({"fatalities": 0}, 0),
}


@pytest.fixture(params=BACKENDS)
def client(request: pytest.FixtureRequest) -> Iterator[TestClient]:
    store = fresh_store(request.param)
    for i, (place, (changes, _)) in enumerate(TOLLS.items()):
        store.save(doc(f"t{i}", f"غارة على {place} رقم {i}"), [strike(location=place, admin2=place, latitude=31.3 + i / 10, **changes)])
    with TestClient(create_app(store)) as c:
        yield c
    store.close()


def test_fatalities_are_the_coded_figure_with_the_unknown_tolls_beside_it(client: TestClient) -> None:
    coded = sum(n for _, n in TOLLS.values())
    [total] = client.get("/api/v1/stats", params={"interval": "none"}).json()["rows"]
    assert total == {"events": 4, "fatalities": coded, "unknown_tolls": 2}
    by_type = {r["key"]: r for r in client.get("/api/v1/stats", params={"interval": "none", "by": "sub_event_type"}).json()["rows"]}
    assert by_type["Suicide bomb"] == {"key": "Suicide bomb", "events": 1, "fatalities": 10, "unknown_tolls": 1}
    # the filter's min_fatalities and the sum agree on an unnumbered toll: "any deaths" keeps it and it counts
    [kept] = client.get("/api/v1/stats", params={"interval": "week", "min_fatalities": 1}).json()["rows"]
    assert kept == {"period": "2023-10-09", "events": 3, "fatalities": coded, "unknown_tolls": 2}
    cells = client.get("/api/v1/events.grid", params={"cell": 10}).json()["features"]
    assert [(c["properties"]["fatalities"], c["properties"]["unknown_tolls"]) for c in cells] == [(coded, 2)]
    rows = csv.DictReader(io.StringIO(client.get("/api/v1/export/acled-csv").content.decode("utf-8-sig")))
    assert sum(int(r["fatalities"]) for r in rows) == coded  # an ACLED export sums to the same figure


def test_trends_count_the_same(client: TestClient) -> None:
    weekly = client.get("/api/v1/trends", params={"week_of": "2023-10-10", "weeks": 5}).json()["fatalities_by_week"]
    [week] = client.get("/api/v1/stats", params={"interval": "week"}).json()["rows"]
    assert [w for w in weekly if w["events"]] == [{"week": week.pop("period"), **week}]
