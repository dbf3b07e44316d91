"""Saved web pages to article text, with a real boilerplate remover.

Menus, "الأكثر قراءة" lists, newsletter boxes and footers hold place names
and numbers that would become false events; trafilatura keeps the article
body (one paragraph a line) and reads the title from the page's metadata.
"""

from __future__ import annotations

import re

from rasd.errors import InputError

__all__ = ["html_to_text", "looks_like_html"]

_HTML_START = re.compile(r"\A\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body)[\s>]", re.IGNORECASE | re.DOTALL)


def looks_like_html(text: str) -> bool:
    """Whether ``text`` is an HTML page (for stdin and files without a telling extension)."""
    return _HTML_START.match(text[:4096]) is not None


def html_to_text(html: str, *, origin: str) -> tuple[str, str | None]:
    """Main text and title of a page; :class:`InputError` when it has no article text."""
    import trafilatura  # imported late: it is slow to import and most inputs are text

    try:
        page = trafilatura.bare_extraction(html, include_comments=False, with_metadata=True)
    except Exception as exc:  # a parser failure on one page must not stop the run
        raise InputError(f"could not parse HTML ({type(exc).__name__}: {exc})", source=origin) from exc
    text = (getattr(page, "text", None) or "").strip()
    if not text:
        raise InputError("no article text found in HTML page", source=origin)
    return text, getattr(page, "title", None) or None
