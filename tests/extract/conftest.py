"""Fixtures of the extraction tests: a document as the stages of ``assemble`` receive it."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest

from rasd.doc import Doc
from rasd.extract.registry import COMPONENTS, DEFAULT_PIPELINE
from rasd.pipeline import Pipeline

#: The publication date of every stage test's article.
PUBLISHED = date(2024, 5, 12)


@pytest.fixture(scope="session")
def prepared() -> Callable[[str], Doc]:
    """``text`` → its Doc after every component before ``assemble`` (triggers, actors, dates, casualties, places…)."""
    pipeline = Pipeline.from_names(DEFAULT_PIPELINE[: DEFAULT_PIPELINE.index("assemble")], COMPONENTS)

    def build(text: str) -> Doc:
        return pipeline(Doc(text=text, raw=text, published=PUBLISHED))

    return build
