"""Load the lexicon data files shipped in ``rasd/data`` (TSV, one entry a line).

Coders edit these files, not code: a header line names the columns, ``#``
starts a comment, cells are tab-separated. Loading is cached per process.
"""

from __future__ import annotations

from functools import cache
from importlib.resources import files

from rasd.errors import DataError

__all__ = ["read_tsv", "data_path"]


def data_path(name: str) -> str:
    """Path of a shipped data file (for messages and tools)."""
    return str(files("rasd") / "data" / name)


@cache
def read_tsv(name: str) -> tuple[dict[str, str], ...]:
    """Rows of ``rasd/data/NAME`` as dicts keyed by the header's column names."""
    try:
        text = (files("rasd") / "data" / name).read_text(encoding="utf-8")
    except FileNotFoundError as exc:
        raise DataError(f"lexicon file {name} is missing", source=data_path(name)) from exc
    rows: list[dict[str, str]] = []
    header: list[str] | None = None
    for lineno, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        cells = line.split("\t")
        if header is None:
            header = [c.strip() for c in cells]
            continue
        if len(cells) > len(header):
            raise DataError(f"line {lineno}: {len(cells)} cells, header has {len(header)}", source=data_path(name))
        cells += [""] * (len(header) - len(cells))
        rows.append({k: v.strip() for k, v in zip(header, cells)})
    return tuple(rows)
