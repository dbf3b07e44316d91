"""Rebuild rasd/data/gazetteer.tsv (see rasd/geo/build.py for sources and licences).

    pip install -e '.[build]'
    python scripts/build_gazetteer.py [--open-syria ../shared/data/open-syria] [--out rasd/data/gazetteer.tsv]
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from rasd.errors import RasdError
from rasd.geo.build import build

ROOT = Path(__file__).resolve().parent.parent


def main(argv: list[str] | None = None) -> int:
    """Build and print the row counts; exit 2 when a source is missing."""
    parser = argparse.ArgumentParser(description="Build Rasd's shipped gazetteer.")
    parser.add_argument("--open-syria", type=Path, default=ROOT.parent / "shared" / "data" / "open-syria")
    parser.add_argument("--out", type=Path, default=ROOT / "rasd" / "data" / "gazetteer.tsv")
    args = parser.parse_args(argv)
    try:
        counts = build(args.open_syria, args.out)
    except RasdError as exc:
        print(exc, file=sys.stderr)
        return 2
    print(f"wrote {args.out} ({args.out.stat().st_size / 1e6:.1f} MB): {dict(counts)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
