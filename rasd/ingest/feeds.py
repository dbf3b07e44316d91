"""RSS and Atom feeds to :class:`~rasd.ingest.readers.RawDocument` records, with feedparser.

A feed entry often carries only a teaser; when it is shorter than
``min_chars`` and links to a page, the page is fetched and its article text
used instead (through the same boilerplate remover as saved pages).

A feed that breaks part-way (a truncated download, a bad byte in the XML)
still gives the entries parsed before the break: they are kept, and the
break itself is reported as one :class:`FeedError` so the run dead-letters
the rest with the reason. That holds for a feed file and for a download that
the server cut off mid-body (:func:`read_cut_feed`). An entry's ``<guid>``
is its id; it is fetched as a page only when it is an http(s) URL.
"""

from __future__ import annotations

import calendar
import hashlib
import html
import re
from collections.abc import Iterator, Sequence
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from rasd.errors import InputError
from rasd.ingest.decode import sniff_binary
from rasd.ingest.fetch import Fetcher, FetchError, is_url
from rasd.ingest.readers import RawDocument, read_inputs
from rasd.ingest.webpage import html_to_text

__all__ = ["FEED_SUFFIXES", "FeedError", "looks_like_feed", "page_document", "read_cut_feed", "read_feed", "read_local"]

FEED_SUFFIXES = (".rss", ".atom", ".xml")
_FEED_START = re.compile(rb"\A(?:\xef\xbb\xbf)?\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:rss|feed|rdf:RDF)[\s>]", re.DOTALL | re.IGNORECASE)
_TAG = re.compile(r"<[^>]+>")
_ITEM_END = re.compile(rb"</(?:item|entry)\s*>", re.IGNORECASE)


class FeedError(InputError):
    """A feed could not be parsed, or broke part-way (its readable entries are still used)."""

    def __init__(self, message: str, *, source: str | None = None, payload: bytes | None = None) -> None:
        super().__init__(message, source=source)
        self.payload = payload


def looks_like_feed(data: bytes, content_type: str = "") -> bool:
    """Whether bytes (and their HTTP content type) are an RSS/Atom/RDF feed."""
    ct = content_type.lower()
    if any(t in ct for t in ("rss", "atom", "rdf")):
        return True
    return _FEED_START.match(data[:4096]) is not None


def _fragment_text(value: str) -> str:
    """Plain text of an HTML fragment from a feed (summaries are too small for trafilatura)."""
    text = _TAG.sub(" ", re.sub(r"(?i)<\s*(br|/p|/div|/li)\s*/?>", "\n", value))
    lines = (re.sub(r"[ \t\r\f\v]+", " ", ln).strip() for ln in html.unescape(text).split("\n"))
    return "\n".join(ln for ln in lines if ln)


def _entry_date(entry: Any) -> date | None:
    for key in ("published_parsed", "updated_parsed", "created_parsed"):
        st = entry.get(key)
        if st:
            return datetime.fromtimestamp(calendar.timegm(st), tz=UTC).date()
    return None


def _entry_body(entry: Any) -> str:
    contents = [c.get("value", "") for c in entry.get("content") or []]
    best = max(contents, key=len) if contents else ""
    summary = entry.get("summary") or ""
    return _fragment_text(best if len(best) >= len(summary) else summary)


def page_document(result_url: str, content: bytes, *, doc_id: str | None = None, title: str | None = None,
                  source: str | None = None, published: date | None = None) -> RawDocument:
    """A fetched article page as a document (boilerplate removed); :class:`InputError` if it has no text."""
    kind = sniff_binary(content)
    if kind:
        raise InputError(f"binary content ({kind}), not an article page", source=result_url)
    from rasd.ingest.decode import decode_bytes

    page, _encoding = decode_bytes(content, origin=result_url)
    text, page_title, page_date = html_to_text(page, origin=result_url)
    return RawDocument(
        doc_id=doc_id or result_url, text=text, published=published or page_date, source=source, url=result_url,
        title=title or page_title, origin=result_url, raw_sha256=hashlib.sha256(content).hexdigest(), html=True,
    )


def read_feed(
    data: bytes, *, origin: str, source: str | None = None, fetcher: Fetcher | None = None, min_chars: int = 200,
) -> Iterator[RawDocument | InputError]:
    """Documents of a feed's entries, then a :class:`FeedError` if the feed broke part-way.

    ``source`` overrides the feed's own title as the outlet name. Article pages
    are fetched only when a ``fetcher`` is given.
    """
    import feedparser  # type: ignore[import-untyped]

    if not data.strip():
        yield InputError("empty feed", source=origin)
        return
    parsed = feedparser.parse(data, sanitize_html=False, resolve_relative_uris=False)
    outlet = source or (parsed.feed.get("title") if parsed.get("feed") else None)
    entries = list(parsed.entries)
    broken = bool(parsed.bozo) and not isinstance(
        parsed.get("bozo_exception"), (feedparser.CharacterEncodingOverride, feedparser.NonXMLContentType)
    )
    if broken and not entries:
        yield FeedError(f"not a readable feed ({_bozo(parsed)})", source=origin, payload=data)
        return
    complete = entries
    if broken:
        # The last entry before a break may be cut off: keep it only if its element closed.
        closed = len(_ITEM_END.findall(data))
        complete = entries[:closed]
    for n, entry in enumerate(complete, start=1):
        yield from _entry_document(entry, n, origin=origin, outlet=outlet, fetcher=fetcher, min_chars=min_chars)
    if broken:
        tail = data[_last_item_end(data):]
        yield FeedError(
            f"feed broke after {len(complete)} complete entries ({_bozo(parsed)}); the rest was not read",
            source=origin, payload=tail,
        )


def _entry_document(entry: Any, n: int, *, origin: str, outlet: str | None, fetcher: Fetcher | None, min_chars: int) -> Iterator[RawDocument | InputError]:
    # A <guid> that is no URL ("b1") is an id only: feedparser also gives it as the link (guidislink).
    link = entry.get("link") if is_url(entry.get("link") or "") else None
    entry_origin = f"{origin}#entry {n}"
    doc_id = entry.get("id") or link or None
    title = _fragment_text(entry.get("title") or "") or None
    published = _entry_date(entry)
    body = _entry_body(entry)
    if len(body) < min_chars and link and fetcher is not None:
        try:
            result = fetcher.get(link)
            yield page_document(result.url, result.content, doc_id=doc_id, title=title, source=outlet, published=published)
            return
        except (FetchError, InputError) as exc:
            if not body:
                yield exc
                return
            # Fall back on the feed's own text; the page failure is still worth a dead letter.
            yield exc
    if title and not body.startswith(title):
        body = f"{title}\n{body}" if body else title
    if not body.strip():
        yield InputError("feed entry has no text and no fetchable link", source=entry_origin)
        return
    yield RawDocument(
        doc_id=doc_id or f"{origin}#{hashlib.sha256(body.encode()).hexdigest()[:16]}", text=body, published=published,
        source=outlet, url=link, title=title, origin=entry_origin, raw_sha256=hashlib.sha256(body.encode("utf-8")).hexdigest(),
    )


def read_local(
    paths: Sequence[str], *, published: date | None = None, source: str | None = None, fetcher: Fetcher | None = None,
    max_bytes: int | None = None,
) -> Iterator[RawDocument | InputError]:
    """Documents of local inputs: feed files (.rss/.atom/.xml) as feeds, everything else through :func:`read_inputs`.

    ``published`` applies to files and JSON Lines records (feed entries carry
    their own dates); teaser pages of feed entries are fetched only with a ``fetcher``.
    """
    limit = {"max_bytes": max_bytes} if max_bytes else {}
    for arg in paths:
        path = Path(arg)
        if path.suffix.lower() not in FEED_SUFFIXES or not path.is_file():
            yield from read_inputs([arg], published=published, source=source, **limit)
            continue
        try:
            data = path.read_bytes()
        except OSError as exc:
            yield InputError(exc.strerror or str(exc), source=arg)
            continue
        yield from read_feed(data, origin=arg, source=source, fetcher=fetcher)


def read_cut_feed(error: FetchError, *, source: str | None = None, fetcher: Fetcher | None = None) -> Iterator[RawDocument | InputError]:
    """The complete entries of a feed whose download broke off (``error.partial``), then one error for the break.

    The error says both why the download broke and how far the feed was read,
    under the feed's URL, as one dead letter.
    """
    assert error.partial is not None
    origin = error.source or error.partial.url
    for item in read_feed(error.partial.content, origin=origin, source=source, fetcher=fetcher):
        if isinstance(item, FeedError) and item.source == origin:
            item.message = f"{error.message}; {item.message}"
            yield item
            return
        yield item
    yield error  # the cut fell between two complete elements: the entries are whole, the break is still worth a dead letter


def _last_item_end(data: bytes) -> int:
    ends = list(_ITEM_END.finditer(data))
    return ends[-1].end() if ends else 0


def _bozo(parsed: Any) -> str:
    exc = parsed.get("bozo_exception")
    return f"{type(exc).__name__}: {exc}" if exc is not None else "malformed XML"
