"""ACLED CSV: the 31 columns in order, ACLED's conventions, stable ids, and a pandas round trip."""

from __future__ import annotations

import io

import pandas as pd
import pytest
from store_factories import doc, strike

from rasd.export import (
    ACLED_COLUMNS,
    acled_record,
    export,
    interaction_code,
)
from rasd.model import acled_fatalities
from rasd.store import EventFilter, Store


def _csv(store: Store, query: EventFilter | None = None) -> bytes:
    out = io.BytesIO()
    export(store, "acled-csv", out, query)
    return out.getvalue()


def test_columns_are_acleds_31_in_order() -> None:
    assert len(ACLED_COLUMNS) == 31
    assert ACLED_COLUMNS[:3] == ("event_id_cnty", "event_date", "year")
    assert ACLED_COLUMNS[-4:] == ("notes", "fatalities", "tags", "timestamp")


@pytest.mark.parametrize(
    ("fields", "coded"),
    [
        ({"fatalities": 4}, 4),
        ({"fatalities": None, "fatalities_known": False, "sub_event_type": "Armed clash"}, 3),
        ({"fatalities": None, "fatalities_known": False, "sub_event_type": "Suicide bomb"}, 10),
        ({"fatalities": 10, "vague": {"fatalities": "عشرات القتلى"}}, 10),
        ({"fatalities": 0}, 0),
    ],
)
def test_fatality_conventions(fields: dict, coded: int) -> None:
    assert acled_fatalities(fields)[0] == coded
    if fields.get("fatalities_known") is False or fields.get("vague"):
        assert "coded" in acled_record(fields)["notes"]


@pytest.mark.parametrize(("i1", "i2", "code"), [(1, 3, 13), (3, 1, 13), (8, None, 80), (None, 7, 70), (None, None, None), (2, 2, 22)])
def test_interaction_code(i1: int | None, i2: int | None, code: int | None) -> None:
    assert interaction_code(i1, i2) == code


def test_round_trip_through_pandas(store: Store) -> None:
    store.save(doc("a", source="Enab Baladi"), [strike()])
    store.save(doc("b", text="قصف على كفرنبل"), [strike(event_date="2023-11-02", location="Beit Lahia", latitude=31.55, longitude=34.5,
                                                          admin2="North Gaza", fatalities=None, fatalities_known=False, actor2=None, inter2=None)])
    raw = _csv(store)
    assert raw.startswith(b"\xef\xbb\xbf"), "UTF-8 BOM so Excel reads Arabic"
    df = pd.read_csv(io.BytesIO(raw), encoding="utf-8-sig", keep_default_na=False)
    assert tuple(df.columns) == ACLED_COLUMNS
    assert len(df) == 2
    first, second = df.iloc[0], df.iloc[1]
    assert first["event_id_cnty"] == "PSE1" and second["event_id_cnty"] == "PSE2"
    assert (first["event_date"], int(first["year"]), int(first["time_precision"])) == ("2023-10-10", 2023, 1)
    assert (first["actor1"], int(first["inter1"]), first["actor2"], int(first["inter2"]), int(first["interaction"])) == (
        "Military Forces of Israel (2022-)", 8, "Civilians (Palestine)", 7, 78)
    assert (first["country"], int(first["iso"]), first["region"], first["admin1"], first["location"]) == ("Palestine", 275, "Middle East", "Gaza Strip", "Jabalia")
    assert (float(first["latitude"]), int(first["geo_precision"]), int(first["fatalities"])) == (31.5272, 1, 5)
    assert first["source"] == "Enab Baladi"
    assert int(second["fatalities"]) == 3 and int(second["interaction"]) == 80
    assert "by convention" in second["notes"]


def test_event_id_cnty_is_stable_across_exports(store: Store) -> None:
    store.save(doc("a"), [strike()])
    before = pd.read_csv(io.BytesIO(_csv(store)), encoding="utf-8-sig")
    store.save(doc("b", text="غارة أخرى"), [strike(event_date="2023-09-01", location="Rafah", latitude=31.28, longitude=34.25, admin2="Rafah")])
    after = pd.read_csv(io.BytesIO(_csv(store)), encoding="utf-8-sig")
    assert list(after["event_id_cnty"]) == ["PSE1", "PSE2"]  # id order: the older event keeps its code
    jabalia = after[after["location"] == "Jabalia"]
    assert jabalia["event_id_cnty"].item() == before["event_id_cnty"].item()


def test_filters_select_rows(store: Store) -> None:
    store.save(doc("a"), [strike()])
    store.save(doc("b", text="غارة في رفح"), [strike(event_date="2023-09-01", location="Rafah", latitude=31.28, longitude=34.25, admin2="Rafah", fatalities=1)])
    df = pd.read_csv(io.BytesIO(_csv(store, EventFilter(min_fatalities=2))), encoding="utf-8-sig")
    assert list(df["location"]) == ["Jabalia"]
    df = pd.read_csv(io.BytesIO(_csv(store, EventFilter.parse({"bbox": "34.2,31.2,34.3,31.3"}))), encoding="utf-8-sig")
    assert list(df["location"]) == ["Rafah"]
