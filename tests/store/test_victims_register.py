"""Ingesting an article fills the casualty register with the people it names, once, with its Arabic title;
the register shows one entry per person however many articles name them.

The articles are written for these tests (never copied from a corpus).
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import text

from rasd.clock import now
from rasd.export import VictimInput, add_victim, export, list_victims
from rasd.ingest.run import ingest
from rasd.store import EventFilter, Store

TITLE = "استشهاد شاب وطفلة برصاص الاحتلال في جنين"
ARTICLE = {
    "doc_id": "own-jenin-1", "source": "Own Desk", "published": "2024-05-07", "url": "https://example.org/jenin-1",
    "title": TITLE,
    "text": TITLE + "\n"
            "استشهد الشاب أحمد شايب (19 عاماً) والطفلة زينة سعيد الغول برصاص قوات الاحتلال في مخيم جنين، صباح اليوم الثلاثاء، "
            "فيما أصيب المسعف سامر نبيل أبو عيشة بجروح خطيرة خلال محاولته إسعافهما.\n"
            "وقالت مصادر محلية إن قوات الاحتلال اقتحمت المخيم فجرا وحاصرت عدة منازل.",
}


def _ingest(store: Store, tmp_path: Path, record: dict[str, str], *, force: bool = False) -> None:
    path = tmp_path / f"{record['doc_id']}.jsonl"
    path.write_text(json.dumps(record, ensure_ascii=False) + "\n", encoding="utf-8")
    run = ingest([str(path)], store, force=force)
    assert run.failed == 0


def _entries(store: Store) -> dict[str, list[dict[str, Any]]]:
    """The register as listed (one entry per person), by name: a list, so that a duplicate shows."""
    by_name: dict[str, list[dict[str, Any]]] = {}
    with store.transaction("reading the casualty register") as conn:
        for entry in list_victims(conn):
            by_name.setdefault(entry["name"], []).append(entry)
    return by_name


def _register(store: Store) -> list[dict[str, str]]:
    out = io.BytesIO()
    export(store, "casualties-csv", out)
    return list(csv.DictReader(io.StringIO(out.getvalue().decode("utf-8-sig"))))


def test_ingest_fills_the_register_with_named_victims(store: Store, tmp_path: Path) -> None:
    _ingest(store, tmp_path, ARTICLE)
    rows = {r["name"]: r for r in _register(store)}
    assert set(rows) == {"أحمد شايب", "زينة سعيد الغول", "سامر نبيل أبو عيشة"}
    ahmad = rows["أحمد شايب"]
    assert (ahmad["age"], ahmad["sex"], ahmad["status"], ahmad["date"]) == ("19", "male", "killed", "2024-05-07")
    assert rows["زينة سعيد الغول"]["sex"] == "female"
    assert (rows["سامر نبيل أبو عيشة"]["status"], rows["سامر نبيل أبو عيشة"]["group"]) == ("injured", "paramedic")
    assert ahmad["place"] and ahmad["event_id"] and ahmad["event_id_cnty"].startswith("PSE")
    assert ahmad["sources"] == "https://example.org/jenin-1"
    assert ahmad["source_title"] == TITLE


def test_reingesting_replaces_the_articles_entries_and_keeps_a_persons(store: Store, tmp_path: Path) -> None:
    _ingest(store, tmp_path, ARTICLE)
    event_id = int(_register(store)[0]["event_id"])
    with store.transaction("adding to the casualty register") as conn:  # a reviewer adds someone the article left out
        add_victim(conn, VictimInput(name="محمود العلي", status="killed", event_id=event_id), at=now())
    _ingest(store, tmp_path, ARTICLE, force=True)
    _ingest(store, tmp_path, {**ARTICLE, "text": ARTICLE["text"].replace("بجروح خطيرة", "بجروح متوسطة")})
    everyone = sorted(["أحمد شايب", "زينة سعيد الغول", "سامر نبيل أبو عيشة", "محمود العلي"])
    assert sorted(r["name"] for r in _register(store)) == everyone  # the reviewer's entry survives, unlinked
    with store.transaction("reading the casualty register") as conn:
        assert sorted(r["name"] for r in list_victims(conn)) == everyone


def test_jsonl_and_geojson_carry_the_arabic_source_title_and_acled_notes_stay_english(store: Store, tmp_path: Path) -> None:
    _ingest(store, tmp_path, ARTICLE)
    out = io.BytesIO()
    export(store, "jsonl", out)
    records = [json.loads(line) for line in out.getvalue().decode("utf-8").splitlines()]
    assert records and all(r["source_title"] == TITLE for r in records)
    assert all(not any("\u0600" <= ch <= "\u06ff" for ch in r["notes"]) for r in records)
    out = io.BytesIO()
    export(store, "geojson", out)
    assert json.loads(out.getvalue())["features"][0]["properties"]["source_title"] == TITLE
    out = io.BytesIO()
    export(store, "acled-csv", out)
    header = next(csv.reader(io.StringIO(out.getvalue().decode("utf-8-sig"))))
    assert "source_title" not in header and len(header) == 31


def _article(doc_id: str, published: str, text: str) -> dict[str, str]:
    return {"doc_id": doc_id, "source": "Own Desk", "published": published, "url": f"https://example.org/{doc_id}",
            "title": text.split("\n")[0], "text": text}


# Two outlets report one shelling the same morning; three days later the wounded boy dies of his wounds.
SHELLING = _article("own-bh-1", "2024-06-11",
                    "استشهاد شاب وإصابة طفل بقصف مدفعي على بلدة بيت حانون\n"
                    "استشهد الشاب خالد يوسف النجار (22 عاماً) وأصيب الطفل عمر سليم داود بجروح خطيرة، جراء قصف مدفعي "
                    "لقوات الاحتلال على بلدة بيت حانون شمال قطاع غزة، صباح اليوم الثلاثاء.")
SHELLING_AGAIN = _article("own-bh-2", "2024-06-11",
                          "قصف مدفعي يقتل شاباً في بيت حانون\n"
                          "قالت مصادر طبية إن الشاب خالد يوسف النجار استشهد وأصيب الطفل عمر سليم داود، إثر قصف مدفعي "
                          "إسرائيلي استهدف بلدة بيت حانون شمال قطاع غزة اليوم الثلاثاء.")
DIED_OF_WOUNDS = _article("own-bh-3", "2024-06-14",
                          "وفاة طفل متأثراً بجروحه في بيت حانون\n"
                          "استشهد الطفل عمر سليم داود متأثراً بجروح أصيب بها جراء قصف مدفعي إسرائيلي على بلدة بيت حانون "
                          "شمال قطاع غزة، اليوم الجمعة.")
# A namesake, months later and elsewhere: another person.
NAMESAKE = _article("own-nablus-1", "2024-09-20",
                    "استشهاد شاب برصاص الاحتلال في نابلس\n"
                    "استشهد الشاب خالد يوسف النجار (30 عاماً) برصاص قوات الاحتلال خلال اقتحام مدينة نابلس، فجر اليوم الجمعة.")


def test_two_reports_of_one_event_are_one_person_with_both_sources(store: Store, tmp_path: Path) -> None:
    for article in (SHELLING, SHELLING_AGAIN):
        _ingest(store, tmp_path, article)
    people = _entries(store)
    assert sorted(people) == ["خالد يوسف النجار", "عمر سليم داود"] and all(len(e) == 1 for e in people.values())
    khaled = people["خالد يوسف النجار"][0]
    assert khaled["reports"] == 2 and len(khaled["event_ids"]) == 1 and khaled["id"] == min(khaled["row_ids"])
    assert khaled["sources"] == "https://example.org/own-bh-1; https://example.org/own-bh-2"
    assert (khaled["age"], khaled["status"], khaled["date"], khaled["conflicts"]) == (22, "killed", "2024-06-11", [])
    assert {s["document_id"] for s in khaled["evidence"]["name"]} == set(khaled["document_ids"]) and len(khaled["document_ids"]) == 2
    rows = _register(store)  # the export lists people too
    assert len(rows) == 2 and {r["reports"] for r in rows} == {"2"}


def test_died_of_wounds_days_later_escalates_the_status_and_keeps_both_dates(store: Store, tmp_path: Path) -> None:
    for article in (SHELLING, DIED_OF_WOUNDS):
        _ingest(store, tmp_path, article)
    [omar] = _entries(store)["عمر سليم داود"]
    assert len(omar["event_ids"]) == 2  # the follow-up is another event: the date and place joined them
    assert (omar["status"], omar["date"], omar["dates"], omar["reports"]) == ("killed", "2024-06-14", ["2024-06-11", "2024-06-14"], 2)
    assert omar["status_history"] == [{"status": "injured", "date": "2024-06-11", "reports": 1},
                                      {"status": "killed", "date": "2024-06-14", "reports": 1}]
    assert omar["event_id"] == omar["event_ids"][0] and omar["conflicts"] == []  # the attack's event, on a tie the first report


def test_a_namesake_elsewhere_months_later_is_another_person(store: Store, tmp_path: Path) -> None:
    for article in (SHELLING, NAMESAKE):
        _ingest(store, tmp_path, article)
    namesakes = _entries(store)["خالد يوسف النجار"]
    assert sorted((e["date"], e["age"], e["reports"]) for e in namesakes) == [("2024-06-11", 22, 1), ("2024-09-20", 30, 1)]


def test_conflicting_ages_are_listed_never_averaged(store: Store, tmp_path: Path) -> None:
    older = {**SHELLING_AGAIN, "text": SHELLING_AGAIN["text"].replace("النجار استشهد", "النجار (23 عاماً) استشهد")}
    for article in (SHELLING, older):
        _ingest(store, tmp_path, article)
    [khaled] = _entries(store)["خالد يوسف النجار"]
    assert khaled["age"] == 22 and khaled["conflicts"] == [{"field": "age", "values": [22, 23]}]  # a tie: the first report's
    [row] = [r for r in _register(store) if r["name"] == "خالد يوسف النجار"]
    assert row["conflicts"] == "age: 22 | 23"


def test_a_reviewers_entry_merges_with_the_articles(store: Store, tmp_path: Path) -> None:
    _ingest(store, tmp_path, SHELLING)
    [khaled] = _entries(store)["خالد يوسف النجار"]
    with store.transaction("adding to the casualty register") as conn:  # written with the title, and the English name
        manual = add_victim(conn, VictimInput(name="الشهيد خالد يوسف النجار", name_en="Khaled Yousef al-Najjar",
                                              sources=["Ministry of Health list"], event_id=khaled["event_id"]), at=now())
    [merged] = _entries(store)["خالد يوسف النجار"]
    assert merged["row_ids"] == [khaled["id"], manual] and merged["document_ids"] == khaled["document_ids"]
    assert (merged["name_en"], merged["age"]) == ("Khaled Yousef al-Najjar", 22)
    assert merged["sources"] == "https://example.org/own-bh-1; Ministry of Health list"


def test_reingesting_a_document_still_leaves_one_entry(store: Store, tmp_path: Path) -> None:
    for article in (SHELLING, SHELLING_AGAIN, DIED_OF_WOUNDS):
        _ingest(store, tmp_path, article)
    before = _entries(store)
    _ingest(store, tmp_path, {**SHELLING, "text": SHELLING["text"].replace("بجروح خطيرة", "بجروح بالغة")})  # changed: re-extracted
    after = _entries(store)
    assert sorted(after) == sorted(before) and all(len(e) == 1 for e in after.values())
    omar = after["عمر سليم داود"][0]
    assert (omar["reports"], omar["status"], omar["dates"]) == (3, "killed", ["2024-06-11", "2024-06-14"])
    assert set(omar["row_ids"]) != set(before["عمر سليم داود"][0]["row_ids"])  # the article's own rows were replaced
    with store.engine.connect() as conn:  # the stored rows stay one per (document, person)
        assert conn.execute(text("SELECT count(*) FROM victims")).scalar() == 5


def test_a_filter_keeps_whole_people(store: Store, tmp_path: Path) -> None:
    for article in (SHELLING, DIED_OF_WOUNDS):
        _ingest(store, tmp_path, article)
    with store.transaction("reading the casualty register") as conn:
        friday = list_victims(conn, EventFilter(date_from="2024-06-14"))
        everyone = list_victims(conn)
    [omar] = friday  # only the follow-up's event is selected, and the boy's entry is still his whole entry
    assert omar["reports"] == 2 and omar == next(e for e in everyone if e["name"] == "عمر سليم داود")


def test_the_api_lists_people(store: Store, tmp_path: Path) -> None:
    pytest.importorskip("fastapi")
    from fastapi.testclient import TestClient

    from rasd.api import create_app

    for article in (SHELLING, SHELLING_AGAIN, DIED_OF_WOUNDS):
        _ingest(store, tmp_path, article)
    r = TestClient(create_app(store, web=False)).get("/api/v1/casualties")
    assert r.status_code == 200
    people = {e["name"]: e for e in r.json()}
    assert set(people) == {"خالد يوسف النجار", "عمر سليم داود"}
    assert people["عمر سليم داود"]["reports"] == 3 and people["عمر سليم داود"]["status"] == "killed"
    assert isinstance(people["عمر سليم داود"]["sources"], str) and people["عمر سليم داود"]["created_at"]
    assert r.headers["x-total-count"] == "2"


def test_the_api_filters_and_pages_people(store: Store, tmp_path: Path) -> None:
    pytest.importorskip("fastapi")
    from fastapi.testclient import TestClient

    from rasd.api import create_app

    for article in (SHELLING, SHELLING_AGAIN, DIED_OF_WOUNDS):
        _ingest(store, tmp_path, article)
    client = TestClient(create_app(store, web=False))

    def names(**params: object) -> list[str]:
        r = client.get("/api/v1/casualties", params=params)
        assert r.status_code == 200, r.text
        return [e["name"] for e in r.json()]

    assert names(name="عمر") == names(name="عُمَر") == ["عمر سليم داود"]  # folded: diacritics do not matter
    assert names(status="killed", name="عمر") == ["عمر سليم داود"]
    assert len(names(limit=1)) == 1 and names(limit=1, offset=1) == names()[1:2]
    assert names(country="Nowhere") == []
    assert client.get("/api/v1/casualties", params={"status": "dead"}).status_code == 422
