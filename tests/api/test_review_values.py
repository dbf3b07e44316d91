"""Impossible review values are 422 with a message that says why, before the database sees them (issue 16):
nulls where an event's column has none, calendar nonsense, made-up types, coerced booleans, control characters."""

from __future__ import annotations

from typing import Any

import httpx
import pytest
from apikit import BackendSite, Site, bearer


def _event(client: Any) -> dict[str, Any]:
    return dict(client.get("/api/v1/events", params={"limit": 1}).json()["items"][0])


@pytest.mark.parametrize("field", ["notes", "fatalities_known", "injuries_known"])
def test_null_where_the_column_has_none_is_422_on_both_backends(backend_site: BackendSite, field: str) -> None:
    _, _, client, tokens = backend_site
    ev = _event(client)
    r = client.post(f"/api/v1/events/{ev['id']}/review", json={"action": "correct", "changes": {field: None}}, headers=bearer(tokens["rana"]))
    assert r.status_code == 422, r.text
    assert f"{field} cannot be null" in r.json()["error"]["message"]
    assert client.get(f"/api/v1/events/{ev['id']}").json()["event"]["review_status"] == ev["review_status"], "nothing was written"


@pytest.mark.parametrize(("changes", "says"), [
    ({"event_date": "2024-13-45"}, "not a day of the calendar"),
    ({"event_date": "2024-02-30"}, "not a day of the calendar"),
    ({"event_date": "0000-00-00"}, "not a day of the calendar"),
    ({"event_date": "2099-01-01"}, "outside 1900-01-01"),
    ({"event_type": "Nonsense"}, "not an ACLED event type"),
    ({"sub_event_type": "Nonsense"}, "not an ACLED sub-event type"),
    ({"event_type": "Battles", "sub_event_type": "Air/drone strike"}, "not a sub-event type of 'Battles'"),
    ({"fatalities": True}, "fatalities"),
    ({"fatalities": "5"}, "fatalities"),
    ({"fatalities_known": 1}, "fatalities_known"),
    ({"actor1": "Outlet\u0007X"}, "control characters"),
    ({"notes": "a\x00b"}, "control characters"),
])
def test_impossible_corrections_are_422(site: Site, changes: dict[str, Any], says: str) -> None:
    with httpx.Client(base_url=site.url, timeout=30, headers=bearer(site.tokens["rana"])) as http:
        eid = _event(http)["id"]
        r = http.post(f"/api/v1/events/{eid}/review", json={"action": "correct", "changes": changes})
    assert r.status_code == 422 and says in r.json()["error"]["message"], r.text


def test_a_comment_with_control_characters_is_422_but_line_breaks_are_text(fresh: Any) -> None:
    _, client, tokens, _ = fresh
    eid = _event(client)["id"]
    bad = client.post(f"/api/v1/events/{eid}/review", json={"action": "approve", "comment": "ok\x1b[31m"}, headers=bearer(tokens["rana"]))
    assert bad.status_code == 422 and "control characters" in bad.text
    ok = client.post(f"/api/v1/events/{eid}/review", json={"action": "approve", "comment": "سطر\nوسطر\tآخر"}, headers=bearer(tokens["rana"]))
    assert ok.status_code == 200 and ok.json()["history"][-1]["comment"] == "سطر\nوسطر\tآخر"


@pytest.mark.parametrize(("entry", "says"), [
    ({"date": "0000-00-00"}, "not a day of the calendar"),
    ({"date": "2023-02-29"}, "not a day of the calendar"),
    ({"age": False}, "age"),
    ({"age": "30"}, "age"),
    ({"name": "سمير\u0007"}, "control characters"),
    ({"sources": ["ok", "bad\u0000"]}, "control characters"),
])
def test_impossible_casualty_entries_are_422(site: Site, entry: dict[str, Any], says: str) -> None:
    with httpx.Client(base_url=site.url, timeout=30, headers=bearer(site.tokens["rana"])) as http:
        r = http.post("/api/v1/casualties", json={"name": "سمير", **entry})
    assert r.status_code == 422 and says in r.json()["error"]["message"], r.text
