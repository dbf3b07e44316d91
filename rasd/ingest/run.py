"""An ingest run: inputs in, documents and merged events stored, failures dead-lettered.

For each document the run decides *new*, *unchanged* (same raw hash and
extraction version: nothing to do, nothing extracted) or *changed* (re-extract
and replace its machine reports), then writes it in one transaction. A killed
run therefore loses at most the document in flight, and running it again
skips what was stored and completes the rest: nothing is stored twice. The
"unchanged?" question is asked twice: once before extracting (to save the
work) and again inside the write transaction, so two runs over the same input
at once extract a document twice at worst but store it once; the slower one
counts it unchanged.

Paths are made absolute before reading, so dead letters name files that
``rasd retry`` finds from any working directory.

Bad input never stops a run: readers and feeds yield an
:class:`~rasd.errors.InputError` in place of the item, extraction failures
are caught per document, and each becomes a dead letter with its reason.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import asdict, dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from rasd.doc import Doc
from rasd.errors import ConfigError, DataError, InputError, PipelineError, RasdError
from rasd.ingest.feeds import FEED_SUFFIXES, looks_like_feed, page_document, read_cut_feed, read_feed, read_local
from rasd.ingest.fetch import Fetcher, FetchError, FetchResult, is_url
from rasd.ingest.readers import RawDocument
from rasd.store import DocumentInput, Store, StoreError
from rasd.store.gazetteer import StoreGazetteer

__all__ = ["IngestSummary", "Ingester", "doc_key", "expand_inputs", "ingest"]

Analyse = Callable[..., Doc]
Item = RawDocument | InputError


@dataclass
class IngestSummary:
    """What a run did; ``rasd ingest`` prints it and the ``ingest_runs`` table keeps it."""

    new: int = 0
    changed: int = 0
    unchanged: int = 0
    failed: int = 0
    events_created: int = 0
    events_merged: int = 0
    events_removed: int = 0
    seconds: float = 0.0
    failures: list[str] = field(default_factory=list)
    #: Things worth telling that are no failure (a publication date not believed).
    warnings: list[str] = field(default_factory=list)

    @property
    def documents(self) -> int:
        """Documents seen (including failures)."""
        return self.new + self.changed + self.unchanged + self.failed

    @property
    def docs_per_second(self) -> float:
        return self.documents / self.seconds if self.seconds > 0 else 0.0

    def as_dict(self) -> dict[str, Any]:
        out = asdict(self)
        out.pop("failures")
        out["warnings"] = len(self.warnings)
        out["documents"] = self.documents
        out["docs_per_second"] = round(self.docs_per_second, 1)
        return out


def doc_key(raw: RawDocument) -> str:
    """The identity of a document across runs: its id; for stdin and ``--text``, its content hash.

    The id survives edits (a corrected article is *changed*, not new); stdin
    has no id worth keeping, so two different pastes stay two documents.
    """
    if raw.origin.startswith("<") or raw.doc_id in ("stdin", ""):
        return f"sha256:{raw.raw_sha256}"
    return raw.doc_id


def _default_analyse() -> Analyse:
    from rasd.extract import analyse

    return analyse


def _extraction_version() -> str:
    from rasd.extract import EXTRACTION_VERSION

    return str(EXTRACTION_VERSION)


class Ingester:
    """Runs documents through extraction into a :class:`~rasd.store.Store`.

    ``force`` re-extracts even unchanged documents. ``analyse`` is injectable
    for tests and benchmarks; by default it is :func:`rasd.analyse`.
    """

    def __init__(
        self, store: Store, *, fetcher: Fetcher | None = None, analyse: Analyse | None = None,
        extraction_version: str | None = None, force: bool = False, source_id: int | None = None,
        fetch_pages: bool = True,
    ) -> None:
        self.store = store
        self.fetcher = fetcher
        self.analyse = analyse or _default_analyse()
        #: The store's own gazetteer (reviewers' villages), handed to the geocoder the default pipeline uses.
        self.store_places = StoreGazetteer(store) if analyse is None else None
        self.version = extraction_version or _extraction_version()
        self.force = force
        self.source_id = source_id
        self.fetch_pages = fetch_pages
        self.summary = IngestSummary()
        self.last_fetch: FetchResult | None = None
        #: While retrying a dead letter: its origin, and the reasons it failed again (not re-recorded).
        self.capture_origin: str | None = None
        self.captured: list[str] = []

    # -- one item -----------------------------------------------------------
    def fail(self, origin: str, reason: str, *, source: str | None = None, payload: bytes | None = None) -> None:
        """Dead-letter one failed item and count it."""
        self.summary.failed += 1
        self.summary.failures.append(f"{origin}: {reason}")
        if self.capture_origin is not None and origin == self.capture_origin:
            self.captured.append(reason)
            return
        self.store.add_failure(origin=origin, reason=reason, source=source, payload=payload)

    def process(self, item: Item) -> str:
        """Store one document (or dead-letter one error); returns new/changed/unchanged/failed."""
        if isinstance(item, InputError):
            self.fail(item.source or "?", item.message, payload=getattr(item, "payload", None))
            return "failed"
        raw = item
        self.summary.warnings.extend(f"{raw.origin}: {w}" for w in raw.warnings)
        key = doc_key(raw)
        state = self.store.document_state(key)
        if state is not None and not self.force and state.raw_sha256 == raw.raw_sha256 and state.extraction_version == self.version:
            self.summary.unchanged += 1
            return "unchanged"
        if self.store_places is not None:
            self.store_places.sync()  # a place a reviewer added since the last document is used for this one
        try:
            doc = self.analyse(raw.text, published=raw.published, doc_id=key, source=raw.source, title=raw.title, url=raw.url)
        except (PipelineError, DataError, ConfigError):
            raise  # the extractor itself is broken: every document would fail the same way
        except RasdError as exc:
            self.fail(raw.origin, f"extraction failed: {exc}", source=raw.source, payload=raw.text.encode("utf-8"))
            return "failed"
        except Exception as exc:  # noqa: BLE001 - one bad document must not stop a run
            self.fail(raw.origin, f"extraction crashed: {type(exc).__name__}: {exc}", source=raw.source, payload=raw.text.encode("utf-8"))
            return "failed"
        record = DocumentInput(
            doc_key=key, raw_sha256=raw.raw_sha256, text=doc.text, extraction_version=self.version, title=raw.title,
            url=raw.url, source=raw.source, source_id=self.source_id, published=_iso(raw.published), origin=raw.origin,
            tags=list(doc.tags),
        )
        try:
            outcome = self.store.save(record, doc.events, doc.facts, skip_unchanged=not self.force)
        except StoreError as exc:
            self.fail(raw.origin, f"could not be stored: {exc.message}", source=raw.source)
            return "failed"
        s = self.summary
        if outcome.status == "unchanged":  # a concurrent run stored it while this one was extracting
            s.unchanged += 1
            return "unchanged"
        s.events_created += outcome.events_created
        s.events_merged += outcome.events_merged
        s.events_removed += outcome.events_removed
        if outcome.status == "new":
            s.new += 1
        else:
            s.changed += 1
        return outcome.status

    # -- inputs -------------------------------------------------------------
    def items(self, inputs: Sequence[str], *, published: date | None = None, source: str | None = None, max_bytes: int | None = None) -> Iterator[Item]:
        """Every document (or error) of the inputs: paths, folders, JSON Lines, feeds, URLs, ``-``."""
        for arg in inputs:
            if is_url(arg):
                yield from self.url_items(arg, source=source)
                continue
            yield from read_local(
                [arg if arg == "-" else os.path.abspath(arg)], published=published, source=source,
                fetcher=self.fetcher if self.fetch_pages else None, max_bytes=max_bytes,
            )

    def url_items(self, url: str, *, source: str | None = None, etag: str | None = None, last_modified: str | None = None) -> Iterator[Item]:
        """A URL is a feed (its entries) or an article page (one document)."""
        fetcher = self.fetcher = self.fetcher or Fetcher()
        pages = fetcher if self.fetch_pages else None
        try:
            result = fetcher.get(url, etag=etag, last_modified=last_modified)
        except FetchError as exc:
            cut = exc.partial
            if cut is not None and looks_like_feed(cut.content, cut.content_type):
                yield from read_cut_feed(exc, source=source, fetcher=pages)
            else:
                yield exc
            return
        self.last_fetch = result
        if result.not_modified:
            return
        if looks_like_feed(result.content, result.content_type):
            yield from read_feed(result.content, origin=url, source=source, fetcher=pages)
            return
        try:
            yield page_document(result.url, result.content, doc_id=url, source=source)
        except InputError as exc:
            yield exc

    def run(self, items: Iterable[Item], *, progress: Callable[[str], None] | None = None) -> IngestSummary:
        """Process every item; ``progress`` is called with each outcome (for a progress bar)."""
        start = time.perf_counter()
        try:
            for item in items:
                outcome = self.process(item)
                if progress is not None:
                    progress(outcome)
        finally:
            self.summary.seconds += time.perf_counter() - start
        return self.summary


def _iso(value: date | str | None) -> str | None:
    if value is None:
        return None
    return value.isoformat() if isinstance(value, date) else str(value)[:10]


def expand_inputs(inputs: Sequence[str]) -> int | None:
    """A cheap estimate of how many documents the inputs hold (for the progress bar), or ``None``."""
    total = 0
    for arg in inputs:
        p = Path(arg)
        if is_url(arg) or arg == "-" or p.suffix.lower() in FEED_SUFFIXES:
            return None
        if p.is_dir():
            total += sum(1 for f in p.iterdir() if f.suffix.lower() in (".txt", ".html", ".htm"))
            total += sum(_count_lines(f) for f in p.iterdir() if f.suffix.lower() == ".jsonl")
        elif p.suffix.lower() == ".jsonl" and p.is_file():
            total += _count_lines(p)
        else:
            total += 1
    return total


def _count_lines(path: Path) -> int:
    with path.open("rb") as f:
        return sum(1 for line in f if line.strip())


def ingest(
    inputs: Sequence[str], store: Store, *, published: date | None = None, source: str | None = None,
    fetcher: Fetcher | None = None, analyse: Analyse | None = None, force: bool = False,
    progress: Callable[[str], None] | None = None, max_bytes: int | None = None, extraction_version: str | None = None,
) -> IngestSummary:
    """Ingest paths, folders, JSON Lines, feeds and URLs into ``store``; the run is recorded."""
    ingester = Ingester(store, fetcher=fetcher, analyse=analyse, force=force, extraction_version=extraction_version)
    run_id = store.start_run(list(inputs))
    status = "failed"
    try:
        ingester.run(ingester.items(inputs, published=published, source=source, max_bytes=max_bytes), progress=progress)
        status = "done"
    finally:
        store.finish_run(run_id, ingester.summary.as_dict(), status=status)
        if fetcher is None and ingester.fetcher is not None:
            ingester.fetcher.close()
    return ingester.summary

