"""Trends: what is rising this week against the four before, where it happens, and the weekly toll.

Computed from stored events, never from page views: a "rising" actor, place
or event type is one whose events this week exceed its weekly average over
the previous four weeks. The score, ``(this − baseline) / (baseline + 1)``,
keeps one new event of a never-seen actor from outranking a real surge.
Fatalities per week use ACLED's coded figure (unknown tolls as 3 or 10), with
the count of unknown tolls beside it so the convention stays visible.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from datetime import date, timedelta
from typing import Any

from sqlalchemy import Connection, select

from rasd.model import acled_fatalities
from rasd.store.filters import EventFilter
from rasd.store.models import Event, table_of
from rasd.trends.tags import event_tags

__all__ = ["BASELINE_WEEKS", "rising", "trends", "week_start"]

E = table_of(Event)
BASELINE_WEEKS = 4
_COLUMNS = (E.c.id, E.c.event_date, E.c.event_type, E.c.sub_event_type, E.c.disorder_type, E.c.actor1, E.c.actor2,
            E.c.assoc_actor_1, E.c.assoc_actor_2, E.c.location, E.c.admin1, E.c.admin2, E.c.country, E.c.fatalities,
            E.c.fatalities_known, E.c.vague, E.c.tags, E.c.review_status)


def week_start(d: date) -> date:
    """Monday of ``d``'s week (ISO weeks)."""
    return d - timedelta(days=d.weekday())


def rising(this_week: Counter[str], before: Counter[str], *, weeks: int = BASELINE_WEEKS, top: int = 10) -> list[dict[str, Any]]:
    """Names whose count this week beats their weekly average over ``weeks`` earlier weeks, best first."""
    rows: list[dict[str, Any]] = []
    for name, n in this_week.items():
        baseline = before.get(name, 0) / weeks
        if n > baseline:
            rows.append({"name": name, "this_week": n, "baseline": round(baseline, 2), "score": round((n - baseline) / (baseline + 1), 3)})
    return sorted(rows, key=lambda r: (-r["score"], -r["this_week"], r["name"]))[:top]


def _count(events: Iterable[Mapping[str, Any]], kind: str) -> Counter[str]:
    c: Counter[str] = Counter()
    for ev in events:
        tags = event_tags(ev)
        by_kind: dict[str, list[str | None]] = {"actors": list(tags["actors"]), "places": list(tags["places"][:1]),
                                                "types": [ev.get("sub_event_type") or ev.get("event_type")], "hashtags": list(tags["hashtags"])}
        values = by_kind[kind]
        c.update(v for v in values if v)
    return c


def trends(conn: Connection, *, today: date, f: EventFilter | None = None, weeks: int = 12, top: int = 10) -> dict[str, Any]:
    """Rising actors, places, types and hashtags, most active areas, and fatalities by week up to ``today``'s week, among the events ``f`` selects."""
    this_monday = week_start(today)
    first = min(this_monday - timedelta(weeks=BASELINE_WEEKS), this_monday - timedelta(weeks=weeks - 1))
    q = select(*_COLUMNS).where(E.c.event_date >= first.isoformat(), E.c.event_date <= (this_monday + timedelta(days=6)).isoformat(),
                                *(f or EventFilter()).conditions(conn.dialect.name))
    events = [dict(r._mapping) for r in conn.execute(q)]
    baseline_from = this_monday - timedelta(weeks=BASELINE_WEEKS)
    now_events = [e for e in events if date.fromisoformat(e["event_date"]) >= this_monday]
    before = [e for e in events if baseline_from <= date.fromisoformat(e["event_date"]) < this_monday]
    by_week: dict[date, dict[str, Any]] = {
        this_monday - timedelta(weeks=i): {"events": 0, "fatalities": 0, "unknown_tolls": 0} for i in range(weeks - 1, -1, -1)
    }
    for e in events:
        week = by_week.get(week_start(date.fromisoformat(e["event_date"])))
        if week is not None:
            week["events"] += 1
            week["fatalities"] += acled_fatalities(e)[0]
            week["unknown_tolls"] += e["fatalities_known"] is False
    areas: Counter[str] = Counter(e["admin1"] for e in now_events + before if e["admin1"])
    return {
        "week_of": this_monday.isoformat(),
        "rising": {kind: rising(_count(now_events, kind), _count(before, kind), top=top) for kind in ("actors", "places", "types", "hashtags")},
        "most_active_areas": [{"admin1": a, "events": n} for a, n in areas.most_common(top)],
        "fatalities_by_week": [{"week": w.isoformat(), **v} for w, v in by_week.items()],
    }
