"""What a quality report reads: an events JSONL (with its documents, if given) or the store.

Both give events as ``rasd extract`` writes them (ACLED fields, ``doc_id``,
``evidence``) and, optionally, doc_id → title and text of every article read.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

from sqlalchemy import select

from rasd.evaluate.gold import load_jsonl
from rasd.store import Store
from rasd.store.models import Document, EventSource, EvidenceSpan, table_of
from rasd.store.models import Event as EventRow

__all__ = ["from_jsonl", "from_store"]

Loaded = tuple[list[dict[str, Any]], dict[str, str] | None]


def _text(title: Any, text: Any) -> str:
    return f"{title or ''}\n{text or ''}"


def from_jsonl(events: Path, docs: Iterable[Path] = ()) -> Loaded:
    """Events from a JSONL file; texts from documents JSONL files ({doc_id, title, text}), or None if none given."""
    docs = list(docs)
    texts: dict[str, str] | None = None
    if docs:
        texts = {}
        for path in docs:
            texts.update({str(d["doc_id"]): _text(d.get("title"), d.get("text")) for d in load_jsonl(path) if "doc_id" in d})
    return load_jsonl(events), texts


def from_store(store: Store) -> Loaded:
    """Every event of the store (merged, as users see them) with its first report's document, and every document's text.

    A merged event's evidence is that of its first report, whose document it is counted under.
    """
    E, ES, EV, D = table_of(EventRow), table_of(EventSource), table_of(EvidenceSpan), table_of(Document)
    with store.transaction("reading events for a report") as conn:
        texts = {r.doc_key: _text(r.title, r.text) for r in conn.execute(select(D.c.doc_key, D.c.title, D.c.text))}
        first: dict[int, tuple[int, str]] = {}
        q = select(ES.c.event_id, ES.c.id, D.c.doc_key).join(D, D.c.id == ES.c.document_id).order_by(ES.c.id)
        for r in conn.execute(q):
            first.setdefault(r.event_id, (r.id, r.doc_key))
        spans: dict[int, dict[str, list[dict[str, Any]]]] = {}
        for r in conn.execute(select(EV).order_by(EV.c.id)):
            if first.get(r.event_id, (None,))[0] == r.event_source_id:
                spans.setdefault(r.event_id, {}).setdefault(r.field, []).append({"start": r.start, "end": r.end, "text": r.text})
        events = []
        for row in conn.execute(select(E).order_by(E.c.id)):
            ev = dict(row._mapping)
            ev["doc_id"] = first.get(ev["id"], (None, ""))[1]
            ev["evidence"] = spans.get(ev["id"], {})
            events.append(ev)
    return events, texts
