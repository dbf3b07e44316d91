"""Quotations and who is quoted: «…» after "وقال مراسل (الحل نت) إن"; datelines.

Reviewers weigh a figure by who gives it, and the event model records the
source of each claim; this layer marks every quoted passage with its speaker
and speech verb, so the article view can show "according to …" and rules can
tell a reporter's account from a party's claim. A dateline opening a paragraph
("دبي، الإمارات العربية المتحدة (CNN)--") says where the reporter files from:
it is marked (label ``dateline``) and :func:`without_datelines` blanks it for
the actor and place scans, so the reporter's city is neither a side nor a place
of the event.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from rasd.doc import Doc, Mention

__all__ = ["Quote", "Quotes", "without_datelines"]

_QUOTED = re.compile(r'"([^"\n]{3,}?)"')
_VERB = r"(?:قال|قالت|اضاف|اضافت|اكد|اكدت|اوضح|اوضحت|افاد|افادت|ذكر|ذكرت|اشار|اشارت|صرح|صرحت|تابع|تابعت|اعلن|اعلنت)"
# the speech verb, its subject (up to six words) and an optional "إن/أن" before the quote
_ATTRIBUTION = re.compile(rf"(?<!\w)و?(?P<verb>{_VERB})\s+(?P<speaker>(?:(?!ان(?:ه|ها|هم)?\s)[^\s\"]+\s+){{0,6}}?)[،,]?\s*(?:الي\s+)?(?:ان|إن|أن)?\s*[:،,]?\s*$")


# "CITY، COUNTRY (AGENCY)--" at a line start: up to two place names, a Latin agency name in brackets, a dash
_AGENCY = r"\(\s*[a-z]{2,8}\s*\)\s*(?:--|—|–|-)"
_DATELINE = re.compile(r"^(?:[^\W\d][^\n().!؟،,]{0,30}[،,]\s*)?(?:[^\W\d][^\n().!؟،,]{0,40}\s*)?" + _AGENCY, re.MULTILINE)
# a text with no agency in brackets has no dateline: found at once (it opens with "("), where the dateline pattern
# is tried at every character
_HAS_AGENCY = re.compile(_AGENCY)


_NOT_SUBJECT = frozenset("في خلال يوم امس اليوم مساء صباح فجر منذ بعد قبل".split())
_SUBJECT_FIRST = re.compile(r"(?:كان|كانت|وكان|وكانت)\s+(?P<speaker>(?:[^\s\"]+\s+){1,5}?)[،,]?\s*(?:قد\s+)?$")


@dataclass(frozen=True, slots=True)
class Quote:
    """A quoted passage: its speaker's words as written (normalised) and the speech verb."""

    speaker: str
    verb: str


class Quotes:
    """Pipeline component: quoted passages (label ``quote``) with their attribution, when the text gives one."""

    name = "quotes"
    requires: tuple[str, ...] = ("sentences",)
    sets: tuple[str, ...] = ("quotes", "datelines")

    def __call__(self, doc: Doc) -> Doc:
        text = doc.ntext
        for m in _DATELINE.finditer(text) if _HAS_AGENCY.search(text) else ():
            doc.add(Mention("dateline", m.start(), m.end()))
        for m in _QUOTED.finditer(text):
            sentence_start = doc.sentences[doc.sentence_of(m.start())][0] if doc.sentence_of(m.start()) >= 0 else 0
            lead = _ATTRIBUTION.search(text, sentence_start, m.start())
            if lead is None:
                continue
            speaker = lead["speaker"].strip(" ،,")
            if not speaker or speaker.split()[0] in _NOT_SUBJECT:  # "وكان مراسل X، قال في شباط إن…": subject first
                before = _SUBJECT_FIRST.search(text, sentence_start, lead.start("verb"))
                speaker = before["speaker"].strip(" ،,") if before else ""
            doc.add(Mention("quote", m.start(1), m.end(1), Quote(speaker, lead["verb"])))
        return doc


def without_datelines(doc: Doc) -> str:
    """The normalised text with its datelines blanked (offsets kept): what the actor and place scans read."""
    text = doc.ntext
    for d in doc.of("dateline"):
        text = text[: d.start] + " " * (d.end - d.start) + text[d.end :]
    return text
