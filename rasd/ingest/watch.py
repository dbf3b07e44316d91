"""``rasd watch``: poll the configured sources on a schedule and ingest what is new.

Each enabled source is polled when its own interval (``poll_seconds``) has
passed since its last poll. Feeds and pages are fetched with conditional GET
using the validators stored from the previous poll, so an unchanged feed is
a 304 and costs nothing; file sources are re-read, and the store's
idempotence skips what it already has. A failing source is dead-lettered and
the loop goes on with the others.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import timedelta

from rasd.clock import now
from rasd.ingest.fetch import Fetcher
from rasd.ingest.run import Analyse, Ingester, IngestSummary
from rasd.store import SourceInfo, Store

__all__ = ["PollResult", "is_due", "poll_once", "watch"]


@dataclass
class PollResult:
    """One cycle over the sources: which were polled, which answered 304, and the summary."""

    polled: list[str] = field(default_factory=list)
    not_modified: list[str] = field(default_factory=list)
    summary: IngestSummary = field(default_factory=IngestSummary)


def is_due(source: SourceInfo, *, force: bool = False) -> bool:
    """Whether ``source`` should be polled now."""
    if force or source.last_polled is None:
        return True
    return now() - source.last_polled >= timedelta(seconds=source.poll_seconds)


def poll_once(
    store: Store, *, fetcher: Fetcher | None = None, analyse: Analyse | None = None, force: bool = False,
    progress: Callable[[str], None] | None = None,
) -> PollResult:
    """Poll every due, enabled source once."""
    result = PollResult()
    own_fetcher = fetcher is None
    fetcher = fetcher or Fetcher()
    ingester = Ingester(store, fetcher=fetcher, analyse=analyse)
    run_id = store.start_run([f"watch:{s.name}" for s in store.sources(enabled_only=True)])
    try:
        for source in store.sources(enabled_only=True):
            if not source.url or not is_due(source, force=force):
                continue
            result.polled.append(source.name)
            ingester.source_id = source.id
            ingester.last_fetch = None
            if source.kind == "file":
                items = ingester.items([source.url], source=source.name)
            else:
                items = ingester.url_items(source.url, source=source.name, etag=source.etag, last_modified=source.last_modified)
            ingester.run(items, progress=progress)
            fetched = ingester.last_fetch
            if fetched is not None and fetched.not_modified:
                result.not_modified.append(source.name)
            store.record_poll(
                source.id,
                etag=fetched.etag if fetched is not None and not fetched.not_modified else None,
                last_modified=fetched.last_modified if fetched is not None and not fetched.not_modified else None,
            )
    finally:
        store.finish_run(run_id, ingester.summary.as_dict())
        if own_fetcher:
            fetcher.close()
    result.summary = ingester.summary
    return result


def watch(
    store: Store, *, interval: float = 60.0, cycles: int | None = None, fetcher: Fetcher | None = None,
    analyse: Analyse | None = None, on_cycle: Callable[[PollResult], None] | None = None,
    sleep: Callable[[float], None] = time.sleep,
) -> list[PollResult]:
    """Poll due sources every ``interval`` seconds, ``cycles`` times (forever when ``None``)."""
    results: list[PollResult] = []
    n = 0
    while cycles is None or n < cycles:
        started = time.monotonic()
        result = poll_once(store, fetcher=fetcher, analyse=analyse)
        if cycles is not None:
            results.append(result)
        if on_cycle is not None:
            on_cycle(result)
        n += 1
        if cycles is None or n < cycles:
            sleep(max(0.0, interval - (time.monotonic() - started)))
    return results
