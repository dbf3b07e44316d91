"""Audit batches in the store (SQLite and PostgreSQL): stratified, reproducible samples; verdicts field by field; the report."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from datetime import datetime

import pytest
from sqlalchemy import insert
from store_factories import doc, fresh_store, strike

from rasd.audit import Share, batches, report, sample, wilson
from rasd.store import EventFilter, Store, StoreError
from rasd.store import audit as store_audit

SUBTYPES = ("Air/drone strike",) * 6 + ("Shelling/artillery/missile attack",) * 3 + ("Armed clash",)


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def filled(request: pytest.FixtureRequest) -> Iterator[Store]:
    """Twenty machine events: ten of outlet-a, ten of outlet-b, sub-types 6:3:1 in each, on distinct days."""
    store = fresh_store(request.param)
    for i in range(20):
        outlet = "outlet-a" if i < 10 else "outlet-b"
        sub = SUBTYPES[i % 10]
        kind = "Battles" if sub == "Armed clash" else "Explosions/Remote violence"
        ev = strike(event_date=f"2023-10-{i + 1:02d}", sub_event_type=sub, event_type=kind, source=outlet, location=f"Place {i}")
        store.save(doc(f"d{i}", f"تقرير رقم {i} عن غارة", source=outlet, published=f"2023-10-{i + 1:02d}"), [ev])
    try:
        yield store
    finally:
        store.close()


def _drawn(store: Store, batch: int) -> list[dict]:
    with store.transaction() as conn:
        return store_audit.items(conn, [batch])


def test_sample_is_stratified_and_reproducible(filled: Store) -> None:
    a = sample(filled, 10, seed=3, created_by="rana")
    items = _drawn(filled, a)
    strata = Counter((it["sub_event_type"], it["source"]) for it in items)
    # proportional: each outlet holds half, and within it sub-types 6:3:1 → 3, 1 or 2, and 0 or 1
    assert sum(n for (_, src), n in strata.items() if src == "outlet-a") == 5
    assert strata[("Air/drone strike", "outlet-a")] == 3 and strata[("Air/drone strike", "outlet-b")] == 3
    assert all(it["extraction_version"] == "t1" and it["drawn"]["location"].startswith("Place") for it in items)
    # the same store state and seed draw the same events: a second store filled alike
    with filled.transaction() as conn:
        conn.execute(store_audit.I.delete())
        conn.execute(store_audit.B.delete())
    again = _drawn(filled, sample(filled, 10, seed=3, created_by="rana"))
    assert [it["event_id"] for it in again] == [it["event_id"] for it in items]


def test_events_already_sampled_or_reviewed_are_not_drawn(filled: Store) -> None:
    first = {it["event_id"] for it in _drawn(filled, sample(filled, 15, seed=1, created_by="rana"))}
    events = filled.events(limit=100)
    reviewed = next(e["id"] for e in events if e["id"] not in first)
    filled.review(reviewed, "approved", reviewer="rana")
    second = _drawn(filled, sample(filled, 15, seed=1, created_by="rana"))
    assert len(second) == 4 and not first & {it["event_id"] for it in second} and reviewed not in {it["event_id"] for it in second}
    with pytest.raises(StoreError, match="nothing to sample"):
        sample(filled, 5, seed=1, created_by="rana")


def test_the_event_filter_limits_the_sample_and_is_kept_as_its_json(filled: Store) -> None:
    f = EventFilter.parse({"source": "OUTLET-B", "date_to": "2023-10-15"})  # the filter's meaning: part of the source, any case
    batch = sample(filled, 50, seed=2, created_by="rana", f=f)
    items = _drawn(filled, batch)
    assert {it["source"] for it in items} == {"outlet-b"} and len(items) == 5
    [kept] = [b["filters"] for b in batches(filled) if b["id"] == batch]
    assert kept == {"source": ["OUTLET-B"], "date_to": "2023-10-15"} and EventFilter.parse(kept) == f


def test_a_batch_drawn_before_the_event_filter_reads_as_the_filter(filled: Store) -> None:
    old = {"country": "Syria", "sub_event_type": "Armed clash", "source": "outlet-a", "date_from": "2023-10-01", "date_to": ""}
    with filled.transaction() as conn:  # single values and empty ones, as draw_sample stored them before
        conn.execute(insert(store_audit.B).values(name="old", seed=1, requested=5, filters=old, created_by="rana", created_at=datetime(2024, 1, 1)))
    [batch] = batches(filled)
    assert batch["filters"] == {"country": ["Syria"], "sub_event_type": ["Armed clash"], "source": ["outlet-a"], "date_from": "2023-10-01"}


def test_verdicts_are_kept_per_field_and_reported(filled: Store) -> None:
    batch = sample(filled, 4, seed=9, created_by="rana", name="first")
    a, b, c, d = _drawn(filled, batch)
    with filled.transaction() as conn:
        store_audit.record_verdict(conn, a["id"], "right", reviewer="rana")
        fields = store_audit.record_verdict(conn, b["id"], "corrected", reviewer="rana", corrections={"fatalities": 7})
        store_audit.record_verdict(conn, c["id"], "not_event", reviewer="rana", comment="an old strike recalled")
        with pytest.raises(StoreError, match="names the fields"):
            store_audit.record_verdict(conn, d["id"], "corrected", reviewer="rana")
        with pytest.raises(StoreError, match="not audited"):
            store_audit.record_verdict(conn, d["id"], "corrected", reviewer="rana", corrections={"notes": "x"})
    assert fields["fatalities"] == {"verdict": "corrected", "value": 7} and fields["location"] == {"verdict": "right"}
    r = report(filled)
    assert (r.reviewed, r.no_correction, r.real_events) == (3, Share(1, 3), Share(2, 3))
    assert r.fields["fatalities"] == Share(1, 2) and r.fields["location"] == Share(2, 2)
    assert sum(s.n for s in r.groups["source"].values()) == 3 and r.groups["extraction_version"]["t1"] == Share(1, 3)
    assert [(x["name"], x["size"], x["reviewed"]) for x in batches(filled)] == [("first", 4, 3)]


@pytest.mark.parametrize(("k", "n", "low", "high"), [(0, 10, 0.0, 0.2775), (5, 10, 0.2366, 0.7634), (10, 10, 0.7225, 1.0), (81, 100, 0.7222, 0.8749)])
def test_wilson_interval(k: int, n: int, low: float, high: float) -> None:
    lo, hi = wilson(k, n)
    assert (round(lo, 4), round(hi, 4)) == (low, high)


def test_share_text() -> None:
    assert str(Share(1, 3)) == "33% [6%–79%] (n = 3)" and str(Share(0, 0)) == "– (n = 0)"
