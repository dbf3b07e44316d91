"""Tags per event and per document: actors, places, topics, and the source's own ``#hashtags``.

What a news site shows as hashtags, computed from the structured fields so
every event gets the same vocabulary whatever its source did: an event is
tagged with its named actors (generic ones such as "Civilians (Syria)" are
kept — they are what a reader filters by), its place from village up to
country, its type and sub-type, and the hashtags its articles carried
(kept as the source wrote them, ``_`` read as a space).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import Any

__all__ = ["TAG_KINDS", "document_hashtags", "event_tags", "flat_tags"]

TAG_KINDS = ("actors", "places", "topics", "hashtags")
_HASHTAG = re.compile(r"#([\w\u0600-\u06FF]+(?:_[\w\u0600-\u06FF]+)*)")


def document_hashtags(text: str) -> list[str]:
    """The ``#hashtags`` of a raw text, in order, without duplicates ("#دير_الزور" → "دير الزور")."""
    out: list[str] = []
    for m in _HASHTAG.finditer(text):
        tag = m.group(1).replace("_", " ").strip()
        if tag and tag not in out:
            out.append(tag)
    return out


def _unique(values: Iterable[Any]) -> list[str]:
    out: list[str] = []
    for v in values:
        for part in str(v or "").split("; "):
            if part.strip() and part.strip() not in out:
                out.append(part.strip())
    return out


def event_tags(ev: Mapping[str, Any], hashtags: Iterable[str] = ()) -> dict[str, list[str]]:
    """The event's tags by kind; ``hashtags`` are its documents' (the stored ``tags`` are used when none are given)."""
    actors = _unique((ev.get("actor1"), ev.get("assoc_actor_1"), ev.get("actor2"), ev.get("assoc_actor_2")))
    places = _unique((ev.get("location"), ev.get("admin2"), ev.get("admin1"), ev.get("country")))
    topics = _unique((ev.get("event_type"), ev.get("sub_event_type"), ev.get("disorder_type")))
    named = set(actors) | set(places)
    given = list(hashtags) or [t for t in ev.get("tags") or [] if t not in named]
    return {"actors": actors, "places": places, "topics": topics, "hashtags": _unique(given)}


def flat_tags(tags: Mapping[str, list[str]]) -> list[str]:
    """``kind:value`` strings, e.g. for a search index or a CSV cell."""
    return [f"{kind[:-1] if kind != 'hashtags' else 'hashtag'}:{v}" for kind in TAG_KINDS for v in tags.get(kind, [])]
