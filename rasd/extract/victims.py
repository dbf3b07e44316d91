"""Named victims: the people a report names as killed, injured, missing or detained.

Documentation teams keep a register of people, not only tolls. Arabic news
names a victim after a role noun — "استشهد الشاب أحمد شايب (19 عاماً)",
"اعتقال الناشطة …", "جثمان الشهيد …" — so a victim is a role noun of
``victim_titles.tsv`` (which gives sex and group), optional nationality
adjectives (``victim_groups.tsv``) and honorifics, then up to four name tokens
ending at punctuation, a stop word of ``victim_words.tsv`` or any trigger,
date, actor or casualty word. A name with no casualty cue close by is no
victim: "الصحفي إلياس …" who reports, "الأسير …" in an exchange, "الشيخ …"
who negotiates. The status is the cue's: the nearest one before the noun
("استشهد الشاب"), else one just after the name ("الطفلة … التي أصيبت").

:func:`attach_victims` gives each victim to the event whose evidence holds its
cue, else to the nearest event in its sentence; the ``assemble`` component
calls it once its events are final.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from functools import cache, lru_cache

from rasd.doc import Doc, Mention
from rasd.lang.ar.normalize import fold
from rasd.lang.ar.numbers import parse_number
from rasd.lexicon import read_tsv
from rasd.model import Span, Victim

__all__ = ["NamedVictim", "Victims", "attach_victims"]

_MAX_NAME = 4
_CUE_BEFORE, _AGE_WINDOW = 8, 9
_STATUS = {"killed": "killed", "injured": "injured", "arrested": "detained", "missing": "missing"}
# When one article gives one person two fates ("أصيب … ثم استشهد"), the gravest is kept.
_GRAVITY = {"killed": 0, "injured": 1, "missing": 2, "detained": 3}
_DEFINITE_PREFIXES = ("بال", "وال", "فال", "كال", "لل")
_BLOCKING = ("trigger", "casualty", "date", "actor")


@dataclass(frozen=True, slots=True)
class _Title:
    kind: str  # role | honorific
    sex: str | None
    group: str | None


@dataclass(slots=True)
class NamedVictim:
    """A victim found in the text and the casualty cue that gave its status (for attachment)."""

    victim: Victim
    cue: Mention


@cache
def _titles() -> dict[str, _Title]:
    """Role nouns and honorifics, keyed by their folded form without the article."""
    return {_bare(fold(r["phrase"])): _Title(r["kind"], r["sex"] or None, r["group"] or None) for r in read_tsv("victim_titles.tsv")}


@cache
def _groups() -> dict[str, str]:
    return {fold(r["phrase"]): r["group"] for r in read_tsv("victim_groups.tsv")}


@cache
def _words() -> dict[str, frozenset[str]]:
    kinds: dict[str, set[str]] = {}
    for r in read_tsv("victim_words.tsv"):
        kinds.setdefault(fold(r["word"]), set()).add(r["kind"])
    return {w: frozenset(k) for w, k in kinds.items()}


def _bare(word: str) -> str:
    return word[2:] if word.startswith("ال") and len(word) > 3 else word


@lru_cache(maxsize=16384)  # asked of many tokens of every article; the vocabulary repeats
def _title(word: str) -> tuple[_Title, bool] | None:
    """The title a token names (after a conjunction "و"/"ف"), and whether it is definite."""
    for w in (word, word[1:] if word[:1] in ("و", "ف") else ""):
        t = _titles().get(_bare(w)) if w else None
        if t is not None:
            return t, w.startswith("ال")
    return None


@cache
def _role_titles() -> dict[str, tuple[_Title, bool]]:
    """The tokens whose title (:func:`_title`) is a role noun, with that title: each title key, with or without
    the article, with or without "و"/"ف" before it, are the only spellings :func:`_title` finds a title in."""
    spellings = (conj + article + key for key in _titles() for article in ("", "ال") for conj in ("", "و", "ف"))
    return {w: t for w in spellings if (t := _title(w)) is not None and t[0].kind == "role"}


def _nationality(word: str) -> str | None:
    """"الفلسطيني", "السورية", "مقدسي" → the group's English word."""
    w = _bare(word)
    return _groups().get(w) or (_groups().get(w[:-1]) if w.endswith("ه") else None)


def _verbal_noun(word: str) -> bool:
    """"بإتمام", "بتمويل", "بمقتل": بـ before a verbal noun, never part of a name ("بركات", "باسل" are)."""
    return word.startswith("ب") and len(word) >= 5 and word[1] in "اتم"


def _kinds(word: str) -> frozenset[str]:
    return _words().get(word, frozenset())


class Victims:
    """Pipeline component: named victims (label ``victim``, value :class:`NamedVictim`)."""

    name = "victims"
    requires: tuple[str, ...] = ("tokens", "casualties")
    sets: tuple[str, ...] = ("victims",)

    def __call__(self, doc: Doc) -> Doc:
        _Reader(doc).read()
        return doc


class _Reader:
    """One pass over a document's tokens; each role noun may open a named victim."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.text = doc.ntext
        self.words = doc.words
        self.starts = doc.token_starts
        self.blocked = {label: self._covered(doc.of(label)) for label in _BLOCKING}
        self.cues = [c for c in doc.of("casualty") if c.value.count != 0 and c.value.kind in _STATUS]

    def _covered(self, mentions: list[Mention]) -> set[int]:
        """Indices of the tokens ``mentions`` touch (a clitic-prefixed word counts as covered)."""
        return {k for m in mentions for k in range(self.token_of(m.start), bisect_left(self.starts, m.end))}

    def token_of(self, offset: int) -> int:
        """The token holding normalised ``offset`` (or the last one before it)."""
        return max(0, bisect_right(self.starts, offset) - 1)

    def joined(self, k: int) -> bool:
        """Only spaces between token ``k - 1`` and token ``k`` (no comma, bracket, full stop or line break)."""
        gap = self.text[self.doc.tokens[k - 1][1] : self.doc.tokens[k][0]] if k > 0 else "x"
        return not gap.strip(" ")

    def read(self) -> None:
        claimed = -1
        roles = _role_titles()
        for i, word in enumerate(self.words):
            if i <= claimed or (title := roles.get(word)) is None:
                continue  # only a role noun opens a victim ("الشاب", "والطفل")
            found = self._victim_at(i, title)
            if found is not None:
                named, end = found
                s = self.doc.tokens[i][0]
                self.doc.add(Mention("victim", s, self.doc.tokens[end - 1][1], named, self.doc.sentence_of(s)))
                claimed = end - 1

    def _victim_at(self, i: int, found: tuple[_Title, bool]) -> tuple[NamedVictim, int] | None:
        """The victim the role noun at token ``i`` (its title ``found``) introduces, and the token after its name
        (and age)."""
        if i in self.blocked["actor"]:
            return None
        title, definite = found
        if i and _kinds(self.words[i - 1].removeprefix("و")) & {"speech"}:
            return None  # "قال الصحفي …": a speaker
        j, sex, roles, nationality, affiliation = i + 1, title.sex, [title.group], None, None
        while j < len(self.words) and self.joined(j):
            w = self.words[j]
            more = _title(w) if w.startswith("ال") else None
            if more is not None:
                sex, roles = sex or more[0].sex, roles + [more[0].group]
            elif (nat := _nationality(w)) and (w.startswith("ال") == definite):
                nationality = nat
            elif "modifier" not in _kinds(w):
                actor_end = self._affiliation(j)
                if actor_end is None:
                    break
                affiliation, j = actor_end
                continue
            j += 1
        if not definite:
            if j >= len(self.words) or "intro" not in _kinds(self.words[j]):
                return None  # "استشهاد شاب" names nobody; "شاب يدعى …" does
            j += 1
        name = self._name(j)
        if not name:
            return None
        end = name[-1] + 1
        age, age_end = self._age(end)
        cue = self._cue(i, max(end, age_end))
        if cue is None:
            return None
        victim = Victim(self._text(name[0], end), _STATUS[cue.value.kind], age[0] if age else None, sex,
                        _group(nationality, roles, affiliation))
        victim.evidence = {"name": [self._span(name[0], end)], "title": [self._span(i, name[0])], "status": [cue.span(self.doc)]}
        if age:
            victim.evidence["age"] = [age[1]]
        return NamedVictim(victim, cue), max(end, age_end)

    def _affiliation(self, j: int) -> tuple[str, int] | None:
        """"القيادي في حركة حماس …", "العنصر بقوات الأمن …": the group named, and the token after it."""
        w = self.words[j]
        if w in ("في", "من") and j + 1 < len(self.words):
            j += 1
        elif not w.startswith("ب"):
            return None
        start, end = self.doc.tokens[j]
        actor = next((a for a in self.doc.of("actor") if start <= a.start < end), None)
        if actor is None:
            return None
        k = j
        while k < len(self.words) and self.doc.tokens[k][0] < actor.end:
            k += 1
        return actor.value.actor.name_in(None), k

    def _name(self, j: int) -> list[int]:
        """Token indices of the person's name from token ``j``: up to four, never ending on "أبو", "بن"…"""
        out: list[int] = []
        k = j
        while k < len(self.words) and len(out) < _MAX_NAME and self.joined(k):
            w = self.words[k]
            kinds = _kinds(w)
            if "name" in kinds and (k == j or not self._ends_name(k + 1)):
                out.append(k)
                k += 1
                continue
            if len(w) < 2 or w[0].isdigit() or kinds & {"stop", "speech"} or any(k in b for b in self.blocked.values()):
                break
            title = _title(w)
            if title is not None and title[0].kind == "role" or _nationality(w) and k == j or (k == j and w.startswith("ال")):
                break  # a role noun ends a name ("الحاج" may be a family name); a first name is never definite
            if w.startswith(_DEFINITE_PREFIXES) or w[0] == "و" and "waw_name" not in kinds or k > j and _verbal_noun(w):
                break  # "بالرصاص", "والده", "وأمها", "بإتمام": the name is over (or never began)
            if "age" in kinds and k + 1 < len(self.words) and (self.words[k + 1] == "ال" or self.words[k + 1][0].isdigit()):
                break  # "ابن الـ12"
            out.append(k)
            k += 1
            if k - 1 > j and w.startswith("ال"):
                break  # the family name closes a name: "صالح الجعفراوي" (not "… منصات التواصل")
        while out and "connector" in _kinds(self.words[out[-1]]):
            out.pop()
        return out

    def _ends_name(self, k: int) -> bool:
        """Token ``k`` cannot continue a name: a stop word or a definite word follows "علي"."""
        return k >= len(self.words) or self.joined(k) and (self.words[k].startswith("ال") or bool(_kinds(self.words[k]) & {"stop"}))

    def _age(self, k: int) -> tuple[tuple[int, Span] | None, int]:
        """"(19 عاماً)" right after the name, or "يبلغ من العمر 17 عاماً", "ابن الـ12" near it."""
        sentence = self.doc.sentence_of(self.doc.tokens[k][0]) if k < len(self.words) else -1
        for m in range(k, min(len(self.words), k + _AGE_WINDOW)):
            if self.doc.sentence_of(self.doc.tokens[m][0]) != sentence or m > k and _title(self.words[m]) is not None:
                break
            num = parse_number(self.words, m)
            if num is None or num.vague:
                continue
            unit = _kinds(self.words[num.end]) if num.end < len(self.words) else frozenset()
            cued = any("age" in _kinds(w) for w in self.words[max(k, m - 4) : m])
            years = bool(unit & {"unit", "month"})
            bare = cued and (self.words[m - 1] == "ال" or "age" in _kinds(self.words[m - 1]))  # "ابن الـ12", "عمره 12"
            behind = m == k and not self.joined(m)  # "(19 عاماً)", "، 19 عاماً،" but not "… 6 أشهر" of detention
            if years and (behind or cued) or bare:
                end = num.end + 1 if years else num.end
                value = 0 if "month" in unit else num.value
                return (value, self._span(m, end)), end
        return None, k

    def _cue(self, i: int, end: int) -> Mention | None:
        """The casualty cue that says what happened: the nearest before the noun, else one just after the name.

        A cue before counts unless a speech verb, "إن", "لكن" or a relative stands between ("أعلنت استشهاد 5،
        وقالت إن الشاب … أصيب", "اعتقال والد الشاب …"); a verb after counts only right after the name
        and age, or behind "الذي"/"التي".
        """
        doc = self.doc
        sentence = doc.sentence_of(doc.tokens[i][0])
        same = [c for c in self.cues if c.sentence == sentence]
        # "الشهيد" alone is an honorific for anyone who died, however long ago: another cue must say what happened
        # and a definite noun before ("الشهداء") governs nothing after it; a verb or verbal noun does
        before = [c for c in same if c.start < doc.tokens[i][0] and not self._definite(self.token_of(c.start))]
        if before and not self._kin_before(i):
            cue = max(before, key=lambda c: c.start)
            k = self.token_of(cue.start)
            between = self.words[k + 1 : i]
            if i - k <= _CUE_BEFORE and not any(_kinds(w) & {"speech", "barrier"} for w in between):
                return cue
        after = [c for c in same if c.start >= doc.tokens[end - 1][1]]
        if after:
            cue = min(after, key=lambda c: c.start)
            k = self.token_of(cue.start)
            between = self.words[end:k]
            # a verb about the person: "… (19 عاماً) استشهد", "… التي أصيبت"; not a noun ("نعى … الشهداء")
            if len(between) <= 3 and all("relative" in _kinds(w) for w in between) and not self._definite(k):
                return cue
        return None

    def _definite(self, k: int) -> bool:
        """Token ``k`` carries the article, maybe behind a clitic ("الشهداء", "للشهيد", "والشهيد")."""
        return self.words[k].startswith(("ال", *_DEFINITE_PREFIXES))

    def _kin_before(self, i: int) -> bool:
        """"اعتقال والد ووالدة الشاب …", "هدم منزل الأسير …": the cue is about someone else."""
        k = i - 1
        return k >= 0 and self.joined(i) and "kin" in (_kinds(self.words[k]) | _kinds(self.words[k][1:] if self.words[k][0] == "و" else ""))

    def _span(self, a: int, b: int) -> Span:
        return self.doc.evidence(self.doc.tokens[a][0], self.doc.tokens[b - 1][1])

    def _text(self, a: int, b: int) -> str:
        return self._span(a, b).text


def _group(nationality: str | None, roles: list[str | None], affiliation: str | None) -> str | None:
    """"Palestinian refugee", "journalist", "leader (Hamas)": nationality, first role group, affiliation."""
    role = next((r for r in roles if r), None)
    base = " ".join(x for x in (nationality, role) if x) or None
    if affiliation:
        return f"{base} ({affiliation})" if base else affiliation
    return base


def attach_victims(doc: Doc) -> None:
    """Give each named victim to its event: the one whose toll evidence holds its cue, else the nearest in its sentence.

    A person named twice in one article ("الشهيد أحمد شايب" in the headline,
    "الشاب أحمد شايب (19 عاماً)" in the lead) is one victim; the fuller
    account is kept. A victim no event reports (background, a past death) is left out.
    """
    seen: dict[str, Victim] = {}
    for m in doc.of("victim"):
        named: NamedVictim = m.value
        v = named.victim
        key = fold(v.name)
        same = next((k for k in seen if _same_person(k, key)), None)
        if same is not None:
            _merge(seen[same], v)
            continue
        event = _event_for(doc, named, m)
        if event is not None:
            event.victims.append(v)
            seen[key] = v


def _same_person(a: str, b: str) -> bool:
    """Folded names of one person: equal, one the start of the other ("احمد شايب" and "احمد شايب
    محمود"), or the same first and family name around a father's name ("احمد محمود شايب")."""
    x, y = a.split(), b.split()
    short, long = sorted((x, y), key=len)
    return long[: len(short)] == short or len(short) > 1 and (short[0], short[-1]) == (long[0], long[-1])


def _event_for(doc: Doc, named: NamedVictim, m: Mention):
    cue = named.cue.span(doc)
    for ev in doc.events:
        for name in ("fatalities", "injuries"):
            if any(s.start <= cue.start < s.end or cue.start <= s.start < cue.end for s in ev.evidence.get(name, [])):
                return ev
    if m.sentence < 0:
        return None
    sentence = doc.evidence(*doc.sentences[m.sentence])
    lo, hi = sentence.start, sentence.end
    here = doc.evidence(m.start, m.end).start
    near = [(abs(t.start - here), k) for k, ev in enumerate(doc.events) for t in ev.evidence.get("event_type", []) if lo <= t.start < hi]
    return doc.events[min(near)[1]] if near else None


def _merge(kept: Victim, other: Victim) -> None:
    if len(other.name) > len(kept.name):
        kept.name = other.name
        kept.evidence["name"] = other.evidence["name"]
    kept.age = kept.age if kept.age is not None else other.age
    kept.sex = kept.sex or other.sex
    kept.group = kept.group or other.group
    if _GRAVITY[other.status] < _GRAVITY[kept.status]:
        kept.status, kept.evidence["status"] = other.status, other.evidence["status"]
    for field, spans in other.evidence.items():
        kept.evidence.setdefault(field, [])
        kept.evidence[field].extend(s for s in spans if s not in kept.evidence[field])
