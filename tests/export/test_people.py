"""The register's one-entry-per-person rule on stored rows: what joins, what never does, and what a merge keeps.

Database round trips (both backends, real ingestion) are in tests/store/test_victims_register.py; these
check the rule's edges on rows shaped like the ``victims`` table's. Names are invented for the tests.
"""

from __future__ import annotations

from datetime import datetime
from itertools import count
from typing import Any

from rasd.export.people import merge_people, name_key

_ids = count(1)


def row(name: str, **kw: Any) -> dict[str, Any]:
    """A stored row: killed in Beit Hanoun on 2024-06-11, linked to no event, unless ``kw`` says otherwise."""
    base: dict[str, Any] = {
        "id": next(_ids), "event_id": None, "document_id": None, "evidence": None, "name": name, "name_en": None, "age": None,
        "sex": None, "group": None, "status": "killed", "date": "2024-06-11", "place": "Beit Hanoun", "cause": None,
        "sources": [], "created_at": datetime(2024, 6, 11, 12), "event_id_cnty": None, "source_title": None,
    }
    return base | kw


def names(entries: list[dict[str, Any]]) -> list[tuple[str, int]]:
    return sorted((e["name"], e["reports"]) for e in entries)


def test_names_compare_folded_and_without_a_title() -> None:
    assert name_key("الشهيد أحمد شايب") == name_key("احمد شايب") == ("احمد", "شايب")
    assert name_key("الطفلة زينة") == ("زينه",) and name_key("الشهيد") == ("الشهيد",)  # a title alone stays a name
    [one] = merge_people([row("الشهيدة هبة عمر", sex="female"), row("هِبَة عُمَر"), row("هبه عمر", date="2024-06-13")])
    assert one["reports"] == 3 and one["name"] == "هِبَة عُمَر"  # untitled, and the first report's spelling


def test_a_shorter_name_joins_a_longer_one_only_when_everything_else_agrees() -> None:
    assert names(merge_people([row("محمد أحمد", age=20), row("محمد أحمد علي", age=20)])) == [("محمد أحمد علي", 2)]
    assert len(merge_people([row("محمد أحمد", age=20), row("محمد أحمد علي", age=31)])) == 2
    assert len(merge_people([row("محمد أحمد", group="journalist"), row("محمد أحمد علي", group="paramedic")])) == 2
    assert len(merge_people([row("محمد أحمد"), row("أحمد محمد علي")])) == 2  # not a prefix
    assert len(merge_people([row("محمد"), row("محمد أحمد")])) == 2  # one word is no prefix match


def test_a_short_name_that_fits_two_people_joins_neither() -> None:
    entries = merge_people([row("محمد أحمد"), row("محمد أحمد علي"), row("محمد أحمد حسن")])
    assert names(entries) == [("محمد أحمد", 1), ("محمد أحمد حسن", 1), ("محمد أحمد علي", 1)]


def test_same_event_or_near_dates_at_the_same_place() -> None:
    assert len(merge_people([row("سعاد خليل", event_id=7, date="2024-06-11"), row("سعاد خليل", event_id=7, date="2024-07-30")])) == 1
    assert len(merge_people([row("سعاد خليل", date="2024-06-11"), row("سعاد خليل", date="2024-06-14")])) == 1
    assert len(merge_people([row("سعاد خليل", date="2024-06-11"), row("سعاد خليل", date="2024-06-15")])) == 2
    assert len(merge_people([row("سعاد خليل"), row("سعاد خليل", place="Rafah")])) == 2
    assert len(merge_people([row("سعاد خليل", place="Jenin"), row("سعاد خليل", place="Jenin Camp")])) == 2  # places must be equal
    assert len(merge_people([row("سعاد خليل"), row("سعاد خليل", place=None)])) == 1  # a place unknown: the date decides
    assert len(merge_people([row("سعاد خليل"), row("سعاد خليل", date=None)])) == 2  # a date unknown: only the event can
    assert len(merge_people([row("سعاد خليل", sex="female"), row("سعاد خليل", sex="male", event_id=None)])) == 2
    assert len(merge_people([row("نور"), row("نور")])) == 2  # a first name alone: only within one event
    assert len(merge_people([row("نور", event_id=3), row("نور", event_id=3)])) == 1


def test_no_chains_every_two_reports_of_a_person_must_agree() -> None:
    entries = merge_people([row("سعاد خليل", date=d) for d in ("2024-06-11", "2024-06-14", "2024-06-17")])
    assert sorted(e["reports"] for e in entries) == [1, 2]


def test_the_merged_entry_keeps_the_most_informative_values_and_lists_conflicts() -> None:
    span = {"start": 0, "end": 9, "text": "سامر نبيل"}
    rows = [row("سامر نبيل", event_id=5, age=19, place="Jenin", sources=["a"], document_id=1, evidence={"name": [span]}),
            row("سامر نبيل", event_id=5, age=19, place="Jenin Camp", sources=["b", "a"], cause="Attack", document_id=2),
            row("سامر نبيل", event_id=5, age=20, place=None, sources=["c"], cause="Air/drone strike", date="2024-06-12", document_id=3)]
    [e] = merge_people(rows)
    assert (e["id"], e["row_ids"], e["reports"]) == (rows[0]["id"], [r["id"] for r in rows], 3)
    assert (e["age"], e["place"], e["cause"], e["sources"]) == (19, "Jenin Camp", "Attack", ["a", "b", "c"])
    assert e["conflicts"] == [{"field": "age", "values": [19, 20]}, {"field": "cause", "values": ["Attack", "Air/drone strike"]},
                              {"field": "date", "values": ["2024-06-11", "2024-06-12"]}]
    assert e["evidence"] == {"name": [span | {"document_id": 1}]} and e["document_ids"] == [1, 2, 3]


def test_status_escalates_and_a_later_milder_report_is_a_conflict() -> None:
    [e] = merge_people([row("ليلى سالم", status="injured"), row("ليلى سالم", status="killed", date="2024-06-13")])
    assert (e["status"], e["date"], e["conflicts"]) == ("killed", "2024-06-13", [])
    [e] = merge_people([row("ليلى سالم", status="killed"), row("ليلى سالم", status="injured", date="2024-06-13")])
    assert (e["status"], e["date"]) == ("killed", "2024-06-11")
    assert e["conflicts"] == [{"field": "status", "values": ["killed", "injured"]}]
    assert [h["status"] for h in e["status_history"]] == ["killed", "injured"]


def test_entries_come_by_date_undated_last() -> None:
    entries = merge_people([row("أ ب", date=None), row("ج د", date="2024-06-12"), row("ه و", date="2024-06-10")])
    assert [e["name"] for e in entries] == ["ه و", "ج د", "أ ب"]
