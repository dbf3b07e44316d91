"""Split and merge are the store's review operations: a batch job or the CLI runs them without the API."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import select
from store_factories import doc, strike

from rasd.errors import EventNotFound, ReviewConflict
from rasd.store import Store
from rasd.store.models import EventSource, EvidenceSpan, ReviewHistory, table_of

ES, SP, RH = table_of(EventSource), table_of(EvidenceSpan), table_of(ReviewHistory)
RAFAH = {"location": "Rafah", "latitude": 31.28, "longitude": 34.25, "admin2": "Rafah"}


def _reports(store: Store, event_id: int) -> list[int]:
    with store.transaction() as conn:
        return list(conn.execute(select(ES.c.id).where(ES.c.event_id == event_id).order_by(ES.c.id)).scalars())


def _history(store: Store, event_id: int) -> list[tuple[str, str, str | None]]:
    with store.transaction() as conn:
        rows = conn.execute(select(RH.c.action, RH.c.reviewer, RH.c.comment).where(RH.c.event_id == event_id).order_by(RH.c.id))
        return [tuple(r) for r in rows]


def _event(store: Store, event_id: int) -> dict:
    [ev] = [e for e in store.events(limit=1000) if e["id"] == event_id]
    return ev


def test_merge_then_split_moves_reports_and_their_evidence(store: Store) -> None:
    a = store.save(doc("a"), [strike()]).event_ids[0]
    b = store.save(doc("b", text="قصف على رفح أدى إلى مقتل خمسة"), [strike(**RAFAH)]).event_ids[0]
    assert a != b
    store.merge(a, [b], reviewer="rana", comment="the same strike")
    kept, dup = _event(store, a), _event(store, b)
    assert (kept["review_status"], kept["n_sources"], dup["review_status"], dup["n_sources"]) == ("corrected", 2, "rejected", 0)
    assert _history(store, b) == [("merge", "rana", "the same strike")]
    first, moved = _reports(store, a)

    new = store.split(a, reviewer="rana", report_ids=[moved], changes={"fatalities": 1})
    assert _reports(store, new) == [moved] and _reports(store, a) == [first]
    with store.transaction() as conn:
        assert set(conn.execute(select(SP.c.event_id).where(SP.c.event_source_id == moved)).scalars()) == {new}
    assert _event(store, new)["fatalities"] == 1 and _event(store, new)["review_status"] == "corrected"
    assert _history(store, new) == [("split", "rana", f"split from #{a}")]
    assert [h[0] for h in _history(store, a)] == ["merge", "split"]

    twin = store.split(a, reviewer="rana", changes={"location": "Elsewhere"})
    assert len(_reports(store, twin)) == 1 and _reports(store, a) == [first], "without report ids the new event shares a copy"


def test_what_the_data_contradicts_is_refused_and_changes_nothing(store: Store) -> None:
    a = store.save(doc("a"), [strike()]).event_ids[0]
    [only] = _reports(store, a)
    with pytest.raises(ReviewConflict, match="at least one report"):
        store.split(a, reviewer="rana", report_ids=[only])
    with pytest.raises(ReviewConflict, match="not reports of event"):
        store.split(a, reviewer="rana", report_ids=[only + 100])
    with pytest.raises(ReviewConflict, match="into itself"):
        store.merge(a, [a], reviewer="rana")
    with pytest.raises(EventNotFound, match="no event 999"):
        store.merge(a, [999], reviewer="rana")
    with pytest.raises(EventNotFound):
        store.split(999, reviewer="rana")
    assert _event(store, a)["review_status"] == "machine" and _history(store, a) == []


def test_a_batch_job_splits_and_merges_without_importing_the_api(tmp_path: Path) -> None:
    script = f"""
import sys
sys.path.insert(0, {str(Path(__file__).resolve().parent)!r})
from store_factories import doc, strike
from rasd.store import open_store
store = open_store({str(tmp_path / "rasd.db")!r})
a = store.save(doc("a"), [strike()]).event_ids[0]
b = store.save(doc("b", text="قصف على رفح"), [strike(location="Rafah", latitude=31.28, longitude=34.25)]).event_ids[0]
store.merge(a, [b], reviewer="batch")
print(store.split(a, reviewer="batch"), sorted(m for m in sys.modules if m.startswith(("rasd.api", "rasd.web"))))
"""
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True).stdout.split()
    assert out[0].isdigit() and out[1:] == ["[]"]
