"""Event triggers and their modality: which words announce which kind of event.

A trigger is found with the lexicon in ``rasd/data/triggers.tsv``; its
modality ("نفى", "تهدد بـ", "غالباً", "تحسباً لـ") comes from
``rasd/data/modality.tsv``. Triggers that are negated, threatened, habitual
or hypothetical stay in the document (for review) but never become events.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from rasd.doc import Doc, Mention
from rasd.lexicon import read_tsv
from rasd.text.matcher import ARTICLE_LEXICONS, Match, PhraseMatcher, longest_first

__all__ = ["Trigger", "Triggers", "trigger_matcher", "modality_matcher"]


@dataclass(frozen=True, slots=True)
class TriggerEntry:
    """One lexicon row."""

    event_type: str
    sub_event_type: str
    strength: str


@dataclass(slots=True)
class Trigger:
    """What a trigger mention means in its context."""

    entry: TriggerEntry
    definite: bool
    in_title: bool
    modal: str | None = None

    @property
    def event_type(self) -> str:
        return self.entry.event_type

    @property
    def sub_event_type(self) -> str:
        return self.entry.sub_event_type

    @property
    def strength(self) -> str:
        return self.entry.strength


@ARTICLE_LEXICONS.lexicon
@cache
def trigger_matcher() -> PhraseMatcher[TriggerEntry]:
    """The trigger lexicon as a matcher (built once per process)."""
    matcher: PhraseMatcher[TriggerEntry] = PhraseMatcher(article_optional=True, group=ARTICLE_LEXICONS)
    for row in read_tsv("triggers.tsv"):
        matcher.add(row["phrase"], TriggerEntry(row["event_type"], row["sub_event_type"], row["strength"]))
    return matcher


@ARTICLE_LEXICONS.lexicon
@cache
def modality_matcher() -> PhraseMatcher[tuple[str, str]]:
    """Modality cues: (kind, scope)."""
    return PhraseMatcher(((r["phrase"], (r["kind"], r["scope"])) for r in read_tsv("modality.tsv")), group=ARTICLE_LEXICONS)


def _tokens_between(doc: Doc, start: int, end: int) -> int:
    return len(doc.ntext[start:end].split())


class Triggers:
    """Pipeline component: trigger mentions (label ``trigger``) with their modality."""

    name = "triggers"
    requires: tuple[str, ...] = ("sentences", "clauses")
    sets: tuple[str, ...] = ("triggers",)

    def __call__(self, doc: Doc) -> Doc:
        text = doc.ntext
        cues: dict[int, list[Match[tuple[str, str]]]] = {}  # by sentence, in text order
        for cue in modality_matcher().find(text):
            cues.setdefault(doc.sentence_of(cue.start), []).append(cue)
        for m in longest_first(trigger_matcher().find(text)):
            entry = m.values[0]
            if entry.strength == "idiom":  # "قواعد الاشتباك" hides "الاشتباك"
                continue
            trig = Trigger(entry, definite="ال" in m.prefix, in_title=m.start < doc.title_end)
            if "س" in m.prefix:
                trig.modal = "future"
            mention = Mention("trigger", m.start, m.end, trig)
            doc.add(mention)
            trig.modal = trig.modal or self._modality(doc, mention, cues.get(mention.sentence, []))
        return doc

    @staticmethod
    def _modality(doc: Doc, trig: Mention, cues: list[Match[tuple[str, str]]]) -> str | None:
        """The modality the cues of the trigger's sentence give it, if any."""
        clause = doc.clause_of(trig.start)
        # "هدد بتوجيه ضربة ردا على هجوم كيميائي": the act answered is told as done; the threat does not reach it
        answered = max((c.end for c in cues if ("answer", "clause") in c.values and c.end <= trig.start
                        and doc.clause_of(c.start) == clause), default=-1)
        for cue in cues:
            for kind, scope in cue.values:  # "محتملة" may open a hypothetical clause or close a trigger
                if kind != "answer" and not (scope == "clause" and cue.end <= answered) and _governs(
                        doc, trig, cue, kind, scope, clause):
                    return kind
        return None


def _governs(doc: Doc, trig: Mention, cue: Match[tuple[str, str]], kind: str, scope: str, clause: int) -> bool:
    """Does the modality cue govern the trigger of its sentence?"""
    if scope == "sentence":
        return True
    if doc.clause_of(cue.start) != clause:
        return False
    if scope == "after":  # "هجوم وشيك", "الضربة المرتقبة": the adjective right after the trigger
        return trig.end <= cue.start and _tokens_between(doc, trig.end, cue.start) <= 1
    if cue.end > trig.start:
        return False
    # "لم/لن" bind the next verb; "نفى/نفت" deny the whole clause after them; others a short phrase
    window = 2 if len(cue.key) <= 2 else 25 if kind == "negated" else 7
    return _tokens_between(doc, cue.end, trig.start) <= window
