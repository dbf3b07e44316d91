"""What every benchmark script shares: the corpora, the row format, child processes and progress.

Benchmarks read ../shared/ (never copied into the project). Each measurement
that reports memory runs in a fresh process, so one workload's peak does not
hide inside another's.
"""

from __future__ import annotations

import json
import os
import resource
import sys
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from datetime import date
from multiprocessing import get_context
from pathlib import Path
from typing import Any, TypeVar

from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    TextColumn,
    TimeRemainingColumn,
)
from rich.table import Table

from rasd.evaluate.gold import Source

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("RASD_SHARED", ROOT.parent / "shared"))
LEADS = SHARED / "corpus" / "aljazeera-leads.jsonl"
ARTICLES = SHARED / "corpus" / "ant-conflict-news.jsonl"
EXAMPLE = SHARED / "examples" / "alhal-2021-04-06-liwa-al-quds"

# RASD_BENCH_QUICK=1: small samples, to check that the scripts run (numbers are not for the table).
QUICK = os.environ.get("RASD_BENCH_QUICK", "") not in ("", "0")

T = TypeVar("T")
console = Console(stderr=True)


# A document as the extractor receives it: the evaluation's own record, not a twin of it.
Text = Source


def row(benchmark: str, metric: str, value: float | int | str, unit: str = "", *,
        ratio: float | None = None, note: str = "") -> dict[str, Any]:
    """One result row of the benchmark protocol (see benchmarks/README.md)."""
    out: dict[str, Any] = {"benchmark": benchmark, "metric": metric, "value": value, "unit": unit, "note": note}
    if ratio is not None:
        out["ratio"] = ratio
    return out


def need(path: Path) -> Path:
    """A shared file, or a clear stop: benchmarks measure on the shared corpora only."""
    if not path.exists():
        raise SystemExit(f"benchmark needs {path} (the shared corpora beside the project); set RASD_SHARED to find it")
    return path


def _date(value: Any) -> date | None:
    try:
        return date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


def load_corpus(path: Path, limit: int | None = None) -> list[Text]:
    """Documents of a shared JSONL corpus, in file order (the first ``limit`` ones)."""
    out: list[Text] = []
    with need(path).open(encoding="utf-8") as f:
        for line in f:
            if limit is not None and len(out) >= limit:
                break
            d = json.loads(line)
            out.append(Text(d["doc_id"], d["text"], _date(d.get("published")), d.get("source"), d.get("title")))
    return out


def sample(texts: list[T], n: int) -> list[T]:
    """``n`` documents spread evenly over a corpus (its dates and topics drift along the file)."""
    if n >= len(texts):
        return texts
    step = len(texts) / n
    return [texts[int(i * step)] for i in range(n)]


def load_example() -> Text:
    """The worked example article with its feed metadata."""
    meta = json.loads(need(EXAMPLE.with_suffix(".meta.json")).read_text(encoding="utf-8"))
    text = need(EXAMPLE.with_suffix(".txt")).read_text(encoding="utf-8")
    return Text(EXAMPLE.name, text, _date(meta.get("published")), meta.get("source"), meta.get("title"))


def extract(doc: Text) -> int:
    """Events Rasd finds in ``doc`` through the public API; -1 when extraction raised.

    A crash is counted, not raised, so one bad document shows up as a count in
    the table instead of hiding every figure of the run.
    """
    import rasd

    try:
        found = rasd.extract(doc.text, published=doc.published, doc_id=doc.doc_id, source=doc.source, title=doc.title)
    except Exception:  # noqa: BLE001 - counted and reported by the caller
        return -1
    return len(found)


def peak_rss_mb() -> float:
    """This process's peak resident memory so far (Linux reports KiB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def current_rss_mb() -> float:
    """This process's resident memory now."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return float("nan")


def in_fresh_process(fn: Callable[..., T], *args: Any) -> T:
    """Run ``fn(*args)`` in a new interpreter (spawn), so its memory peak is its own."""
    with ProcessPoolExecutor(max_workers=1, mp_context=get_context("spawn")) as pool:
        return pool.submit(fn, *args).result()


def progress() -> Progress:
    """A progress bar on stderr, gone when done."""
    return Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn(),
                    console=console, transient=True)


def chunks(items: list[T], size: int) -> Iterator[list[T]]:
    """``items`` in consecutive slices of ``size``."""
    for i in range(0, len(items), size):
        yield items[i : i + size]


def show(rows: Iterable[dict[str, Any]]) -> None:
    """Print rows as a table (a script run on its own)."""
    table = Table()
    for col in ("benchmark", "metric", "value", "unit", "ratio", "note"):
        table.add_column(col)
    for r in rows:
        table.add_row(r["benchmark"], r["metric"], fmt(r["value"]), r.get("unit", ""),
                      fmt(r["ratio"]) + "×" if r.get("ratio") is not None else "", r.get("note", ""))
    Console().print(table)


def fmt(value: Any) -> str:
    """Numbers with three significant figures (thousands separated), anything else as is."""
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return str(value)
    if isinstance(value, int) or abs(value) >= 1000:
        return f"{value:,.0f}"
    return f"{value:.3g}"


def main(run: Callable[[], list[dict[str, Any]]]) -> None:
    """Entry point of a benchmark script run on its own: run, then show the rows."""
    sys.path.insert(0, str(ROOT))
    show(run())
