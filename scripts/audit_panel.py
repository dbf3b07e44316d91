"""Re-score the current extraction on the fixed audit panel (scripts/data/audit_panel.jsonl).

    python scripts/audit_panel.py                   # table per half (a: rules may be read on; b: held)
    python scripts/audit_panel.py --by-round        # and per round of judging
    python scripts/audit_panel.py --json            # the same as JSON
    python scripts/audit_panel.py --list actor2     # half a's records whose actor2 is wrong now (doc_id, now, want)
    python scripts/audit_panel.py --list lost --half b   # held records lost now (only when asked for by name)

The panel holds records drawn at random from earlier versions' output of the
two shared corpora and judged blind against their articles (real event or
not; per field right, or wrong with the right value). This script reads the
panel's articles from ``../shared/corpus``, runs today's pipeline on just
those documents and scores each judged record by
:mod:`rasd.evaluate.panel`: the output event on the record's anchor (its first
event-type evidence span overlapping it) has a field right when that field was
judged right and is unchanged, or judged wrong and now equals the judge's
value; a not-real record is right when nothing sits on its anchor any more; a
real record with nothing there is lost. Read rules on half ``a`` only; quote
half ``b``. The panel keeps document ids, offsets and short field values,
never article text or the judges' reasons.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from collections.abc import Mapping, Sequence
from datetime import date
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from rasd.evaluate.panel import FIELDS, Outcome, PanelRecord, load_panel, score_record, summary, wanted  # noqa: E402

PANEL = ROOT / "scripts" / "data" / "audit_panel.jsonl"
CORPORA = {"leads": "aljazeera-leads.jsonl", "ant": "ant-conflict-news.jsonl"}
SHORT = {"event_date": "date", "sub_event_type": "subtype", "actor1": "actor1", "actor2": "actor2",
         "country": "country", "admin1": "admin1", "location": "place", "fatalities": "deaths", "injuries": "hurt"}


def read_documents(shared: Path, panel: Sequence[PanelRecord]) -> dict[str, dict[str, Any]]:
    """The panel's articles from the shared corpora, by document id."""
    corpus_dir = shared / "corpus"
    if not corpus_dir.is_dir():
        raise SystemExit(f"audit_panel: {corpus_dir} is missing: the panel's articles are read from the shared "
                         "corpora beside the repository (../shared/corpus), or give --shared PATH")
    wanted_ids = {p.doc_id for p in panel}
    docs: dict[str, dict[str, Any]] = {}
    for corpus in sorted({p.corpus for p in panel}):
        with (corpus_dir / CORPORA[corpus]).open(encoding="utf-8") as fh:
            for line in fh:
                if line.strip():
                    d = json.loads(line)
                    if d["doc_id"] in wanted_ids:
                        docs[d["doc_id"]] = d
    missing = wanted_ids - docs.keys()
    if missing:
        raise SystemExit(f"audit_panel: {len(missing)} panel documents are not in {corpus_dir}, e.g. {min(missing)}")
    return docs


def extract_all(docs: Mapping[str, Mapping[str, Any]], progress: bool = True) -> dict[str, list[dict[str, Any]]]:
    """Today's output events of each document, called as the corpus runs call the pipeline."""
    import rasd
    from rich.progress import track

    out: dict[str, list[dict[str, Any]]] = {}
    items = sorted(docs.items())
    for doc_id, d in track(items, description="extracting", disable=not progress, transient=True):
        published = date.fromisoformat(d["published"]) if d.get("published") else None
        events = rasd.extract(d["text"], published=published, doc_id=doc_id, source=d.get("source"),
                              title=d.get("title"), url=d.get("url"))
        out[doc_id] = [e.to_dict() for e in events]
    return out


def score_panel(panel: Sequence[PanelRecord], output: Mapping[str, Sequence[Mapping[str, Any]]]) -> list[Outcome]:
    """Every judged record against the output of its document."""
    return [score_record(p, output.get(p.doc_id, ())) for p in panel]


def grouped(outcomes: Sequence[Outcome], by_round: bool) -> dict[str, dict[str, Any]]:
    """Summaries by half (and by round and half), in a stable order."""
    groups: dict[str, list[Outcome]] = defaultdict(list)
    for o in outcomes:
        groups[o.panel.half].append(o)
        if by_round:
            groups[f"{o.panel.round} {o.panel.half}"].append(o)
    return {key: summary(groups[key]) for key in sorted(groups, key=lambda k: (" " in k, k))}


def table(summaries: Mapping[str, Mapping[str, Any]]) -> str:
    """The summaries as a plain-text table, one row a group."""
    head = f"{'group':<10} {'judged':>6} {'not-real dropped':>16} {'real lost':>10} {'all-right/real':>16}  "
    head += " ".join(f"{SHORT[f]:>7}" for f in FIELDS)
    lines = [head]
    for key, s in summaries.items():
        share = f"{s['all_right_share']:.2f}" if s["all_right_share"] is not None else "-"
        row = (f"{key:<10} {s['judged']:>6} {s['not_real_dropped']:>7}/{s['not_real']:<8} {s['real_lost']:>10} "
               f"{s['all_right']:>5}/{s['real']:<4} {share:>5}  ")
        row += " ".join(f"{v:>7.2f}" if v is not None else f"{'-':>7}" for v in s["fields"].values())
        lines.append(row)
    return "\n".join(lines)


def listing(outcomes: Sequence[Outcome], what: str, half: str) -> list[str]:
    """Lines for the records of one half where ``what`` (a field, 'lost' or 'kept') is wrong now."""
    rows = []
    for o in outcomes:
        p = o.panel
        if p.half != half:
            continue
        where = f"{p.round} {p.item:>3} {p.doc_id} {list(p.anchor)}"
        if what == "lost" and o.lost:
            rows.append(f"{where} LOST {p.record.get('sub_event_type')} {p.record.get('actor1')!r}")
        elif what == "kept" and not p.real and o.event is not None:
            rows.append(f"{where} KEPT ({p.reason}) now {o.event.get('sub_event_type')}")
        elif what in FIELDS and o.fields and not o.fields[what]:
            want = wanted(p, what)
            rows.append(f"{where} {what}: now={o.event.get(what) if o.event else None!r} "
                        f"want={want if what not in p.wrong or what in p.fix else '(no fix)'!r}")
    return rows


def main(argv: list[str] | None = None) -> int:
    """Extract the panel's documents, score, print."""
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared", help="the shared material (../shared)")
    parser.add_argument("--panel", type=Path, default=PANEL, help="the panel file")
    parser.add_argument("--by-round", action="store_true", help="also a row per round of judging and half")
    parser.add_argument("--json", action="store_true", help="print the summaries as JSON")
    parser.add_argument("--list", metavar="FIELD", choices=[*FIELDS, "lost", "kept"],
                        help="list the records where FIELD is wrong now ('lost': real records with no output; "
                             "'kept': not-real records still output)")
    parser.add_argument("--half", choices=["a", "b"], default="a",
                        help="the half --list reads (default a: b is held, list it only on purpose)")
    args = parser.parse_args(argv)

    panel = load_panel(args.panel)
    docs = read_documents(args.shared, panel)
    output = extract_all(docs, progress=sys.stderr.isatty() and not args.json)
    outcomes = score_panel(panel, output)
    summaries = grouped(outcomes, args.by_round)

    from rasd.extract import EXTRACTION_VERSION

    if args.json:
        print(json.dumps({"extraction_version": EXTRACTION_VERSION, "panel": str(args.panel), "groups": summaries},
                         indent=2, ensure_ascii=False))
    else:
        versions = ", ".join(sorted({f"{p.round}: {p.version}" for p in panel}))
        print(f"audit panel: {len(panel)} judged records ({versions}) re-scored on extraction {EXTRACTION_VERSION}")
        print("fields: share right of the real records still output; quote half b (held), read rules on half a")
        print(table(summaries))
    if args.list:
        for row in listing(outcomes, args.list, args.half):
            print(row)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
