"""Re-scoring output on the fixed audit panel: blind verdicts with the judges' right values.

Each panel record is one record of an earlier version's output that a blind
reviewer judged against its article: real event or not and, per field, right
or wrong with the right value (the *fix*). Today's output is scored against
those verdicts without a new reading:

* the output event that stands for a judged record is the first one whose
  event-type evidence (its first trigger span) overlaps the record's anchor;
  for a real record, failing that, one whose other trigger spans do (the
  mention was merged into an event told first elsewhere: it is that event now);
* a field counts right when it was judged right and is unchanged, or judged
  wrong and now equals the fix (names compared loosely, :func:`same`); an
  armed clash's two sides count in either order;
* a not-real record counts right when no output sits on its anchor any more;
  a real record with no output there is *lost* (not right in every field).

Halves split by document (:func:`half_of`): rules may be written reading the
records of half ``a``; half ``b`` is held, and is the figure to quote.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

__all__ = ["FIELDS", "PanelRecord", "Outcome", "load_panel", "half_of", "same", "trigger_span", "match",
           "wanted", "judge_fields", "score_record", "summary"]

FIELDS = ("event_date", "sub_event_type", "actor1", "actor2", "country", "admin1", "location", "fatalities", "injuries")
_COUNTS = ("fatalities", "injuries")
_NAMES = ("actor1", "actor2", "location")
_NO_FIX = object()  # a field judged wrong whose right value the judge did not give: never right
_PARENS = re.compile(r"\(.*?\)")
# Generic labels whose parenthesised remark names the country or group they belong to, not another name.
_QUALIFIED = re.compile(r"(civilians|protesters|rioters|unidentified|refugees|prisoners|journalists|students)\b")
_FILLER = re.compile(r"\b(al|el|the|of|forces|military|-)\b|[-'’`]")


@dataclass(frozen=True)
class PanelRecord:
    """One judged record: where it sat, what it said, and the verdict on it."""

    round: str
    item: int
    version: str
    doc_id: str
    corpus: str
    anchor: tuple[int, int]
    record: Mapping[str, Any]
    real: bool
    reason: str | None
    all_right: bool  # the judge's own verdict: a real event with every field right
    wrong: tuple[str, ...]
    fix: Mapping[str, Any]

    @classmethod
    def from_json(cls, d: Mapping[str, Any]) -> PanelRecord:
        start, end = d["anchor"]
        return cls(round=d["round"], item=int(d["item"]), version=d["version"], doc_id=d["doc_id"],
                   corpus=d["corpus"], anchor=(int(start), int(end)), record=dict(d["record"]),
                   real=bool(d["real"]), reason=d.get("reason"), all_right=bool(d.get("all_right")),
                   wrong=tuple(d.get("wrong") or ()),
                   fix=dict(d.get("fix") or {}))

    @property
    def half(self) -> str:
        return half_of(self.doc_id)


@dataclass(frozen=True)
class Outcome:
    """What today's output does with one judged record."""

    panel: PanelRecord
    event: Mapping[str, Any] | None  # the output event on the anchor, if any
    fields: Mapping[str, bool]  # per field right or not; empty unless a real record was matched

    @property
    def lost(self) -> bool:
        return self.panel.real and self.event is None

    @property
    def right(self) -> bool:
        """A not-real record dropped, or a real one matched with every field right."""
        if not self.panel.real:
            return self.event is None
        return self.event is not None and all(self.fields.values())


def load_panel(path: Path) -> list[PanelRecord]:
    """The panel file: one judged record a line."""
    with path.open(encoding="utf-8") as fh:
        return [PanelRecord.from_json(json.loads(line)) for line in fh if line.strip()]


def half_of(doc_id: str) -> str:
    """'a' (rules may be read on) or 'b' (held), by a hash of the document id."""
    return "a" if int(hashlib.md5(doc_id.encode()).hexdigest(), 16) % 2 == 0 else "b"


def _norm(x: Any) -> str:
    """Lower case without parenthesised remarks (unless they are all there is), articles and filler words."""
    if x is None:
        return ""
    s = str(x).lower()
    if len(_PARENS.sub("", s).strip()) > 2:
        s = _PARENS.sub(" ", s)
    return " ".join(_FILLER.sub(" ", s).split())


def _same_text(a: Any, b: Any) -> bool:
    na, nb = _norm(a), _norm(b)
    if na == nb:
        return True
    return bool(na and nb) and (na in nb or nb in na)


def same(a: Any, b: Any, field: str) -> bool:
    """Whether a produced value and a wanted one agree: counts exactly (none = 0), dates by the day,
    names loosely ("Military Forces of Israel" = "Israel"; a parenthesised remark may be another name, but
    "Civilians (Palestine)" is not "Civilians (Israel)")."""
    if field == "fatalities":  # an unknown toll is not "nobody killed"
        return bool(a == b)
    if field in _COUNTS:  # injuries left untold are none
        return (a or 0) == (b or 0) if a in (None, 0) and b in (None, 0) else bool(a == b)
    if field == "event_date":
        return str(a)[:10] == str(b)[:10]
    if field == "location":
        return _same_place(a, b)
    if field in _NAMES and a and b and "(" in str(a) + str(b):
        (main_a, *remarks_a), (main_b, *remarks_b) = _parts(a), _parts(b)
        if _QUALIFIED.match(main_a) or _QUALIFIED.match(main_b):  # "Civilians (Palestine)": the remark says whose
            return _same_text(main_a, main_b) and (not remarks_a or not remarks_b or _same_text(remarks_a[0], remarks_b[0]))
        if any(_same_text(x, y) for x in (str(a), *remarks_a) for y in (str(b), *remarks_b)):
            return True  # "Houthis (Ansar Allah)": the remark is another name
    return _same_text(a, b)


def _same_place(a: Any, b: Any) -> bool:
    """A place by its own name, the part before a comma ("Beit Lahia (Kamal Adwan Hospital), North Gaza" is Beit
    Lahia, not North Gaza); "X / Y" accepts either; one name may lengthen the other ("Jabalia" = "Jabalia Camp")."""
    def names(x: Any) -> list[list[str]]:
        return [_norm(alt.split(",")[0]).split() for alt in str(x).split(" / ")] if x is not None else [[]]
    for x in names(a):
        for y in names(b):
            short, long_ = sorted((x, y), key=len)
            if x == y or (short and long_[: len(short)] == short):
                return True
    return False


def _parts(name: Any) -> list[str]:
    """A name outside its parenthesised remarks, then the remarks."""
    return [_PARENS.sub(" ", str(name)).strip().lower(), *re.findall(r"\((.*?)\)", str(name))]


def trigger_span(event: Mapping[str, Any]) -> tuple[int, int] | None:
    """The first event-type evidence span of an output event (offsets in the cleaned text)."""
    spans = (event.get("evidence") or {}).get("event_type") or []
    return (int(spans[0]["start"]), int(spans[0]["end"])) if spans else None


def match(anchor: Sequence[int], events: Iterable[Mapping[str, Any]],
          judged: Mapping[str, Any] | None = None, *, merged: bool = False) -> Mapping[str, Any] | None:
    """The output event on the anchor: of those whose trigger span overlaps it, one on the very span first,
    then the one agreeing with the ``judged`` record in most fields (several events may share a trigger:
    a strike and its toll elsewhere), then the first. With ``merged``, an event whose later trigger spans
    overlap the anchor stands for it when none starts there."""
    def on_anchor(span: tuple[int, int]) -> bool:
        return span[0] < anchor[1] and anchor[0] < span[1]

    found = []
    events = list(events)
    for i, event in enumerate(events):
        span = trigger_span(event)
        if span and on_anchor(span):
            agree = sum(same(event.get(f), judged.get(f), f) for f in FIELDS) if judged else 0
            found.append((span != tuple(anchor), -agree, i, event))
    if not found and merged:
        return next((e for e in events if any(on_anchor((int(s["start"]), int(s["end"])))
                                              for s in (e.get("evidence") or {}).get("event_type") or [])), None)
    return min(found, key=lambda t: t[:3])[3] if found else None


def wanted(panel: PanelRecord, field: str) -> Any:
    """The right value of a field: the fix when it was judged wrong, else the value judged."""
    if field in panel.wrong:
        return panel.fix.get(field, _NO_FIX)
    return panel.record.get(field)


def _rejected(panel: PanelRecord, field: str, value: Any) -> bool:
    """Whether ``value`` is the very value the judge called wrong (a fix that merely contains it, such as
    "Basalah, Taiz" for "Taiz", or none for 0, does not make it right)."""
    if field not in panel.wrong:
        return False
    old = panel.record.get(field)
    return str(value)[:10] == str(old)[:10] if field == "event_date" else bool(value == old)


def judge_fields(panel: PanelRecord, event: Mapping[str, Any]) -> dict[str, bool]:
    """Per field, whether the output event has the right value; an armed clash's sides in either order."""
    want = {f: wanted(panel, f) for f in FIELDS}
    right = {f: want[f] is not _NO_FIX and same(event.get(f), want[f], f) and not _rejected(panel, f, event.get(f))
             for f in FIELDS}
    kept_sides = _rejected(panel, "actor1", event.get("actor1")) or _rejected(panel, "actor2", event.get("actor2"))
    if event.get("sub_event_type") == "Armed clash" and not (right["actor1"] and right["actor2"]) and not kept_sides:
        # either order, unless these are the very sides the judge called reversed
        a1, a2 = want["actor1"], want["actor2"]
        if (_NO_FIX not in (a1, a2) and same(event.get("actor1"), a2, "actor1")
                and same(event.get("actor2"), a1, "actor2")):
            right["actor1"] = right["actor2"] = True
    return right


def score_record(panel: PanelRecord, events: Iterable[Mapping[str, Any]]) -> Outcome:
    """One judged record against today's output events of its document."""
    event = match(panel.anchor, events, panel.record, merged=panel.real)
    fields = judge_fields(panel, event) if panel.real and event is not None else {}
    return Outcome(panel=panel, event=event, fields=fields)


def summary(outcomes: Sequence[Outcome]) -> dict[str, Any]:
    """Counts and shares: judged, not-real dropped, real lost, all right of the real, per field of the matched."""
    fake = [o for o in outcomes if not o.panel.real]
    real = [o for o in outcomes if o.panel.real]
    matched = [o for o in real if not o.lost]
    return {
        "judged": len(outcomes),
        "not_real": len(fake),
        "not_real_dropped": sum(o.right for o in fake),
        "real": len(real),
        "real_lost": sum(o.lost for o in real),
        "all_right": sum(o.right for o in real),
        "all_right_share": round(sum(o.right for o in real) / len(real), 3) if real else None,
        "fields": {f: round(sum(o.fields[f] for o in matched) / len(matched), 3) if matched else None
                   for f in FIELDS},
    }
