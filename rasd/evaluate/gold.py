"""Read gold files and find the text each gold document was coded from.

Gold comes as ``*.gold.json`` (one document) or JSON Lines of such documents.
A gold document rarely carries its text: it comes from a documents JSONL
(``--docs``, matched by ``doc_id``) or, for a ``NAME.gold.json``, from
``NAME.txt`` beside it with ``NAME.meta.json`` giving source, date and title.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from rasd.errors import InputError

__all__ = ["Source", "HALVES", "half_of", "load_gold", "load_jsonl", "load_sources", "find_sources"]

# A gold set is split in two by a hash of each doc_id: rules are written on
# "tune" only, and "held" tells what documents nobody tuned on will show.
HALVES: tuple[str, ...] = ("tune", "held")


def half_of(doc_id: str) -> str:
    """``"tune"`` or ``"held"``: the half of a split gold set this document belongs to (stable, by SHA-256)."""
    return HALVES[int(hashlib.sha256(doc_id.encode("utf-8")).hexdigest(), 16) % 2]


@dataclass(frozen=True, slots=True)
class Source:
    """What the extractor needs to re-read a gold document."""

    doc_id: str
    text: str
    published: date | None = None
    source: str | None = None
    title: str | None = None


def _parse_json(text: str, where: str) -> Any:
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise InputError(f"not valid JSON: {exc.msg} (column {exc.colno})", source=where) from exc


def load_jsonl(path: Path) -> list[dict[str, Any]]:
    """One JSON object a line; blank lines skipped.

    Lines split on newlines only: news text holds U+2028 and other characters
    that :meth:`str.splitlines` would also split on.
    """
    try:
        with path.open(encoding="utf-8") as f:
            return [_parse_json(line, f"{path}:{n}") for n, line in enumerate(f, 1) if line.strip()]
    except OSError as exc:
        raise InputError(f"cannot read: {exc.strerror}", source=str(path)) from exc


def load_gold(paths: Iterable[Path], half: str | None = None) -> list[dict[str, Any]]:
    """Gold documents from ``*.gold.json`` files and gold JSONL files, in order (only one half's, if given)."""
    docs: list[dict[str, Any]] = []
    for path in paths:
        if path.suffix == ".jsonl":
            found = load_jsonl(path)
        else:
            try:
                found = [_parse_json(path.read_text(encoding="utf-8"), str(path))]
            except OSError as exc:
                raise InputError(f"cannot read: {exc.strerror}", source=str(path)) from exc
        for n, doc in enumerate(found, 1):
            if not isinstance(doc, dict) or "doc_id" not in doc or not isinstance(doc.get("events", []), list):
                raise InputError(f"gold document {n} needs a doc_id and a list of events", source=str(path))
        docs += found
    if half is not None:
        if half not in HALVES:
            raise InputError(f"unknown half {half!r}: use one of {', '.join(HALVES)}")
        docs = [doc for doc in docs if half_of(str(doc["doc_id"])) == half]
    return docs


def _parse_date(value: Any, where: str) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(str(value)[:10])
    except ValueError as exc:
        raise InputError(f"bad publication date {value!r}", source=where) from exc


def _source(record: dict[str, Any], text: str, where: str) -> Source:
    return Source(
        doc_id=str(record["doc_id"]),
        text=text,
        published=_parse_date(record.get("published"), where),
        source=record.get("source"),
        title=record.get("title"),
    )


def load_sources(paths: Iterable[Path]) -> dict[str, Source]:
    """Documents JSONL files (``doc_id``, ``text``, ``published``, ``source``, ``title``) by doc_id."""
    out: dict[str, Source] = {}
    for path in paths:
        for record in load_jsonl(path):
            if "doc_id" in record and isinstance(record.get("text"), str):
                out[str(record["doc_id"])] = _source(record, record["text"], str(path))
    return out


def _beside(gold_path: Path, doc: dict[str, Any]) -> Source | None:
    """The text and meta files that share a ``NAME.gold.json``'s stem."""
    stem = gold_path.name.removesuffix(".gold.json")
    txt = gold_path.with_name(f"{stem}.txt")
    if gold_path.suffix == ".jsonl" or not txt.is_file():
        return None
    meta_path = gold_path.with_name(f"{stem}.meta.json")
    meta = _parse_json(meta_path.read_text(encoding="utf-8"), str(meta_path)) if meta_path.is_file() else {}
    record = {"published": doc.get("published"), **meta, "doc_id": doc["doc_id"]}
    return _source(record, txt.read_text(encoding="utf-8"), str(meta_path))


def find_sources(
    gold_paths: Iterable[Path], docs_paths: Iterable[Path], half: str | None = None
) -> list[tuple[dict[str, Any], Source]]:
    """Each gold document (of one half, if given) with its text; an error names the documents whose text is nowhere."""
    known = load_sources(docs_paths)
    out: list[tuple[dict[str, Any], Source]] = []
    missing: list[str] = []
    for path in gold_paths:
        for doc in load_gold([path], half):
            src = known.get(doc["doc_id"]) or _beside(path, doc)
            if src is None:
                missing.append(doc["doc_id"])
                continue
            if src.published is None and doc.get("published"):
                src = _source({**doc, "source": src.source, "title": src.title}, src.text, str(path))
            out.append((doc, src))
    if missing:
        shown = ", ".join(missing[:5]) + (f" and {len(missing) - 5} more" if len(missing) > 5 else "")
        raise InputError(f"no text for gold document(s) {shown}: pass the documents with --docs DOCS.jsonl")
    return out
