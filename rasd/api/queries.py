"""Read queries behind the API and the web pages: plain functions of a connection.

The routers and the HTML pages call the same functions, so the table a
person sees and the JSON a script reads cannot drift apart. Every query is
SQLAlchemy Core with bound parameters.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from sqlalchemy import Connection, Date, Integer, case, cast, func, select

from rasd.api.errors import NotFound
from rasd.api.filters import order_by
from rasd.api.render import row
from rasd.store.filters import EventFilter, coded_fatalities
from rasd.store.models import (
    Actor,
    ActorAlias,
    ActorFactRow,
    Document,
    EventMapFeature,
    EventSource,
    EvidenceSpan,
    Place,
    ReviewHistory,
    table_of,
)
from rasd.store.models import Event as EventRow

__all__ = [
    "actor_detail", "actors", "document", "document_events", "event_detail", "event_history",
    "event_page", "facets", "geojson", "grid", "places", "stats",
]  # fmt: skip

E, ES, SP, D = table_of(EventRow), table_of(EventSource), table_of(EvidenceSpan), table_of(Document)
A, AA, AF, P, RH = table_of(Actor), table_of(ActorAlias), table_of(ActorFactRow), table_of(Place), table_of(ReviewHistory)
MF = table_of(EventMapFeature)
_INTERVALS = ("day", "week", "month", "none")
_GROUPS = ("event_type", "sub_event_type", "country", "admin1", "review_status")


def event_page(conn: Connection, f: EventFilter, *, limit: int, offset: int, sort: str, total: bool) -> dict[str, Any]:
    """A page of events; one row more than asked tells whether another page exists."""
    conds = f.conditions(conn.dialect.name)
    q = select(E).where(*conds).order_by(*order_by(sort)).limit(limit + 1).offset(offset)
    items = [row(r) for r in conn.execute(q)]
    out: dict[str, Any] = {"items": items[:limit], "limit": limit, "offset": offset, "has_more": len(items) > limit}
    if total:
        out["total"] = conn.execute(select(func.count()).select_from(E).where(*conds)).scalar()
    return out


def event_history(conn: Connection, event_id: int) -> list[dict[str, Any]]:
    """The audit trail of an event, oldest first, with the names of the fields that changed."""
    out = []
    for r in conn.execute(select(RH).where(RH.c.event_id == event_id).order_by(RH.c.at, RH.c.id)):
        h = row(r)
        h["at"] = h["at"].isoformat(timespec="seconds") if h["at"] else None
        before, after = h["before"] or {}, h["after"] or {}
        h["changed"] = sorted(k for k in set(before) | set(after) if before.get(k) != after.get(k) and k != "updated_at")
        out.append(h)
    return out


def event_detail(conn: Connection, event_id: int) -> dict[str, Any]:
    """An event, its reports with their documents and evidence, and its audit trail."""
    event = conn.execute(select(E).where(E.c.id == event_id)).first()
    if event is None:
        raise NotFound(f"no event {event_id}")
    q = (
        select(ES.c.id, ES.c.document_id, D.c.doc_key, D.c.title, D.c.source, D.c.published, D.c.url, ES.c.fatalities,
               ES.c.fatalities_known, ES.c.injuries, ES.c.injuries_known)
        .join(D, D.c.id == ES.c.document_id).where(ES.c.event_id == event_id).order_by(ES.c.id)
    )
    reports = [row(r) | {"evidence": []} for r in conn.execute(q)]
    by_id = {r["id"]: r for r in reports}
    spans = select(SP.c.event_source_id, SP.c.field, SP.c.start, SP.c.end, SP.c.text).where(SP.c.event_id == event_id).order_by(SP.c.start)
    for s in conn.execute(spans):
        if s.event_source_id in by_id:
            by_id[s.event_source_id]["evidence"].append({"field": s.field, "start": s.start, "end": s.end, "text": s.text})
    return {"event": row(event), "reports": reports, "history": event_history(conn, event_id)}


def geojson(conn: Connection, f: EventFilter, *, limit: int) -> bytes:
    """Located events as an encoded GeoJSON FeatureCollection, newest first, at most ``limit`` features.

    Each event's feature is kept as JSON text by the database (``event_map_features``,
    migration 0006), so a map view of thousands of events is a join and a concatenation.
    """
    q = (
        select(MF.c.feature).join_from(E, MF, MF.c.event_id == E.c.id)
        .where(*f.conditions(conn.dialect.name))
        .order_by(E.c.event_date.desc(), E.c.id.desc()).limit(limit)
    )
    features = ",".join(feature for (feature,) in conn.execute(q))
    return ('{"type":"FeatureCollection","features":[' + features + "]}").encode()


def _tolls() -> list[Any]:
    """The deaths of a group of events as exports, trends and ``min_fatalities`` count them: ACLED's coded figure summed
    (:func:`~rasd.store.filters.coded_fatalities`: deaths reported without a number count 3, or 10 for a significant
    attack), and beside it ``unknown_tolls``, how many of the events had such a toll."""
    return [func.coalesce(func.sum(coded_fatalities()), 0).label("fatalities"),
            func.coalesce(func.sum(case((E.c.fatalities_known.is_(False), 1), else_=0)), 0).label("unknown_tolls")]


def grid(conn: Connection, f: EventFilter, *, cell: float) -> dict[str, Any]:
    """Every located event matching ``f``, counted in square cells of ``cell`` degrees: the map of a whole archive.

    One ``GROUP BY`` on the cell and the event type, so its cost follows the matching rows, not a
    limit: a map zoomed out over a million events shows all of them, aggregated, where points stop
    at the newest 20,000. Each cell is a Point at its events' mean position, with the counts (deaths
    as :func:`_tolls` counts them).
    """
    def index(col: Any, shift: int) -> Any:  # floor((x + shift) / cell): shifted to be positive, so truncation is floor
        scaled = (col + shift) / cell
        return cast(scaled, Integer) if conn.dialect.name == "sqlite" else func.floor(scaled)

    ix, iy = index(E.c.longitude, 180).label("ix"), index(E.c.latitude, 90).label("iy")
    q = (
        select(ix, iy, E.c.event_type, func.count().label("n"), *_tolls(),
               func.sum(E.c.longitude).label("lon"), func.sum(E.c.latitude).label("lat"))
        .where(*f.conditions(conn.dialect.name), E.c.latitude.is_not(None), E.c.longitude.is_not(None))
        .group_by(ix, iy, E.c.event_type)
    )
    cells: dict[tuple[int, int], dict[str, Any]] = {}
    for r in conn.execute(q):
        c = cells.setdefault((int(r.ix), int(r.iy)), {"events": 0, "fatalities": 0, "unknown_tolls": 0, "lon": 0.0, "lat": 0.0, "event_types": {}})
        c["events"] += int(r.n)
        c["fatalities"] += int(r.fatalities)
        c["unknown_tolls"] += int(r.unknown_tolls)
        c["lon"] += float(r.lon)
        c["lat"] += float(r.lat)
        c["event_types"][r.event_type or "unknown"] = int(r.n)
    features = []
    for (i, j), c in sorted(cells.items(), key=lambda kv: -kv[1]["events"]):
        west, south = round(i * cell - 180, 6), round(j * cell - 90, 6)
        props = {"events": c["events"], "fatalities": c["fatalities"], "unknown_tolls": c["unknown_tolls"], "event_types": c["event_types"],
                 "top_type": max(c["event_types"], key=c["event_types"].get), "bounds": [west, south, round(west + cell, 6), round(south + cell, 6)]}
        point = [round(c["lon"] / c["events"], 5), round(c["lat"] / c["events"], 5)]
        features.append({"type": "Feature", "geometry": {"type": "Point", "coordinates": point}, "properties": props})
    return {"type": "FeatureCollection", "cell": cell, "features": features}


def _period(interval: str, dialect: str) -> Any:
    if interval == "day":
        return E.c.event_date
    if interval == "month":
        return func.substr(E.c.event_date, 1, 7)
    if dialect == "sqlite":  # the Monday on or before the day
        return func.date(E.c.event_date, "-6 days", "weekday 1")
    return func.to_char(func.date_trunc("week", cast(E.c.event_date, Date)), "YYYY-MM-DD")


def stats(conn: Connection, f: EventFilter, *, interval: str, by: str | None) -> dict[str, Any]:
    """Events and deaths (:func:`_tolls`) per ``interval`` (day/week/month/none) and per ``by`` (a field), oldest first."""
    if interval not in _INTERVALS or (by is not None and by not in _GROUPS):
        raise NotFound(f"no statistics by {interval}/{by}")
    keys: list[Any] = []
    if interval != "none":
        keys.append(_period(interval, conn.dialect.name).label("period"))
    if by:
        keys.append(E.c[by].label("key"))
    q = select(*keys, func.count().label("events"), *_tolls()).where(*f.conditions(conn.dialect.name))
    if interval != "none":
        q = q.where(E.c.event_date.is_not(None))
    if keys:
        q = q.group_by(*keys).order_by(*keys)
    rows = [{k: (int(v) if k in ("events", "fatalities", "unknown_tolls") else v) for k, v in row(r).items()} for r in conn.execute(q)]
    return {"interval": interval, "by": by, "rows": rows}


def document(conn: Connection, document_id: int, *, with_text: bool = True) -> dict[str, Any]:
    """A stored document (its cleaned text when asked)."""
    cols = [D.c.id, D.c.doc_key, D.c.title, D.c.source, D.c.published, D.c.url, D.c.n_events] + ([D.c.text] if with_text else [])
    r = conn.execute(select(*cols).where(D.c.id == document_id)).first()
    if r is None:
        raise NotFound(f"no document {document_id}")
    return row(r)


def document_events(conn: Connection, document_id: int) -> list[dict[str, Any]]:
    """The events a document reports, each with the evidence its report of them found in this document."""
    q = (
        select(E, ES.c.id.label("report_id")).join(ES, ES.c.event_id == E.c.id)
        .where(ES.c.document_id == document_id).order_by(ES.c.id)
    )
    events = [row(r) | {"evidence": []} for r in conn.execute(q)]
    by_report = {e["report_id"]: e for e in events}
    spans = select(SP.c.event_source_id, SP.c.field, SP.c.start, SP.c.end, SP.c.text).where(SP.c.event_source_id.in_(list(by_report)))
    for s in conn.execute(spans.order_by(SP.c.start)):
        by_report[s.event_source_id]["evidence"].append({"field": s.field, "start": s.start, "end": s.end, "text": s.text})
    return events


def actors(conn: Connection, *, q: str | None, limit: int, offset: int) -> list[dict[str, Any]]:
    """Actors by name, optionally those with a name or alias containing ``q``, with their aliases."""
    stmt = select(A.c.id, A.c.name, A.c.inter, A.c.country).order_by(A.c.name).limit(limit).offset(offset)
    if q:
        from rasd.lang.ar.normalize import fold

        pattern = "%" + fold(q).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
        stmt = stmt.where(A.c.id.in_(select(AA.c.actor_id).where(AA.c.alias_folded.like(pattern, escape="\\"))) | A.c.name.ilike(pattern, escape="\\"))
    out = [row(r) | {"aliases": []} for r in conn.execute(stmt)]
    by_id = {a["id"]: a for a in out}
    if by_id:
        for r in conn.execute(select(AA.c.actor_id, AA.c.alias).where(AA.c.actor_id.in_(list(by_id))).order_by(AA.c.id)):
            by_id[r.actor_id]["aliases"].append(r.alias)
    return out


def actor_detail(conn: Connection, actor_id: int) -> dict[str, Any]:
    """An actor with its aliases and its dated, sourced facts (newest first)."""
    r = conn.execute(select(A.c.id, A.c.name, A.c.inter, A.c.country).where(A.c.id == actor_id)).first()
    if r is None:
        raise NotFound(f"no actor {actor_id}")
    out = row(r)
    out["aliases"] = [a.alias for a in conn.execute(select(AA.c.alias).where(AA.c.actor_id == actor_id).order_by(AA.c.id))]
    facts = select(AF.c.kind, AF.c.value, AF.c.published, AF.c.text, AF.c.start, AF.c.end, AF.c.document_id).where(AF.c.actor_id == actor_id)
    out["facts"] = [row(f) for f in conn.execute(facts.order_by(AF.c.published.desc(), AF.c.id))]
    return out


def places(conn: Connection, *, country: str | None, admin1: str | None, limit: int, offset: int) -> list[dict[str, Any]]:
    """Places events happened at, with how many events each has."""
    counts = select(E.c.place_id, func.count().label("n")).group_by(E.c.place_id).subquery()
    stmt = (
        select(P.c.id, P.c.name, P.c.name_ar, P.c.country, P.c.admin1, P.c.admin2, P.c.latitude, P.c.longitude,
               func.coalesce(counts.c.n, 0).label("n_events"))
        .outerjoin(counts, counts.c.place_id == P.c.id).order_by(P.c.country, P.c.admin1, P.c.name).limit(limit).offset(offset)
    )
    if country:
        stmt = stmt.where(P.c.country == country)
    if admin1:
        stmt = stmt.where(P.c.admin1 == admin1)
    return [row(r) for r in conn.execute(stmt)]


def facets(conn: Connection) -> dict[str, list[str]]:
    """Distinct countries, areas and types, for the filter drop-downs."""
    out: dict[str, list[str]] = defaultdict(list)
    for name in ("country", "admin1", "event_type", "sub_event_type"):
        col = E.c[name]
        out[name] = [v for (v,) in conn.execute(select(col).where(col.is_not(None)).distinct().order_by(col).limit(500))]
    return dict(out)
