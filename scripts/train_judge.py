"""Rebuild rasd/data/event_judge.json: the weights of the judge (is this assembled record a real event?).

    python scripts/train_judge.py                 # train on every labelled record, write the weights
    python scripts/train_judge.py --report-only   # cross-validate and print, write nothing

Training records are Rasd's own assembled records (the judge switched off),
labelled two ways, never with article text in this repository:

* ``scripts/data/judge_labels.jsonl``: reviewers' verdicts on random output
  from the shared corpora (``doc_id``, the record's first trigger offsets in
  the cleaned text, real or not);
* the *tune* halves of the split gold sets and the development gold sets: a
  record the scorer matches to a gold event (required or optional) is real, a
  false alarm is not. The *held* halves are never read here.

The model is L2-regularised logistic regression fitted by gradient descent
(a few hundred records, a few dozen features: no library needed); the
threshold is the one that maximises F1 of "real" under cross-validation by
document. Needs ``../shared/`` (the corpora and gold sets).
"""

from __future__ import annotations

import argparse
import json
import math
import random
import sys
from collections import defaultdict
from datetime import date, datetime, timezone
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from rasd.evaluate import load_gold, score  # noqa: E402
from rasd.extract.judge import Judge  # noqa: E402
from rasd.extract.registry import COMPONENTS, DEFAULT_PIPELINE  # noqa: E402
from rasd.pipeline import Pipeline  # noqa: E402

LABELS = ROOT / "scripts" / "data" / "judge_labels.jsonl"
OUT = ROOT / "rasd" / "data" / "event_judge.json"
CORPORA = ("aljazeera-leads.jsonl", "ant-conflict-news.jsonl")
# gold sets: (file, half used for training or None for all of it)
GOLD = (("dev-gold.jsonl", None), ("ant-dev-gold.jsonl", None),
        ("dev2-leads-gold.jsonl", "tune"), ("dev2-ant-gold.jsonl", "tune"))
L2 = 0.01  # chosen by 5-fold cross-validation by document (1,286 records: AUC 0.805 at 0.02, 0.807 at 0.01)
EPOCHS = 800
RATE = 0.5
FOLDS = 5


def _pipeline() -> Pipeline:
    """The default pipeline with a judge that keeps everything (so every candidate record is seen)."""
    comps = [COMPONENTS[n]() if n != "judge" else Judge({"threshold": 0.0, "weights": {}}) for n in DEFAULT_PIPELINE]
    return Pipeline(comps)


def _docs(shared: Path, wanted: set[str]) -> dict[str, dict]:
    out: dict[str, dict] = {}
    for name in CORPORA:
        with (shared / "corpus" / name).open(encoding="utf-8") as f:
            for line in f:
                d = json.loads(line)
                if d["doc_id"] in wanted:
                    out[d["doc_id"]] = d
    return out


def _analyse(pipe: Pipeline, d: dict):
    from rasd.doc import Doc

    published = date.fromisoformat(d["published"][:10]) if d.get("published") else None
    return pipe(Doc(d["text"], doc_id=d["doc_id"], published=published, source=d.get("source"), title=d.get("title")))


def collect(shared: Path) -> list[tuple[str, dict[str, float], int]]:
    """(doc_id, features, label) for every labelled record that today's rules still assemble."""
    labels = [json.loads(x) for x in LABELS.read_text(encoding="utf-8").splitlines() if x.strip()]
    gold_docs = []
    for name, half in GOLD:
        gold_docs += load_gold([shared / "corpus" / name], half)
    wanted = {x["doc_id"] for x in labels} | {g["doc_id"] for g in gold_docs}
    texts = _docs(shared, wanted)
    pipe = _pipeline()
    by_doc: dict[str, list] = {}
    for doc_id in sorted(texts):
        by_doc[doc_id] = [m.value for m in _analyse(pipe, texts[doc_id]).of("event")]
    rows: list[tuple[str, dict[str, float], int]] = []
    unmatched = 0
    for x in labels:
        judged = next((j for j in by_doc.get(x["doc_id"], []) if j.event.evidence.get("event_type")
                       and j.event.evidence["event_type"][0].start == x["anchor"][0]), None)
        if judged is None:
            unmatched += 1
            continue
        rows.append((x["doc_id"], judged.features, int(x["real"])))
    for g in gold_docs:
        judged = by_doc.get(g["doc_id"], [])
        preds = [{**j.event.to_dict(), "doc_id": g["doc_id"], "_i": i} for i, j in enumerate(judged)]
        result = score(preds, [g])
        false = {f.pred["_i"] for f in result.false_alarms}  # matched to a gold event, required or optional: real
        real = {p["_i"] for p in preds if p["_i"] not in false}
        for i, j in enumerate(judged):
            rows.append((g["doc_id"], j.features, int(i in real)))
    print(f"train_judge: {len(rows)} records ({sum(r[2] for r in rows)} real), {unmatched} labels no longer assembled",
          file=sys.stderr)
    return rows


def fit(rows: list[tuple[str, dict[str, float], int]]) -> dict[str, float]:
    """L2-regularised logistic regression by full-batch gradient descent."""
    names = sorted({k for _, f, _ in rows for k in f})
    w = dict.fromkeys(names, 0.0)
    n = len(rows)
    for _ in range(EPOCHS):
        grad = {k: (L2 * w[k] if k != "bias" else 0.0) for k in names}
        for _, f, y in rows:
            z = sum(w[k] * v for k, v in f.items())
            p = 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))
            for k, v in f.items():
                grad[k] += (p - y) * v / n
        for k in names:
            w[k] -= RATE * grad[k]
    return {k: round(v, 4) for k, v in w.items() if abs(v) >= 1e-4}


def _p(w: dict[str, float], f: dict[str, float]) -> float:
    z = sum(w.get(k, 0.0) * v for k, v in f.items())
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


def cross_validate(rows: list[tuple[str, dict[str, float], int]]) -> list[tuple[float, int]]:
    """Out-of-fold probabilities, folds by document."""
    docs = sorted({d for d, _, _ in rows})
    random.Random(13).shuffle(docs)
    fold_of = {d: i % FOLDS for i, d in enumerate(docs)}
    out: list[tuple[float, int]] = []
    for k in range(FOLDS):
        w = fit([r for r in rows if fold_of[r[0]] != k])
        out += [(_p(w, f), y) for d, f, y in rows if fold_of[d] == k]
    return out


def best_threshold(scored: list[tuple[float, int]]) -> tuple[float, dict[str, float]]:
    """The threshold with the best F1 for "real" (ties: the lower one), and the figures at it and at 0."""
    def stats(t: float) -> dict[str, float]:
        tp = sum(1 for p, y in scored if p >= t and y)
        fp = sum(1 for p, y in scored if p >= t and not y)
        fn = sum(1 for p, y in scored if p < t and y)
        prec = tp / (tp + fp) if tp + fp else 0.0
        rec = tp / (tp + fn) if tp + fn else 0.0
        return {"precision": round(prec, 3), "recall": round(rec, 3), "f1": round(2 * prec * rec / (prec + rec), 3) if prec + rec else 0.0}
    grid = [round(0.05 * i, 2) for i in range(0, 17)]
    best = max(grid, key=lambda t: (stats(t)["f1"], -t))
    return best, {"at_threshold": stats(best), "keep_all": stats(0.0)}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared", help="the shared material (../shared)")
    parser.add_argument("--report-only", action="store_true", help="cross-validate and print; write nothing")
    parser.add_argument("--threshold", type=float, default=None,
                        help="ship this threshold instead of the cross-validated one (chosen by event F1 of"
                             " `rasd eval --half tune`, never the held halves; recorded in the model)")
    args = parser.parse_args(argv)
    if not (args.shared / "corpus").is_dir():
        print(f"train_judge: {args.shared}/corpus is missing (the shared corpora and gold sets are needed)", file=sys.stderr)
        return 2
    rows = collect(args.shared)
    threshold, cv = best_threshold(cross_validate(rows))
    print(f"train_judge: cross-validated threshold {threshold}: {cv}", file=sys.stderr)
    if args.report_only:
        return 0
    counts: dict[str, int] = defaultdict(int)
    for _, _, y in rows:
        counts["real" if y else "not_event"] += 1
    model = {
        "about": "Rasd's judge: logistic weights over rasd.extract.judge.features; rebuilt by scripts/train_judge.py",
        "built": datetime.now(timezone.utc).strftime("%Y-%m-%d"),
        "trained_on": {"records": len(rows), **counts, "labels": str(LABELS.relative_to(ROOT)),
                       "gold": [f"{n}{' (' + h + ' half)' if h else ''}" for n, h in GOLD]},
        "cross_validation": cv,
        "threshold": threshold if args.threshold is None else args.threshold,
        "threshold_from": "cross-validation" if args.threshold is None else "event F1 on the tune halves (rasd eval)",
        "weights": fit(rows),
    }
    OUT.write_text(json.dumps(model, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"train_judge: wrote {OUT.relative_to(ROOT)}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
