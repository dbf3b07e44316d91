"""Audit verdicts as calibration records: what a store's random samples say about which records need no correction.

An audited event is a random draw from the store's own sources, judged by a
reader: ``right`` (nothing to correct), ``corrected`` or ``not_event``. To
fit the confidence calibrator on it, the record must be seen again as the
pipeline makes it (the calibrator reads features the store does not keep):
the event's first report is extracted anew and the produced record that
agrees with the audited one on type, sub-type, date and place stands for it.
An audited event the current rules no longer produce that way is left out
(and counted), as a gold event the rules miss is.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any

from sqlalchemy import select

from rasd.evaluate.calibration import Outcome
from rasd.store import Store
from rasd.store import audit as _store

__all__ = ["MATCH", "audited_outcomes"]

#: The audited fields a re-extracted record must share with the drawn one to stand for it.
MATCH: tuple[str, ...] = ("event_type", "sub_event_type", "event_date", "location")

#: Re-extracts one stored document (``doc_key``, ``text``, ``title``, ``published``, ``source``) into records.
Produce = Callable[[Mapping[str, Any]], Sequence[dict[str, Any]]]


def _first_documents(store: Store, event_ids: Sequence[int]) -> dict[int, dict[str, Any]]:
    """Each event's first report's document."""
    es, d = _store.ES, _store.D
    q = (select(es.c.event_id, d.c.doc_key, d.c.text, d.c.title, d.c.published, d.c.source)
         .join(d, d.c.id == es.c.document_id).where(es.c.event_id.in_(event_ids)).order_by(es.c.id))
    out: dict[int, dict[str, Any]] = {}
    with store.transaction("reading audited documents") as conn:
        for r in conn.execute(q):
            out.setdefault(r.event_id, dict(r._mapping))
    return out


def audited_outcomes(store: Store, produce: Produce) -> tuple[list[Outcome], int]:
    """One outcome per reviewed audit item whose record the pipeline still produces (right: the verdict is
    ``right``; a ``not_event`` verdict marks the record ``_false_alarm``), and how many reviewed items were left out."""
    with store.transaction("reading audit verdicts") as conn:
        reviewed = [it for it in _store.items(conn, reviewed_only=True) if it["event_id"] is not None]
    docs = _first_documents(store, [it["event_id"] for it in reviewed])
    produced: dict[str, Sequence[dict[str, Any]]] = {}
    found: list[Outcome] = []
    for it in reviewed:
        doc = docs.get(it["event_id"])
        if doc is None:
            continue
        if doc["doc_key"] not in produced:
            produced[doc["doc_key"]] = produce(doc)
        drawn = it["drawn"]
        record = next((r for r in produced[doc["doc_key"]] if all(r.get(f) == drawn.get(f) for f in MATCH)), None)
        if record is not None:
            found.append(Outcome(doc["doc_key"], float(record.get("confidence") or 0.0), it["verdict"] == "right",
                                 {**record, "_false_alarm": it["verdict"] == "not_event"}))
    return found, len(reviewed) - len(found)
