"""Extraction throughput and peak memory, one process, and scaling to two processes.

Workloads: all Al Jazeera leads (short items, the feed case), the ANT full
articles (long texts), the worked example as many documents, and the worked
example concatenated into one very long document (is cost linear in length?).
Each single-process workload runs in a fresh interpreter so its memory peak is
its own; pipeline loading is timed apart from extraction.

    python benchmarks/bench_extract.py
"""

from __future__ import annotations

import os
import time
from multiprocessing import get_context
from typing import Any

import _common as c

LONG_REPEAT = 20  # the worked example, concatenated, as one long document
# One short sentence through the public API loads the pipeline (lexicons, gazetteer) in a process.
WARM_UP = c.Text("warm-up", "قصفت طائرات حربية بلدة في ريف إدلب أمس، ما أدى لمقتل مدني.")


def _workload(name: str) -> list[c.Text]:
    if name == "leads":
        return c.load_corpus(c.LEADS, 500 if c.QUICK else None)
    if name == "articles":
        return c.load_corpus(c.ARTICLES, 100 if c.QUICK else None)
    example = c.load_example()
    if name == "example":
        return [c.Text(f"{example.doc_id}-{i}", example.text, example.published, example.source, example.title)
                for i in range(20 if c.QUICK else 200)]
    long_text = "\n\n".join([example.text] * LONG_REPEAT)
    return [c.Text(f"long-{i}", long_text, example.published, example.source) for i in range(3 if c.QUICK else 10)]


def measure(name: str) -> dict[str, Any]:
    """Run one workload in this process: load time, extraction time, events, memory."""
    texts = _workload(name)
    rss_before = c.current_rss_mb()
    t0 = time.perf_counter()
    c.extract(WARM_UP)
    load_s = time.perf_counter() - t0
    rss_loaded = c.current_rss_mb()
    found: list[int] = []
    with c.progress() as bar:
        task = bar.add_task(f"extract: {name}", total=len(texts))
        t0, cpu0 = time.perf_counter(), time.process_time()
        for batch in c.chunks(texts, 50):
            found += [c.extract(doc) for doc in batch]
            bar.advance(task, len(batch))
        seconds, cpu = time.perf_counter() - t0, time.process_time() - cpu0
    return {"name": name, "docs": len(texts), "chars": sum(len(t.text) for t in texts),
            "events": sum(n for n in found if n > 0), "failed": found.count(-1),
            "seconds": seconds, "cpu": cpu, "load_s": load_s, "rss_before": rss_before,
            "rss_loaded": rss_loaded, "peak_rss": c.peak_rss_mb()}


_LABELS = {"leads": "Al Jazeera leads", "articles": "ANT full articles",
           "example": "worked example, one copy per doc", "long": f"worked example ×{LONG_REPEAT} in one doc"}


def _rows(m: dict[str, Any]) -> list[dict[str, Any]]:
    bench = f"extract: {_LABELS[m['name']]}"
    note = f"{m['docs']:,} docs, {m['chars'] / m['docs']:,.0f} chars/doc, {m['events']:,} events"
    if m["failed"]:
        note += f"; ⚠ extraction raised on {m['failed']} docs"
    return [
        c.row(bench, "throughput", m["docs"] / m["seconds"], "docs/s", note=note),
        c.row(bench, "throughput", m["chars"] / m["seconds"], "chars/s"),
        c.row(bench, "latency", 1000 * m["seconds"] / m["docs"], "ms/doc"),
        c.row(bench, "peak memory", m["peak_rss"], "MB RSS",
              note=f"{m['rss_loaded'] - m['rss_before']:.0f} MB of it is the loaded pipeline"),
    ]


def _warm(barrier: Any) -> None:
    c.extract(WARM_UP)
    barrier.wait()


def _extract_batch(batch: list[c.Text]) -> list[int]:
    """A worker's unit of work: large batches keep the parent (and its progress bar) off the CPU."""
    return [c.extract(doc) for doc in batch]


def scaling(texts: list[c.Text], processes: int) -> float:
    """Documents per second over ``texts`` with a pool of warm workers (pipeline loaded once each)."""
    ctx = get_context("spawn")
    with ctx.Manager() as manager:
        barrier = manager.Barrier(processes + 1)
        return _timed_pool(ctx, barrier, texts, processes)


def _timed_pool(ctx: Any, barrier: Any, texts: list[c.Text], processes: int) -> float:
    with ctx.Pool(processes, initializer=_warm, initargs=(barrier,)) as pool, c.progress() as bar:
        barrier.wait()  # every worker has loaded the pipeline: start the clock
        task = bar.add_task(f"extract: {processes} process(es)", total=len(texts))
        t0 = time.perf_counter()
        for done in pool.imap_unordered(_extract_batch, c.chunks(texts, 200)):
            bar.advance(task, len(done))
        return len(texts) / (time.perf_counter() - t0)


def run() -> list[dict[str, Any]]:
    """The protocol's entry point: rows for docs/benchmarks.md."""
    rows: list[dict[str, Any]] = []
    for name in ("leads", "articles", "example", "long"):
        m = c.in_fresh_process(measure, name)
        rows += _rows(m)
        if name == "leads":
            rows.append(c.row("extract: pipeline", "load time", m["load_s"], "s", note="lexicons and gazetteer, once per process"))
    leads = c.load_corpus(c.LEADS, 2000 if c.QUICK else None)
    one, two = scaling(leads, 1), scaling(leads, 2)
    rows.append(c.row("extract: scaling (leads)", "1 process", one, "docs/s"))
    rows.append(c.row("extract: scaling (leads)", "2 processes", two, "docs/s", ratio=two / one,
                      note=f"speed-up on {os.cpu_count()} cores"))
    return rows


if __name__ == "__main__":
    c.main(run)
