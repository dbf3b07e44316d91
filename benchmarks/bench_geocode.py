"""Geocoder speed: gazetteer load time, geocode() lookups/s, find_places() per lead and per article.

Targets (issue 4): load < 0.5 s, ≥ 20,000 lookups/s after load, find_places
≈ 0.5 ms for a ~200-character news lead and ≈ 3 ms for a ~2,000-character
article. Lookups use the test phrase table (263 phrases written for the
tests), as written ("مدينة X": a dictionary hit) and behind a qualifier
("قرب مدينة X": a full scan). find_places runs on Al Jazeera leads of
120–300 characters and ANT articles of 1,500–2,500 characters (500 of each,
spread over the corpus), normalised before the clock starts.

    python benchmarks/bench_geocode.py
    RASD_BENCH_QUICK=1 python benchmarks/bench_geocode.py
"""

from __future__ import annotations

import statistics
import time
from typing import Any

import _common as c

LOAD_RUNS = 5
SAMPLE = 500


def _load_times() -> list[float]:
    from rasd.geo import Geocoder
    from rasd.geo.index import Gazetteer

    times = []
    for _ in range(2 if c.QUICK else LOAD_RUNS):
        t = time.perf_counter()
        Geocoder(Gazetteer.load(None))
        times.append(time.perf_counter() - t)
    return times


def _lookups_per_s(geocode: Any, phrases: list[str], rounds: int) -> float:
    t = time.perf_counter()
    for _ in range(rounds):
        for p in phrases:
            geocode(p)
    return rounds * len(phrases) / (time.perf_counter() - t)


def _ms_per_doc(find: Any, texts: list[str], rounds: int) -> float:
    t = time.perf_counter()
    for _ in range(rounds):
        for text in texts:
            find(text)
    return 1000 * (time.perf_counter() - t) / (rounds * len(texts))


def run() -> list[dict[str, Any]]:
    """The protocol's entry point: load, lookups, and whole-document scans."""
    from rasd.geo import Geocoder
    from rasd.geo.index import Gazetteer
    from rasd.lang.ar.normalize import normalize
    from tests.geo.phrase_table import PHRASES

    loads = _load_times()
    rows = [c.row("geocode: gazetteer", "load time", statistics.median(loads), "s",
                  note=f"parse + matcher build, median of {len(loads)}, best {min(loads):.3f} s; target < 0.5 s")]
    geocoder = Geocoder(Gazetteer.load(None))
    table = [p for p, *_ in PHRASES]
    rounds = 2 if c.QUICK else 20
    for label, phrases in (("table phrases", table), ("'قرب ' + phrase", ["قرب " + p for p in table])):
        rate = _lookups_per_s(geocoder.geocode, phrases, rounds)
        rows.append(c.row(f"geocode: {label}", "throughput", rate, "lookups/s",
                          note=f"{len(phrases)} phrases × {rounds}; target ≥ 20,000/s"))
    n = 50 if c.QUICK else SAMPLE
    for label, path, lo, hi, target in (("leads 120-300 chars", c.LEADS, 120, 300, 0.5),
                                        ("articles 1,500-2,500 chars", c.ARTICLES, 1500, 2500, 3.0)):
        docs = [d.text for d in c.load_corpus(path) if lo <= len(d.text) <= hi]
        texts = [normalize(t).text for t in c.sample(docs, min(n, len(docs)))]
        ms = _ms_per_doc(geocoder.find_places, texts, 1 if c.QUICK else 5)
        mean = sum(map(len, texts)) / len(texts)
        rows.append(c.row(f"find_places: {label}", "latency", ms, "ms/doc",
                          note=f"{len(texts)} docs, mean {mean:.0f} chars; target ≈ {target} ms"))
    return rows


if __name__ == "__main__":
    c.main(run)
