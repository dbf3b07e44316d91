"""ACLED's columns and conventions, applied to a stored event at export time only.

Rasd stores the truth (``fatalities`` is null with ``fatalities_known`` false
when deaths are reported without a number); ACLED's data set wants a number.
The truth becomes ACLED's coding when an event is read, never when it is
stored, so a re-export under changed conventions never needs a re-extraction.
The conventions themselves belong to the data model (:mod:`rasd.model`); this
module applies them to ACLED's columns:

* unknown-but-reported deaths → 10 for a significant attack, 3 for a limited
  event (:func:`rasd.model.acled_fatalities`); ``notes`` says the figure is a convention;
* vague counts ("عشرات" → 10) were coded by the extractor and are marked in ``notes``;
* ``interaction`` is rebuilt from ``inter1``/``inter2`` when missing (lower digit first, X0 one-sided);
* ``event_id_cnty`` comes from ``event_codes`` (ISO3 + per-country sequence), stable across exports.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import UTC, datetime
from functools import cache
from typing import Any

from rasd.lexicon import read_tsv
from rasd.model import acled_fatalities, interaction_code

__all__ = [
    "ACLED_COLUMNS",
    "EXTRA_COLUMNS",
    "acled_record",
    "country_code",
    "country_codes",
    "full_record",
    "interaction_code",
]

#: ACLED's export columns, in ACLED's order.
ACLED_COLUMNS: tuple[str, ...] = (
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type", "sub_event_type",
    "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2", "interaction", "civilian_targeting",
    "iso", "region", "country", "admin1", "admin2", "admin3", "location", "latitude", "longitude", "geo_precision",
    "source", "source_scale", "notes", "fatalities", "tags", "timestamp",
)
#: Rasd's own fields that the richer formats (JSONL, GeoJSON, XLSX, Parquet) carry after ACLED's.
EXTRA_COLUMNS: tuple[str, ...] = (
    "rasd_id", "fatalities_reported", "fatalities_known", "injuries", "injuries_known", "location_ar",
    "confidence", "n_sources", "review_status", "source_title",
)


@cache
def country_codes() -> dict[int | str, tuple[str, str, int]]:
    """ISO numeric code and ACLED country name → (ISO3, ACLED region, ISO number), from ``rasd/data/acled_countries.tsv``."""
    out: dict[int | str, tuple[str, str, int]] = {}
    for r in read_tsv("acled_countries.tsv"):
        out[int(r["iso_num"])] = (r["iso3"], r["region"], int(r["iso_num"]))
    by_num = dict(out)
    for r in read_tsv("gazetteer_countries.tsv"):
        if int(r["iso_num"]) in by_num:
            out[r["name"]] = by_num[int(r["iso_num"])]
    return out


def country_code(ev: Mapping[str, Any]) -> tuple[str, str, int | None]:
    """(ISO3, region, ISO number) of an event's country, by ISO number or name; ("XXX", "", None) when unknown."""
    codes = country_codes()
    iso = ev.get("iso")
    found: tuple[str, str, int | None] | None = codes.get(int(iso)) if iso else None
    return found or codes.get(str(ev.get("country") or "")) or ("XXX", "", None)


def _notes(ev: Mapping[str, Any], convention: str | None) -> str:
    parts = [str(ev.get("notes") or "").strip()]
    if convention and "coded" not in parts[0]:
        parts.append(convention)
    n = int(ev.get("n_sources") or 1)
    if n > 1 and "sources" not in parts[0]:
        parts.append(f"Reported by {n} sources.")
    return " ".join(p for p in parts if p)


def _timestamp(value: Any) -> int | None:
    if isinstance(value, datetime):
        return int(value.replace(tzinfo=UTC).timestamp() if value.tzinfo is None else value.timestamp())
    return None


def _tags(value: Any) -> str:
    return "; ".join(str(t) for t in value) if isinstance(value, list | tuple) else str(value or "")


def acled_record(ev: Mapping[str, Any]) -> dict[str, Any]:
    """The 31 ACLED columns of one stored event (a row of ``events`` + ``event_id_cnty``, ``source_scale``)."""
    fatalities, convention = acled_fatalities(ev)
    _, region, iso = country_code(ev)
    date = ev.get("event_date") or ""
    return {
        "event_id_cnty": ev.get("event_id_cnty") or "",
        "event_date": date,
        "year": int(date[:4]) if date[:4].isdigit() else None,
        "time_precision": ev.get("time_precision"),
        "disorder_type": ev.get("disorder_type") or "",
        "event_type": ev.get("event_type") or "",
        "sub_event_type": ev.get("sub_event_type") or "",
        "actor1": ev.get("actor1") or "",
        "assoc_actor_1": ev.get("assoc_actor_1") or "",
        "inter1": ev.get("inter1"),
        "actor2": ev.get("actor2") or "",
        "assoc_actor_2": ev.get("assoc_actor_2") or "",
        "inter2": ev.get("inter2"),
        "interaction": ev.get("interaction") or interaction_code(ev.get("inter1"), ev.get("inter2")),
        "civilian_targeting": ev.get("civilian_targeting") or "",
        "iso": iso or ev.get("iso"),
        "region": region,
        "country": ev.get("country") or "",
        "admin1": ev.get("admin1") or "",
        "admin2": ev.get("admin2") or "",
        "admin3": ev.get("admin3") or "",
        "location": ev.get("location") or "",
        "latitude": ev.get("latitude"),
        "longitude": ev.get("longitude"),
        "geo_precision": ev.get("geo_precision"),
        "source": ev.get("source") or "",
        "source_scale": ev.get("source_scale") or "",
        "notes": _notes(ev, convention),
        "fatalities": fatalities,
        "tags": _tags(ev.get("tags")),
        "timestamp": _timestamp(ev.get("updated_at")),
    }


def full_record(ev: Mapping[str, Any]) -> dict[str, Any]:
    """ACLED's columns followed by Rasd's own (the reported figure, its honesty flags, confidence…)."""
    out = acled_record(ev)
    out.update(
        rasd_id=ev.get("id"),
        fatalities_reported=ev.get("fatalities") if ev.get("fatalities_known", True) else None,
        fatalities_known=bool(ev.get("fatalities_known", True)),
        injuries=ev.get("injuries"),
        injuries_known=bool(ev.get("injuries_known", True)),
        location_ar=ev.get("location_ar") or "",
        confidence=ev.get("confidence"),
        n_sources=ev.get("n_sources"),
        review_status=ev.get("review_status") or "",
        source_title=ev.get("source_title"),
    )
    return out
