"""The review loop for places: an unlisted village, placed by a reviewer through the API, is where the next report puts it.

Runs on a SQLite file and on PostgreSQL (``backend_site``), with the real
pipeline: each article names Al-Bara, a village of Jabal al-Zawiya the
shipped gazetteer does not hold.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from apikit import BackendSite, bearer

from rasd.geo import get_geocoder
from rasd.ingest.run import ingest
from rasd.store import Store
from rasd.store.gazetteer import StoreGazetteer, is_unlisted

FIRST = {
    "id": "bara-1", "published": "2024-03-02", "source": "test-outlet", "title": "قصف على جبل الزاوية",
    "text": "قصفت قوات النظام السوري صباح اليوم قرية البارة في جبل الزاوية بريف إدلب الجنوبي، ما أدى إلى مقتل ثلاثة مدنيين وإصابة خمسة آخرين.",
}  # fmt: skip
SECOND = {
    "id": "bara-2", "published": "2024-03-09", "source": "test-outlet", "title": "غارة جديدة",
    "text": "قتل طفلان اليوم السبت في غارة جوية روسية استهدفت منازل المدنيين في قرية البارة بريف إدلب.",
}  # fmt: skip
POINT = {"latitude": 35.6843, "longitude": 36.5289}


@pytest.fixture(autouse=True)
def clean_geocoder() -> Iterator[None]:
    """The process-wide geocoder forgets the store's places after each test."""
    yield
    get_geocoder().use_places([], version=None)


def _ingest(store: Store, article: dict[str, str], tmp_path: Path) -> dict[str, Any]:
    path = tmp_path / f"{article['id']}.jsonl"
    path.write_text(json.dumps(article, ensure_ascii=False) + "\n", encoding="utf-8")
    ingest([str(path)], store)
    [event] = [e for e in store.events(limit=1000) if e["location_ar"] == "البارة" and e["event_date"] == article["published"]]
    return event


def test_a_reviewers_point_places_the_next_report(backend_site: BackendSite, tmp_path: Path) -> None:
    _, store, client, tokens = backend_site
    first = _ingest(store, FIRST, tmp_path)
    assert is_unlisted(first["vague"]) and first["geo_precision"] == 2 and first["admin1"] == "Idlib"
    answer = client.post(f"/api/v1/events/{first['id']}/review", headers=bearer(tokens["rana"]),
                         json={"action": "correct", "changes": POINT | {"geo_precision": 1}})  # fmt: skip
    assert answer.status_code == 200, answer.text
    assert not is_unlisted(answer.json()["event"]["vague"])
    [place] = StoreGazetteer(store).rows()
    assert (place["name_ar"], place["added_by"], place["event_id"], place["country"]) == ("البارة", "rana", first["id"], "SY")
    second = _ingest(store, SECOND, tmp_path)
    assert second["id"] != first["id"]
    assert (second["latitude"], second["longitude"], second["geo_precision"]) == (35.6843, 36.5289, 1)
    assert (second["location"], second["admin1"], second["admin2"]) == ("Al-Bara", "Idlib", "Ariha")
    assert not is_unlisted(second["vague"])


def _search(client: Any, token: str, q: str, **params: object) -> list[dict[str, Any]]:
    answer = client.get("/api/v1/places/search", params={"q": q, **params}, headers=bearer(token))
    assert answer.status_code == 200, answer.text
    return list(answer.json())


def test_search_offers_a_new_place_then_the_stores(backend_site: BackendSite, tmp_path: Path) -> None:
    _, store, client, tokens = backend_site
    first = _ingest(store, FIRST, tmp_path)
    before = _search(client, tokens["rana"], "قرية البارة جبل الزاوية", event_id=first["id"])
    assert [o["source"] for o in before] == ["gazetteer", "new"]
    assert before[0]["changes"]["location"] == "Jabal al-Zawiya"
    new = before[-1]["changes"]
    assert (new["location_ar"], new["location"], new["admin1"], new["admin2"]) == ("البارة", "Al-Bara", "Idlib", "Ariha")
    answer = client.post(f"/api/v1/events/{first['id']}/place", headers=bearer(tokens["rana"]),
                         json={"name_ar": new["location_ar"], "admin1": "Idlib", "admin2": "Ariha"} | POINT)  # fmt: skip
    assert answer.status_code == 200, answer.text
    event = answer.json()["event"]
    assert (event["location"], event["latitude"], event["geo_precision"], event["review_status"]) == ("Al-Bara", 35.6843, 1, "corrected")
    after = _search(client, tokens["rana"], "قرية البارة جبل الزاوية", event_id=first["id"])
    assert after[0]["source"] == "store" and after[0]["context"] == 2
    assert (after[0]["changes"]["latitude"], after[0]["changes"]["geo_precision"]) == (35.6843, 1)
    assert after[-1]["source"] == "new"
    # A part of the name finds the store's place too (the reviewer is still typing).
    assert any(o["source"] == "store" for o in _search(client, tokens["rana"], "البار"))


def test_homonyms_rank_by_the_units_the_phrase_names(backend_site: BackendSite) -> None:
    _, store, client, tokens = backend_site
    a, b = (e["id"] for e in store.events(limit=2))
    for eid, where in ((a, {"admin1": "Idlib", "admin2": "Ariha"} | POINT), (b, {"admin1": "Daraa", "admin2": "Daraa", "latitude": 32.7, "longitude": 36.1})):
        answer = client.post(f"/api/v1/events/{eid}/place", headers=bearer(tokens["rana"]), json={"name_ar": "البارة"} | where)
        assert answer.status_code == 200, answer.text
    assert [p.admin1 for p in StoreGazetteer(store).places()] == ["Idlib", "Daraa"]
    idlib = [o for o in _search(client, tokens["rana"], "قرية البارة جبل الزاوية") if o["source"] == "store"]
    daraa = [o for o in _search(client, tokens["rana"], "قرية البارة بريف درعا") if o["source"] == "store"]
    assert [o["changes"]["admin1"] for o in idlib] == ["Idlib", "Daraa"]
    assert [o["changes"]["admin1"] for o in daraa] == ["Daraa", "Idlib"]


def test_search_offers_gazetteer_villages_with_their_context(backend_site: BackendSite) -> None:
    _, _, client, tokens = backend_site
    found = _search(client, tokens["rana"], "بلدة احسم جبل الزاوية")
    assert found[0]["source"] == "gazetteer" and found[0]["changes"]["location"] == "Ihsim" and found[0]["context"] == 2
    assert found[-1]["source"] == "new"


@pytest.mark.parametrize(
    ("who", "body", "status"),
    [
        (None, {"name_ar": "البارة"} | POINT, 401),
        ("vera", {"name_ar": "البارة"} | POINT, 403),
        ("rana", {"name_ar": "البارة", "latitude": 95, "longitude": 36.5}, 422),
        ("rana", {"name_ar": "", "latitude": 35.6, "longitude": 36.5}, 422),
        ("rana", {"name_ar": "البارة", "kind": "country"} | POINT, 422),
    ],
)
def test_new_place_needs_a_reviewer_and_a_place(backend_site: BackendSite, who: str | None, body: dict[str, Any], status: int) -> None:
    _, store, client, tokens = backend_site
    eid = store.events(limit=1)[0]["id"]
    headers = bearer(tokens[who]) if who else {}
    assert client.post(f"/api/v1/events/{eid}/place", headers=headers, json=body).status_code == status
    assert client.get("/api/v1/places/search", params={"q": "البارة"}, headers=headers).status_code == (status if status != 422 else 200)
    assert StoreGazetteer(store).rows() == []


def test_new_place_for_no_event_is_404(backend_site: BackendSite) -> None:
    _, store, client, tokens = backend_site
    answer = client.post("/api/v1/events/999999/place", headers=bearer(tokens["rana"]), json={"name_ar": "البارة"} | POINT)
    assert answer.status_code == 404
    assert StoreGazetteer(store).rows() == []
