"""The outlets and feeds Rasd reads: what ``rasd sources`` manages and ``rasd watch`` polls.

Besides ACLED's description of a source (scale, language, reliability),
each row keeps the validators of its last fetch (ETag, Last-Modified) so
polling is a conditional GET: an unchanged feed costs the server a 304.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import Connection, insert, select, update
from sqlalchemy.exc import IntegrityError

from rasd.store.errors import StoreError
from rasd.text.controls import has_control
from rasd.store.models import Source, new_id, table_of

__all__ = [
    "SOURCE_KINDS",
    "SourceInfo",
    "add_source",
    "get_source",
    "list_sources",
    "record_poll",
]

S = table_of(Source)
SOURCE_KINDS = ("feed", "page", "file")


@dataclass(frozen=True, slots=True)
class SourceInfo:
    """A configured source."""

    id: int
    name: str
    url: str | None
    kind: str
    scale: str | None
    language: str | None
    reliability: float | None
    enabled: bool
    poll_seconds: int
    etag: str | None
    last_modified: str | None
    last_polled: datetime | None


def _info(r: object) -> SourceInfo:
    m = r._mapping  # type: ignore[attr-defined]
    return SourceInfo(**{k: m[k] for k in SourceInfo.__dataclass_fields__})


def add_source(
    conn: Connection,
    *,
    name: str,
    url: str | None,
    kind: str = "feed",
    scale: str | None = None,
    language: str | None = "ar",
    reliability: float | None = None,
    poll_seconds: int = 900,
    at: datetime,
) -> int:
    """Add a source; a name already taken is a :class:`StoreError`."""
    if kind not in SOURCE_KINDS:
        raise StoreError(
            f"unknown source kind {kind!r}; one of {', '.join(SOURCE_KINDS)}",
            source=name,
        )
    if reliability is not None and not 0.0 <= reliability <= 1.0:
        raise StoreError("reliability is a number from 0 to 1", source=name)
    if has_control(name) or (url and has_control(url)):
        raise StoreError("a source's name and URL cannot hold control characters", source=repr(name))
    try:
        with conn.begin_nested():
            return new_id(
                conn.execute(
                    insert(S).values(
                        name=name,
                        url=url,
                        kind=kind,
                        scale=scale,
                        language=language,
                        reliability=reliability,
                        enabled=True,
                        poll_seconds=poll_seconds,
                        created_at=at,
                    )
                )
            )
    except IntegrityError as exc:
        raise StoreError(
            f"a source named {name!r} already exists", source="sources"
        ) from exc


def list_sources(conn: Connection, *, enabled_only: bool = False) -> list[SourceInfo]:
    """All sources by name."""
    q = select(S)
    if enabled_only:
        q = q.where(S.c.enabled.is_(True))
    return [_info(r) for r in conn.execute(q.order_by(S.c.name))]


def get_source(conn: Connection, name: str) -> SourceInfo | None:
    """The source called ``name``, or ``None``."""
    r = conn.execute(select(S).where(S.c.name == name)).first()
    return _info(r) if r is not None else None


def record_poll(
    conn: Connection,
    source_id: int,
    *,
    at: datetime,
    etag: str | None = None,
    last_modified: str | None = None,
) -> None:
    """Remember when a source was polled and its new validators (kept when the server sent none)."""
    values: dict[str, object] = {"last_polled": at}
    if etag is not None:
        values["etag"] = etag
    if last_modified is not None:
        values["last_modified"] = last_modified
    conn.execute(update(S).where(S.c.id == source_id).values(**values))
