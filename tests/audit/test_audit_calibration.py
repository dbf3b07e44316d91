"""Audit verdicts as calibration records (SQLite and PostgreSQL): each audited event seen again as the pipeline makes it."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest
from store_factories import doc, fresh_store, strike

import rasd
from rasd.audit import sample
from rasd.audit.calibration import audited_outcomes
from rasd.evaluate.calibration_fit import Candidate, fit, produce
from rasd.store import Store
from rasd.store import audit as store_audit

# three short reports of my own, each one event the rules code
TEXTS = {
    "r1": "قتل مدنيان بقصف مدفعي على بلدة كفرنبل في ريف إدلب الجنوبي صباح اليوم.",
    "r2": "أصيب ثلاثة أشخاص في غارة جوية استهدفت مدينة خان يونس جنوب قطاع غزة اليوم.",
    "r3": "تظاهر مئات الطلاب في مدينة تعز احتجاجا على انقطاع الرواتب اليوم.",
}
DAY = "2024-03-04"


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def audited(request: pytest.FixtureRequest) -> Iterator[Store]:
    """The three reports saved with the events Rasd extracts from them, plus one event their text does not give."""
    store = fresh_store(request.param)
    for key, text in TEXTS.items():
        events = rasd.extract(text, published=date.fromisoformat(DAY), doc_id=key)
        assert events, f"the rules code no event in {key}"
        store.save(doc(key, text, published=DAY), events)
    store.save(doc("r4", "نص لا يذكر حدثا", published=DAY), [strike(event_date=DAY, location="Jabalia")])
    try:
        yield store
    finally:
        store.close()


def _review(store: Store) -> dict[str, str]:
    """Audit every event: the Idlib shelling right, the Gaza strike corrected, the protest and the strike of r4 no events."""
    batch = sample(store, 10, seed=4, created_by="rana")
    with store.transaction() as conn:
        items = store_audit.items(conn, [batch])
        verdicts = {}
        for it in items:
            sub = it["drawn"]["sub_event_type"]
            location = it["drawn"]["location"]
            if sub and "Shelling" in sub:
                verdict, fix = "right", {}
            elif location == "Jabalia" or (sub and "protest" in sub.lower()):
                verdict, fix = "not_event", {}
            else:
                verdict, fix = "corrected", {"fatalities": 0}
            store_audit.record_verdict(conn, it["id"], verdict, reviewer="rana", corrections=fix)
            verdicts[f"{sub}@{location}"] = verdict
    return verdicts


def test_each_verdict_becomes_a_record_with_its_features(audited: Store) -> None:
    verdicts = _review(audited)
    assert len(verdicts) == 4
    found, left = audited_outcomes(audited, produce)
    assert left == 1  # the Jabalia strike: the text of r4 no longer gives it
    by_doc = {o.doc_id: o for o in found}
    assert set(by_doc) == set(TEXTS)
    assert by_doc["r1"].right and not by_doc["r2"].right and not by_doc["r3"].right
    assert by_doc["r3"].record["_false_alarm"] and not by_doc["r2"].record["_false_alarm"]
    assert all("judge_logit" in o.record["_features"] for o in found)
    # what the calibrator can be fitted on: the store's verdicts alone give a model
    model = fit(found, Candidate(("no_actor2",), 0.03, False))
    assert set(model["weights"]) == {"bias", "no_actor2"}


def test_items_not_yet_reviewed_are_not_records(audited: Store) -> None:
    sample(audited, 10, seed=4, created_by="rana")
    assert audited_outcomes(audited, produce) == ([], 0)
