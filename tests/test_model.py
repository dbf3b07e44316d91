"""ACLED's conventions of the data model (rasd.model): one table, one coded toll, the same figure in every reader."""

from __future__ import annotations

import csv
import io
from datetime import date

from store_factories import doc, strike

from rasd.alerts import matching
from rasd.alerts.render import render
from rasd.export import export
from rasd.lexicon import read_tsv
from rasd.model import DISORDER_TYPES, SIGNIFICANT_UNKNOWN, acled_fatalities
from rasd.store import Store
from rasd.trends import trends


def test_every_acled_event_type_has_its_disorder_type() -> None:
    types = {r["event_type"] for r in read_tsv("acled_event_types.tsv")}
    assert set(DISORDER_TYPES) == types
    assert DISORDER_TYPES["Protests"] == "Demonstrations" and DISORDER_TYPES["Battles"] == "Political violence"


def test_an_unnumbered_toll_is_coded_once_for_export_alerts_and_trends(store: Store) -> None:
    """A suicide bombing whose deaths have no number: ACLED's 10 in the CSV, the alert, its filter and the weekly toll."""
    ev = strike(sub_event_type="Suicide bomb", fatalities=None, fatalities_known=False, event_date="2023-10-10")
    store.save(doc("a"), [ev])
    [stored] = store.events()
    coded, note = acled_fatalities(stored)
    assert coded == SIGNIFICANT_UNKNOWN == 10 and note and "convention" in note

    out = io.BytesIO()
    export(store, "acled-csv", out)
    [row] = list(csv.DictReader(io.StringIO(out.getvalue().decode("utf-8-sig"))))
    assert row["fatalities"] == "10"

    with store.transaction() as conn:
        assert matching(conn, stored["id"], [{"min_fatalities": 10}, {"min_fatalities": 11}]) == [True, False]
    message = render({"id": 1, "name": "غزة"}, [stored], unsubscribe_url="http://127.0.0.1/u")
    assert message.payload["events"][0]["fatalities"] == 10

    with store.transaction() as conn:
        weeks = {w["week"]: w for w in trends(conn, today=date(2023, 10, 12))["fatalities_by_week"]}
    assert weeks["2023-10-09"]["fatalities"] == 10 and weeks["2023-10-09"]["unknown_tolls"] == 1
