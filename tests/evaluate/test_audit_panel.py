"""The fixed audit panel: its file, the scoring of one verdict against today's output, and the script on the real panel."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from rasd.evaluate.panel import FIELDS, PanelRecord, half_of, judge_fields, load_panel, match, same, score_record, summary

ROOT = Path(__file__).resolve().parents[2]
PANEL = ROOT / "scripts" / "data" / "audit_panel.jsonl"
SHARED = ROOT.parent / "shared"

RECORD = {"event_date": "2021-03-04", "sub_event_type": "Air/drone strike", "actor1": "Military Forces of Ruritania",
          "actor2": "Civilians (Ruritania)", "country": "Ruritania", "admin1": "North Province", "location": "Oldtown",
          "fatalities": 3, "injuries": None}


def verdict(real: bool = True, wrong: tuple[str, ...] = (), fix: dict[str, Any] | None = None, **record: Any) -> PanelRecord:
    """A judged record on the anchor [10, 15] of document 'doc-1'."""
    return PanelRecord.from_json({"round": "test", "item": 1, "version": "0.0.0", "doc_id": "doc-1", "corpus": "leads",
                                  "anchor": [10, 15], "record": {**RECORD, **record}, "real": real,
                                  "reason": None if real else "background", "all_right": real and not wrong,
                                  "wrong": list(wrong), "fix": fix or {}})


def event(start: int = 10, end: int = 15, **fields: Any) -> dict[str, Any]:
    """An output event whose trigger is at [start, end]."""
    return {**RECORD, **fields, "evidence": {"event_type": [{"start": start, "end": end, "text": "x"}]}}


def test_unchanged_right_field_counts_right() -> None:
    right = judge_fields(verdict(), event())
    assert all(right.values())
    assert not judge_fields(verdict(), event(location="Newtown"))["location"]


def test_wrong_field_fixed_counts_right_and_unchanged_counts_wrong() -> None:
    v = verdict(wrong=("fatalities", "location"), fix={"fatalities": 5, "location": "Newtown"})
    assert judge_fields(v, event(fatalities=5, location="Newtown"))["fatalities"]
    assert judge_fields(v, event(fatalities=5, location="Newtown"))["location"]
    unchanged = judge_fields(v, event())
    assert not unchanged["fatalities"] and not unchanged["location"]
    assert unchanged["actor1"]  # the fields judged right still count right


def test_a_fix_containing_the_rejected_value_does_not_make_it_right() -> None:
    v = verdict(wrong=("location", "fatalities"), fix={"location": "Hilltop, Oldtown", "fatalities": None}, fatalities=0)
    right = judge_fields(v, event(fatalities=0))
    assert not right["location"] and not right["fatalities"]
    fixed = judge_fields(v, event(location="Hilltop", fatalities=None))
    assert fixed["location"] and fixed["fatalities"]


def test_a_wrong_field_without_a_fix_is_never_right() -> None:
    v = verdict(wrong=("admin1",))
    assert not judge_fields(v, event(admin1="South Province"))["admin1"]


def test_clash_sides_count_in_either_order() -> None:
    clash: dict[str, Any] = {"sub_event_type": "Armed clash", "actor1": "Military Forces of Ruritania", "actor2": "Red Brigade"}
    v = verdict(**clash)
    swapped = judge_fields(v, event(sub_event_type="Armed clash", actor1="Red Brigade", actor2="Military Forces of Ruritania"))
    assert swapped["actor1"] and swapped["actor2"]
    # not when these are the very sides the judge called reversed
    reversed_ = verdict(**clash, wrong=("actor1", "actor2"),
                        fix={"actor1": "Red Brigade", "actor2": "Military Forces of Ruritania"})
    kept = judge_fields(reversed_, event(**clash))
    assert not kept["actor1"] and not kept["actor2"]
    # not for a one-sided act: there the order says who struck whom
    strike = judge_fields(verdict(actor2="Red Brigade"), event(actor1="Red Brigade", actor2="Military Forces of Ruritania"))
    assert not strike["actor1"] and not strike["actor2"]


def test_not_real_dropped_or_kept() -> None:
    fake = verdict(real=False)
    assert score_record(fake, []).right
    assert score_record(fake, [event(start=40, end=45)]).right  # output elsewhere in the article
    kept = score_record(fake, [event(start=12, end=20)])
    assert not kept.right and not kept.lost


def test_real_record_without_output_is_lost() -> None:
    outcome = score_record(verdict(), [event(start=30, end=35)])
    assert outcome.lost and not outcome.right and outcome.fields == {}
    s = summary([outcome, score_record(verdict(), [event()]), score_record(verdict(real=False), [])])
    assert (s["judged"], s["real"], s["real_lost"], s["all_right"], s["not_real"], s["not_real_dropped"]) == (3, 2, 1, 1, 1, 1)
    assert s["fields"]["location"] == 1.0  # shares are over the real records still output


def test_fuzzy_names() -> None:
    assert same("Military Forces of Israel", "Israel", "actor1")
    assert same("Houthis (Ansar Allah)", "Ansar Allah", "actor2")
    assert same("Al-Mawasi", "Mawasi", "location")
    assert not same("Military Forces of Israel", "Military Forces of Syria", "actor1")
    assert not same("Civilians (Ruritania)", "Civilians (Freedonia)", "actor2")  # the remark says whose civilians
    assert same("Civilians (Ruritania)", "Civilians", "actor2")
    assert not same("Unidentified Armed Group (Ruritania)", "Military Forces of Ruritania", "actor1")
    # an unknown toll is not "nobody killed"; untold injuries are none
    assert not same(None, 0, "fatalities") and same(None, 0, "injuries") and not same(2, 3, "fatalities")
    # a place is its own name, not the area after its comma; "X / Y" takes either
    assert not same("North Gaza", "Beit Lahia (Kamal Adwan Hospital), North Gaza", "location")
    assert same("Beit Lahia", "Beit Lahia (Kamal Adwan Hospital), North Gaza", "location")
    assert same("Jabalia Camp", "Jabalia", "location") and same("Hadar", "Hadar / Jaba", "location")
    assert same("2021-03-04", "2021-03-04T00:00", "event_date") and not same("2021-03-04", "2021-03-05", "event_date")


def test_match_prefers_the_event_like_the_judged_record() -> None:
    elsewhere = event(location="Farside", admin1="East Province")
    judged = event(location="Oldtown")
    assert match((10, 15), [elsewhere, judged], RECORD) is judged
    assert match((10, 15), [event(start=14, end=20), judged], RECORD) is judged  # the very span first
    assert match((10, 15), [event(start=15, end=20)]) is None  # touching is not overlapping


def test_a_real_record_merged_into_an_event_told_first_is_that_event() -> None:
    merged = event(start=2, end=6)
    merged["evidence"]["event_type"].append({"start": 10, "end": 15, "text": "x"})
    assert match((10, 15), [merged]) is None  # a not-real record merged away is gone as a record of its own
    assert match((10, 15), [merged], RECORD, merged=True) is merged
    assert match((10, 15), [event(start=2, end=6)], RECORD, merged=True) is None


def test_halves_split_by_document() -> None:
    assert {half_of(f"doc-{i}") for i in range(20)} == {"a", "b"}
    assert half_of("doc-1") == half_of("doc-1")


def test_panel_file_holds_verdicts_without_text() -> None:
    panel = load_panel(PANEL)
    assert 1550 <= len(panel) <= 1650
    assert {p.round for p in panel} == {"lab16", "lab17", "lab18", "lab19", "lab20", "lab21", "lab22", "lab23", "lab24", "lab25", "lab26", "lab27", "lab28", "lab29", "lab30", "lab31"}
    assert {p.corpus for p in panel} == {"leads", "ant"}
    for p in panel:
        assert set(p.record) == set(FIELDS)
        assert p.anchor[0] < p.anchor[1]
        assert p.all_right == (p.real and not p.wrong)
        assert set(p.fix) <= set(p.wrong)
    lines = PANEL.read_text(encoding="utf-8").splitlines()
    assert not any(re.search("[\u0600-\u06ff]", line) for line in lines), "the panel must not copy Arabic text"
    assert not any({"why", "text", "title", "notes"} & json.loads(line).keys() for line in lines)


@pytest.mark.shared
@pytest.mark.slow
def test_script_scores_the_real_panel() -> None:
    if not (SHARED / "corpus").is_dir():
        pytest.skip(f"needs {SHARED}/corpus (the shared corpora beside the project), which is missing")
    run = subprocess.run([sys.executable, str(ROOT / "scripts" / "audit_panel.py"), "--json", "--by-round"],
                         capture_output=True, text=True, timeout=600, check=True)
    groups = json.loads(run.stdout)["groups"]
    assert {"a", "b", "lab21 a", "lab21 b"} <= groups.keys()
    assert groups["a"]["judged"] + groups["b"]["judged"] == len(load_panel(PANEL))
    for s in groups.values():
        assert s["not_real_dropped"] <= s["not_real"] and s["real_lost"] <= s["real"]
        assert s["all_right"] <= s["real"] - s["real_lost"]
    for half in ("a", "b"):
        s = groups[half]
        assert s["real_lost"] <= 0.2 * s["real"], "most judged real events should still be output"
        assert 0.1 <= s["all_right_share"] <= 0.8
        assert all(0.5 <= share <= 1.0 for share in s["fields"].values())
