"""Ingesting an article fills the casualty register with the people it names, once, with its Arabic title.

The article is written for this test (never copied from a corpus).
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from rasd.export import VictimInput, add_victim, export, list_victims
from rasd.ingest.run import ingest
from rasd.store import Store
from rasd.store.documents import now

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
