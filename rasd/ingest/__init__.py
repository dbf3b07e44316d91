"""Getting documents in: files, directories, JSON Lines, saved pages and stdin.

:func:`read_inputs` turns paths into :class:`RawDocument` records (or an
:class:`~rasd.errors.InputError` per bad item, so one broken file never stops
a batch); :func:`read_local` also reads feed files (.rss/.atom/.xml) as feeds.
"""

from __future__ import annotations

from rasd.ingest.feeds import read_local
from rasd.ingest.readers import RawDocument, parse_date, read_inputs, read_texts

__all__ = ["RawDocument", "parse_date", "read_inputs", "read_local", "read_texts"]
