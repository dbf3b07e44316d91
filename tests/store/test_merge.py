"""Same event or not: the merge gates on report pairs, hard negatives first, and the figure rule."""

from __future__ import annotations

import pytest
from store_factories import strike

from rasd.model import Span

from rasd.store.merge import (
    combine,
    conservative_figure,
    date_interval,
    haversine_km,
    same_event,
)

# Two villages of northern Gaza about 5 km apart, and a town 30 km away.
JABALIA = {"location": "Jabalia", "latitude": 31.5272, "longitude": 34.4835}
BEIT_HANOUN = {"location": "Beit Hanoun", "latitude": 31.5353, "longitude": 34.5380}
KHAN_YUNIS = {"location": "Khan Yunis", "admin2": "Khan Yunis", "latitude": 31.3462, "longitude": 34.3063}


def d(**kw: object) -> dict[str, object]:
    return strike(**kw).to_dict()


def test_haversine_neighbouring_villages_are_about_5_km_apart() -> None:
    km = haversine_km(JABALIA["latitude"], JABALIA["longitude"], BEIT_HANOUN["latitude"], BEIT_HANOUN["longitude"])  # type: ignore[arg-type]
    assert 4.5 < km < 5.8


@pytest.mark.parametrize(
    ("why", "a", "b"),
    [
        ("identical reports", {}, {}),
        ("toll rose from 5 to 7 in a later report", {}, {"fatalities": 7}),
        ("same place spelled differently, coordinates 300 m apart", {}, {"location": "Jabaliya", "latitude": 31.5299, "longitude": 34.4840}),
        ("one report names no actors", {}, {"actor1": None, "actor2": None}),
        ("unidentified attacker in one report", {}, {"actor1": "Unidentified Armed Group (Palestine)"}),
        ("week-precise report within the week", {}, {"event_date": "2023-10-12", "time_precision": 2}),
        ("deaths without number vs a number", {}, {"fatalities": None, "fatalities_known": False}),
        ("region-level report with the same toll", {}, {"geo_precision": 3, "location": "North Gaza", "latitude": 31.54, "longitude": 34.50}),
        ("clash with the sides swapped", {"event_type": "Battles", "sub_event_type": "Armed clash", "actor2": "Hamas"},
         {"event_type": "Battles", "sub_event_type": "Armed clash", "actor1": "Hamas", "actor2": "Military Forces of Israel (2022-)"}),
    ],
)
def test_same_event(why: str, a: dict[str, object], b: dict[str, object]) -> None:
    assert same_event(d(**a), d(**b)), why


@pytest.mark.parametrize(
    ("why", "a", "b"),
    [
        ("two strikes the same day in neighbouring villages 5 km apart", JABALIA, BEIT_HANOUN),
        ("neighbouring villages with identical tolls", {**JABALIA, "fatalities": 3}, {**BEIT_HANOUN, "fatalities": 3}),
        ("another town the same day", {}, KHAN_YUNIS),
        ("next day, same village", {}, {"event_date": "2023-10-11"}),
        ("a week later, week precision", {"time_precision": 2}, {"event_date": "2023-10-20", "time_precision": 2}),
        ("different event type", {}, {"event_type": "Battles", "sub_event_type": "Armed clash"}),
        ("different sub-event type", {}, {"sub_event_type": "Shelling/artillery/missile attack"}),
        ("different named attackers", {}, {"actor1": "Military Forces of Egypt (2014-)"}),
        ("tolls that cannot be one event", {"fatalities": 2}, {"fatalities": 45}),
        ("different admin1", {}, {"admin1": "West Bank"}),
        ("different country", {}, {"country": "Lebanon"}),
        ("no date on one report", {}, {"event_date": None}),
        ("no place at all on one report", {}, {"latitude": None, "longitude": None, "location": None, "admin1": None}),
        ("region-level report, nothing else in common", {"actor1": None, "fatalities": 0}, {"geo_precision": 3, "actor1": None, "fatalities": 9, "latitude": 31.54, "longitude": 34.50}),
        ("month-precise report of another month", {}, {"event_date": "2023-11-15", "time_precision": 3}),
    ],
)
def test_different_events_never_merge(why: str, a: dict[str, object], b: dict[str, object]) -> None:
    assert not same_event(d(**a), d(**b)), why
    assert not same_event(d(**b), d(**a)), why + " (reversed)"


# A massacre: 40 dead in Jabalia; later articles retell it with no day of their own, under other types and sides.
MASSACRE = {"fatalities": 40}
RETOLD = {"event_date": "2023-10-30", "time_precision": 2, "event_type": "Violence against civilians", "sub_event_type": "Attack",
          "actor1": "Military Forces of the United States", "fatalities": 45}


@pytest.mark.parametrize(
    ("why", "a", "b", "same"),
    [
        ("an undated retelling 20 days later, retyped, with other sides", MASSACRE, RETOLD, True),
        ("the same day, told as a chemical attack", MASSACRE, {"sub_event_type": "Chemical weapon", "fatalities": 60}, True),
        ("two undated retellings of one week", {**RETOLD, "event_date": "2023-10-28"}, {**RETOLD, "sub_event_type": "Chemical weapon"}, True),
        ("the next day, both dated: another massacre", MASSACRE, {"event_date": "2023-10-11", "sub_event_type": "Attack",
                                                               "event_type": "Violence against civilians"}, False),
        ("undated, but before the massacre", MASSACRE, {**RETOLD, "event_date": "2023-10-05"}, False),
        ("undated, two months later", MASSACRE, {**RETOLD, "event_date": "2023-12-15"}, False),
        ("a small toll is no massacre", {"fatalities": 5}, {**RETOLD, "fatalities": 6}, False),
        ("a region is no town", {**MASSACRE, "geo_precision": 2}, {**RETOLD, "geo_precision": 2}, False),
        ("another town", MASSACRE, {**RETOLD, **BEIT_HANOUN}, False),
        ("tolls that cannot be one count", MASSACRE, {**RETOLD, "fatalities": 300}, False),
    ],
)
def test_a_massacre_retold_later_under_another_type(why: str, a: dict[str, object], b: dict[str, object], same: bool) -> None:
    assert same_event(d(**a), d(**b)) is same, why
    assert same_event(d(**b), d(**a)) is same, why + " (reversed)"


def test_without_coordinates_only_the_same_named_place_merges() -> None:
    no_xy = {"latitude": None, "longitude": None}
    assert same_event(d(**no_xy), d(**no_xy))
    assert not same_event(d(**no_xy), d(**no_xy, location="Beit Lahia"))


def test_date_interval_by_precision() -> None:
    assert date_interval("2023-10-10", 1) == (date_interval("2023-10-10", 1)[0],) * 2
    lo, hi = date_interval("2023-02-15", 3)
    assert (lo.isoformat(), hi.isoformat()) == ("2023-02-01", "2023-02-28")
    lo, hi = date_interval("2023-10-10", 2)
    assert (hi - lo).days == 8


@pytest.mark.parametrize(
    ("figures", "expected"),
    [
        ([5, 7, 6], (5, True)),
        ([0, 4], (4, True)),  # a report that mentions no deaths does not lower a toll
        ([0, 0], (0, True)),
        ([None, 3], (3, True)),
    ],
)
def test_conservative_figure(figures: list[int | None], expected: tuple[int, bool]) -> None:
    reports = [{"fatalities": f, "fatalities_known": True} for f in figures]
    value, known, _note = conservative_figure(reports, "fatalities")
    assert (value, known) == expected


@pytest.mark.parametrize(
    ("figures", "expected"),
    [
        ([5, (12, "rise")], 12),  # the rise supersedes the smaller figure reported before it
        ([(12, "rise"), 5], 5),  # a figure reported after the rise competes with it
        ([5, (12, "rise"), 8], 8),
        ([20, (12, "rise")], 12),  # a rise updates no larger figure: the lower still wins
        ([(10, "vague"), 15], 15),  # a vague word counts only when no report gives a number
        ([(10, "vague"), (12, "vague")], 10),
    ],
)
def test_the_count_rule_across_articles(figures: list[int | tuple[int, str]], expected: int) -> None:
    reports = [{"fatalities": f} if isinstance(f, int) else
               {"fatalities": f[0], "fatalities_update": f[1] == "rise", "vague": {"fatalities": "عشرات"} if f[1] == "vague" else {}}
               for f in figures]
    assert conservative_figure(reports, "fatalities")[:2] == (expected, True)


def test_a_rise_is_said_in_the_notes_and_a_vague_word_goes_with_its_figure() -> None:
    out = combine([d(fatalities=5), d(fatalities=9, evidence={"fatalities_update": [Span(0, 4, "ارتفعت")]})])
    assert out["fatalities"] == 9 and "5, 9" in out["notes"] and "rose to" in out["notes"]
    out = combine([d(fatalities=10, vague={"fatalities": "عشرات"}), d(fatalities=15)])
    assert (out["fatalities"], out["vague"]) == (15, {})


def test_unknown_toll_stays_unknown_until_a_number_is_reported() -> None:
    unknown = {"fatalities": None, "fatalities_known": False}
    assert conservative_figure([unknown, {"fatalities": 0}], "fatalities")[:2] == (None, False)
    assert conservative_figure([unknown, {"fatalities": 4}], "fatalities")[:2] == (4, True)


def test_combine_keeps_the_most_precise_report_and_explains_the_figures() -> None:
    vague = d(geo_precision=3, location="North Gaza", fatalities=9, injuries=None, source="Outlet B")
    precise = d(fatalities=5, injuries=20, source="Outlet A", tags=["airstrike"])
    out = combine([vague, precise])
    assert out["location"] == "Jabalia" and out["geo_precision"] == 1
    assert (out["fatalities"], out["injuries"]) == (5, 20)  # the lower toll; the only injury figure reported
    assert "most conservative" in out["notes"] and "5, 9" in out["notes"]
    assert out["source"] == "Outlet B; Outlet A" and out["n_sources"] == 2 and out["tags"] == ["airstrike"]


def test_combine_of_one_report_has_no_figure_note() -> None:
    out = combine([d()])
    assert out["notes"] == "On 10 October 2023, an Israeli airstrike hit Jabalia." and out["n_sources"] == 1
