"""``/api/v1/audit/…``: draw audit batches, read their queue, give verdicts, read the accuracy report.

Drawing a batch and giving a verdict need the reviewer role; reading needs
what every other read needs. A verdict also reviews the event itself through
the review workflow (right → approve, corrected → correct with the values,
not an event → reject), so the audit trail holds it as any review.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, Query
from pydantic import ConfigDict, Field, field_validator, model_validator
from sqlalchemy import select

from rasd.api import workflow
from rasd.api.deps import RowId, get_store, require_reader, require_role
from rasd.api.errors import Conflict, NotFound
from rasd.api.responses import error_responses
from rasd.api.schemas import Correction, _correction_schema
from rasd.api.values import MAX_ID, CleanModel
from rasd.audit import batches, report, report_json, risk_queue, sample
from rasd.errors import InputError
from rasd.store import EventFilter, Store, StoreError
from rasd.store import audit as store_audit
from rasd.store.accounts import Account
from rasd.store.models import Event as EventRow
from rasd.store.models import table_of

__all__ = ["router", "batch_queue", "risk_rows"]

router = APIRouter(prefix="/audit", tags=["audit"])
Reviewer = Annotated[Account, Depends(require_role("reviewer"))]
Reader = Annotated[Account | None, Depends(require_reader)]
StoreDep = Annotated[Store, Depends(get_store)]
ACTIONS = {"right": "approve", "corrected": "correct", "not_event": "reject"}
E = table_of(EventRow)


class SampleIn(CleanModel):
    """A batch to draw: its size, seed, name and the event filter (docs/filters.md) it is drawn within."""

    n: int = Field(default=100, ge=1, le=10_000)
    seed: int = Field(default=0, ge=0, le=2**31 - 1)
    name: str | None = Field(default=None, max_length=200)
    filters: dict[str, Any] = Field(default_factory=dict, description=(
        'The event filter as JSON, as a subscription stores it (docs/filters.md), e.g. {"country": ["Syria"], "date_from": "2024-03"}.'))

    @field_validator("filters")
    @classmethod
    def _a_filter(cls, value: dict[str, Any]) -> dict[str, Any]:
        try:
            return EventFilter.parse(value).to_json()
        except InputError as exc:
            raise ValueError(str(exc)) from None


def _audited_only(schema: dict[str, Any]) -> None:
    """The correction schema, with only the audited fields."""
    _correction_schema(schema)
    schema["properties"] = {k: v for k, v in schema["properties"].items() if k in store_audit.AUDIT_FIELDS}


class AuditChanges(Correction):
    """The right values of the audited fields a reviewer marks corrected."""

    model_config = ConfigDict(json_schema_extra=_audited_only)

    @model_validator(mode="before")
    @classmethod
    def _audited(cls, data: Any) -> Any:
        unknown = sorted(set(data) - set(store_audit.AUDIT_FIELDS)) if isinstance(data, dict) else []
        if unknown:
            raise ValueError(f"not audited fields: {', '.join(unknown)}")
        return data


def _verdict_schema(schema: dict[str, Any]) -> None:
    """Say in the schema that a correction names fields and the other verdicts none."""
    schema["if"] = {"properties": {"verdict": {"const": "corrected"}}, "required": ["verdict"]}
    schema["then"] = {"properties": {"changes": {"minProperties": 1}}, "required": ["changes"]}
    schema["else"] = {"properties": {"changes": {"maxProperties": 0}}}


class VerdictIn(CleanModel):
    """A reviewer's verdict on one audited event: the right values of corrected fields go in ``changes``."""

    model_config = ConfigDict(json_schema_extra=_verdict_schema)

    verdict: Literal["right", "corrected", "not_event"]
    changes: AuditChanges = Field(default_factory=AuditChanges)
    comment: str | None = Field(default=None, max_length=2000)

    @model_validator(mode="after")
    def _consistent(self) -> VerdictIn:
        named = bool(self.changes.model_fields_set)
        if (self.verdict == "corrected") != named:
            raise ValueError("a correction names the fields it corrects" if named is False else f"a {self.verdict!r} verdict corrects no field")
        return self


def batch_queue(store: Store, batch_id: int) -> dict[str, Any]:
    """A batch with its items in queue order, each with the event as it is now (``None`` once deleted)."""
    found = [b for b in batches(store) if b["id"] == batch_id]
    if not found:
        raise NotFound(f"no audit batch {batch_id}")
    with store.transaction("reading an audit batch") as conn:
        items = store_audit.items(conn, [batch_id])
        ids = [it["event_id"] for it in items if it["event_id"]]
        events = {r.id: dict(r._mapping) for r in conn.execute(select(E).where(E.c.id.in_(ids)))}
    for it in items:
        it["event"] = events.get(it["event_id"])
    return {"batch": found[0], "items": items, "fields": list(store_audit.AUDIT_FIELDS)}


@router.get("/batches", summary="Every audit batch, newest first")
def get_batches(store: StoreDep, user: Reader) -> list[dict[str, Any]]:
    """With each batch's size and how many of its events have a verdict."""
    return batches(store)


@router.post("/batches", status_code=201, responses=error_responses(409), summary="Draw a random audit batch")
def post_batch(body: SampleIn, store: StoreDep, user: Reviewer) -> dict[str, Any]:
    """Unreviewed machine events, stratified by sub-type and source; the same seed and filters draw the same events."""
    try:
        batch_id = sample(store, body.n, seed=body.seed, created_by=user.name, name=body.name,
                          f=EventFilter.parse(body.filters))
    except StoreError as exc:
        raise Conflict(str(exc)) from exc
    return batch_queue(store, batch_id)


@router.get("/batches/{batch_id}", summary="An audit batch's queue")
def get_batch(batch_id: RowId, store: StoreDep, user: Reader) -> dict[str, Any]:
    """Its items in order, each with its verdict (if given) and the event as it is now."""
    return batch_queue(store, batch_id)


@router.post("/items/{item_id}/verdict", responses=error_responses(409), summary="Give the verdict on one audited event")
def post_verdict(item_id: RowId, body: VerdictIn, store: StoreDep, user: Reviewer) -> dict[str, Any]:
    """``right``: nothing to correct; ``corrected``: the right values in ``changes``; ``not_event``: the event is rejected."""
    changes = body.changes.model_dump(exclude_unset=True)
    try:
        with store.transaction("reading an audit item") as conn:
            event_id = store_audit.item(conn, item_id)["event_id"]
    except StoreError as exc:
        raise NotFound(str(exc)) from exc
    if event_id is None:
        raise Conflict(f"the event of audit item {item_id} was deleted (re-extracted): it cannot be reviewed")
    workflow.review(store, event_id, ACTIONS[body.verdict], reviewer=user.name, changes=changes, comment=body.comment)
    with store.transaction("recording an audit verdict") as conn:
        fields = store_audit.record_verdict(conn, item_id, body.verdict, reviewer=user.name, corrections=changes, comment=body.comment)
    return {"item": item_id, "verdict": body.verdict, "fields": fields}


@router.get("/report", summary="Accuracy measured by the audit batches")
def get_report(store: StoreDep, user: Reader,
               batch: Annotated[list[Annotated[int, Field(ge=1, le=MAX_ID)]] | None,
                                    Query(description="Only these batches (default: all).")] = None) -> dict[str, Any]:
    """Shares with Wilson 95 % intervals and sample sizes: no correction needed, per field, sub-type, source, extraction version."""
    return report_json(report(store, batch or None))


RISK_FIELDS = ("id", "event_date", "event_type", "sub_event_type", "actor1", "actor2", "country", "admin1", "location",
               "location_ar", "fatalities", "injuries", "confidence", "source")


def risk_rows(store: Store, limit: int) -> list[dict[str, Any]]:
    """The riskiest machine events, each with its score, the warning signs and the fields a queue shows."""
    return [{"event": {k: r.event.get(k) for k in RISK_FIELDS}, "score": r.score, "reasons": r.reasons} for r in risk_queue(store, limit)]


@router.get("/risk", summary="Machine events likely to be wrong, riskiest first")
def get_risk(store: StoreDep, user: Reader, limit: Annotated[int, Query(ge=1, le=500)] = 50) -> list[dict[str, Any]]:
    """Risk: 1 − confidence, plus 0.5 for each warning sign (toll outlier, unlisted or foreign place, one-sided, source actor)."""
    return risk_rows(store, limit)
