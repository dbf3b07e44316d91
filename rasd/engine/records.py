"""Events and documents as Arrow rows, and back: the batch output's schema.

The event schema is derived from :class:`~rasd.model.Event`'s fields, so a
field added to the model appears in the Parquet files without a second list
to keep in step. Event ids are a hash of (doc_id, event index, extraction
version): the same article coded by the same Rasd gets the same id on any
machine, in any partition, in any run.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from datetime import date
from typing import Any
from urllib.parse import quote

import pyarrow as pa

from rasd.doc import Doc
from rasd.ingest.readers import RawDocument
from rasd.model import EVENT_FIELDS, ActorFact, Event, Span, Victim

__all__ = [
    "DOCUMENT_SCHEMA", "EVENT_SCHEMA", "NULL_KEY", "document_row", "event_from_row", "event_id", "event_rows",
    "facts_from_row", "partition_dir",
]

#: Hive's name for a missing partition value (pyarrow reads it back as null).
NULL_KEY = "__HIVE_DEFAULT_PARTITION__"

_SCALARS = {"str": pa.string(), "int": pa.int64(), "float": pa.float64(), "bool": pa.bool_()}
_SPAN = pa.struct([("field", pa.string()), ("start", pa.int64()), ("end", pa.int64()), ("text", pa.string())])
_FACT = pa.struct([
    ("actor", pa.string()), ("kind", pa.string()), ("value", pa.string()), ("start", pa.int64()),
    ("end", pa.int64()), ("text", pa.string()), ("published", pa.string()),
])
_VICTIM = pa.struct([
    ("name", pa.string()), ("status", pa.string()), ("age", pa.int64()), ("sex", pa.string()), ("group", pa.string()),
    ("evidence", pa.list_(_SPAN)),
])
_COMPOUND = {"tags": pa.list_(pa.string()), "evidence": pa.list_(_SPAN), "vague": pa.map_(pa.string(), pa.string()),
             "victims": pa.list_(_VICTIM)}


def _arrow_type(name: str) -> pa.DataType:
    annotation = str(Event.__dataclass_fields__[name].type)
    return _COMPOUND.get(name) or _SCALARS[annotation.replace(" | None", "")]


EVENT_SCHEMA = pa.schema(
    [("event_id", pa.string()), ("event_index", pa.int32()), ("extraction_version", pa.string()), ("published", pa.string())]
    + [(name, _arrow_type(name)) for name in EVENT_FIELDS]
)
DOCUMENT_SCHEMA = pa.schema([
    ("doc_id", pa.string()), ("published", pa.string()), ("source", pa.string()), ("title", pa.string()),
    ("url", pa.string()), ("origin", pa.string()), ("raw_sha256", pa.string()), ("text", pa.string()),
    ("tags", pa.list_(pa.string())), ("n_events", pa.int32()), ("extraction_version", pa.string()),
    ("facts", pa.list_(_FACT)),
])


def event_id(doc_id: str, index: int, version: str) -> str:
    """The stable id of the ``index``-th event of ``doc_id`` under extraction ``version``."""
    return "ev-" + hashlib.sha256(f"{doc_id}\x1f{index}\x1f{version}".encode()).hexdigest()[:20]


def _iso(value: date | None) -> str | None:
    return value.isoformat() if value else None


def event_rows(raw: RawDocument, doc: Doc, version: str) -> list[dict[str, Any]]:
    """One row per event of ``doc``, evidence flattened to ``{field, start, end, text}`` items."""
    rows = []
    for index, event in enumerate(doc.events):
        row = event.to_dict()
        row["evidence"] = _flat(row["evidence"])
        row["victims"] = [{**v, "evidence": _flat(v["evidence"])} for v in row["victims"]]
        row["vague"] = list(row["vague"].items())
        row.update(event_id=event_id(raw.doc_id, index, version), event_index=index, extraction_version=version, published=_iso(raw.published))
        rows.append(row)
    return rows


def _flat(evidence: Mapping[str, list[dict[str, Any]]]) -> list[dict[str, Any]]:
    """Evidence by field as ``{field, start, end, text}`` items (Arrow has no map of lists of structs to spare)."""
    return [{"field": f, **span} for f, spans in evidence.items() for span in spans]


def _grouped(items: Any) -> dict[str, list[Span]]:
    evidence: dict[str, list[Span]] = {}
    for item in items or []:
        evidence.setdefault(item["field"], []).append(Span(item["start"], item["end"], item["text"]))
    return evidence


def document_row(raw: RawDocument, doc: Doc, version: str) -> dict[str, Any]:
    """The document as analysed: ``text`` is the cleaned text the events' evidence offsets index into."""
    facts = [
        {"actor": f.actor, "kind": f.kind, "value": f.value, "start": f.evidence.start, "end": f.evidence.end,
         "text": f.evidence.text, "published": f.published}
        for f in doc.facts
    ]
    return {
        "doc_id": raw.doc_id, "published": _iso(raw.published), "source": raw.source, "title": raw.title, "url": raw.url,
        "origin": raw.origin, "raw_sha256": raw.raw_sha256, "text": doc.text, "tags": list(doc.tags),
        "n_events": len(doc.events), "extraction_version": version, "facts": facts,
    }


def event_from_row(row: Mapping[str, Any]) -> Event:
    """The :class:`Event` a Parquet row was written from (evidence spans regrouped by field)."""
    fields: dict[str, Any] = {name: row.get(name) for name in EVENT_FIELDS}
    victims = [Victim(v["name"], v["status"], v.get("age"), v.get("sex"), v.get("group"), _grouped(v.get("evidence")))
               for v in row.get("victims") or []]
    fields.update(evidence=_grouped(row.get("evidence")), vague=dict(row.get("vague") or []), tags=list(row.get("tags") or []),
                  victims=victims)
    return Event(**fields)


def facts_from_row(row: Mapping[str, Any]) -> list[ActorFact]:
    """The actor facts a document row carries."""
    return [
        ActorFact(f["actor"], f["kind"], f["value"], Span(f["start"], f["end"], f["text"]), row.get("doc_id"), f.get("published"))
        for f in row.get("facts") or []
    ]


def _key(value: Any) -> str:
    return NULL_KEY if value in (None, "") else quote(str(value), safe=" ")


def partition_dir(table: str, day: str | None, country: str | None = None, *, by_country: bool = True) -> str:
    """Where a row goes: ``events/year=2023/month=10/country=Syria`` (Hive layout, so any Parquet reader finds the keys)."""
    year, month = (str(int(day[:4])), str(int(day[5:7]))) if day and len(day) >= 7 else (NULL_KEY, NULL_KEY)
    parts = [table, f"year={year}", f"month={month}"]
    if by_country:
        parts.append(f"country={_key(country)}")
    return "/".join(parts)
