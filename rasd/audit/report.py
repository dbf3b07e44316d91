"""The accuracy report of audit batches: shares with Wilson 95 % intervals, overall, per field and per group.

Only audit items count (a random sample, so the shares estimate the machine's
accuracy on the store's own sources); a verdict of ``not_event`` counts as a
record needing correction and leaves its fields unjudged.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import asdict, dataclass, field
from math import sqrt
from typing import Any

from rasd.store.audit import AUDIT_FIELDS

__all__ = ["Share", "AuditReport", "wilson", "audit_report", "report_markdown", "report_json", "GROUPS"]

Z95 = 1.959964
#: The item columns the report breaks the no-correction share down by.
GROUPS: tuple[str, ...] = ("sub_event_type", "source", "extraction_version")


def wilson(k: int, n: int, z: float = Z95) -> tuple[float, float]:
    """The Wilson score interval of ``k`` successes in ``n`` trials ((0, 1) when ``n`` is 0)."""
    if n == 0:
        return 0.0, 1.0
    p = k / n
    centre = (p + z * z / (2 * n)) / (1 + z * z / n)
    half = z * sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / (1 + z * z / n)
    return max(0.0, centre - half), min(1.0, centre + half)


@dataclass(frozen=True, slots=True)
class Share:
    """``k`` of ``n``, with its share and Wilson 95 % interval."""

    k: int
    n: int

    @property
    def share(self) -> float | None:
        return self.k / self.n if self.n else None

    @property
    def interval(self) -> tuple[float, float]:
        return wilson(self.k, self.n)

    def to_dict(self) -> dict[str, Any]:
        low, high = self.interval
        share = self.share
        return {"k": self.k, "n": self.n, "share": None if share is None else round(share, 4), "low": round(low, 4), "high": round(high, 4)}

    def __str__(self) -> str:
        if not self.n:
            return "– (n = 0)"
        low, high = self.interval
        return f"{self.k / self.n:.0%} [{low:.0%}–{high:.0%}] (n = {self.n})"


@dataclass(slots=True)
class AuditReport:
    """What the reviewed audit items tell: records needing no correction, real events, each field, each group."""

    batches: list[int]
    reviewed: int
    no_correction: Share
    real_events: Share
    fields: dict[str, Share] = field(default_factory=dict)
    groups: dict[str, dict[str, Share]] = field(default_factory=dict)


def audit_report(items: Iterable[Mapping[str, Any]]) -> AuditReport:
    """The report over audit items (rows of ``audit_items``); items without a verdict are left out."""
    done = [it for it in items if it.get("verdict")]
    right = sum(1 for it in done if it["verdict"] == "right")
    events = [it for it in done if it["verdict"] != "not_event"]
    fields = {}
    for f in AUDIT_FIELDS:
        judged = [it["fields"][f]["verdict"] for it in events if f in (it.get("fields") or {})]
        fields[f] = Share(sum(1 for v in judged if v == "right"), len(judged))
    groups: dict[str, dict[str, Share]] = {}
    for g in GROUPS:
        counts: dict[str, list[int]] = defaultdict(lambda: [0, 0])
        for it in done:
            c = counts[str(it.get(g) or "–")]
            c[0] += it["verdict"] == "right"
            c[1] += 1
        groups[g] = {k: Share(*v) for k, v in sorted(counts.items(), key=lambda kv: (-kv[1][1], kv[0]))}
    return AuditReport(sorted({int(it["batch_id"]) for it in done}), len(done), Share(right, len(done)),
                       Share(len(events), len(done)), fields, groups)


GROUP_LABELS = {"sub_event_type": "sub-type", "source": "source", "extraction_version": "extraction version"}


def report_markdown(r: AuditReport) -> str:
    """The report as Markdown tables."""
    batches = ", ".join(map(str, r.batches)) or "none"
    lines = ["# Audit: accuracy on random samples", "",
             f"{r.reviewed} reviewed events from audit batch(es) {batches}; shares with Wilson 95 % intervals.", "",
             f"- needing no correction: {r.no_correction}", f"- real events (not rejected): {r.real_events}", "",
             "| field | right |", "|---|---|"]
    lines += [f"| {f} | {s} |" for f, s in r.fields.items()]
    for g, shares in r.groups.items():
        lines += ["", f"| {GROUP_LABELS[g]} | needing no correction |", "|---|---|"]
        lines += [f"| {k.replace('|', '/')} | {s} |" for k, s in shares.items()]
    return "\n".join(lines) + "\n"


def report_json(r: AuditReport) -> dict[str, Any]:
    """The report as plain JSON (each share with k, n, share, low, high)."""
    out = asdict(r)
    out["no_correction"], out["real_events"] = r.no_correction.to_dict(), r.real_events.to_dict()
    out["fields"] = {f: s.to_dict() for f, s in r.fields.items()}
    out["groups"] = {g: {k: s.to_dict() for k, s in shares.items()} for g, shares in r.groups.items()}
    return out
