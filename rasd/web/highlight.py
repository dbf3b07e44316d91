"""Cut an article into runs of text, each tagged with the evidence that covers it.

Evidence spans of different fields and events overlap ("قُتل مدنيان"
supports both the type and the toll), so the text is cut at every span
boundary and each run carries the keys (``e{event}-{field}``) of every span
over it. The template writes each run as escaped text in its own element;
hovering a field adds a class to the runs that carry its key.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from itertools import pairwise

__all__ = ["Run", "runs"]


@dataclass(frozen=True, slots=True)
class Run:
    """A stretch of the text and the evidence keys over it (none for plain text)."""

    text: str
    keys: tuple[str, ...] = ()


def runs(text: str, spans: Iterable[tuple[str, int, int]]) -> list[Run]:
    """``text`` cut at the boundaries of ``spans`` (key, start, end); offsets outside the text are clipped."""
    clipped = [(k, max(0, s), min(len(text), e)) for k, s, e in spans]
    clipped = [(k, s, e) for k, s, e in clipped if s < e]
    cuts = sorted({0, len(text), *(s for _, s, _ in clipped), *(e for _, _, e in clipped)})
    out: list[Run] = []
    for start, end in pairwise(cuts):
        keys = tuple(sorted({k for k, s, e in clipped if s <= start and end <= e}))
        if out and out[-1].keys == keys:
            out[-1] = Run(out[-1].text + text[start:end], keys)
        else:
            out.append(Run(text[start:end], keys))
    return out
