"""``/api/v1/audit``: drawing needs a reviewer, verdicts are checked, the report answers with intervals (real server)."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "api"))
from apikit import Site, bearer, running_site  # noqa: E402


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Site]:
    with running_site(tmp_path_factory.mktemp("audit-api") / "rasd.db") as s:
        yield s


class _Client:
    """Requests to /api/v1/audit as one user (or nobody), each on a client closed after it."""

    def __init__(self, site: Site, who: str | None) -> None:
        self.base, self.headers = site.url + "/api/v1/audit", bearer(site.tokens[who]) if who else {}

    def _do(self, method: str, path: str, **kw: object) -> httpx.Response:
        with httpx.Client(base_url=self.base, headers=self.headers) as c:
            return c.request(method, path, **kw)  # type: ignore[arg-type]

    def get(self, path: str, **kw: object) -> httpx.Response:
        return self._do("GET", path, **kw)

    def post(self, path: str, **kw: object) -> httpx.Response:
        return self._do("POST", path, **kw)


def _client(site: Site, who: str | None = None) -> _Client:
    return _Client(site, who)


def test_draw_needs_a_reviewer(site: Site) -> None:
    assert _client(site).post("/batches", json={"n": 2}).status_code == 401
    assert _client(site, "vera").post("/batches", json={"n": 2}).status_code == 403
    made = _client(site, "rana").post("/batches", json={"n": 2, "seed": 4, "name": "api"})
    assert made.status_code == 201, made.text
    queue = made.json()
    assert queue["batch"]["name"] == "api" and len(queue["items"]) == 2 and queue["items"][0]["event"]["review_status"] == "machine"
    assert _client(site).get(f"/batches/{queue['batch']['id']}").json()["batch"]["size"] == 2  # a public site reads it
    assert _client(site, "rana").post("/batches", json={"n": 1, "filters": {"actor1": "x"}}).status_code == 422
    assert _client(site, "rana").post("/batches", json={"n": 1, "filters": {"date_from": "2024-13"}}).status_code == 422
    assert _client(site, "rana").post("/batches", json={"n": 1, "seed": False}).status_code == 422
    assert _client(site).get("/batches/999").status_code == 404


def test_verdicts_are_checked_then_kept(site: Site) -> None:
    rana = _client(site, "rana")
    queue = rana.post("/batches", json={"n": 2, "seed": 5}).json()
    one, two = (it["id"] for it in queue["items"])
    assert rana.post(f"/items/{one}/verdict", json={"verdict": "maybe"}).status_code == 422
    bad = rana.post(f"/items/{one}/verdict", json={"verdict": "corrected"})
    assert bad.status_code == 422 and "names the fields" in bad.text
    assert rana.post(f"/items/{one}/verdict", json={"verdict": "right", "changes": {"injuries": 1}}).status_code == 422
    notes = rana.post(f"/items/{one}/verdict", json={"verdict": "corrected", "changes": {"notes": "x"}})
    assert notes.status_code == 422 and "not audited fields: notes" in notes.text
    assert rana.post("/items/99999/verdict", json={"verdict": "right"}).status_code == 404
    ok = rana.post(f"/items/{one}/verdict", json={"verdict": "corrected", "changes": {"injuries": 3}})
    assert ok.status_code == 200 and ok.json()["fields"]["injuries"] == {"verdict": "corrected", "value": 3}
    assert rana.post(f"/items/{two}/verdict", json={"verdict": "right"}).status_code == 200
    r = _client(site).get("/report", params={"batch": queue["batch"]["id"]}).json()
    assert r["reviewed"] == 2 and r["no_correction"]["k"] == 1 and r["no_correction"]["n"] == 2
    assert 0 < r["no_correction"]["low"] < 0.5 < r["no_correction"]["high"] < 1
    assert r["fields"]["injuries"]["k"] == 1 and r["fields"]["event_date"]["k"] == 2


def test_nothing_left_to_sample_is_a_conflict(site: Site) -> None:
    rana = _client(site, "rana")
    rana.post("/batches", json={"n": 10_000, "seed": 1})
    left = rana.post("/batches", json={"n": 5})
    assert left.status_code == 409 and "nothing to sample" in left.json()["error"]["message"]


def test_the_risk_queue(site: Site) -> None:
    from rasd.audit.risk import REASONS

    rows = _client(site).get("/risk", params={"limit": 3}).json()
    assert 0 < len(rows) <= 3 and [r["score"] for r in rows] == sorted((r["score"] for r in rows), reverse=True)
    assert all(set(r["reasons"]) <= set(REASONS) and r["score"] >= 1 - r["event"]["confidence"] - 1e-9 for r in rows)
    with httpx.Client(base_url=site.url) as c:
        page = c.get("/audit/risk")
    assert page.status_code == 200 and 'id="risk"' in page.text
    assert all(f'href="/events/{r["event"]["id"]}"' in page.text for r in rows)


def test_a_batch_id_out_of_range_is_refused_not_a_crash(site: Site) -> None:
    got = _client(site).get("/report", params={"batch": str(2**70)})
    assert got.status_code == 422
