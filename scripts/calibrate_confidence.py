"""Rebuild rasd/data/confidence_calibration.json: confidence as the probability that a record needs no correction.

    python scripts/calibrate_confidence.py                    # fit, measure on the held halves, write the file
    python scripts/calibrate_confidence.py --report-only      # fit and measure, write nothing
    python scripts/calibrate_confidence.py --store rasd.db    # also fit on that store's audit verdicts

Training records are Rasd's own (the pipeline without its ``calibrate``
stage) over the development gold sets and the *tune* halves of dev2, the
scorer saying which need no correction (:mod:`rasd.evaluate.calibration`),
the blind per-field verdicts in ``scripts/data/audit_verdicts.jsonl`` (random
output of the corpora judged by a reviewer who had not seen the rules: a record
needs no correction when it is an event with every field right; records the
judge was trained on are left out, its probability for them being in-sample),
and, with ``--store``, every audited record the store's reviewers judged
(:mod:`rasd.audit.calibration`: ``right`` needs no correction, ``corrected``
and ``not_event`` do). The reviewers' real-or-not verdicts in
``scripts/data/judge_labels.jsonl`` reach the calibrator through the judge's
probability, which they trained. The calibrator is a Platt (logistic) model
over a few of :func:`rasd.extract.calibrate.calibration_features` (or,
*factored*, the judge's probability times a Platt model of the fields being
right), with isotonic steps after it or not; which features, which L2
strength, isotonic or not, factored or not, and whether the development sets
are fitted on are chosen among :data:`CANDIDATES` by 5-fold cross-validation
by document (lowest Brier score, :mod:`rasd.evaluate.calibration_fit`),
scored on the training records outside the development sets (those were read
while the rules were written, so they flatter them). The *held* halves of
dev2 are read only to measure the result (ECE over 10 bins, the all-right
share of records at confidence ≥ 0.8), which the file records; nothing is
chosen on them. Needs ``../shared/``.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Mapping
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from rasd.evaluate import find_sources, score  # noqa: E402
from rasd.evaluate.gold import load_jsonl  # noqa: E402
from rasd.evaluate.calibration import Outcome, outcomes  # noqa: E402
from rasd.evaluate.calibration import summary_of as measure  # noqa: E402
from rasd.evaluate.calibration_fit import FOLDS, Candidate, choose, fit, produce, rescored  # noqa: E402

OUT = ROOT / "rasd" / "data" / "confidence_calibration.json"
VERDICTS = ROOT / "scripts" / "data" / "audit_verdicts.jsonl"
LABELS = ROOT / "scripts" / "data" / "judge_labels.jsonl"
CORPORA = ("aljazeera-leads.jsonl", "ant-conflict-news.jsonl")
# (gold file, documents file, half used or None for all of it)
TUNE = (("dev-gold.jsonl", "aljazeera-leads.jsonl", None), ("ant-dev-gold.jsonl", "ant-conflict-news.jsonl", None),
        ("dev2-leads-gold.jsonl", "aljazeera-leads.jsonl", "tune"), ("dev2-ant-gold.jsonl", "ant-conflict-news.jsonl", "tune"))
HELD = (("dev2-leads-gold.jsonl", "aljazeera-leads.jsonl", "held"), ("dev2-ant-gold.jsonl", "ant-conflict-news.jsonl", "held"))
# The judge's view and the two things a record most often lacks when it needs correcting: several events in one
# article (one of them borrows another's actor or toll) and a toll the text never gives; then what else it lacks.
# A factored model multiplies by the judge's probability already, so its fields part goes without the judge's logit.
SMALL = ("judge_logit", "multi", "deaths_unknown")
FULL = (*SMALL, "long_doc", "no_actor2", "no_place")
# The development sets were read while the rules were written: their records are right far more often than
# unseen news's. The choice is scored on the other training records only (the dev2 tune halves, audit verdicts),
# and a candidate may leave the development sets out of its fit.
DEV = ("dev-gold.jsonl", "ant-dev-gold.jsonl")
CANDIDATES = tuple(Candidate(f[1:] if fac else f, l2, iso, fac, drop) for drop in ((), DEV) for fac in (False, True)
                   for f in (SMALL, FULL) for l2 in (0.003, 0.03, 0.3) for iso in (False, True))


def gold_records(shared: Path, sets: tuple[tuple[str, str, str | None], ...]) -> list[Outcome]:
    """Every scored record of the gold sets (matched or false alarm), produced without calibration."""
    found: list[Outcome] = []
    for gold, docs, half in sets:
        pairs = find_sources([shared / "corpus" / gold], [shared / "corpus" / docs], half)
        produced: list[dict[str, Any]] = []
        for _, src in pairs:
            produced += produce({"doc_key": src.doc_id, "text": src.text, "published": src.published, "source": src.source,
                                 "title": src.title})
        result = score(produced, [g for g, _ in pairs])
        for fa in result.false_alarms:
            fa.pred["_false_alarm"] = True
        found += [Outcome(o.doc_id, o.confidence, o.right, {**o.record, "_set": gold}) for o in outcomes(result)]
    return found


def verdict_records(shared: Path) -> list[Outcome]:
    """The records of ``scripts/data/audit_verdicts.jsonl`` (blind per-field verdicts on random output of the
    corpora) that the pipeline still makes alike: right when real with every field right. Records the judge
    was trained on (``judge_labels.jsonl``) are left out: its probability for them is not an unseen one."""
    trained = {(x["doc_id"], x["anchor"][0]) for x in load_jsonl(LABELS)}
    verdicts = [v for v in load_jsonl(VERDICTS) if (v["doc_id"], v["anchor"][0]) not in trained]
    wanted = {v["doc_id"] for v in verdicts}
    texts: dict[str, dict[str, Any]] = {}
    for name in CORPORA:
        for d in load_jsonl(shared / "corpus" / name):
            if d["doc_id"] in wanted:
                texts[d["doc_id"]] = d
    found: list[Outcome] = []
    for v in verdicts:
        d = texts.get(v["doc_id"])
        records = produce({"doc_key": d["doc_id"], "text": d["text"], "published": d.get("published"),
                           "source": d.get("source"), "title": d.get("title")}) if d else []
        record = next((r for r in records if r["evidence"]["event_type"][0]["start"] == v["anchor"][0]), None)
        if record is not None:
            found.append(Outcome(v["doc_id"], float(record.get("confidence") or 0.0), v["all_right"],
                                 {**record, "_false_alarm": not v["real"], "_set": "verdicts"}))
    print(f"{VERDICTS.relative_to(ROOT)}: {len(found)} of {len(verdicts)} verdicts ({sum(o.right for o in found)} right)"
          " on records the pipeline still makes")
    return found


def store_records(url: str) -> list[Outcome]:
    """The audited records of a store (see :mod:`rasd.audit.calibration`)."""
    from rasd.audit.calibration import audited_outcomes
    from rasd.store import open_store

    with open_store(url) as store:
        found, left = audited_outcomes(store, produce)
    found = [Outcome(o.doc_id, o.confidence, o.right, {**o.record, "_set": "audit"}) for o in found]
    print(f"{url}: {len(found)} audited records ({sum(o.right for o in found)} right), {left} no longer produced alike")
    return found


def _line(name: str, m: Mapping[str, Any]) -> str:
    return (f"{name}: ECE {m['ece']:.3f} (perfectly calibrated: about {m['ece_if_calibrated']:.3f});"
            f" confidence ≥ 0.8: {m['confident']['right']}/{m['confident']['n']} all right;"
            f" {m['all_right']}/{m['records']} records all right")


def main(argv: list[str] | None = None) -> None:
    """Collect, choose by cross-validation on the training records, fit, measure on the held ones, write."""
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument("--store", action="append", default=[], help="a store URL or SQLite path whose audit verdicts are fitted on too")
    parser.add_argument("--report-only", action="store_true", help="print the measures, write nothing")
    args = parser.parse_args(argv)
    if not (args.shared / "corpus").is_dir():
        raise SystemExit(f"calibrate_confidence: {args.shared}/corpus is missing (the shared corpora and gold sets are needed)")
    gold = gold_records(args.shared, TUNE)
    audited = verdict_records(args.shared) + [o for url in args.store for o in store_records(url)]
    train = gold + audited
    chosen, table = choose(train, CANDIDATES, scored_on=lambda o: o.record["_set"] not in DEV)
    cv = table[CANDIDATES.index(chosen)]
    model = fit(train, chosen)
    print(f"chosen by {FOLDS}-fold cross-validation on {len(train)} training records (scored on {cv['scored']}):"
          f" {', '.join(chosen.features)}; L2 {chosen.l2}, isotonic {chosen.isotonic}, factored {chosen.factored},"
          f" dropping {list(chosen.drop)} (CV Brier {cv['brier']:.3f}, CV ECE {cv['ece']:.3f})")
    held_sets = {hs[0]: gold_records(args.shared, (hs,)) for hs in HELD}
    held = [o for found in held_sets.values() for o in found]
    per_set = {g: measure(rescored(model, found)) for g, found in held_sets.items()}
    report = {"rules": measure(held), "calibrated": measure(rescored(model, held))}
    for name, m in [*report.items(), *per_set.items()]:
        print(_line(f"held, {name}", m))
    if args.report_only:
        return
    model.update({
        "what": "P(record needs no correction) from calibration_features: Platt weights (times the judge's probability"
                " if times_judge), then isotonic steps [low, value]",
        "features": list(chosen.features),
        "trained_on": [f"{g}{'' if h is None else f' ({h} half)'}" for g, _, h in TUNE]
                      + [f"{VERDICTS.relative_to(ROOT)} (blind per-field verdicts on random output)"]
                      + [f"audit verdicts of {len(args.store)} store(s)"] * bool(args.store),
        "records": len(train), "all_right": sum(o.right for o in train), "audited": len(audited),
        "l2": chosen.l2, "cv": {"folds": FOLDS, "brier": cv["brier"], "ece": cv["ece"], "candidates": table},
        "held": {**report["calibrated"], "sets": [f"{g} (held half)" for g, _, _ in HELD],
                 "per_set": {g: {k: m[k] for k in ("records", "all_right", "ece", "ece_if_calibrated", "confident")}
                             for g, m in per_set.items()},
                 "rules_ece": report["rules"]["ece"], "rules_confident": report["rules"]["confident"]},
        "built": datetime.now(timezone.utc).strftime("%Y-%m-%d"),
    })
    OUT.write_text(json.dumps(model, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {OUT}: {len(train)} training records ({model['all_right']} all right)")


if __name__ == "__main__":
    main()
