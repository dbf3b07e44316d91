"""Cross-report merging at scale: blocking, then the store's own same-event rule.

Comparing every report with every other is quadratic; the store avoids it
with an indexed date-range query per report, which a batch has no database
for. Here reports are *blocked* instead: one task per country folder, and
inside it one block per admin1, swept in date order with only the events
whose date span can still overlap kept active — the date window (a dated
mass-casualty event stays active for the weeks an undated report may retell it in).
Each report joins the closest active event that :func:`rasd.store.merge.match_distance`
accepts, and the event's fields are rederived with :func:`rasd.store.merge.combine`,
exactly as :meth:`rasd.store.Store.save` does; there is no second rule.

Blocking trades a little recall for linear cost: a report with no admin1
is only compared with others that lack it too (the store would also try it
against its neighbours with one), and reports in different countries never
meet (the rule rejects those anyway).
"""

from __future__ import annotations

import hashlib
import os
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from rasd.engine import manifest
from rasd.engine.partition import write_parquet
from rasd.engine.records import EVENT_SCHEMA
from rasd.lang.ar.normalize import fold
from rasd.sameness import RETOLD_WITHIN_DAYS, mass
from rasd.store.merge import combine, date_interval, match_distance, tellings

__all__ = ["MERGED_SCHEMA", "country_groups", "merge_country", "merge_reports"]

_SKIP = {"evidence", "vague", "event_index", "extraction_version", "published", "event_id", "doc_id"}
_READ = [name for name in EVENT_SCHEMA.names if name not in {"evidence", "vague", "event_index", "extraction_version"}]
MERGED_SCHEMA = pa.schema(
    [("merged_id", pa.string()), ("n_sources", pa.int32()), ("event_ids", pa.list_(pa.string())), ("doc_ids", pa.list_(pa.string()))]
    + [f for f in EVENT_SCHEMA if f.name not in _SKIP]
)


@dataclass(slots=True)
class _Cluster:
    reports: list[dict[str, Any]]
    combined: dict[str, Any]
    end: date
    order: int
    ids: list[str] = field(default_factory=list)


def _interval(report: dict[str, Any]) -> tuple[date, date] | None:
    if not report.get("event_type") or not report.get("event_date"):
        return None
    return date_interval(report["event_date"], report.get("time_precision"))


def _sweep_block(reports: list[dict[str, Any]]) -> list[_Cluster]:
    """Greedy, in date order: each report joins the closest active event the rule accepts, or starts one."""
    dated = sorted(((_interval(r), r) for r in reports), key=lambda t: (t[0] or (date.max, date.max), t[1]["event_id"]))
    clusters: list[_Cluster] = []
    active: list[_Cluster] = []
    for span, report in dated:
        best: tuple[float, int, _Cluster] | None = None
        if span is not None:
            active = [c for c in active if _active_until(c) >= span[0]]
            for cluster in active:
                distance = match_distance(report, cluster.combined)
                if distance is not None and (best is None or (distance, cluster.order) < best[:2]):
                    best = (distance, cluster.order, cluster)
        if best is None:
            cluster = _Cluster([report], combine([report]), span[1] if span else date.min, len(clusters), [report["event_id"]])
            clusters.append(cluster)
            if span is not None:
                active.append(cluster)
        else:
            cluster = best[2]
            cluster.reports.append(report)
            cluster.ids.append(report["event_id"])
            cluster.combined = combine(cluster.reports)
            cluster.end = max(cluster.end, span[1])  # type: ignore[index]
    return clusters


def _block_key(report: dict[str, Any]) -> str:
    # by governorate only: the rule parts other types itself, save a massacre retold under another type
    return fold(str(report.get("admin1") or "")).strip()


def _active_until(cluster: _Cluster) -> date:
    """The last day a report can still join ``cluster``: its span's end, or, for a dated mass-casualty event, the end of
    the weeks an undated report may retell it in (:func:`rasd.sameness.retold_mass_event`)."""
    combined = cluster.combined
    if mass(combined) and (combined.get("time_precision") or 1) == 1:
        return max(cluster.end, date.fromisoformat(combined["event_date"][:10]) + timedelta(days=RETOLD_WITHIN_DAYS))
    return cluster.end


def merge_reports(reports: Iterable[dict[str, Any]]) -> list[dict[str, Any]]:
    """Merged events of one country's reports (event rows), each with its source list, by merged id."""
    blocks: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for report in reports:
        blocks[_block_key(report)].append(report)
    rows = []
    for key in sorted(blocks):
        for cluster in _sweep_block(blocks[key]):
            row = {name: cluster.combined.get(name) for name in MERGED_SCHEMA.names}
            row.update(
                merged_id="mev-" + hashlib.sha256(",".join(sorted(cluster.ids)).encode()).hexdigest()[:20],
                n_sources=tellings(cluster.reports), event_ids=cluster.ids, doc_ids=[r["doc_id"] for r in cluster.reports],
            )
            rows.append(row)
    return sorted(rows, key=lambda r: r["merged_id"])


def country_groups(files: Sequence[str]) -> dict[str, list[str]]:
    """Committed event files by their ``country=`` folder."""
    groups: dict[str, list[str]] = defaultdict(list)
    for relative in files:
        country = next(part for part in relative.split("/") if part.startswith("country="))
        groups[country].append(relative)
    return dict(sorted(groups.items()))


def merge_country(out: str, country: str, files: Sequence[str]) -> dict[str, Any]:
    """Merge one country folder's reports and publish ``merged/COUNTRY/events.parquet`` atomically."""
    root = Path(out)
    reports = [r for f in files for r in pq.read_table(root / f, columns=_READ).to_pylist()]
    merged = merge_reports(reports)
    relative = f"merged/{country}/events.parquet"
    staged = manifest.staging_dir(root, f"merge-{country}") / "events.parquet"
    write_parquet(staged, merged, MERGED_SCHEMA)
    (root / relative).parent.mkdir(parents=True, exist_ok=True)
    os.replace(staged, root / relative)
    return {"file": relative, "reports": len(reports), "events": len(merged)}
