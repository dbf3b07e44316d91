"""Geocoder speed, run by hand: load time, lookups per second, find_places per article.

    python benchmarks/bench_geocode.py [--rounds 5]

Targets (issue 4): load < 0.5 s, ≥ 20,000 lookups/s, find_places ≈ 0.5 ms for a
200-character lead and ≈ 3 ms for a 2,000-character article. Articles come
from ../shared/corpus when it is there, else from the test phrase table.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
CORPUS = ROOT.parent / "shared" / "corpus"


def _articles(limit: int) -> list[str]:
    from rasd.lang.ar.normalize import normalize

    texts: list[str] = []
    for name in ("aljazeera-leads.jsonl", "ant-conflict-news.jsonl"):
        path = CORPUS / name
        if path.exists():
            with path.open(encoding="utf-8") as handle:
                texts += [json.loads(line)["text"] for _, line in zip(range(limit), handle, strict=False)]
    if not texts:
        from tests.geo.phrase_table import PHRASES

        texts = ["، ".join(p for p, *_ in PHRASES[i : i + 8]) for i in range(0, len(PHRASES), 8)]
    return [normalize(t).text for t in texts]


def main() -> None:
    """Print the measurements."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()

    start = time.perf_counter()
    from rasd.geo import Geocoder
    from rasd.geo.index import Gazetteer

    imported = time.perf_counter() - start
    loads = []
    for _ in range(args.rounds):
        t = time.perf_counter()
        geocoder = Geocoder(Gazetteer.load(None))
        loads.append(time.perf_counter() - t)
    print(f"import rasd.geo: {imported * 1000:.0f} ms; load (parse + automaton), best of {args.rounds}: "
          f"{min(loads):.3f} s, median {statistics.median(loads):.3f} s; places {len(geocoder.gazetteer.places)}")

    from tests.geo.phrase_table import PHRASES

    phrases = [p for p, *_ in PHRASES]
    t = time.perf_counter()
    n = 0
    for _ in range(args.rounds * 20):
        for p in phrases:
            geocoder.geocode(p)
            n += 1
    elapsed = time.perf_counter() - t
    print(f"geocode(phrase): {n / elapsed:,.0f} lookups/s ({elapsed / n * 1e6:.1f} µs each, {n} lookups)")

    articles = _articles(2000)
    for lo, hi, label in ((120, 300, "lead 120-300 chars"), (1500, 2500, "article 1,500-2,500 chars")):
        chosen = [a for a in articles if lo <= len(a) <= hi][:500]
        if not chosen:
            continue
        t = time.perf_counter()
        for _ in range(args.rounds):
            for a in chosen:
                geocoder.find_places(a)
        per = (time.perf_counter() - t) / (args.rounds * len(chosen))
        mean_len = sum(map(len, chosen)) / len(chosen)
        print(f"find_places, {label} (n={len(chosen)}, mean {mean_len:.0f} chars): {per * 1000:.3f} ms each")


if __name__ == "__main__":
    main()
