"""The review workflow: approve, correct (a field, a geocoder candidate), reject, split, merge — all audited."""

from __future__ import annotations

from typing import Any

from apikit import ARTICLES, bearer
from fastapi.testclient import TestClient

from rasd.ingest.run import ingest
from rasd.store import Store

Fresh = tuple[Store, TestClient, dict[str, str], int]


def event_id(client: TestClient, **params: str) -> int:
    return int(client.get("/api/v1/events", params=params).json()["items"][0]["id"])


def post(client: TestClient, token: str, path: str, body: dict[str, Any], status: int = 200) -> dict[str, Any]:
    r = client.post(path, json=body, headers=bearer(token))
    assert r.status_code == status, r.text
    return dict(r.json())


def test_correct_is_audited_with_before_and_after(fresh: Fresh) -> None:
    _, client, tokens, _ = fresh
    eid = event_id(client, admin1="Gaza Strip")
    d = post(client, tokens["rana"], f"/api/v1/events/{eid}/review", {"action": "correct", "changes": {"fatalities": 6, "actor2": None}, "comment": "hospital list"})
    assert d["event"]["fatalities"] == 6 and d["event"]["actor2"] is None and d["event"]["review_status"] == "corrected"
    (h,) = d["history"]
    assert h["reviewer"] == "rana" and h["action"] == "corrected" and h["comment"] == "hospital list" and h["at"]
    assert h["before"]["fatalities"] == 5 and h["after"]["fatalities"] == 6
    assert set(h["changed"]) == {"fatalities", "actor2", "inter2", "interaction", "review_status", "notes"}  # no actor2, no code for it
    assert "6 people were killed" in d["event"]["notes"] and h["before"]["notes"] != d["event"]["notes"]  # notes follow the correction
    assert d["event"]["inter2"] is None and d["event"]["interaction"] == h["before"]["inter1"] * 10


def test_picking_another_actor_brings_its_codes(fresh: Fresh) -> None:
    _, client, tokens, _ = fresh
    eid = event_id(client, admin1="Gaza Strip")
    known = {a["name"]: a["inter"] for a in client.get("/api/v1/actors", params={"limit": 500}).json()}
    other = next(name for name, inter in known.items() if inter and name != client.get(f"/api/v1/events/{eid}").json()["event"]["actor1"])
    d = post(client, tokens["rana"], f"/api/v1/events/{eid}/review", {"action": "correct", "changes": {"actor1": other}})
    e = d["event"]
    assert e["actor1"] == other and e["inter1"] == known[other]
    pair = sorted(c for c in (e["inter1"], e["inter2"]) if c)
    assert e["interaction"] == (10 * pair[0] + pair[1] if len(pair) == 2 else 10 * pair[0])
    typed = post(client, tokens["rana"], f"/api/v1/events/{eid}/review", {"action": "correct", "changes": {"actor1": "A group nobody coded", "inter1": 3}})
    assert typed["event"]["inter1"] == 3  # an unknown name keeps the code the reviewer gave


def test_correct_rejects_unknown_fields_and_empty_changes(fresh: Fresh) -> None:
    _, client, tokens, _ = fresh
    eid = event_id(client)
    post(client, tokens["rana"], f"/api/v1/events/{eid}/review", {"action": "correct", "changes": {"review_status": "approved"}}, 422)
    post(client, tokens["rana"], f"/api/v1/events/{eid}/review", {"action": "correct"}, 400)
    post(client, tokens["rana"], "/api/v1/events/424242/review", {"action": "approve"}, 404)


def test_pick_another_geocoder_candidate(fresh: Fresh) -> None:
    _, client, tokens, _ = fresh
    eid = event_id(client, admin1="Gaza Strip")
    found = client.get(f"/api/v1/events/{eid}/candidates", params={"q": "بيت لاهيا"}, headers=bearer(tokens["rana"])).json()
    assert found and found[0]["location"] == "Beit Lahia"
    changes = {k: v for k, v in found[0].items() if k != "kind"}
    d = post(client, tokens["rana"], f"/api/v1/events/{eid}/review", {"action": "correct", "changes": changes})
    assert d["event"]["location"] == "Beit Lahia" and d["event"]["latitude"] == found[0]["latitude"]
    assert "location" in d["history"][-1]["changed"]


def test_approve_and_reject(fresh: Fresh) -> None:
    _, client, tokens, _ = fresh
    a, b = (e["id"] for e in client.get("/api/v1/events", params={"limit": 2}).json()["items"])
    assert post(client, tokens["admin"], f"/api/v1/events/{a}/review", {"action": "approve"})["event"]["review_status"] == "approved"
    assert post(client, tokens["rana"], f"/api/v1/events/{b}/review", {"action": "reject"})["event"]["review_status"] == "rejected"
    assert [e["id"] for e in client.get("/api/v1/events", params={"review_status": "rejected"}).json()["items"]] == [b]


def test_split_moves_reports_or_copies_the_event(fresh: Fresh) -> None:
    _, client, tokens, _ = fresh
    a, b = [e["id"] for e in client.get("/api/v1/events", params={"country": "Syria"}).json()["items"]][:2]
    post(client, tokens["rana"], f"/api/v1/events/{a}/merge", {"event_ids": [b]})
    merged = client.get(f"/api/v1/events/{a}").json()
    assert len(merged["reports"]) == 2 and merged["event"]["n_sources"] == 2
    moved = merged["reports"][1]["id"]
    new = post(client, tokens["rana"], f"/api/v1/events/{a}/split", {"report_ids": [moved], "changes": {"fatalities": 1}}, 201)
    assert [r["id"] for r in new["reports"]] == [moved] and new["reports"][0]["evidence"]
    assert new["event"]["fatalities"] == 1 and new["history"][0]["action"] == "split"
    assert [r["id"] for r in client.get(f"/api/v1/events/{a}").json()["reports"]] == [merged["reports"][0]["id"]]
    post(client, tokens["rana"], f"/api/v1/events/{a}/split", {"report_ids": [merged["reports"][0]["id"]]}, 409)
    twin = post(client, tokens["rana"], f"/api/v1/events/{a}/split", {"changes": {"location": "Elsewhere"}}, 201)
    assert twin["event"]["location"] == "Elsewhere" and len(twin["reports"]) == 1


def test_merge_rejects_the_duplicates_and_keeps_their_trail(fresh: Fresh) -> None:
    _, client, tokens, _ = fresh
    a, b = [e["id"] for e in client.get("/api/v1/events", params={"country": "Syria"}).json()["items"]][:2]
    post(client, tokens["rana"], f"/api/v1/events/{a}/merge", {"event_ids": [a]}, 409)
    d = post(client, tokens["rana"], f"/api/v1/events/{a}/merge", {"event_ids": [b], "comment": "same shelling"})
    assert d["history"][-1]["action"] == "merge" and d["event"]["review_status"] == "corrected"
    dup = client.get(f"/api/v1/events/{b}").json()
    assert dup["event"]["review_status"] == "rejected" and dup["reports"] == [] and dup["history"][-1]["comment"] == "same shelling"


def test_reviewed_events_survive_re_extraction(fresh: Fresh) -> None:
    store, client, tokens, _ = fresh
    gaza = event_id(client, admin1="Gaza Strip")
    yemen = event_id(client, country="Yemen")
    post(client, tokens["rana"], f"/api/v1/events/{gaza}/review", {"action": "correct", "changes": {"fatalities": 9}})
    post(client, tokens["rana"], f"/api/v1/events/{yemen}/review", {"action": "approve"})
    before = {e: client.get(f"/api/v1/events/{e}").json()["event"] for e in (gaza, yemen)}
    ingest([str(ARTICLES)], store, force=True)
    for e, old in before.items():
        now = client.get(f"/api/v1/events/{e}").json()
        assert {k: v for k, v in now["event"].items() if k != "updated_at"} == {k: v for k, v in old.items() if k != "updated_at"}
        assert now["reports"]
    assert client.get(f"/api/v1/events/{gaza}").json()["event"]["fatalities"] == 9
