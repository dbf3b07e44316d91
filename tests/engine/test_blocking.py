"""The batch merge's blocking reaches every pair the store's rule can join, a massacre retold weeks later under
another type included (rasd.sameness.retold_mass_event), and no more."""

from __future__ import annotations

from typing import Any

from rasd.engine.blocking import merge_reports


def _report(event_id: str, **kw: Any) -> dict[str, Any]:
    row: dict[str, Any] = {
        "event_id": event_id, "doc_id": f"doc-{event_id}", "event_date": "2018-04-07", "time_precision": 1,
        "disorder_type": "Political violence", "event_type": "Explosions/Remote violence", "sub_event_type": "Chemical weapon",
        "actor1": "Military Forces of Syria", "actor2": "Civilians (Syria)", "country": "Syria", "admin1": "Rif Dimashq",
        "location": "Douma", "latitude": 33.57, "longitude": 36.40, "geo_precision": 1, "fatalities": 40,
    }
    row.update(kw)
    return row


def test_a_massacre_retold_weeks_later_under_another_type_is_one_event() -> None:
    merged = merge_reports([
        _report("a"),
        _report("b", event_date="2018-04-30", time_precision=2, event_type="Violence against civilians",
                sub_event_type="Attack", actor1="Military Forces of the United States", fatalities=45),
    ])
    assert [(m["n_sources"], m["event_date"], m["sub_event_type"]) for m in merged] == [(2, "2018-04-07", "Chemical weapon")]


def test_an_ordinary_strike_of_another_type_stays_apart() -> None:
    merged = merge_reports([
        _report("a", fatalities=4),
        _report("b", event_date="2018-04-09", time_precision=2, event_type="Violence against civilians",
                sub_event_type="Attack", fatalities=4),
    ])
    assert sorted(m["n_sources"] for m in merged) == [1, 1]
