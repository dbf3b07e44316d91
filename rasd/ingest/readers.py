"""Files, directories, JSON Lines and stdin to :class:`RawDocument` records.

Reading is where bad input shows up (empty files, PDFs, windows-1256 text,
broken JSON lines), so :func:`read_inputs` never raises for one item: it
yields an :class:`~rasd.errors.InputError` in its place and goes on, and the
caller decides how to report it. A publication date in the future is not
believed: the document keeps no date (so no event is dated from it) and
carries a warning (:attr:`RawDocument.warnings`) for the caller to show.
"""

from __future__ import annotations

import hashlib
import json
import sys
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from functools import partial
from pathlib import Path
from typing import Any

from rasd.errors import InputError
from rasd.ingest.decode import decode_bytes
from rasd.ingest.webpage import html_to_text, looks_like_html

__all__ = ["FUTURE_TOLERANCE", "SUFFIXES", "RawDocument", "future_date", "jsonl_record", "parse_date", "read_inputs", "read_texts"]

SUFFIXES: tuple[str, ...] = (".txt", ".html", ".htm", ".jsonl")
_HTML_SUFFIXES = (".html", ".htm")
_META_SUFFIX = ".meta.json"
_META_FIELDS = ("doc_id", "published", "source", "title", "url")
#: How far past today a publication date is still believed (time zones, a clock a little ahead).
FUTURE_TOLERANCE = timedelta(days=2)


@dataclass(frozen=True, slots=True)
class RawDocument:
    """One document as read, before any analysis.

    ``origin`` says where it came from for messages ("a.txt", "c.jsonl:line 3",
    "<stdin>"); ``raw_sha256`` is the hash of the raw bytes the store dedups on
    (for a JSON Lines record: its ``text`` or ``html`` value in UTF-8).
    """

    doc_id: str
    text: str
    published: date | None
    source: str | None
    url: str | None
    title: str | None
    origin: str
    raw_sha256: str
    html: bool = False
    encoding: str = "utf-8"
    #: What a reader of this document should be told (a publication date that was not believed).
    warnings: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        # A date in the future is a broken feed or CMS, not news from there: never let it date events.
        problem = future_date(self.published)
        if problem is not None:
            object.__setattr__(self, "published", None)
            object.__setattr__(self, "warnings", (*self.warnings, f"{problem}: not used as the publication or event date"))


def future_date(published: date | None, *, today: date | None = None) -> str | None:
    """Why ``published`` cannot be a publication date (more than :data:`FUTURE_TOLERANCE` after today, UTC), or ``None``."""
    if published is None:
        return None
    limit = (today or datetime.now(UTC).date()) + FUTURE_TOLERANCE
    return f"published {published.isoformat()} is in the future" if published > limit else None


def read_inputs(
    paths: Sequence[str],
    *,
    published: date | None = None,
    source: str | None = None,
    max_bytes: int = 50_000_000,
) -> Iterator[RawDocument | InputError]:
    """Documents from files, directories (their .txt/.html/.jsonl files, sorted) and ``-`` (stdin).

    ``published`` and ``source``, when given, override what the documents say.
    ``max_bytes`` bounds one document (a JSON Lines file is bounded per line).
    """
    overrides = _overrides(published=published, source=source)
    for arg in paths:
        if arg == "-":
            yield from _guard("<stdin>", partial(_read_stdin, overrides, max_bytes))
        elif Path(arg).is_dir():
            yield from _guard(arg, partial(_read_dir, Path(arg), overrides, max_bytes))
        else:
            yield from _guard(arg, partial(_read_path, Path(arg), overrides, max_bytes))


def read_texts(
    texts: Sequence[str], *, published: date | None = None, source: str | None = None
) -> Iterator[RawDocument | InputError]:
    """Documents given as strings (``rasd extract --text``): ``text-1``, ``text-2``, …"""
    for i, text in enumerate(texts, start=1):
        origin = f"<text {i}>"
        if not text.strip():
            yield InputError("empty document", source=origin)
            continue
        yield RawDocument(
            doc_id=f"text-{i}", text=text, published=published, source=source, url=None, title=None,
            origin=origin, raw_sha256=_sha256(text.encode("utf-8")),
        )


def parse_date(value: Any, *, origin: str | None = None) -> date | None:
    """``YYYY-MM-DD`` (or an ISO timestamp, whose date part is kept); None stays None."""
    if value is None or value == "":
        return None
    if isinstance(value, str):
        try:
            return date.fromisoformat(value)
        except ValueError:
            try:
                return datetime.fromisoformat(value).date()
            except ValueError:
                pass
    raise InputError(f"published: expected a date like 2021-04-06, got {value!r}", source=origin)


def _guard(origin: str, read: Callable[[], Iterator[RawDocument | InputError]]) -> Iterator[RawDocument | InputError]:
    """Run one item's reader; turn its failure into a yielded error so the others still run."""
    try:
        yield from read()
    except InputError as exc:
        yield exc
    except OSError as exc:
        yield InputError(exc.strerror or str(exc), source=origin)


def _read_dir(path: Path, overrides: dict[str, Any], max_bytes: int) -> Iterator[RawDocument | InputError]:
    files = sorted(p for p in path.iterdir() if p.suffix.lower() in SUFFIXES and not p.name.startswith(".") and p.is_file())
    if not files:
        raise InputError(f"no {', '.join(SUFFIXES)} files in directory", source=str(path))
    for file in files:
        yield from _guard(str(file), partial(_read_path, file, overrides, max_bytes))


def _read_path(path: Path, overrides: dict[str, Any], max_bytes: int) -> Iterator[RawDocument | InputError]:
    origin = str(path)
    if not path.exists():
        raise InputError("no such file or directory", source=origin)
    suffix = path.suffix.lower()
    if suffix == ".jsonl":
        yield from _read_jsonl(path, overrides, max_bytes)
        return
    size = path.stat().st_size
    if size > max_bytes:
        raise InputError(f"too large: {size:,} bytes (limit {max_bytes:,})", source=origin)
    meta = _read_meta(path)
    data = path.read_bytes()
    text, encoding = decode_bytes(data, origin=origin)
    is_html = suffix in _HTML_SUFFIXES or (suffix != ".txt" and looks_like_html(text))
    yield _document(
        text, is_html=is_html, origin=origin, data=data, encoding=encoding,
        fields={"doc_id": path.stem, **meta, **overrides},
    )


def _read_stdin(overrides: dict[str, Any], max_bytes: int) -> Iterator[RawDocument]:
    origin = "<stdin>"
    data = sys.stdin.buffer.read(max_bytes + 1)
    if len(data) > max_bytes:
        raise InputError(f"too large: more than {max_bytes:,} bytes", source=origin)
    text, encoding = decode_bytes(data, origin=origin)
    yield _document(
        text, is_html=looks_like_html(text), origin=origin, data=data, encoding=encoding,
        fields={"doc_id": "stdin", **overrides},
    )


def _read_jsonl(path: Path, overrides: dict[str, Any], max_bytes: int) -> Iterator[RawDocument | InputError]:
    """One document per line; a bad line is an error for that line only."""
    found = False
    with path.open("rb") as lines:
        for number, line in enumerate(lines, start=1):
            origin = f"{path}:line {number}"
            if not line.strip():
                continue
            found = True
            try:
                yield jsonl_record(line, number, path, origin, overrides, max_bytes)
            except InputError as exc:
                yield exc
    if not found:
        raise InputError("empty document", source=str(path))


def jsonl_record(
    line: bytes, number: int, path: Path, origin: str, overrides: dict[str, Any], max_bytes: int
) -> RawDocument:
    if len(line) > max_bytes:
        raise InputError(f"too large: {len(line):,} bytes (limit {max_bytes:,})", source=origin)
    try:
        record = json.loads(line.decode("utf-8-sig"))
    except UnicodeDecodeError as exc:
        raise InputError("not UTF-8 (JSON Lines files must be UTF-8)", source=origin) from exc
    except json.JSONDecodeError as exc:
        raise InputError(f"malformed JSON (column {exc.colno}: {exc.msg})", source=origin) from exc
    if not isinstance(record, dict):
        raise InputError(f"expected a JSON object, got {type(record).__name__}", source=origin)
    is_html = record.get("text") in (None, "") and record.get("html") not in (None, "")
    body = record.get("html" if is_html else "text")
    if not isinstance(body, str) or not body.strip():
        raise InputError('no "text" or "html" string in record', source=origin)
    fields: dict[str, Any] = {key: _plain(record.get(key)) for key in _META_FIELDS}
    fields["doc_id"] = fields["doc_id"] or f"{path.stem}-{number}"
    fields["published"] = parse_date(record.get("published"), origin=origin)
    return _document(
        body, is_html=is_html, origin=origin, data=body.encode("utf-8"), encoding="utf-8",
        fields={**fields, **overrides},
    )


def _read_meta(path: Path) -> dict[str, Any]:
    """Fields from a sibling ``STEM.meta.json`` (as a crawler saves them), if there is one."""
    meta_path = path.with_name(path.stem + _META_SUFFIX)
    if not meta_path.is_file():
        return {}
    origin = str(meta_path)
    try:
        meta = json.loads(meta_path.read_bytes().decode("utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise InputError(f"malformed metadata file ({exc})", source=origin) from exc
    if not isinstance(meta, dict):
        raise InputError("metadata file must hold a JSON object", source=origin)
    fields: dict[str, Any] = {key: _plain(meta.get(key)) for key in _META_FIELDS if meta.get(key) not in (None, "")}
    if "published" in fields:
        fields["published"] = parse_date(fields["published"], origin=origin)
    return fields


def _document(
    text: str, *, is_html: bool, origin: str, data: bytes, encoding: str, fields: dict[str, Any]
) -> RawDocument:
    title, published = fields.get("title"), fields.get("published")
    if is_html:
        page = html_to_text(text, origin=origin)
        text, title, published = page.text, title or page.title, published or page.published
    return RawDocument(
        doc_id=str(fields["doc_id"]), text=text, published=published,
        source=fields.get("source"), url=fields.get("url"), title=title, origin=origin,
        raw_sha256=_sha256(data), html=is_html, encoding=encoding,
    )


def _overrides(**options: Any) -> dict[str, Any]:
    return {key: value for key, value in options.items() if value is not None}


def _plain(value: Any) -> str | None:
    """A metadata value as text (ids are sometimes numbers); empty means absent."""
    return None if value in (None, "") else str(value)


def _sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()
