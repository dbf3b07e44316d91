"""The store's own gazetteer: villages reviewers placed, consulted by the geocoder (issue 14).

An event whose village no gazetteer holds is coded at the unit named with it
(``geo_precision`` 2, ``vague["location"]`` starting with
:data:`UNLISTED_FLAG`). A reviewer who then sets its coordinates, or picks a
place for it, teaches the store the village: one ``gazetteer_places`` row with
the Arabic name as the article wrote it, its transliteration, admin1–3, the
point, who added it, when, and the event it came from (migration ``0008``).

The geocoder reads these rows as one more gazetteer source (``source="store"``,
a point: ``geo_precision`` 1), so the next report that names the village is
placed at the reviewer's point; :meth:`StoreGazetteer.sync` hands them over
whenever they changed. ``rasd gazetteer export`` writes them as a gazetteer
TSV that ``rasd gazetteer import`` reads back.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from functools import lru_cache
from typing import IO, TYPE_CHECKING, Any

from sqlalchemy import JSON, Connection, DateTime, Float, ForeignKey, Integer, RowMapping, String, Text, func, insert, or_, select, update
from sqlalchemy.orm import Mapped, mapped_column

from rasd.clock import now
from rasd.geo.model import KIND_RANK, Place
from rasd.geo.unlisted import UNLISTED_FLAG
from rasd.lang.ar.normalize import fold
from rasd.lang.ar.translit import transliterate
from rasd.store.errors import StoreError
from rasd.store.models import Base, new_id, table_of
from rasd.store.models import Event as EventRow

if TYPE_CHECKING:
    from rasd.geo.geocoder import Geocoder
    from rasd.store.store import Store

__all__ = ["PLACE_SOURCE", "UNLISTED_FLAG", "StoreGazetteer", "StorePlace", "is_unlisted", "learn_from_review", "name_key"]

#: How the extractor's ``vague["location"]`` starts for a place the gazetteer does not hold (set in rasd/extract/sites.py).
#: ``Candidate.source`` (and ``Place.source``) of a place from the store's gazetteer.
PLACE_SOURCE = "store"


class StorePlace(Base):
    """A place a reviewer added: names, admin units, point, and where it came from."""

    __tablename__ = "gazetteer_places"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(200))  # transliterated (or as the reviewer spelled it)
    name_ar: Mapped[str] = mapped_column(String(200))  # as the article wrote it
    name_key: Mapped[str] = mapped_column(String(200), index=True)  # folded Arabic name, for lookups
    kind: Mapped[str] = mapped_column(String(20), default="village")
    country: Mapped[str] = mapped_column(String(2))  # ISO 3166 alpha-2
    admin1: Mapped[str | None] = mapped_column(String(120))
    admin2: Mapped[str | None] = mapped_column(String(120))
    admin3: Mapped[str | None] = mapped_column(String(120))
    latitude: Mapped[float] = mapped_column(Float)
    longitude: Mapped[float] = mapped_column(Float)
    aliases: Mapped[list[Any]] = mapped_column(JSON, default=list)
    added_by: Mapped[str] = mapped_column(String(120))
    added_at: Mapped[datetime] = mapped_column(DateTime)
    updated_at: Mapped[datetime] = mapped_column(DateTime)
    event_id: Mapped[int | None] = mapped_column(ForeignKey("events.id", ondelete="SET NULL"))
    note: Mapped[str | None] = mapped_column(Text)


GP, E = table_of(StorePlace), table_of(EventRow)


def name_key(name: str) -> str:
    """The folded form of an Arabic name that lookups compare (ة/ه, hamza seats, spaces)."""
    return " ".join(fold(name).split())


def is_unlisted(vague: Mapping[str, Any] | None) -> bool:
    """True when an event's location is flagged as a place the gazetteer does not hold."""
    flag = (vague or {}).get("location")
    return isinstance(flag, str) and flag.startswith(UNLISTED_FLAG)


@lru_cache(maxsize=1)
def _iso2() -> dict[str, str]:
    """ACLED country name, ISO numeric code (as text) and alpha-2 → alpha-2."""
    from rasd.geo.store import load_countries

    table: dict[str, str] = {}
    for c in load_countries().values():
        table.update({c.name: c.iso2, str(c.iso): c.iso2, c.iso2: c.iso2})
    return table


def _country_code(event: Mapping[str, Any] | RowMapping) -> str:
    code = _iso2().get(str(event.get("iso") or "")) or _iso2().get(event.get("country") or "")
    if code is None:
        raise StoreError(f"event {event.get('id')}: country {event.get('country')!r} is not one the gazetteer knows")
    return code


def learn_from_review(conn: Connection, event_id: int, before: Mapping[str, Any], reviewer: str, *, new_place: str | None = None) -> int | None:
    """After a review wrote ``event_id``: add its place to the store's gazetteer when the review placed it.

    Three cases teach the store: ``new_place`` (the kind of a place the
    reviewer explicitly added); an event flagged :func:`is_unlisted` whose
    coordinates the reviewer set, or picked, keeping its Arabic name (picking
    a place by another name moves the event, it does not place the village);
    and a later move of an event a place came from (a reviewer who sets
    latitude, then longitude). The Arabic name is the one the article wrote;
    a reviewer's other spelling joins it as an alias. The flag is cleared.
    Returns the place's id, or ``None`` when the review taught nothing.
    """
    event = conn.execute(select(E).where(E.c.id == event_id)).one()._mapping
    written = before.get("location_ar") or event["location_ar"] or ""
    moved = any(before.get(k) != event[k] for k in ("latitude", "longitude"))
    origin = conn.execute(select(GP.c.id).where(GP.c.event_id == event_id).order_by(GP.c.id.desc())).scalar()
    same_name = name_key(event["location_ar"] or "") == name_key(written)
    if new_place is None and not (moved and same_name and (is_unlisted(before.get("vague")) or origin is not None)):
        return None
    if new_place is not None and new_place not in KIND_RANK:
        raise StoreError(f"unknown place kind {new_place!r}")
    name_ar = event["location_ar"] or written
    if not name_ar or event["latitude"] is None or event["longitude"] is None:
        if new_place is None:
            return None  # a review that clears the point or the name unplaces the event: nothing to learn
        raise StoreError(f"event {event_id}: a place needs an Arabic name and coordinates")
    at = now()
    values = {
        "name": event["location"] or transliterate(name_ar), "name_ar": name_ar, "name_key": name_key(name_ar),
        "country": _country_code(event), "admin1": event["admin1"], "admin2": event["admin2"], "admin3": event["admin3"],
        "latitude": float(event["latitude"]), "longitude": float(event["longitude"]), "updated_at": at,
        "added_by": reviewer, "event_id": event_id,
    }
    same = select(GP.c.id).where(GP.c.name_key == values["name_key"], GP.c.country == values["country"])
    same = same.where(GP.c.admin1 == values["admin1"] if values["admin1"] else GP.c.admin1.is_(None))
    existing = conn.execute(same).scalar() if new_place is not None or origin is None else origin
    if existing is not None:  # the same village placed again: the newest review's point stands
        conn.execute(update(GP).where(GP.c.id == existing).values(**values))
        place_id = int(existing)
    else:
        aliases = [written] if written and name_key(written) != values["name_key"] else []
        place_id = new_id(conn.execute(insert(GP).values(**values, kind=new_place or "village", aliases=aliases, added_at=at)))
    if is_unlisted(event["vague"]):
        vague = {k: v for k, v in (event["vague"] or {}).items() if k != "location"}
        conn.execute(update(E).where(E.c.id == event_id).values(vague=vague))
    return place_id


def _place(r: Any) -> Place:
    """A row as a gazetteer :class:`~rasd.geo.model.Place` (id ``store:N``, its provenance in the note)."""
    origin = f" from event #{r.event_id}" if r.event_id else ""
    return Place(
        id=f"store:{r.id}", kind=r.kind, name=r.name, name_ar=r.name_ar, country=r.country, admin1=r.admin1,
        admin2=r.admin2, admin3=r.admin3, latitude=r.latitude, longitude=r.longitude, source=PLACE_SOURCE,
        aliases=tuple(r.aliases or ()), note=f"added by {r.added_by} on {r.added_at:%Y-%m-%d}{origin}",
    )


class StoreGazetteer:
    """The places of one store: read, searched, exported, and handed to the geocoder."""

    def __init__(self, store: Store) -> None:
        self.store = store

    def places(self) -> list[Place]:
        """Every place, oldest first (so a geocoder given them again keeps their order)."""
        with self.store.transaction("reading the store's gazetteer") as conn:
            return [_place(r) for r in conn.execute(select(GP).order_by(GP.c.id))]

    def rows(self) -> list[dict[str, Any]]:
        """Every place as stored (with ``added_by``, ``added_at``, ``event_id``), oldest first."""
        with self.store.transaction("reading the store's gazetteer") as conn:
            return [dict(r._mapping) for r in conn.execute(select(GP).order_by(GP.c.id))]

    def search(self, words: list[str], *, limit: int = 10) -> list[Place]:
        """Places whose Arabic name contains any of ``words`` (folded), newest first."""
        keys = [name_key(w) for w in words if len(name_key(w)) >= 2]
        if not keys:
            return []
        like = [GP.c.name_key.like("%" + k.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%", escape="\\") for k in keys]
        q = select(GP).where(or_(*like)).order_by(GP.c.updated_at.desc(), GP.c.id.desc()).limit(limit)
        with self.store.transaction("searching the store's gazetteer") as conn:
            return [_place(r) for r in conn.execute(q)]

    def version(self) -> tuple[str, int, int, str] | None:
        """What changes whenever a place is added or moved; ``None`` for a store with none."""
        q = select(func.count(), func.max(GP.c.id), func.max(GP.c.updated_at))
        with self.store.transaction("reading the store's gazetteer") as conn:
            n, top, changed = conn.execute(q).one()
        return (self.store.url, int(n), int(top), str(changed)) if n else None

    def sync(self, geocoder: Geocoder | None = None) -> bool:
        """Give ``geocoder`` (the process-wide one by default) these places if they changed; True if it did."""
        from rasd.geo.geocoder import get_geocoder

        version = self.version()
        target = geocoder or get_geocoder()
        if target.places_version == version:
            return False
        target.use_places(self.places() if version else [], version=version)
        return True

    def export(self, out: IO[str]) -> int:
        """Write every place as a gazetteer TSV (``rasd gazetteer import`` reads it); returns the row count."""
        from rasd.geo.store import write_places

        notes = [
            "Rasd store gazetteer, written by `rasd gazetteer export`: places reviewers added, with who and when in `note`.",
            f"Exported {now():%Y-%m-%d %H:%M} UTC.",
        ]
        return write_places(out, self.places(), notes)
