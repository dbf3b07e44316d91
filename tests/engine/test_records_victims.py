"""Named victims and the source title survive the batch output's Parquet rows (written and read back)."""

from __future__ import annotations

from datetime import date

import pyarrow as pa

from rasd.engine.records import EVENT_SCHEMA, event_from_row, event_rows
from rasd.extract import analyse
from rasd.ingest.readers import RawDocument


def test_victims_round_trip_through_arrow() -> None:
    text = "استشهد الشاب أحمد شايب (19 عاماً) برصاص قوات الاحتلال في مخيم جنين."
    raw = RawDocument("own-1", text, date(2024, 5, 1), "Own Desk", None, "عنوان الخبر", "own-1.txt", "0" * 64)
    doc = analyse(text, published=raw.published, doc_id=raw.doc_id, title=raw.title)
    table = pa.Table.from_pylist(event_rows(raw, doc, "test"), schema=EVENT_SCHEMA)
    (back,) = [event_from_row(r) for r in table.to_pylist()]
    assert back.victims == doc.events[0].victims and back.victims[0].age == 19
    assert back.source_title == "عنوان الخبر"
