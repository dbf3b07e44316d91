"""Run the extractor over gold documents, through the public API only.

Evaluation must see what a user sees, so it calls :func:`rasd.extract` with
the same arguments a feed would give (publication date, source, title).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from rich.progress import Progress

from rasd.evaluate.gold import Source, find_sources, load_gold, load_jsonl
from rasd.evaluate.score import Score, score

__all__ = ["predict", "evaluate"]


def predict(sources: Sequence[Source], *, progress: bool = True) -> list[dict[str, Any]]:
    """Produced events of every source, as dicts with ACLED field names and ``doc_id``."""
    import rasd  # late: the CLI's --help must not pay for loading the pipeline

    events: list[dict[str, Any]] = []
    with Progress(transient=True, disable=not progress) as bar:
        task = bar.add_task("extracting", total=len(sources))
        for src in sources:
            found = rasd.extract(src.text, published=src.published, doc_id=src.doc_id, source=src.source, title=src.title)
            for event in found:
                record = event.to_dict()
                record["doc_id"] = record.get("doc_id") or src.doc_id
                events.append(record)
            bar.advance(task)
    return events


def evaluate(
    gold: Iterable[Path],
    *,
    docs: Iterable[Path] = (),
    predictions: Path | None = None,
    progress: bool = True,
    half: str | None = None,
) -> Score:
    """Score the extractor (or a predictions JSONL, if given) on gold files, or on one half of them."""
    gold = list(gold)
    if predictions is not None:
        return score(load_jsonl(predictions), load_gold(gold, half))
    pairs = find_sources(gold, docs, half)
    produced = predict([src for _, src in pairs], progress=progress)
    return score(produced, [doc for doc, _ in pairs])
