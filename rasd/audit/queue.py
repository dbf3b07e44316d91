"""The store's machine events as a review queue ordered by risk (:mod:`rasd.audit.risk`)."""

from __future__ import annotations

from sqlalchemy import select

from rasd.audit.risk import Risk, rank
from rasd.store import Store
from rasd.store.models import Document, EventSource, table_of
from rasd.store.models import Event as EventRow

__all__ = ["risk_queue"]


def risk_queue(store: Store, limit: int = 50) -> list[Risk]:
    """The ``limit`` riskiest machine events (:mod:`rasd.audit.risk`).

    Every machine event is ranked on what its row tells; the foreign-place
    sign, which needs the article's text, is then looked for among the
    ``3 × limit`` riskiest, which are ranked again with it.
    """
    E, ES, D = table_of(EventRow), table_of(EventSource), table_of(Document)
    with store.transaction("reading machine events") as conn:
        events = [dict(r._mapping) for r in conn.execute(select(E).where(E.c.review_status == "machine").order_by(E.c.id))]
    head = rank(events)[: 3 * limit]
    ids = [r.event["id"] for r in head]
    with store.transaction("reading the events' articles") as conn:
        q = select(ES.c.event_id, D.c.doc_key, D.c.title, D.c.text).join(D, D.c.id == ES.c.document_id).where(ES.c.event_id.in_(ids))
        first: dict[int, tuple[str, str]] = {}
        for row in conn.execute(q.order_by(ES.c.id)):
            first.setdefault(row.event_id, (row.doc_key, f"{row.title or ''}\n{row.text or ''}"))
    from rasd.geo import get_geocoder
    from rasd.geo.foreign import foreign_placements

    foreign: list[int] = []
    for r in head:
        doc_key, text = first.get(r.event["id"], ("", ""))
        if text and foreign_placements([{**r.event, "doc_id": doc_key}], {doc_key: text}, get_geocoder()):
            foreign.append(r.event["id"])
    kept = set(ids)
    return [r for r in rank(events, foreign) if r.event["id"] in kept][:limit]
