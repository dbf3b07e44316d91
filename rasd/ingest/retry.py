"""``rasd retry``: reprocess dead letters from where they came from.

A dead letter's origin says how to get the input again: a URL is fetched
again, ``FILE:line N`` re-reads that line of a JSON Lines file, ``FEED#entry
N`` re-reads the feed, a path is read again, and stdin or ``--text`` input
is rebuilt from the payload kept with the failure. Because ingesting is
idempotent, re-reading a whole feed or file to get one item back stores
nothing twice. A dead letter is resolved when its origin now goes through;
otherwise its retry count goes up and the new attempt is added to its reason
(the first reason is kept). Other items of a re-read feed or file that fail
again join their own dead letter (one per origin), never a second one.
Origins are absolute paths (the ingest run makes them so), so a retry works
from any working directory.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from rasd.errors import InputError
from rasd.ingest.fetch import is_url
from rasd.ingest.readers import RawDocument, read_inputs
from rasd.ingest.run import Ingester, Item
from rasd.store import Failure

__all__ = ["RetryResult", "items_for_origin", "retry_failures"]

_LINE = re.compile(r"^(?P<path>.+):line (?P<n>\d+)$")
_ENTRY = re.compile(r"^(?P<base>.+)#entry \d+$")


@dataclass(frozen=True, slots=True)
class RetryResult:
    """How a retry of one dead letter went."""

    id: int
    origin: str
    resolved: bool
    reason: str | None


def items_for_origin(ingester: Ingester, failure: Failure) -> Iterator[Item]:
    """The items to reprocess for a dead letter (see the module docstring)."""
    origin = failure.origin
    entry = _ENTRY.match(origin)
    base = entry.group("base") if entry else origin
    if origin.startswith("<"):
        payload = ingester.store.failure_payload(failure.id)
        if not payload:
            yield InputError("nothing kept to retry from (no payload)", source=origin)
            return
        text = payload.decode("utf-8", errors="replace")
        yield RawDocument(
            doc_id="stdin", text=text, published=None, source=failure.source, url=None, title=None, origin=origin,
            raw_sha256=hashlib.sha256(payload).hexdigest(),
        )
        return
    line = _LINE.match(origin)
    if line and not is_url(origin):
        for item in read_inputs([line.group("path")], source=failure.source):
            item_origin = item.source if isinstance(item, InputError) else item.origin
            if item_origin == origin:
                yield item
        return
    yield from ingester.items([base], source=failure.source)


def retry_failures(ingester: Ingester, ids: Sequence[int] = ()) -> list[RetryResult]:
    """Retry unresolved dead letters (all, or those in ``ids``)."""
    results = []
    for failure in ingester.store.failures(ids=ids):
        ingester.capture_origin, ingester.captured = failure.origin, []
        base = _ENTRY.sub(r"\g<base>", failure.origin)
        try:
            for item in items_for_origin(ingester, failure):
                if isinstance(item, InputError) and item.source in (failure.origin, base):
                    item = InputError(item.message, source=failure.origin)  # this dead letter failing again
                ingester.process(item)
        finally:
            ingester.capture_origin = None
        reason = "; ".join(ingester.captured) or None
        ingester.store.mark_retried(failure.id, resolved=reason is None, reason=reason)
        results.append(RetryResult(failure.id, failure.origin, reason is None, reason))
    return results
