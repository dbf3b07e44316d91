"""Count the events placed in a country their article never names (issue 14's wrong-country measure).

    .venv/bin/python scripts/foreign_places.py EVENTS.jsonl DOCS.jsonl [--sample 20]

EVENTS: ``rasd extract DOCS`` output; DOCS: the documents JSONL ({doc_id, title, text}).
Prints the count, the count by country, and a sample of placements to read.
"""

from __future__ import annotations

import argparse
import json
import random
from collections import Counter
from pathlib import Path

from rasd.geo import get_geocoder
from rasd.geo.foreign import foreign_placements


def _jsonl(path: Path) -> list[dict[str, object]]:
    with path.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def main() -> None:
    """Parse arguments, count, print."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("events", type=Path)
    ap.add_argument("docs", type=Path)
    ap.add_argument("--sample", type=int, default=20)
    args = ap.parse_args()
    events = _jsonl(args.events)
    texts = {str(d["doc_id"]): f"{d.get('title') or ''}\n{d.get('text') or ''}" for d in _jsonl(args.docs)}
    found = foreign_placements(events, texts, get_geocoder())
    print(f"events: {len(events)}; placed in a country the article never names: {len(found)}")
    print("by country:", dict(Counter(f.country for f in found).most_common()))
    for f in random.Random(14).sample(found, min(args.sample, len(found))):
        print(f"  {f.doc_id}\t{f.country}\t{f.location}\t{f.location_ar}\tarticle names: {','.join(f.named)}")


if __name__ == "__main__":
    main()
