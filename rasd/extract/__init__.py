"""Extraction: a pipeline of named components that turns an article into events.

:func:`extract` is the whole job for one text; :func:`analyse` returns the
:class:`~rasd.doc.Doc` with every layer, for callers that need the cleaned
text or the mentions (the article view, evaluation).
"""

from __future__ import annotations

from datetime import date
from functools import lru_cache

from rasd.doc import Doc
from rasd.model import Event
from rasd.pipeline import Pipeline

__all__ = ["extract", "analyse", "default_pipeline", "EXTRACTION_VERSION"]

# Bump when a change to lexicons or rules changes output: the store re-extracts older documents.
EXTRACTION_VERSION = "0.10.2"


@lru_cache(maxsize=1)
def default_pipeline() -> Pipeline:
    """The standard pipeline, built once per process (lexicons and gazetteer load here)."""
    from rasd.extract.registry import DEFAULT_PIPELINE, COMPONENTS

    return Pipeline.from_names(DEFAULT_PIPELINE, COMPONENTS)


def analyse(
    text: str,
    *,
    published: date | None = None,
    doc_id: str | None = None,
    source: str | None = None,
    title: str | None = None,
    url: str | None = None,
) -> Doc:
    """Run the full pipeline over ``text`` and return the analysed document."""
    doc = Doc(text=text, raw=text, doc_id=doc_id, published=published, source=source, title=title, url=url)
    return default_pipeline()(doc)


def extract(
    text: str,
    *,
    published: date | None = None,
    doc_id: str | None = None,
    source: str | None = None,
    title: str | None = None,
    url: str | None = None,
) -> list[Event]:
    """Events of one article. ``published`` anchors relative dates ("أمس الاثنين")."""
    return analyse(text, published=published, doc_id=doc_id, source=source, title=title, url=url).events
