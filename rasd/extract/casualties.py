"""Casualty counts: who was killed, injured, arrested or went missing, and how many.

A cue from ``rasd/data/casualties.tsv`` ("مقتل", "جرحى", "شهيد") is linked to
the number next to it (digits, number words, duals, vague "عشرات") in its
clause. What is never a casualty count: numbers with units (calibres, ages,
durations) and strength figures (no cue); whether a count is an event's toll
at all (cumulative, combined, a subset) is the next stage's call
(``rasd/extract/scope.py``). An unlinked plural cue ("سقوط قتلى")
is a casualty with an unknown count — ``None``, never 0.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, KeysView
from dataclasses import dataclass
from functools import cache

from rasd.doc import Doc, Mention
from rasd.extract.countries import arabic_names
from rasd.extract.headcount import NAMED_AGED, SINGULAR, companions, conjoined, counted, low_end, met_death
from rasd.lang.ar.numbers import DUAL_STEMS, SOUND_STEMS, Number, parse_number
from rasd.lang.ar.normalize import fold
from rasd.lexicon import read_tsv
from rasd.text.matcher import ARTICLE_LEXICONS, Match, PhraseMatcher, Spanned, longest_first

__all__ = ["CONTRAST", "Casualty", "Casualties", "role_matcher"]

_FILLER = frozenset(
    "عن من نحو حوالي اكثر ما لا يقل قرابه زهاء الى الي علي الاقل اخرين اخرون بينهم ب "
    "يوم امس اليوم الماضي صباح مساء فجر ليل ليله ظهر الاحد الاثنين الثلاثاء الاربعاء الخميس الجمعه السبت".split()
)
_ONE_MORE = frozenset("ثالث ثالثه رابع رابعه خامس خامسه".split())
# Casualty nouns ("مقتل", "إصابة"): the group after them is the victim; after a verb it is the agent.
NOMINAL_CUES = frozenset("مقتل استشهاد اصابه اغتيال مصرع وفاه سقوط اعتقال اختطاف ارتقاء فقدان".split())
# Words before a cue that make it no casualty: "جريمة قتل" (a murder case), "محاولة اغتيال" (a failed attempt).
_NOT_CASUALTY = frozenset("جريمه جرايم تهمه تهم بتهمه محاوله محاولات".split())
_UNITS = frozenset(
    "عاما عام سنه سنوات سنين اعوام ملم مم ميلمتر ملليمتر مليمترا كلم كم كيلومترا كيلومترات متر مترا امتار ساعه ساعات "
    "يوما يوم ايام اسابيع اسبوعا شهرا اشهر دقيقه دقايق بالمايه بالميه % دولار دولارا مجزره مجازر غاره غارات "
    "صاروخا صواريخ قذيفه قذايف منزلا منازل مبني مباني الف مليون "
    "اليه اليات مركبه مركبات دبابه دبابات عربه عربات جرافه جرافات منصه منصات هدفا اهداف موقعا مواقع خيمه خيام".split()
)
# "بينهم أم وأطفالها": who the counted were, skipped on the way back from a verb to its number
_SUBSET_WORDS = frozenset("بينهم منهم بينهن منهن".split())
_SUBSET_REACH = 4
_NEGATORS = frozenset("دون بدون لم لا عدم بلا".split())
# Nouns a number names rather than counts: "الوحدة 910", "اللواء 47", "القرار 2254", "الطريق 4".
_NAMED_BY_NUMBER = frozenset("وحده الوحده لواء اللواء فرقه الفرقه كتيبه الكتيبه فوج الفوج قرار القرار ماده الماده رقم "
                             "طريق الطريق قطاع القطاع مربع المربع نقطه النقطه".split())


@dataclass(slots=True)
class Casualty:
    """A casualty statement: ``count`` is ``None`` when deaths/injuries are reported without a number."""

    kind: str
    count: int | None
    vague: bool = False
    role: str | None = None
    cumulative: bool = False
    number_start: int = -1
    scope: str = "event"  # set by the scope component (rasd/extract/scope.py): event | update | cumulative | combined | subset
    several_days: bool = False  # told for two or three days ("خلال يومين"), set by the scope component: no day's own toll


@ARTICLE_LEXICONS.lexicon
@cache
def _cue_matcher() -> PhraseMatcher[tuple[str, str]]:
    return PhraseMatcher(((r["phrase"], (r["kind"], r["position"])) for r in read_tsv("casualties.tsv")), group=ARTICLE_LEXICONS)


@cache
def nationalities() -> dict[str, tuple[str, str]]:
    """Folded adjective forms ("سوريون", "عراقيين") → (country, iso2)."""
    table: dict[str, tuple[str, str]] = {}
    for row in read_tsv("nationalities.tsv"):
        stem = fold(row["adjective"])
        for form in (stem, stem + "ه", stem + "ون", stem + "ين", stem + "ا", stem + "ان", stem[:-1] + "يون", stem[:-1] + "يين"):
            table[form] = (row["country"], row["iso2"])
    return table


@ARTICLE_LEXICONS.lexicon
@cache
def role_matcher() -> PhraseMatcher[str]:
    """Victim-role nouns (civilian, combatant, soldier…)."""
    return PhraseMatcher(((r["phrase"], r["role"]) for r in read_tsv("roles.tsv")), group=ARTICLE_LEXICONS)


@dataclass(frozen=True, slots=True)
class _Spans:
    """Token indices of a document that casualty linking must see through or stop at."""

    agents: set[int]  # inside actor names
    covered: set[int]  # inside actor names or victim nouns
    kinds: dict[int, str]  # the tokens inside casualty cues, each with its cue's kind

    @property
    def cues(self) -> KeysView[int]:
        """The tokens inside casualty cues."""
        return self.kinds.keys()


def _tokens_in(starts: list[int], mentions: Iterable[Spanned], *, clitics: bool = False) -> set[int]:
    """Indices of the tokens that start inside any of ``mentions``; with ``clitics``, also the token a mention
    starts in after its clitics ("وإصابة" holds "إصابة"), so that a count is never read past another cue
    ("مقتل مقيم وإصابة ثلاثة": three are wounded, not killed)."""
    def first(m: Spanned) -> int:
        return max(0, bisect_right(starts, m.start) - 1) if clitics else bisect_left(starts, m.start)

    return {k for m in mentions for k in range(first(m), bisect_left(starts, m.end))}


class Casualties:
    """Pipeline component: casualty mentions (label ``casualty``) and role mentions (label ``role``)."""

    name = "casualties"
    requires: tuple[str, ...] = ("tokens", "clauses")
    sets: tuple[str, ...] = ("casualties",)

    def __call__(self, doc: Doc) -> Doc:
        text = doc.ntext
        starts, words = doc.token_starts, doc.words
        roles = {max(0, bisect_right(starts, r.start) - 1): r for r in longest_first(role_matcher().find(text))}
        for k, r in roles.items():
            doc.add(Mention("role", r.start, r.end, r.values[0]))
            after = bisect_left(starts, r.end)  # "عمال سوريون", "جنود عراقيين": whose people they are
            if after < len(words) and (nation := nationalities().get(words[after])) is not None:
                doc.add(Mention("nationality", doc.tokens[after][0], doc.tokens[after][1], (r.values[0], *nation)))
        nations = nationalities()
        for k in range(1, len(words)):  # "مقتل 3 إسرائيليين": people counted by their nationality
            if (nation := nations.get(words[k])) is not None and (num := parse_number(words, k - 1)) is not None \
                    and num.end == k and (k - 1) not in roles:
                doc.add(Mention("nationality", doc.tokens[k][0], doc.tokens[k][1], ("person", *nation)))
        cues = longest_first(_cue_matcher().find(text))
        self._nationals_hit(doc, cues, roles)
        agents = _tokens_in(starts, doc.of("actor"))
        kinds = {k: m.values[0][0] for m in cues for k in _tokens_in(starts, [m], clitics=True)}
        covered = _Spans(agents, agents | _tokens_in(starts, doc.of("role")), kinds)
        for m in cues:
            kind, position = m.values[0]
            counted_only = position == "counted"  # "القضاء على 3 تكفيريين"; not "القضاء على الإرهاب"
            position = "before" if counted_only else position
            i = max(0, bisect_right(starts, m.start) - 1)  # the token holding the cue (after its clitics)
            j = bisect_left(starts, m.end)
            if i and words[i - 1] in _NOT_CASUALTY:
                continue
            first = bisect_left(starts, doc.sentences[doc.sentence_of(m.start)][0])  # never past the sentence's start
            if any(w in _NEGATORS for w in words[max(first, i - 5) : i]):  # "من دون أن يسفر عن إصابات": none, known
                doc.add(Mention("casualty", m.start, m.end, Casualty(kind, 0)))
                continue
            clause = doc.clause_of(m.start)
            number: Number | None = None
            role: tuple[str, int] | None = None
            if position == "after" and j < len(words) and words[j] in _TO:  # "ارتفع عدد القتلى إلى 58 والجرحى إلى 2771"
                number = _risen_to(doc, words, j, clause, covered.cues)  # the wounded rose to 2771
            if position == "losses":  # "تكبدت الميليشيات خسائر فادحة في الأرواح": a side's dead, uncounted
                role = ("combatant", 0)
            elif number is None and position != "bare":
                number, role = self._link(doc, words, roles, i, j, position, clause, covered, kind)
            if number is None and i and words[i - 1] in _COUNT_OF:
                number = _risen_to(doc, words, j, clause, covered.cues)  # "ارتفاع عدد شهداء القصف على غزة إلى 24"
            if counted_only and number is None:
                continue
            count: int | None
            if role is not None and role[1] == 2 and number is not None:
                number = Number(2, number.start, number.end)
            if number is not None:
                count, vague, num_start = number.value, number.vague, doc.tokens[number.start][0]
            elif position == "noun":
                count, vague, num_start = (2 if self._dual(words[i]) else 1), False, -1
            elif role is not None and role[1] == 1:
                count, vague, num_start = 1, False, -1
            elif position == "before" and kind == "killed" and j < len(words) and (n := self._nationals(words[j])) is not None:
                count, vague, num_start = n, False, -1  # "قتل إسرائيليان": two people of a country
            elif position == "before" and NAMED_AGED.match(text, m.end):
                count, vague, num_start = 1, False, -1  # "استشهد عبد السلام بكر (29 عاما)": one person, named
            else:
                count, vague, num_start = None, False, -1
            start = min(m.start, num_start) if num_start >= 0 else m.start
            end = max(m.end, doc.tokens[number.end - 1][1]) if number is not None else m.end
            value = Casualty(kind, count, vague, role[0] if role else None, False, num_start)
            doc.add(Mention("casualty", start, end, value))
        return doc

    @staticmethod
    def _nationals_hit(doc: Doc, cues: list[Match[tuple[str, str]]], roles: dict[int, Match[str]]) -> None:
        """People named by their nationality as the ones hit: "أصيب فلسطيني", "استشهاد إسرائيليين", and the object
        a few words after the verb ("أصاب الجيش فلسطينيا"); a country's own name ("في سوريا") is no person."""
        starts, words, nations = doc.token_starts, doc.words, nationalities()
        for m in cues:
            if m.values[0][1] != "before":
                continue
            j = bisect_left(starts, m.end)
            last = bisect_left(starts, doc.sentences[doc.sentence_of(m.start)][1])
            for k in range(j, min(j + 4, last, len(words))):
                if parse_number(words, k) is not None:
                    break  # a count: "مقتل 3 إسرائيليين" is read with its number
                nation = nations.get(words[k])
                if nation is None or words[k].endswith("ه") or words[k] in arabic_names() or (k - 1) in roles:
                    continue  # "اغتيال إسرائيلية": the act's adjective
                if k == j or (words[k].endswith(("ا", "ين")) and not words[k - 1].endswith(("ا", "ين", "ون"))):
                    role = "detainee" if m.values[0][0] == "arrested" else "person"
                    doc.add(Mention("nationality", doc.tokens[k][0], doc.tokens[k][1], (role, *nation)))
                break

    def _and_more(self, words: list[str], num: Number, cue_tokens: KeysView[int]) -> Number:
        """"15 طفلا وامرأتان", "11 جنديا و7 مسلحين": two groups counted apart, no total given, are their sum
        (not "5 وأصيب 3", where the next count has a cue of its own, nor a vague "عشرات")."""
        k = num.end + 1  # past the counted noun
        if num.vague or k >= len(words) or not words[k].startswith("و") or k in cue_tokens or (k - 1) in cue_tokens:
            return num
        rest = words[k][1:]
        if self._dual(rest):
            return Number(num.value + 2, num.start, k + 1)
        if not rest:  # "و 7": the conjunction is a token of its own before digits
            k, rest = k + 1, words[k + 1] if k + 1 < len(words) else ""
        more = parse_number([rest, *words[k + 1 : k + 4]], 0)
        after = k + more.end if more is not None else -1  # the token after the second count: its noun
        if more is not None and not more.vague and after < len(words) and after not in cue_tokens \
                and words[after] not in _UNITS:
            return Number(num.value + more.value, num.start, after + 1)
        return num

    @staticmethod
    def _nationals(word: str) -> int | None:
        """"إسرائيلي", "فلسطينيا": one person of a country; "إسرائيليان": two (the oblique "يين" is also a plural)."""
        if word.endswith("ان") and word[:-2] in nationalities():
            return 2
        if word.endswith(("ين", "ون", "يه", "تين", "تان")):
            return None  # a plural, a feminine (a nationality's adjective after the cue), or a dual's oblique
        return 1 if word in nationalities() or (word.endswith("ا") and word[:-1] in nationalities()) else None

    @staticmethod
    def _dual(word: str) -> bool:
        """"قتيلين", "شهيدان", "مدنيان", "فلسطينيتين" are two people; "مدنيين" is a plural."""
        word = word[2:] if word.startswith("ال") else word
        if word.endswith(("تين", "تان")) and word[:-3] in nationalities():
            return True  # a feminine nisba's dual ("استشهاد فلسطينيتين")
        if word.endswith("ان"):
            return word[:-2] in DUAL_STEMS or word[:-2] in SOUND_STEMS
        return word.endswith("ين") and word[:-2] in DUAL_STEMS

    def _link(self, doc: Doc, words: list[str], roles: dict, i: int, j: int, position: str, clause: int,
              spans: _Spans, kind: str) -> tuple[Number | None, tuple[str, int] | None]:
        """Find the count a cue at tokens [i, j) refers to, and the victims' role (role, 1=singular, 2=dual).

        ``spans`` say which tokens are actor names, victim nouns and other casualty cues.
        """
        agents, covered = spans.agents, spans.covered
        if position == "before":
            verb = words[i].lstrip("وفبل") not in NOMINAL_CUES
            found = self._forward(doc, words, roles, j, clause, agents if verb else set(), spans.cues)
            if found != (None, None) or not verb:
                return found
        return self._backward(doc, words, roles, i, clause, spans, kind, singular_ok=position == "before")

    def _forward(self, doc: Doc, words: list[str], roles: dict, j: int, clause: int, agents: set[int], cue_tokens: KeysView[int]
                 ) -> tuple[Number | None, tuple[str, int] | None]:
        """"مقتل ثلاثة", "إصابة 4 آخرين", "استشهاد شاب"; after a verb, past its subject and a date:
        "اغتال مسلحون مجهولون، يوم السبت، المدرس"."""
        n, k, skipped = len(words), j, 0
        sentence = doc.sentence_of(doc.tokens[j][0]) if j < n else -1
        while k < n and skipped <= 4 and k not in cue_tokens:  # "قتل مدنيان وأصيب أربعة": stop at the next cue
            here = doc.clause_of(doc.tokens[k][0])
            if here != clause and not (agents and doc.sentence_of(doc.tokens[k][0]) == sentence):
                break
            num = parse_number(words, k)
            if num is not None and not (num.end < n and words[num.end] in _UNITS) and not _named(words, k):
                role = roles.get(num.end)
                return self._and_more(words, num, cue_tokens), ((role.values[0], 0) if role else None)
            if k in roles and k not in agents and not _subject_before_count(words, roles, k):
                return self._role_count(words, k, roles[k])
            if words[k] in _ONE_MORE:
                return Number(1, k, k + 1), None  # "وأصيب ثالث": a third person
            if skipped == 0 and words[k] in SINGULAR:  # "استشهدت فلسطينية وأصيب 4": one killed
                return conjoined(words, k) or Number(1, k, k + 1), None
            if self._dual(words[k]):
                return Number(2, k, k + 1), None
            if words[k] not in _FILLER and k not in agents:
                skipped += 1
            k += 1
        return None, None

    def _backward(self, doc: Doc, words: list[str], roles: dict, i: int, clause: int, spans: _Spans, kind: str,
                  singular_ok: bool) -> tuple[Number | None, tuple[str, int] | None]:
        """"80 قتيلا", "ثلاثة من عناصر الحشد قد قتلوا", "وكان شاب فلسطيني قد استشهد"."""
        covered = spans.covered
        n, k = len(words), i - 1
        if words[i].startswith(("مصرع", "حتف")) and (met := met_death(words, i)) is not None:
            # "لقي 18 من قوات النظام والمسلحين الموالين له مصرعهم": the count after "لقي"
            return (None, None) if met.end < n and words[met.end] in _UNITS else (met, None)
        if k >= 1 and words[i].endswith("وا") and k not in covered and words[k].endswith(("ا", "ين", "ون")) and (
                num := counted(words, k)) is not None and not num.vague:
            return low_end(words, num), None  # "أكثر من 25 حوثيا قتلوا": the count and the noun it counts, then the verb
        while k >= 0 and i - k <= 8 and doc.clause_of(doc.tokens[k][0]) == clause:
            for back in (k, k - 1):
                num = parse_number(words, back) if back >= 0 else None
                if num is not None and num.end == k + 1 and not (num.end < n and words[num.end] in _UNITS):
                    role = roles.get(num.end)
                    return low_end(words, num), ((role.values[0], 0) if role else None)
            if k in roles and self._dual(words[k]):
                return Number(2, k, k + 1), (roles[k].values[0], 2)  # "جنديان من الجيش قد أصيبا"
            if k in roles and (num := counted(words, k)) is not None and spans.kinds.get(num.start - 1, kind) != kind:
                break  # "استشهد 15 فلسطينيا وأصيب آخرون": the noun is the killed cue's figure, not the wounded's
            if singular_ok and k in roles and (k == 0 or k - 1 not in roles):
                found = self._role_count(words, k, roles[k])
                if found[0] is not None or found[1][1]:
                    return found
            if not (words[k] in _FILLER or words[k] == "قد" or k in covered):
                subset = [b for b in range(max(0, k - _SUBSET_REACH), k) if words[b] in _SUBSET_WORDS]
                if not subset:
                    break
                k = subset[-1]  # "53 فلسطينيا بينهم أم وأطفالها الخمسة استشهدوا": past who they were, to the count
            k -= 1
        return None, None

    def _role_count(self, words: list[str], k: int, role) -> tuple[Number | None, tuple[str, int]]:
        if self._dual(words[k]):
            return Number(2, k, k + 1), (role.values[0], 2)
        singular = words[k] in SINGULAR or words[k][2:] in SINGULAR
        if singular and (more := conjoined(words, k)) is not None:
            return more, (role.values[0], 0)  # "استشهد شاب وطفل": two; "الصحفي محمد جاسر وزوجته وطفليه": four
        if singular and (company := companions(words, k)) is not None:
            return Number(company.value + 1, k, company.end), (role.values[0], 0)  # "القيادي … مع 3 من مرافقيه": four
        return None, (role.values[0], 1 if singular else 0)


def _subject_before_count(words: list[str], roles: dict, k: int) -> bool:
    """After a verb, a plural noun (the subject) then a number and a noun it counts: "قتل مسلحون 3 مدنيين" (gunmen
    killed three civilians), not "قتل مسلحون" (gunmen were killed)."""
    nxt = k + 1 + (k + 1 < len(words) and words[k + 1] in ("مجهولون", "مجهولين", "ملثمون"))
    num = parse_number(words, nxt) if nxt < len(words) else None
    return num is not None and num.end in roles and not num.vague


_COUNT_OF = frozenset({"عدد", "وعدد"})
_TO = frozenset({"الي", "لنحو", "لقرابه"})
_RISEN_REACH = 10  # tokens from the victims' noun to "إلى N"
#: a clause set against the one before ("في حين", "بينما", "فيما")
CONTRAST = re.compile(r"\W*(?:و)?(?:في حين|بينما|فيما)(?!\w)")
_RUNS_ON = re.compile(r"و\s?\d")  # "36 ألفا و224"


def _risen_to(doc: Doc, words: list[str], j: int, clause: int, cue_tokens: KeysView[int]) -> Number | None:
    """The figure a number of victims rose to: "إلى N" later in the cue's clause.

    Not when N has a cue of its own ("إلى 210 قتلى"), runs on ("إلى 36 ألفا و224": a war's total, told
    in parts) or the clause is set against the one before and tells no act ("في حين ارتفع عدد الشهداء في القطاع
    إلى 71": the area's total beside one strike's).
    """
    if CONTRAST.match(doc.ntext, *doc.clauses[clause]) and not any(doc.clause_of(t.start) == clause for t in doc.of("trigger")):
        return None  # an area's total with no act of its own; "في حين ارتفع عدد الشهداء برصاص الاحتلال في جنين إلى 8" has one
    for k in range(j, min(len(words) - 1, j + _RISEN_REACH)):
        if doc.clause_of(doc.tokens[k][0]) != clause:
            return None
        if words[k] in _TO:
            number = parse_number(words, k + 1)
            runs_on = number is not None and _RUNS_ON.match(" ".join(words[number.end : number.end + 2])) is not None
            own_cue = number is not None and number.end in cue_tokens and not words[number.end].startswith("و")
            return None if number is None or own_cue or runs_on else number  # "إلى 58 والجرحى إلى 2771": 58 is ours
    return None


def _named(words: list[str], k: int) -> bool:
    """The number at token ``k`` names a unit or a resolution ("بالوحدة 910"), it counts no one."""
    return k > 0 and words[k - 1].lstrip("وفب") in _NAMED_BY_NUMBER
