"""Blame each error on the pipeline component that made it.

A score says how good extraction is; this says where to work next. Every
miss, false alarm and wrong field becomes one :class:`ErrorItem` naming the
component responsible: triggers (event type and sub-type, missed and
spurious events), dates, actors, places, casualties, or assembly (one event
produced twice).
"""

from __future__ import annotations

import dataclasses
from collections import Counter
from dataclasses import dataclass
from typing import Any

from rasd.evaluate.score import FalseAlarm, Miss, Pair, Score

__all__ = ["COMPONENTS", "FIELD_COMPONENT", "ErrorItem", "errors", "by_component"]

COMPONENTS: tuple[str, ...] = ("triggers", "dates", "actors", "places", "casualties", "assembly")

FIELD_COMPONENT: dict[str, str] = {
    "event_type": "triggers",
    "sub_event_type": "triggers",
    "event_date": "dates",
    "actors": "actors",
    "admin1": "places",
    "location_exact": "places",
    "location": "places",
    "fatalities": "casualties",
    "injuries": "casualties",
}

# Where a field's evidence lives in Event.evidence.
_EVIDENCE_KEYS: dict[str, tuple[str, ...]] = {
    "event_type": ("event_type", "trigger"),
    "sub_event_type": ("sub_event_type", "event_type", "trigger"),
    "event_date": ("event_date",),
    "actors": ("actor1", "actor2", "assoc_actor_1", "assoc_actor_2", "actors"),
    "admin1": ("admin1", "location"),
    "location_exact": ("location",),
    "location": ("location",),
    "fatalities": ("fatalities",),
    "injuries": ("injuries",),
}


@dataclass(slots=True)
class ErrorItem:
    """One thing extraction got wrong, with what it produced, what was expected and why we think so."""

    component: str
    kind: str
    doc_id: str
    gold_id: str | None = None
    field: str | None = None
    got: Any = None
    expected: Any = None
    what: str = ""
    evidence: list[str] = dataclasses.field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        """JSON shape for ``rasd eval --json``."""
        return dataclasses.asdict(self)


def _spans(pred: dict[str, Any], keys: tuple[str, ...] | None = None) -> list[str]:
    """Texts of the produced event's evidence spans (all of them when ``keys`` is None)."""
    evidence = pred.get("evidence") or {}
    chosen = evidence if keys is None else {k: evidence[k] for k in keys if k in evidence}
    out: list[str] = []
    for spans in chosen.values():
        for span in spans or []:
            text = span.get("text") if isinstance(span, dict) else str(span)
            if text and text not in out:
                out.append(text)
    return out


def _value(event: dict[str, Any], name: str) -> Any:
    if name == "actors":
        return [event.get("actor1"), event.get("actor2")]
    if name in ("location", "location_exact"):
        return event.get("location") or event.get("location_ar")
    return event.get(name)


def _summary(event: dict[str, Any]) -> str:
    parts = [event.get("event_type"), event.get("event_date"), event.get("location") or event.get("location_ar")]
    return " · ".join(str(p) for p in parts if p)


def _pair_errors(pair: Pair) -> list[ErrorItem]:
    """A wrong place name within 10 km of the gold place is reported as such, not as a wrong location."""
    out = [_field_error(pair, name, f"wrong {name}") for name in pair.wrong if name != "location_exact"]
    if pair.fields["location"] and pair.fields["location_exact"] is False:
        out.append(_field_error(pair, "location_exact", "location name differs (within 10 km)"))
    return out


def _field_error(pair: Pair, name: str, kind: str) -> ErrorItem:
    return ErrorItem(
        component=FIELD_COMPONENT[name], kind=kind, doc_id=pair.doc_id, gold_id=pair.gold.get("id"), field=name,
        got=_value(pair.pred, name), expected=_value(pair.gold, name), what=pair.gold.get("what", ""),
        evidence=_spans(pair.pred, _EVIDENCE_KEYS[name]),
    )


def _miss_error(miss: Miss) -> ErrorItem:
    gold = miss.gold
    item = ErrorItem("triggers", "missed event", miss.doc_id, gold.get("id"), expected=_summary(gold),
                     what=gold.get("what", ""), evidence=list(gold.get("evidence", [])))
    if miss.near is not None:
        item.kind, item.field, item.got = "wrong event type (missed)", "event_type", miss.near.get("event_type")
        item.expected = gold.get("event_type")
    elif miss.same_type is not None:
        item.component, item.kind, item.got = "dates", "found, but date and place both wrong", _summary(miss.same_type)
    return item


def _false_alarm_error(alarm: FalseAlarm) -> ErrorItem:
    pred = alarm.pred
    item = ErrorItem("triggers", "false alarm", alarm.doc_id, got=_summary(pred), evidence=_spans(pred))
    if alarm.near is not None:
        item.kind, item.gold_id, item.field = "wrong event type (false alarm)", alarm.near.get("id"), "event_type"
        item.got, item.expected, item.what = pred.get("event_type"), alarm.near.get("event_type"), alarm.near.get("what", "")
    elif alarm.duplicate_of is not None:
        item.component, item.kind, item.gold_id = "assembly", "duplicate event", alarm.duplicate_of.get("id")
        item.what = alarm.duplicate_of.get("what", "")
    return item


def errors(result: Score) -> list[ErrorItem]:
    """Every error of a scoring run, misses first, then false alarms, then wrong fields."""
    out = [_miss_error(m) for m in result.misses]
    out += [_false_alarm_error(a) for a in result.false_alarms]
    for pair in result.pairs:
        out += _pair_errors(pair)
    return out


def by_component(items: list[ErrorItem]) -> dict[str, Counter[str]]:
    """Error kinds counted per component, components in pipeline order."""
    table: dict[str, Counter[str]] = {c: Counter() for c in COMPONENTS}
    for item in items:
        table.setdefault(item.component, Counter())[item.kind] += 1
    return table
