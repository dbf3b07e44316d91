"""Retellings of one event within an article merge into one record (rasd/extract/retellings.py)."""

from __future__ import annotations

from typing import Any

from rasd.extract.retellings import dedupe
from rasd.model import Event, Span

_DAY = "2024-05-12"


def _strike(**fields: Any) -> Event:
    base: dict[str, Any] = {"event_type": "Explosions/Remote violence", "sub_event_type": "Shelling/artillery/missile attack",
                               "event_date": _DAY, "actor1": "Military Forces of Syria", "location": "Al-Lataminah"}
    return Event(**{**base, **fields})


def test_a_retold_strike_is_one_record_with_the_larger_toll_and_both_evidence() -> None:
    first = _strike(fatalities=3, evidence={"fatalities": [Span(10, 20, "مقتل ثلاثة")]})
    later = _strike(fatalities=5, sub_event_type="Air/drone strike", evidence={"fatalities": [Span(90, 99, "خمسة قتلى")]})
    (kept,) = dedupe([first, later])
    assert kept is first
    assert (kept.fatalities, kept.sub_event_type) == (5, "Air/drone strike")
    assert [s.text for s in kept.evidence["fatalities"]] == ["مقتل ثلاثة", "خمسة قتلى"]


def test_a_retelling_fills_what_the_first_record_lacks() -> None:
    first = _strike(location=None, actor2=None)
    later = _strike(location="Kafr Zita", country="Syria", admin1="Hama", actor2="Civilians (Syria)")
    (kept,) = dedupe([first, later])
    assert (kept.location, kept.admin1, kept.actor2) == ("Kafr Zita", "Hama", "Civilians (Syria)")


def test_a_retelling_never_makes_a_side_its_own_opponent() -> None:
    first = _strike(actor1=None, actor2="Military Forces of Syria")
    (kept,) = dedupe([first, _strike()])
    assert (kept.actor1, kept.actor2) == (None, "Military Forces of Syria")


def test_another_place_another_day_or_another_attacker_stays_apart() -> None:
    events = [_strike(), _strike(location="Kafr Zita"), _strike(event_date="2024-05-11"),
              _strike(actor1="Military Forces of Russia")]
    assert len(dedupe(events)) == 4


def test_a_battle_retold_with_its_sides_swapped_is_one_record() -> None:
    clash = {"event_type": "Battles", "sub_event_type": "Armed clash"}
    a = _strike(**clash, actor1="Military Forces of Syria", actor2="Hayat Tahrir al-Sham")
    b = _strike(**clash, actor1="Hayat Tahrir al-Sham", actor2="Military Forces of Syria")
    assert dedupe([a, b]) == [a]


def test_two_developments_of_different_kinds_stay_two_records() -> None:
    kinds = [_strike(event_type="Strategic developments", sub_event_type=s) for s in ("Arrests", "Headquarters or base established")]
    assert len(dedupe(kinds)) == 2


def test_a_violent_detail_with_nothing_of_its_own_joins_the_event_before() -> None:
    detail = _strike(sub_event_type="Attack", event_type="Violence against civilians", location=None, actor1=None,
                     injuries=2, injuries_known=True)
    (kept,) = dedupe([_strike(), detail])
    assert kept.injuries == 2
