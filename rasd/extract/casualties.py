"""Casualty counts: who was killed, injured, arrested or went missing, and how many.

A cue from ``rasd/data/casualties.tsv`` ("مقتل", "جرحى", "شهيد") is linked to
the number next to it (digits, number words, duals, vague "عشرات") in its
clause. What is never a casualty count: numbers with units (calibres, ages,
durations), strength figures (no cue), and cumulative tolls ("منذ بدء
الحرب"), which are kept but flagged. An unlinked plural cue ("سقوط قتلى")
is a casualty with an unknown count — ``None``, never 0.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from functools import cache

from rasd.doc import Doc, Mention
from rasd.lang.ar.numbers import DUAL_STEMS, Number, parse_number
from rasd.lexicon import read_tsv
from rasd.text.matcher import PhraseMatcher, longest_first

__all__ = ["Casualty", "Casualties", "role_matcher"]

_FILLER = frozenset("عن من نحو حوالي اكثر ما لا يقل قرابه زهاء الى الي علي الاقل اخرين اخرون بينهم ب".split())
_UNITS = frozenset(
    "عاما عام سنه سنوات سنين اعوام ملم مم ميلمتر ملليمتر مليمترا كلم كم كيلومترا كيلومترات متر مترا امتار ساعه ساعات "
    "يوما يوم ايام اسابيع اسبوعا شهرا اشهر دقيقه دقايق بالمايه بالميه % دولار دولارا مجزره مجازر غاره غارات "
    "صاروخا صواريخ قذيفه قذايف منزلا منازل مبني مباني الف مليون".split()
)
_NEGATORS = frozenset("دون بدون لم لا عدم بلا".split())
_CUMULATIVE = re.compile(
    r"منذ\s+(?:\S+\s+){0,2}?(?:بدء|بدايه|اندلاع|تشكيل\S*|عام|السابع|7|انطلاق|مطلع|العدوان|الحرب)|منذ\s+(?:\S+\s+){0,3}?\d|"
    r"حتي الان|الاجماليه|اجمالي|الاجمالي|المتراكمه|منذ تشكيله"
)


@dataclass(slots=True)
class Casualty:
    """A casualty statement: ``count`` is ``None`` when deaths/injuries are reported without a number."""

    kind: str
    count: int | None
    vague: bool = False
    role: str | None = None
    cumulative: bool = False
    number_start: int = -1


@cache
def _cue_matcher() -> PhraseMatcher[tuple[str, str]]:
    return PhraseMatcher((r["phrase"], (r["kind"], r["position"])) for r in read_tsv("casualties.tsv"))


@cache
def role_matcher() -> PhraseMatcher[str]:
    """Victim-role nouns (civilian, combatant, soldier…)."""
    return PhraseMatcher((r["phrase"], r["role"]) for r in read_tsv("roles.tsv"))


class Casualties:
    """Pipeline component: casualty mentions (label ``casualty``) and role mentions (label ``role``)."""

    name = "casualties"
    requires: tuple[str, ...] = ("tokens", "clauses")
    sets: tuple[str, ...] = ("casualties",)

    def __call__(self, doc: Doc) -> Doc:
        text = doc.ntext
        starts = [s for s, _ in doc.tokens]
        words = [text[s:e] for s, e in doc.tokens]
        roles = {max(0, bisect_right(starts, m.start) - 1): m for m in role_matcher().find(text)}
        for m in roles.values():
            doc.add(Mention("role", m.start, m.end, m.values[0]))
        cumulative_sentences = {i for i, (s, e) in enumerate(doc.sentences) if _CUMULATIVE.search(text, s, e)}
        for m in longest_first(_cue_matcher().find(text)):
            kind, position = m.values[0]
            i = max(0, bisect_right(starts, m.start) - 1)  # the token holding the cue (after its clitics)
            j = bisect_left(starts, m.end)
            if any(w in _NEGATORS for w in words[max(0, i - 3) : i]):
                continue
            clause = doc.clause_of(m.start)
            number, role = self._link(doc, words, roles, i, j, position, clause)
            count: int | None
            if number is not None:
                count, vague, num_start = number.value, number.vague, doc.tokens[number.start][0]
            elif position == "noun":
                count, vague, num_start = (2 if self._dual(words[i]) else 1), False, -1
            elif role is not None and role[1] == 1:
                count, vague, num_start = 1, False, -1
            else:
                count, vague, num_start = None, False, -1
            start = min(m.start, num_start) if num_start >= 0 else m.start
            end = max(m.end, doc.tokens[number.end - 1][1]) if number is not None else m.end
            value = Casualty(kind, count, vague, role[0] if role else None, doc.sentence_of(m.start) in cumulative_sentences, num_start)
            doc.add(Mention("casualty", start, end, value))
        return doc

    @staticmethod
    def _dual(word: str) -> bool:
        for stem in DUAL_STEMS:
            if word in (stem + "ين", stem + "ان", "ال" + stem + "ين"):
                return True
        return False

    def _link(self, doc: Doc, words: list[str], roles: dict, i: int, j: int, position: str, clause: int
              ) -> tuple[Number | None, tuple[str, int] | None]:
        """Find the count a cue at tokens [i, j) refers to, and the victims' role (role, 1=singular)."""
        n = len(words)

        def same_clause(k: int) -> bool:
            return 0 <= k < n and doc.clause_of(doc.tokens[k][0]) == clause

        if position == "before":
            k, skipped = j, 0
            while same_clause(k) and skipped <= 4:
                num = parse_number(words, k)
                if num is not None and not (num.end < n and words[num.end] in _UNITS):
                    role = roles.get(num.end)
                    return num, ((role.values[0], 0) if role else None)
                if k in roles:
                    role = roles[k]
                    if self._dual(words[k]):
                        return Number(2, k, k + 1), (role.values[0], 2)
                    singular = words[k] in _SINGULAR or words[k][2:] in _SINGULAR
                    return None, (role.values[0], 1 if singular else 0)
                if self._dual(words[k]):
                    return Number(2, k, k + 1), None
                if words[k] not in _FILLER:
                    skipped += 1
                k += 1
            return None, None
        if position == "after":
            # "80 قتيلا", "14 مقاتلا لقوا حتفهم", "ثلاثة من عناصر الحشد الشعبي قد قتلوا": walk back over
            # victims, fillers and the group's name to the count
            inside_actor = {k for k, (s, e) in enumerate(doc.tokens) for a in doc.of("actor") if a.start <= s < a.end}
            k = i - 1
            while k >= 0 and i - k <= 8 and same_clause(k):
                for back in (k, k - 1):
                    num = parse_number(words, back) if back >= 0 else None
                    if num is not None and num.end == k + 1 and not (num.end < n and words[num.end] in _UNITS):
                        role = roles.get(num.end)
                        return num, ((role.values[0], 0) if role else None)
                if not (k in roles or words[k] in _FILLER or words[k] == "قد" or k in inside_actor):
                    break
                k -= 1
        return None, None


# Singular victim nouns: one person ("استشهاد شاب", "مقتل جندي").
_SINGULAR = frozenset("مدني مدنيا فلسطيني فلسطينيا شاب شابا طفل طفلا طفله امراه سيده مواطن مواطنا رجل شخص شخصا جندي جنديا ضابط عنصر عنصرا مقاتل مقاتلا شرطي صحفي مسعف مزارع قيادي قايد راعي ناشط ناشطا ناشطه مدرس معلم طبيب ممرض مختار موظف امام تاجر سايق طالب".split())
