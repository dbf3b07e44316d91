"""The last word on "is it an event?": a small learned scorer over what the rules assembled.

Rules decide most mentions (``eventness``); what they leave is judged by a
logistic model over a few dozen plain features of each assembled record (its
sub-type, whether it has its own date, place, actors and toll, where it sits
in the article, whether its sentence reports speech or a period) and of its
article, read once (:func:`read_article`: how dense it is with incident
words, talks, aid, commentary, courts, the economy or elections —
``rasd/data/article_cues.tsv`` — how much of it is speech, whether its title
reports an incident). The weights
are a data file, ``rasd/data/event_judge.json``, rebuilt by
``scripts/train_judge.py`` from events coded by hand (the tune halves of the
gold sets and reviewers' verdicts on random output); the file records what
it was trained on and its held-out scores. A record below the threshold is
dropped; every record keeps its probability on its ``event`` mention.
"""

from __future__ import annotations

import json
import math
import re
from bisect import bisect_left
from dataclasses import dataclass
from datetime import date
from functools import cache
from importlib.resources import files

from rasd.doc import Doc, Mention
from rasd.extract.scope import period_sentences
from rasd.lexicon import read_tsv
from rasd.model import Event
from rasd.text.matcher import ARTICLE_LEXICONS, PhraseMatcher

__all__ = ["Article", "Judge", "Judged", "features", "load_model", "read_article"]

_SAYS = r"(?:و|ف)?(?:قال|قالت|اعلن|اعلنت|اكد|اكدت|افاد|افادت|ذكر|ذكرت|اوضح|اوضحت|اتهم|اتهمت|زعم|زعمت|حذر|حذرت|يقول|تقول|وصف|وصفت)(?!\w)"
_SPEECH = re.compile(rf"(?:^|\s){_SAYS}")
# the same after a space only, which the regex engine skips to: a sentence of the article opens no string but at 0
_SPEECH_AFTER_SPACE = re.compile(rf"\s{_SAYS}")
_YEAR = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")
_HISTORY = re.compile(r"(?:^|\s)(?:و)?(?:كان|كانت|سبق|سابق|سابقا|آنذاك|انذاك|حينها|يذكر|يشار|تاريخ|ذكري)(?!\w)")


@dataclass(slots=True)
class Judged:
    """An assembled record with the features it was judged on and its probability of being a real event."""

    event: Event
    features: dict[str, float]
    probability: float


def _bucket(name: str, value: float, edges: tuple[float, ...]) -> dict[str, float]:
    """One-hot ``name<=edge`` buckets: trees of rules read thresholds, a linear model needs them spelt out."""
    for edge in edges:
        if value <= edge:
            return {f"{name}<={edge:g}": 1.0}
    return {f"{name}>{edges[-1]:g}": 1.0}


@ARTICLE_LEXICONS.lexicon
@cache
def _genres() -> PhraseMatcher[str]:
    return PhraseMatcher(((r["phrase"], r["genre"]) for r in read_tsv("article_cues.tsv")), group=ARTICLE_LEXICONS)


@cache
def _genre_names() -> tuple[str, ...]:
    return tuple(sorted({r["genre"] for r in read_tsv("article_cues.tsv")}))


@dataclass(frozen=True, slots=True)
class Article:
    """What the judge reads once per document: the article's features, the genre words of
    ``article_cues.tsv`` with their offsets, the sub-types its title reports and its triggers by offset."""

    features: dict[str, float]
    genres: list[tuple[int, int, str]]
    title_subs: frozenset[str]
    triggers: dict[int, Mention]


def read_article(doc: Doc) -> Article:
    """What the whole article is like, the same for each of its records: per 100 words, its incident words
    (triggers) and the words of each genre of ``article_cues.tsv``; its share of sentences that report speech;
    whether its title holds an incident word."""
    words = max(1, len(doc.tokens)) / 100
    out: dict[str, float] = {}
    found = [(m.start, m.end, m.values[0]) for m in _genres().find(doc.ntext)]
    counts: dict[str, int] = {}
    for _, _, genre in found:
        counts[genre] = counts.get(genre, 0) + 1
    for genre in _genre_names():
        out.update(_bucket(f"genre_{genre}", counts.get(genre, 0) / words, (0.0, 0.5, 1.5, 3.0)))
    triggers = doc.of("trigger")
    out.update(_bucket("trigger_density", len(triggers) / words, (0.5, 1.0, 2.0, 4.0)))
    text = doc.ntext
    speech = sum(1 for s, e in doc.sentences
                 if _SPEECH_AFTER_SPACE.search(text, s, e) or (s == 0 and _SPEECH.match(text, 0, e)))
    out.update(_bucket("speech_share", speech / max(1, len(doc.sentences)), (0.2, 0.4, 0.6)))
    titled = [t for t in triggers if t.start < doc.title_end]
    out["title_trigger"] = float(bool(titled))
    return Article(out, found, frozenset(t.value.sub_event_type for t in titled), {t.start: t for t in triggers})


def features(doc: Doc, anchor: Mention, ev: Event, n_events: int, periods: set[int] | None = None,
             article: Article | None = None) -> dict[str, float]:
    """The features of one record: ``anchor`` is its head trigger's place in the normalised text
    (``periods``, ``article``: the document's period sentences and :func:`read_article`, when the caller
    already has them)."""
    text = doc.ntext
    s, e = doc.sentences[anchor.sentence]
    sentence = text[s:e]
    before = text[s : anchor.start]
    art = read_article(doc) if article is None else article
    agreement = ev.sub_event_type == "Agreement"  # the words of talks describe an agreement itself, not a distraction
    out: dict[str, float] = {"bias": 1.0, f"sub={ev.sub_event_type}": 1.0, f"type={ev.event_type}": 1.0}
    out.update((k, v) for k, v in art.features.items() if not (agreement and k.startswith("genre_diplomacy")))
    out["title_same_sub"] = float(ev.sub_event_type in art.title_subs)
    out["in_quote"] = float(before.count("«") > before.count("»") or before.count('"') % 2 == 1)
    out["date_in_sentence"] = float(any(d.sentence == anchor.sentence for d in doc.of("date")))
    head = art.triggers.get(anchor.start)
    if head is not None and head.value.definite:  # "الهجوم الكيماوي" names an act already known; dated, it is news
        out["definite" if "event_date" in ev.evidence else "definite_undated"] = 1.0
    for start, end, genre in art.genres:
        if s <= start and end <= e and not (agreement and genre == "diplomacy"):
            out[f"sentence_{genre}"] = 1.0
    out["in_title"] = float(anchor.start < doc.title_end)
    out["own_date"] = float("event_date" in ev.evidence)
    out["has_place"] = float(ev.location is not None)
    out[f"precision={ev.geo_precision or 0}"] = 1.0
    out["has_actor1"] = float(ev.actor1 is not None and "actor1" not in ev.vague)  # not a theatre's usual attacker
    # a side inferred from the article (roles.INFERRED_SIDE), not named by the event's words, is no sign that it happened
    out["has_actor2"] = float(ev.actor2 is not None and "actor2" not in ev.vague)
    out["killed"] = float(bool(ev.fatalities))
    out["deaths_unknown"] = float(ev.fatalities is None)
    out["injured"] = float(bool(ev.injuries))
    out["speech_before"] = float(bool(_SPEECH.search(before)))
    out["speech_in_sentence"] = float(bool(_SPEECH.search(sentence)))
    out["year_in_sentence"] = float(bool(_YEAR.search(sentence)))
    out["history_word"] = float(bool(_HISTORY.search(sentence)))
    out["period_sentence"] = float(anchor.sentence in (period_sentences(doc) if periods is None else periods))
    out["question_title"] = float(text[: doc.title_end].rstrip().endswith(("?", "؟")))
    out["long_doc"] = float(len(text) > 1200)
    out.update(_bucket("position", anchor.start / max(1, len(text)), (0.1, 0.3, 0.6)))
    out.update(_bucket("triggers", len(ev.evidence.get("event_type", [])), (1, 2, 4)))
    out.update(_bucket("events", n_events, (1, 3, 6)))
    for word in _window(doc, anchor):
        out[f"w={word}"] = 1.0
    if doc.published and ev.event_date:
        age = (doc.published - date.fromisoformat(ev.event_date)).days
        out.update(_bucket("age_days", age, (0, 1, 7, 60)))
    return out


_WINDOW = 6  # words either side of the head trigger read as cues ("يواصل", "منذ", "سوف", "اتهم")


def _window(doc: Doc, anchor: Mention) -> set[str]:
    """The words around the head trigger in its sentence, without the clitic "و" and the article."""
    i = bisect_left(doc.tokens, (anchor.start, -1))
    s, e = doc.sentences[anchor.sentence]
    out: set[str] = set()
    for k in range(max(0, i - _WINDOW), min(len(doc.tokens), i + _WINDOW + 1)):
        ts, te = doc.tokens[k]
        if ts < s or te > e or (anchor.start <= ts < anchor.end):
            continue
        word = doc.ntext[ts:te]
        word = word[1:] if word.startswith("و") and len(word) > 3 else word
        word = word[2:] if word.startswith("ال") and len(word) > 4 else word
        if word.isalpha():
            out.add(word)
    return out


@cache
def load_model(name: str = "event_judge.json") -> dict[str, object] | None:
    """The shipped weights (``None`` when the file is absent: every record is kept)."""
    try:
        return json.loads((files("rasd") / "data" / name).read_text(encoding="utf-8"))
    except FileNotFoundError:
        return None


def probability(weights: dict[str, float], feats: dict[str, float]) -> float:
    """The logistic model's probability that the record is a real event."""
    z = sum(weights.get(k, 0.0) * v for k, v in feats.items())
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


class Judge:
    """Pipeline component: scores each assembled record and drops those unlikely to be events."""

    name = "judge"
    requires: tuple[str, ...] = ("events",)
    sets: tuple[str, ...] = ("judged",)

    def __init__(self, model: dict[str, object] | None = None, *, threshold: float | None = None) -> None:
        self.model = model if model is not None else load_model()
        default = float(self.model["threshold"]) if self.model else 0.0  # type: ignore[arg-type]
        self.threshold = default if threshold is None else threshold

    def __call__(self, doc: Doc) -> Doc:
        anchors = doc.of("event")
        weights: dict[str, float] = self.model["weights"] if self.model else {}  # type: ignore[assignment]
        periods = period_sentences(doc)
        article = read_article(doc) if anchors else None
        kept: set[int] = set()
        for anchor in anchors:
            ev: Event = anchor.value
            feats = features(doc, anchor, ev, len(anchors), periods, article)
            p = probability(weights, feats) if weights else 1.0
            anchor.value = Judged(ev, feats, p)
            if p >= self.threshold:
                kept.add(id(ev))
        doc.events = [ev for ev in doc.events if id(ev) in kept]
        return doc
