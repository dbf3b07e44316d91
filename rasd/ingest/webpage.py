"""Saved web pages to article text, with a real boilerplate remover.

Menus, "الأكثر قراءة" lists, newsletter boxes and footers hold place names
and numbers that would become false events; trafilatura keeps the article
body (one paragraph a line) and reads the title and the publication date
from the page's metadata (``<meta name="date">``, ``article:published_time``,
JSON-LD ``datePublished``, … as htmldate finds them; never a date guessed
from the text).
"""

from __future__ import annotations

import re
from datetime import date
from typing import NamedTuple

from rasd.errors import InputError

__all__ = ["PageText", "html_to_text", "looks_like_html"]

_HTML_START = re.compile(r"\A\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body)[\s>]", re.IGNORECASE | re.DOTALL)


def looks_like_html(text: str) -> bool:
    """Whether ``text`` is an HTML page (for stdin and files without a telling extension)."""
    return _HTML_START.match(text[:4096]) is not None


class PageText(NamedTuple):
    """What a page says of itself: its article text, title and publication date."""

    text: str
    title: str | None
    published: date | None


def html_to_text(html: str, *, origin: str) -> PageText:
    """Main text, title and publication date of a page; :class:`InputError` when it has no article text."""
    import trafilatura  # imported late: it is slow to import and most inputs are text

    try:
        page = trafilatura.bare_extraction(html, include_comments=False, with_metadata=True)
    except Exception as exc:  # a parser failure on one page must not stop the run
        raise InputError(f"could not parse HTML ({type(exc).__name__}: {exc})", source=origin) from exc
    text = (getattr(page, "text", None) or "").strip()
    if not text:
        raise InputError("no article text found in HTML page", source=origin)
    return PageText(text, getattr(page, "title", None) or None, _page_date(getattr(page, "date", None)))


def _page_date(value: str | None) -> date | None:
    """The page's own date (trafilatura gives ``YYYY-MM-DD``), or None."""
    try:
        return date.fromisoformat(value[:10]) if value else None
    except ValueError:
        return None
