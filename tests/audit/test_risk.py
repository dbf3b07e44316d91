"""The review queue by risk: low confidence and each warning sign push a record up; the store's queue and its page."""

from __future__ import annotations

from pathlib import Path

from store_factories import doc, strike

from rasd.audit import risk_queue
from rasd.audit.risk import FLAG_WEIGHT, rank, source_actors
from rasd.geo.unlisted import UNLISTED_FLAG
from rasd.store import open_store


def _ev(i: int, **kw: object) -> dict:
    base = {"id": i, "sub_event_type": "Air/drone strike", "fatalities": 2, "injuries": None, "actor1": "Military Forces of Israel",
            "actor2": "Civilians (Palestine)", "confidence": 0.9, "vague": {}}
    return base | kw


def test_each_sign_is_a_reason() -> None:
    events = [_ev(i) for i in range(10)] + [
        _ev(10, fatalities=300),                                   # far above the strikes' 90th percentile (2)
        _ev(11, vague={"location": UNLISTED_FLAG + " قرية"}),
        _ev(12, actor2=None),                                      # two dead, no one hit
        _ev(13, actor1="UN: United Nations"),
        _ev(14, confidence=0.1),
    ]
    ranked = rank(events, foreign_ids=[11])
    by_id = {r.event["id"]: r for r in ranked}
    assert by_id[10].reasons == ["toll_outlier"]
    assert by_id[11].reasons == ["unlisted_place", "foreign_place"] and by_id[11].score == round(0.1 + 2 * FLAG_WEIGHT, 3)
    assert by_id[12].reasons == ["one_sided"] and by_id[13].reasons == ["source_actor"]
    assert by_id[14].reasons == [] and by_id[14].score == 0.9
    assert ranked[0].event["id"] == 11 and ranked[-1].reasons == [] and ranked[-1].score == round(0.1, 3)
    assert "UN: United Nations" in source_actors() and "Military Forces of Israel" not in source_actors()


def test_the_store_queue_skips_reviewed_events(tmp_path: Path) -> None:
    with open_store(str(tmp_path / "r.db")) as s:
        for i in range(4):
            s.save(doc(f"r{i}", f"غارة على جباليا {i}"), [strike(event_date=f"2023-10-0{i + 1}", location=f"Place {i}", confidence=0.2 * i,
                                                               actor2=None if i == 3 else "Civilians (Palestine)")])
        ids = [e["id"] for e in sorted(s.events(limit=10), key=lambda e: e["event_date"])]
        s.review(ids[0], "approved", reviewer="rana")
        queue = risk_queue(s, limit=2)
    assert [r.event["id"] for r in queue] == [ids[3], ids[1]]  # one-sided beats low confidence; the approved one is gone
    assert queue[0].reasons == ["one_sided"]
