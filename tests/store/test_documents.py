"""Saving documents: merging reports into events, re-extraction, reviewed events, evidence and facts."""

from __future__ import annotations

from store_factories import doc, strike

from rasd.model import ActorFact, Span
from rasd.store import EventFilter, Store

BEIT_HANOUN = {"location": "Beit Hanoun", "latitude": 31.5353, "longitude": 34.5380}


def test_ten_outlets_one_strike_make_one_event_with_ten_sources(store: Store) -> None:
    tolls = [5, 6, 5, 7, 5, 8, 5, 5, 6, 5]
    for i, toll in enumerate(tolls):
        out = store.save(doc(f"d{i}", f"تقرير {i} عن الغارة", source=f"Outlet {i}"), [strike(fatalities=toll)])
        assert (out.events_created, out.events_merged) == ((1, 0) if i == 0 else (0, 1))
    (event,) = store.events()
    assert event["n_sources"] == 10 and event["fatalities"] == 5
    assert "most conservative" in event["notes"]
    assert event["source"].count(";") == 9
    reports = store.event_reports(event["id"])
    assert sorted(r["fatalities"] for r in reports) == sorted(tolls)  # every report keeps its own figures
    assert store.counts()["evidence_spans"] == 10


def test_a_later_outlet_s_rise_supersedes_the_earlier_smaller_tolls(store: Store) -> None:
    rise = {"fatalities": [Span(0, 4, "خمسة")], "fatalities_update": [Span(0, 4, "خمسة")]}
    store.save(doc("a", source="Outlet A"), [strike(fatalities=5)])
    store.save(doc("b", "ارتفعت حصيلة غارة جباليا إلى تسعة", source="Outlet B"), [strike(fatalities=9, evidence=rise)])
    (event,) = store.events()
    assert event["fatalities"] == 9 and "rose to" in event["notes"]
    store.save(doc("c", "غارة على جباليا أدت إلى مقتل سبعة", source="Outlet C"), [strike(fatalities=7)])
    assert store.events()[0]["fatalities"] == 7  # reported after the rise: a competing figure, the lower wins


def test_a_massacre_retold_weeks_later_under_another_type_joins_it(store: Store) -> None:
    store.save(doc("a", "مجزرة في جباليا", published="2023-10-10"), [strike(fatalities=40)])
    retold = strike(event_date="2023-10-30", time_precision=2, event_type="Violence against civilians", sub_event_type="Attack",
                    actor1=None, fatalities=45)
    out = store.save(doc("b", "بعد المجزرة التي قتلت 45 في جباليا", published="2023-10-30"), [retold])
    assert (out.events_created, out.events_merged) == (0, 1)
    (event,) = store.events()
    assert (event["event_date"], event["sub_event_type"], event["fatalities"], event["n_sources"]) == (
        "2023-10-10", "Air/drone strike", 40, 2)  # the dated report's day and type, the conservative toll


def test_hard_negative_neighbouring_villages_stay_two_events(store: Store) -> None:
    store.save(doc("a"), [strike()])
    store.save(doc("b", "غارة على بيت حانون"), [strike(**BEIT_HANOUN)])
    assert len(store.events()) == 2


def test_same_raw_hash_and_version_is_reported_by_document_state(store: Store) -> None:
    store.save(doc("a"), [strike()])
    state = store.document_state("a")
    assert state is not None and state.raw_sha256 == doc("a").raw_sha256 and state.extraction_version == "t1"
    assert store.document_state("nope") is None


def test_changed_document_replaces_its_machine_events(store: Store) -> None:
    store.save(doc("a", "نص أول"), [strike(fatalities=5)])
    store.save(doc("b", "نص ثان"), [strike(fatalities=7)])
    out = store.save(doc("a", "نص أول مصحح"), [strike(fatalities=9)])
    assert out.status == "changed"
    (event,) = store.events()
    assert event["n_sources"] == 2 and event["fatalities"] == 7
    # The corrected document now reports another place: its old report leaves the shared event.
    out = store.save(doc("a", "نص أول مصحح مرة أخرى"), [strike(**BEIT_HANOUN)])
    events = sorted(store.events(), key=lambda e: e["id"])
    assert [e["n_sources"] for e in events] == [1, 1] and events[0]["fatalities"] == 7
    counts = store.counts()
    assert counts["documents"] == 2 and counts["event_sources"] == 2


def test_event_left_without_reports_is_deleted(store: Store) -> None:
    store.save(doc("a"), [strike()])
    out = store.save(doc("a", "نص جديد بلا أحداث"), [])
    assert out.events_removed == 1 and store.events() == []
    assert store.counts()["evidence_spans"] == 0


def test_approved_and_corrected_events_are_never_touched(store: Store) -> None:
    store.save(doc("a", "نص"), [strike(fatalities=5)])
    (event,) = store.events()
    store.review(event["id"], "corrected", reviewer="analyst", changes={"fatalities": 4}, comment="hospital figure")
    store.save(doc("b", "نص آخر"), [strike(fatalities=3)])  # merges as a report, changes nothing
    store.save(doc("a", "نص معدل"), [])  # re-extraction finds nothing: the reviewed event stays
    (event,) = store.events()
    assert event["review_status"] == "corrected" and event["fatalities"] == 4 and event["n_sources"] == 1
    assert len(store.event_reports(event["id"])) == 2


def test_review_keeps_before_and_after(store: Store) -> None:
    from sqlalchemy import select

    from rasd.store.models import ReviewHistory

    store.save(doc("a"), [strike()])
    (event,) = store.events()
    store.review(event["id"], "approved", reviewer="سارة")
    with store.transaction() as conn:
        row = conn.execute(select(ReviewHistory.__table__)).one()
    assert row.reviewer == "سارة" and row.before["review_status"] == "machine" and row.after["review_status"] == "approved"


def test_review_rejects_unknown_status_and_fields(store: Store) -> None:
    import pytest

    from rasd.store import StoreError

    store.save(doc("a"), [strike()])
    (event,) = store.events()
    with pytest.raises(StoreError):
        store.review(event["id"], "maybe", reviewer="x")
    with pytest.raises(StoreError):
        store.review(event["id"], "corrected", reviewer="x", changes={"id": 3})
    with pytest.raises(StoreError):
        store.review(999, "approved", reviewer="x")


def test_actor_facts_places_and_actors_are_kept(store: Store) -> None:
    text = "لواء القدس المدعوم من روسيا يضم نحو 7000 مقاتل"
    facts = [
        ActorFact("Liwa al-Quds", "backed_by", "Russia", Span(0, 22, text[0:22]), published="2021-04-06"),
        ActorFact("Liwa al-Quds", "strength", "7000", Span(29, 46, text[29:46])),
    ]
    store.save(doc("a", text, published="2021-04-06"), [strike()], facts)
    store.save(doc("a", text + " ", published="2021-04-06"), [strike()], facts)  # re-save: facts replaced, not doubled
    counts = store.counts()
    assert counts["actor_facts"] == 2 and counts["places"] == 1
    assert counts["actors"] == 3  # Israel's forces, civilians, Liwa al-Quds
    from sqlalchemy import select

    from rasd.store.models import ActorFactRow

    with store.transaction() as conn:
        rows = conn.execute(select(ActorFactRow.__table__).order_by(ActorFactRow.__table__.c.start)).all()
    assert rows[0].published == "2021-04-06" and rows[0].text == text[0:22] and rows[1].published == "2021-04-06"


def test_events_query_by_area_type_and_dates(store: Store) -> None:
    store.save(doc("a"), [strike()])
    store.save(doc("b", "ب"), [strike(event_date="2023-11-02", **BEIT_HANOUN)])
    store.save(doc("c", "ج"), [strike(admin1="West Bank", admin2="Jenin", location="Jenin", latitude=32.46, longitude=35.30)])
    q = {"admin1": "Gaza Strip", "event_type": "Explosions/Remote violence"}
    assert len(store.events(EventFilter.parse(q))) == 2
    assert [e["event_date"] for e in store.events(EventFilter.parse({**q, "date_from": "2023-11-01", "date_to": "2023-11-30"}))] == ["2023-11-02"]
    assert [e["event_date"] for e in store.events(EventFilter.parse({**q, "date_from": "2023-11", "date_to": "2023-11"}))] == ["2023-11-02"]
    assert store.events(EventFilter.parse({"admin1": "Gaza Strip", "event_type": "Battles"})) == []


def test_a_failed_save_leaves_nothing(store: Store) -> None:
    import pytest

    from rasd.store import StoreError

    bad = strike(fatalities=5)
    bad.evidence = {"fatalities": [Span(0, 1, None)]}  # type: ignore[arg-type, list-item]  # NOT NULL text
    with pytest.raises(StoreError):
        store.save(doc("a"), [bad])
    assert store.counts()["documents"] == 0 and store.counts()["events"] == 0
    store.save(doc("a"), [strike()])  # and the store still works (caches were reset)
    assert store.counts()["events"] == 1


def test_one_text_under_two_addresses_is_one_telling(store: Store) -> None:
    # a wire story carried twice (another URL, another outlet's copy): one source, both outlets named
    body = "قتل خمسة مدنيين، الأحد، في غارة على مخيم جباليا."
    store.save(doc("a", body, source="Outlet A"), [strike(fatalities=5)])
    store.save(doc("b", body + "\n", source="Outlet B"), [strike(fatalities=5)])
    store.save(doc("c", "تقرير آخر عن غارة جباليا", source="Outlet C"), [strike(fatalities=6)])
    (event,) = store.events()
    assert event["n_sources"] == 2 and event["fatalities"] == 5
    assert event["source"] == "Outlet A; Outlet B; Outlet C"


def test_two_records_of_one_document_on_one_event_are_one_source(store: Store) -> None:
    store.save(doc("a", "غارة على جباليا، وفي تقرير لاحق ارتفع عدد القتلى"), [strike(fatalities=5), strike(fatalities=5)])
    (event,) = store.events()
    assert event["n_sources"] == 1


GAZA_STRIP = {"admin2": None, "location": "Gaza Strip", "latitude": 31.42, "longitude": 34.37, "geo_precision": 3}


def test_a_report_that_bridges_two_events_joins_them(store: Store) -> None:
    # the village's toll first; a region-level report no gate can tie to it; then a report like both
    store.save(doc("a", "غارة على جباليا", source="Outlet A"), [strike(fatalities=5)])
    store.save(doc("b", "قصف على قطاع غزة", source="Outlet B"), [strike(actor1=None, actor2=None, fatalities=9, **GAZA_STRIP)])
    assert len(store.events()) == 2
    out = store.save(doc("c", "غارة إسرائيلية على القطاع", source="Outlet C"), [strike(fatalities=9, **GAZA_STRIP)])
    (event,) = store.events()
    assert out.event_ids == [event["id"]] and (out.events_created, out.events_merged) == (0, 1)
    assert (event["location"], event["fatalities"], event["n_sources"]) == ("Jabalia", 5, 3)
    assert len(store.event_reports(event["id"])) == 3 and store.counts()["evidence_spans"] == 3


def test_a_reviewed_event_is_never_joined_by_a_bridge(store: Store) -> None:
    store.save(doc("a", "غارة على جباليا"), [strike(fatalities=5)])
    (first,) = store.events()
    store.review(first["id"], "approved", reviewer="analyst")
    store.save(doc("b", "قصف على قطاع غزة"), [strike(actor1=None, actor2=None, fatalities=9, **GAZA_STRIP)])
    store.save(doc("c", "غارة إسرائيلية على القطاع"), [strike(fatalities=9, **GAZA_STRIP)])
    statuses = sorted(e["review_status"] for e in store.events())
    assert statuses == ["approved", "machine"]
