"""One casualty-register entry per person, grouped from the stored per-document rows.

The store keeps one ``victims`` row per (document, named person): that is the
provenance, and re-ingesting a document replaces only its own rows. But a
person named by three articles about one strike, or by a follow-up days later
("توفي متأثراً بجروحه"), is one person, and documentation teams count people.
:func:`merge_people` groups the rows when they are read, and never writes.

Two rows are one person when

- their names are the same once folded (:func:`rasd.lang.ar.normalize.fold`,
  leading titles of ``victim_titles.tsv`` dropped: "الشهيد أحمد شايب" is
  "أحمد شايب"), or one name of two or more words starts the other ("أحمد
  شايب" and "أحمد شايب محمود") and age, English name and group agree;
- their recorded sexes do not differ (one "نور" is a boy, the other a girl);
- they are linked to the same event, or — a one-word name excepted — both are
  dated within ±3 days of each other at the same place (when both name one).

A false merge erases a person, a missed one leaves a duplicate a reviewer can
see, so a group is complete-linkage (every two rows in it are one person by
the rule above, never a chain), and a row that could join two groups — "محمد
أحمد" beside both "محمد أحمد علي" and "محمد أحمد حسن" — joins neither.

Cost: rows are sorted once (O(n log n)); each group is indexed under its
names' prefixes with its events and days, so a row only meets the groups of
its own name (or a fuller one) in its event or within the window — a handful,
whatever the register's size: O(n log n) in all, O(n·k) at worst for k rows of
one name within a week.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Hashable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from datetime import date
from functools import cache
from typing import Any

from rasd.lang.ar.normalize import fold
from rasd.lexicon import read_tsv

__all__ = ["STATUSES", "WINDOW_DAYS", "merge_people", "name_key"]

# A register entry's statuses, gravest first: a later, graver report is what happened next (injured, then died of wounds).
STATUSES = ("killed", "injured", "missing", "detained")
WINDOW_DAYS = 3
_IDENTITY = ("name_en", "age", "group")  # must agree before a shorter name joins a longer one
_CHOSEN = ("name_en", "age", "sex", "group", "place", "cause")  # most informative value; disagreements listed


@cache
def _titles() -> frozenset[str]:
    """Role nouns and honorifics ("الشهيد", "الطفلة", "الحاج"), folded: never part of a name."""
    return frozenset(fold(r["phrase"]) for r in read_tsv("victim_titles.tsv"))


def name_key(name: str) -> tuple[str, ...]:
    """The words a name is compared by: folded, leading titles dropped ("الشهيد أحمد شايب" → ("احمد", "شايب"))."""
    words = fold(name).split()
    while len(words) > 1 and words[0] in _titles():
        words.pop(0)
    return tuple(words)


def _day(value: str | None) -> int | None:
    """A ``YYYY-MM-DD`` date as a day number (so the window is arithmetic), ``None`` when unknown or unreadable."""
    try:
        return date.fromisoformat(value).toordinal() if value else None
    except ValueError:
        return None


def _norm(value: Any) -> Hashable:
    """What two values of a field are compared by: the set of folded words for text, the value otherwise."""
    return frozenset(fold(value).split()) if isinstance(value, str) else value


def _covers(a: Hashable, b: Hashable) -> bool:
    """Normalised ``a`` says all that ``b`` does: equal, or text whose words include ``b``'s ("Jenin Camp" ⊇ "Jenin")."""
    if isinstance(a, frozenset) and isinstance(b, frozenset):
        return b <= a
    return a == b


def _agree(a: Any, b: Any) -> bool:
    """Two values of one field can describe one person: one is unknown, or one says all the other does."""
    if a is None or b is None:
        return True
    na, nb = _norm(a), _norm(b)
    return _covers(na, nb) or _covers(nb, na)


@dataclass(slots=True)
class _Row:
    """A stored row with what grouping compares, computed once."""

    row: Mapping[str, Any]
    key: tuple[str, ...]
    day: int | None
    place: Hashable

    def same_person(self, other: _Row) -> bool:
        """The pair rule of the module docstring."""
        a, b = self.row, other.row
        if self.key != other.key:
            short, long = sorted((self.key, other.key), key=len)
            if len(short) < 2 or long[: len(short)] != short or not all(_agree(a[f], b[f]) for f in _IDENTITY):
                return False
        if a["sex"] and b["sex"] and a["sex"] != b["sex"]:
            return False
        if a["event_id"] is not None and a["event_id"] == b["event_id"]:
            return True
        if len(self.key) < 2 or self.day is None or other.day is None or abs(self.day - other.day) > WINDOW_DAYS:
            return False
        return self.place is None or other.place is None or self.place == other.place

    def marks(self) -> Iterator[Hashable]:
        """Where a group holding this row is found: each name prefix a shorter name could be, with the event and the day."""
        for n in range(min(2, len(self.key)), len(self.key) + 1):
            yield from self._at(self.key[:n], 0)

    def probes(self) -> Iterator[Hashable]:
        """Where the groups this row could join are: its whole name, with its event and the days within the window."""
        return self._at(self.key, WINDOW_DAYS)

    def _at(self, name: tuple[str, ...], window: int) -> Iterator[Hashable]:
        if self.row["event_id"] is not None:
            yield name, "event", self.row["event_id"]
        if self.day is not None:
            yield from ((name, day) for day in range(self.day - window, self.day + window + 1))


def merge_people(rows: Iterable[Mapping[str, Any]]) -> list[dict[str, Any]]:
    """One entry per person from stored ``victims`` rows (dicts of its columns, ``sources`` a list), by date then id.

    Rows may carry ``event_id_cnty`` and ``source_title`` (joined by the caller); see :func:`_entry` for the
    fields of an entry.
    """
    wrapped = [_Row(r, name_key(r["name"]), _day(r["date"]), _norm(r["place"]) if r["place"] else None) for r in rows]
    groups: list[list[_Row]] = []
    index: dict[Hashable, list[int]] = defaultdict(list)
    # longest names first, so a shorter name meets every fuller name it could belong to before it is placed
    for row in sorted(wrapped, key=lambda w: (-len(w.key), w.day is None, w.day or 0, w.row["id"])):
        near = sorted({g for probe in row.probes() for g in index.get(probe, ())})
        fits = [g for g in near if all(row.same_person(m) for m in groups[g])]
        exact = [g for g in fits if all(m.key == row.key for m in groups[g])]
        chosen = fits if len(fits) == 1 else exact if len(exact) == 1 else []
        if chosen:
            n = chosen[0]
        else:
            n = len(groups)
            groups.append([])
        groups[n].append(row)
        for mark in row.marks():
            index[mark].append(n)
    entries = [_entry(g) for g in groups]
    return sorted(entries, key=lambda e: (e["date"] is None, e["date"] or "", e["id"]))


def _choose(values: list[Any]) -> tuple[Any, list[Any]]:
    """The most informative of ``values`` (in report order) and, when known values conflict, all of them.

    A known value beats none; one that says all the others do wins outright ("Jenin Camp" over "Jenin");
    otherwise the value of the most reports is kept (the earliest on a tie) and the conflict is returned,
    kept value first — never an average or a blend.
    """
    known = [v for v in values if v is not None and v != ""]
    if len(known) <= 1 or len(set(known)) == 1:  # the usual case: one report, or reports that agree letter for letter
        return (known[0] if known else None), []
    first: dict[Hashable, Any] = {}  # normalised → as the earliest report wrote it
    counts: Counter[Hashable] = Counter()
    for v in known:
        n = _norm(v)
        first.setdefault(n, v)
        counts[n] += 1
    richest = [n for n in first if all(_covers(n, m) for m in first)]
    if richest:
        return first[richest[0]], []
    ranked = sorted(first, key=lambda n: -counts[n])  # stable: the earliest report first on a tie
    return first[ranked[0]], [first[n] for n in ranked]


def _entry(group: list[_Row]) -> dict[str, Any]:
    """A person's entry: the register's columns chosen from the rows, and where each came from.

    ``id`` is the smallest row id; ``reports``, ``row_ids``, ``event_ids``, ``document_ids`` and ``dates``
    say what was merged; ``evidence`` holds every row's spans, each with its ``document_id``; ``sources``
    is the union, in report order; ``status_history`` lists each status with the first date it was
    reported; ``conflicts`` names each field whose known values disagree, with the values (kept first).
    """
    group = sorted(group, key=lambda m: m.row["id"])
    rows = [m.row for m in group]
    conflicts: list[dict[str, Any]] = []
    chosen: dict[str, Any] = {}
    for f in _CHOSEN:
        chosen[f], values = _choose([r[f] for r in rows])
        if values:
            conflicts.append({"field": f, "values": values})
    status, when, history = _status(rows, conflicts)
    linked = [r["event_id"] for r in rows if r["event_id"] is not None]
    event_id = max(linked, key=linked.count) if linked else None  # the most reports', the earliest on a tie
    evidence: dict[str, list[dict[str, Any]]] = {}
    for r in rows:
        for field, spans in (r["evidence"] or {}).items():
            evidence.setdefault(field, []).extend({**s, "document_id": r["document_id"]} for s in spans)
    return {
        "id": rows[0]["id"],
        # the fullest name, written without a title where a report has it so ("أحمد شايب", not "الشهيد أحمد شايب")
        "name": max(group, key=lambda m: (len(m.key), -len(m.row["name"].split()))).row["name"],
        "name_en": chosen["name_en"], "age": chosen["age"], "sex": chosen["sex"], "group": chosen["group"],
        "status": status, "date": when, "place": chosen["place"], "cause": chosen["cause"],
        "sources": list(dict.fromkeys(s for r in rows for s in r["sources"] or [])),
        "event_id": event_id,
        "event_id_cnty": next((r.get("event_id_cnty") for r in rows if r["event_id"] == event_id), None),
        "source_title": next((r.get("source_title") for r in rows if r.get("source_title")), None),
        "document_id": next((r["document_id"] for r in rows if r["document_id"] is not None), None),
        "created_at": min(r["created_at"] for r in rows),
        "evidence": evidence,
        "reports": len(rows),
        "row_ids": [r["id"] for r in rows],
        "event_ids": sorted(set(linked)),
        "document_ids": sorted({r["document_id"] for r in rows if r["document_id"] is not None}),
        "dates": sorted({r["date"] for r in rows if r["date"]}),
        "status_history": history,
        "conflicts": conflicts,
    }


def _status(rows: list[Mapping[str, Any]], conflicts: list[dict[str, Any]]) -> tuple[str, str | None, list[dict[str, Any]]]:
    """The gravest status reported, its date, and each status with the first date it was reported.

    Reports of a person escalate as news comes in (injured, then "died of wounds"), so the gravest status
    is kept and dated by its own reports: the date of the status change. A less grave status reported
    *after* a graver one contradicts it and is listed as a conflict.
    """
    status = min((r["status"] for r in rows), key=_rank)
    when, dates = _choose([r["date"] for r in rows if r["status"] == status])
    if dates:
        conflicts.append({"field": "date", "values": dates})
    history = []
    for s in dict.fromkeys(r["status"] for r in rows):
        days = [r["date"] for r in rows if r["status"] == s and r["date"]]
        history.append({"status": s, "date": min(days) if days else None, "reports": sum(r["status"] == s for r in rows)})
    history.sort(key=lambda h: (h["date"] is None, h["date"] or "", -_rank(h["status"])))
    first_grave = next((h["date"] for h in history if h["status"] == status), None)
    later = [r["status"] for r in rows if r["status"] != status and first_grave and r["date"] and r["date"] > first_grave]
    if later:
        conflicts.append({"field": "status", "values": [status, *dict.fromkeys(later)]})
    return status, when, history


def _rank(status: str) -> int:
    """Position in :data:`STATUSES` (an unknown status counts as the least grave)."""
    return STATUSES.index(status) if status in STATUSES else len(STATUSES)
