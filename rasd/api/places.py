"""``/api/v1/places/search`` and ``/api/v1/events/{id}/place``: the review page's place search and new places.

The search reads a phrase as a reviewer types it, a name with the words
around it ("قرية البارة جبل الزاوية"): the geocoder (which consults the
store's own gazetteer) reads the whole phrase, the store's places are also
matched by part of their Arabic name, and every option is ranked by how many
of the admin units the phrase names it lies in. The last option is always a
*new place*: the village as the phrase writes it, placed at the unit named
with it, for the reviewer to put at its own coordinates. Setting a new place
corrects the event and adds the place to the store's gazetteer in one
transaction. Both routes need the reviewer role.
"""

from __future__ import annotations

import re
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, Query
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import Response
from pydantic import Field
from sqlalchemy import select

from rasd.api import queries
from rasd.api.deps import MAX_ID, RowId, get_store, require_role
from rasd.api.errors import Conflict, NotFound
from rasd.api.render import json_response
from rasd.api.values import PRINTABLE, CleanModel
from rasd.api.responses import error_responses
from rasd.api.schemas import EventDetail
from rasd.geo.model import Candidate, Place
from rasd.geo.store import Country, load_countries
from rasd.geo.unlisted import UNLISTED
from rasd.lang.ar.places import PLACE_NOUNS
from rasd.lang.ar.translit import transliterate
from rasd.store import Store
from rasd.store.accounts import Account
from rasd.store.gazetteer import PLACE_SOURCE, StoreGazetteer, name_key
from rasd.store.models import Event as EventRow
from rasd.store.models import table_of

__all__ = ["NewPlaceIn", "router", "search_places"]

router = APIRouter(tags=["review"])
Reviewer = Annotated[Account, Depends(require_role("reviewer"))]
StoreDep = Annotated[Store, Depends(get_store)]
E = table_of(EventRow)
_AREAS = frozenset(["admin1", "admin2", "admin3", "region", "country"])
_WORD = re.compile(r"[^\W\d_]{3,}")
_NO_CONTROL = PRINTABLE  # what CleanModel refuses, said in the schema


class NewPlaceIn(CleanModel):
    """A place the gazetteer lacks, as a reviewer sets it: its names, admin units and point (strict: no ``false`` for a number)."""

    name_ar: str = Field(min_length=1, max_length=200, pattern=_NO_CONTROL, description="The Arabic name, as written.")
    name: str | None = Field(default=None, max_length=200, pattern=_NO_CONTROL, description="Transliteration (default: Rasd's).")
    kind: Literal["village", "town", "camp", "neighbourhood", "landmark"] = "village"
    admin1: str | None = Field(default=None, max_length=120, pattern=_NO_CONTROL)
    admin2: str | None = Field(default=None, max_length=120, pattern=_NO_CONTROL)
    admin3: str | None = Field(default=None, max_length=120, pattern=_NO_CONTROL)
    latitude: float = Field(ge=-90, le=90)
    longitude: float = Field(ge=-180, le=180)
    comment: str | None = Field(default=None, max_length=2000)


def _changes(c: Candidate) -> dict[str, Any]:
    return {
        "location": c.name, "location_ar": c.name_ar, "country": c.country, "iso": c.iso, "admin1": c.admin1,
        "admin2": c.admin2, "admin3": c.admin3, "latitude": c.latitude, "longitude": c.longitude, "geo_precision": c.geo_precision,
    }  # fmt: skip


def _as_written(phrase: str, folded: str) -> str:
    """The words of ``phrase`` whose folded form is ``folded`` (the geocoder answers folded names)."""
    words = phrase.split()
    for i in range(len(words)):
        for j in range(i + 1, min(i + 4, len(words)) + 1):
            if name_key(" ".join(words[i:j])) == name_key(folded):
                return " ".join(words[i:j])
    return folded


def _store_candidate(p: Place, countries: dict[str, Country]) -> Candidate:
    c = countries.get(p.country)
    return Candidate(
        name=p.name, name_ar=p.name_ar, kind=p.kind, admin1=p.admin1, admin2=p.admin2, admin3=p.admin3,
        country=c.name if c else p.country, iso=c.iso if c else 0, latitude=p.latitude, longitude=p.longitude,
        geo_precision=1, score=0.0, source=PLACE_SOURCE,
    )


def _new_option(phrase: str, unlisted: Candidate | None, event: dict[str, Any] | None) -> dict[str, Any]:
    """The "new place" option: the unlisted reading of the phrase, else the event's place, else the phrase."""
    if unlisted is not None:
        changes = _changes(unlisted) | {"location_ar": _as_written(phrase, unlisted.name_ar)}
        changes["location"] = transliterate(changes["location_ar"])
    else:
        words = [w for w in phrase.split() if name_key(w) not in PLACE_NOUNS]
        name_ar = " ".join(words[:2]) or (event or {}).get("location_ar") or ""
        keep = ("country", "iso", "admin1", "admin2", "admin3", "latitude", "longitude")
        changes = {k: (event or {}).get(k) for k in keep} | {"location_ar": name_ar, "location": transliterate(name_ar) if name_ar else ""}
    return {"source": "new", "kind": unlisted.kind if unlisted else "village", "context": 0, "changes": changes | {"geo_precision": 1}}


def search_places(store: Store, phrase: str, *, event_id: int | None = None, limit: int = 8) -> list[dict[str, Any]]:
    """Options for a reviewer's place phrase, best first, each with the event fields to set; "new place" last."""
    from rasd.geo import get_geocoder

    event = _event(store, event_id) if event_id else None
    places = StoreGazetteer(store)
    places.sync()
    phrase = " ".join(phrase.split())
    geocoder = get_geocoder()
    found = geocoder.geocode(phrase, country=(event or {}).get("country"), limit=limit) if phrase else []
    unlisted = next((c for c in found if c.source == UNLISTED), None)
    known = [c for c in found if c.source != UNLISTED]
    head = next((c.name_ar for c in known if c.kind not in _AREAS), None)  # the units named with it, not its own
    context = {n for c in known if c.kind in _AREAS and c.name_ar != head for n in (c.name, c.admin1, c.admin2, c.admin3) if n}
    if not context and unlisted is not None:
        context = {n for n in (unlisted.admin1, unlisted.admin2, unlisted.admin3) if n}
    seen = {(c.name_ar, round(c.latitude, 4), round(c.longitude, 4)) for c in known}
    words = [w for w in _WORD.findall(phrase) if name_key(w) not in PLACE_NOUNS]
    for p in places.search(words, limit=limit):
        if (p.name_ar, round(p.latitude, 4), round(p.longitude, 4)) not in seen:
            known.append(_store_candidate(p, geocoder.gazetteer.countries))
    def hits(c: Candidate) -> int:  # admin units of the phrase the place lies in
        return sum(n in context for n in (c.admin1, c.admin2, c.admin3) if n)

    ranked = sorted(enumerate(known), key=lambda ic: (ic[1].kind in _AREAS, -hits(ic[1]), ic[0]))
    options = [
        {"source": PLACE_SOURCE if c.source == PLACE_SOURCE else "gazetteer", "kind": c.kind, "context": hits(c), "changes": _changes(c)}
        for _, c in ranked[:limit]
    ]
    return [*options, _new_option(phrase, unlisted, event)]


def _event(store: Store, event_id: int) -> dict[str, Any]:
    with store.transaction("reading an event") as conn:
        r = conn.execute(select(E).where(E.c.id == event_id)).first()
    if r is None:
        raise NotFound(f"no event {event_id}")
    return dict(r._mapping)


def set_new_place(store: Store, event_id: int, body: NewPlaceIn, *, reviewer: str) -> None:
    """Move the event to a new place and add that place to the store's gazetteer (one transaction).

    The store's gazetteer files a place under its country, so an event whose country the gazetteer does
    not know is :class:`~rasd.api.errors.Conflict` (409): correct its country first.
    """
    event = _event(store, event_id)
    known = {str(v) for c in load_countries().values() for v in (c.name, c.iso, c.iso2)}
    if not ({str(event.get("iso") or ""), event.get("country") or ""} & known):
        raise Conflict(f"event {event_id} is in no country the gazetteer knows ({event.get('country')!r}): correct its country first")
    changes = {
        "location": body.name or transliterate(body.name_ar), "location_ar": body.name_ar, "admin1": body.admin1,
        "admin2": body.admin2, "admin3": body.admin3, "latitude": body.latitude, "longitude": body.longitude, "geo_precision": 1,
    }  # fmt: skip
    store.review(event_id, "corrected", reviewer=reviewer, changes=changes, comment=body.comment, new_place=body.kind)


@router.get("/places/search", responses=error_responses(404), summary="Find a place for an event: gazetteer, the store's places, or a new one")
async def place_search(
    user: Reviewer, store: StoreDep,
    q: Annotated[str, Query(min_length=1, max_length=200, pattern=_NO_CONTROL, description="A place phrase, with its context words.")],
    event_id: Annotated[int | None, Query(ge=1, le=MAX_ID, description="The event being placed (its country decides homonyms).")] = None,
    limit: Annotated[int, Query(ge=1, le=20)] = 8,
) -> list[dict[str, Any]]:
    """Each option carries the event fields to send as ``changes``; the last is always ``source: "new"``."""
    return await run_in_threadpool(search_places, store, q, event_id=event_id, limit=limit)


@router.post("/events/{event_id}/place", response_model=EventDetail, responses=error_responses(409), summary="Put an event at a new place")
def new_place(event_id: RowId, body: NewPlaceIn, user: Reviewer, store: StoreDep) -> Response:
    """The event moves to the place (``geo_precision`` 1) and the place joins the store's gazetteer."""
    set_new_place(store, event_id, body, reviewer=user.name)
    with store.engine.connect() as conn:
        return json_response(queries.event_detail(conn, event_id))
