"""A stand-in extractor for ingest tests: events read from markers in text we write ourselves.

The ingest machinery (idempotence, transactions, dead letters, feeds) is
tested apart from the real extractor, whose output changes as it improves.
A text mentioning "القرية N" reports a strike on village N (villages are 11
km apart, so they never merge); "قتلى K" gives the toll; "انهيار" makes
extraction crash.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from rasd.doc import Doc
from rasd.model import Event, Span

_VILLAGE = re.compile(r"القرية (\d+)")
_TOLL = re.compile(r"قتلى (\d+)")


def fake_analyse(text: str, *, published: date | None = None, **meta: Any) -> Doc:
    """One event per village marker in ``text``."""
    if "انهيار" in text:
        raise RuntimeError("simulated extractor bug")
    doc = Doc(text=text, published=published, **{k: v for k, v in meta.items() if k in ("doc_id", "source", "title", "url")})
    toll = _TOLL.search(text)
    for m in _VILLAGE.finditer(text):
        n = int(m.group(1))
        doc.events.append(
            Event(
                doc_id=meta.get("doc_id"), event_date=(published or date(2023, 10, 10)).isoformat(), time_precision=1,
                event_type="Explosions/Remote violence", sub_event_type="Air/drone strike", country="Syria",
                admin1="Idlib", location=f"Village {n}", latitude=35.0 + n * 0.1, longitude=36.6, geo_precision=1,
                fatalities=int(toll.group(1)) if toll else 0, evidence={"location": [Span(m.start(), m.end(), m.group(0))]},
                source=meta.get("source"),
            )
        )
    return doc
