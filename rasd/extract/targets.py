"""What an attack struck and whose it was: the side acted upon, actor2.

A target noun of ``rasd/data/targets.tsv`` (a position, a vehicle, a gathering, a
building) names its owner right after it: "تجمعات وتعزيزات للحوثيين", "مستودعات أسلحة
تابعة لحزب الله", "القاعدة الجوية الخاضعة لسيطرة الحوثيين", and, where the noun is what
was struck, as its bare genitive: "استهدفت الغارات مواقع الحوثيين". A generic word for
the fighters hit ("مقتل خمسة مسلحين") refers back to the armed side the article has
named before it; only an article that names none leaves them unidentified. A battle's
other side, when the report names one, is the armed group the article names most
(``usual_opponent``); two non-state groups of one country fight side by side unless the
text pits them (``comrades``).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from functools import cache

from rasd.doc import Doc, Mention
from rasd.extract.actors import Actor
from rasd.extract.casualties import nationalities
from rasd.extract.sources import speaker
from rasd.lang.ar.morph import PROCLITICS
from rasd.lang.ar.normalize import fold
from rasd.lexicon import read_tsv

__all__ = ["FIRE_OF", "pair_between", "owns_target", "civilians_struck", "struck_by_adjective", "allied", "one_bloc", "referent", "homes_owned", "usual_opponent", "comrades", "ARMED"]

ARMED = frozenset(["state", "police", "rebel", "political_militia", "identity_militia"])
_LOOKBACK = 70


def _nouns(kinds: tuple[str, ...]) -> str:
    """Target nouns of ``kinds`` as one regex alternation, longest first, after an optional article."""
    words = sorted({fold(r["phrase"]) for r in read_tsv("targets.tsv") if r["kind"] in kinds}, key=len, reverse=True)
    # not "الموقع الرسمي للجيش", the army's website
    clitics = "|".join(sorted(PROCLITICS, key=len, reverse=True))  # "لقواعد", "وللمواقع"
    # "آلية" folds to "اليه", as "إليه" (to it) does: not after the words "إليه" follows ("توصلت إليه إسرائيل")
    not_to_it = "".join(f"(?<!{w} )" for w in _TO_IT)
    # "معسكرا تدريبيا": a singular's accusative alif, which the table does not list for every noun
    return (r"(?<!\w)[\"'«(]?" + not_to_it + "(?:" + clitics + ")(?:" + "|".join(map(re.escape, words))
            + r")(?:(?<=[^اه])ا)?(?!\s+(?:ال)?(?:رسمي|الكتروني|اخباري))")


# words "إليه" (to it, folded as "آلية" is) comes after
_TO_IT = ("توصلت", "توصل", "توصلوا", "اشار", "اشارت", "يشير", "تشير", "وصل", "وصلت", "الذي", "التي", "نسب", "نسبت",
          "ينتمي", "تنتمي", "انضم", "انضمت", "اضاف", "اضافت", "دعا", "دعت", "ذهب", "ذهبت", "عاد", "عادت", "بالنسبه")


# "تابعة لـ", "الخاضعة لسيطرة", or a bare "لـ" glued to the owner's name
_TIED = r"(?:ال)?(?:تابع|خاضع)(?:ه)?\s+(?:لسيطره\s+|ل|لل)"
_LINK = r"(?:" + _TIED + r"|ل(?:قيادات|قاده|عناصر|مقاتلي|مسلحي)\s+|ل|لل)"


@cache
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    nouns = _nouns(("site", "vehicle", "gathering", "property"))
    # "مستودعات أسلحة تابعة لـ", "القاعدة الخاضعة لسيطرة", "زورقين مفخخين لـ": the owner after a link, in any words
    # "مخزن استراتيجي للأسلحة والذخائر التابعة للحوثيين": a military target's explicit "التابعة لـ" reaches past a
    # longer description (a building's does not: "مكتب تنسيق الشؤون الإنسانية التابع للأمم المتحدة" reports)
    linked = re.compile("(?:" + _nouns(("site", "vehicle", "property")) + r"(?:\s+\S+){0,2}?\s+" + _LINK + "|"
                        + _nouns(("site", "vehicle")) + r"(?:\s+\S+){3,4}?\s+" + _TIED + ")$")
    # "مواقع الحوثيين", "مقرات ومواقع قوات النظام", "تجمعات وتعزيزات للحوثيين": owned, where an attack struck them
    # (a gathering only so: not "وصلت تعزيزات عسكرية لقوات النظام"); a building's bare genitive is its name
    # ("مستشفى شهداء الأقصى"), not its owner
    struck = re.compile(r"(?P<noun>" + _nouns(("site", "vehicle", "gathering")) + r")(?:(?:\s+\S+){0,2}?\s+" + _LINK
                        + r"|(?:\s+و\S+)?(?:\s+(?:تمركز|انتشار|تجمع|تواجد|تحصن))?\s+)$")  # "مواقع تمركز مليشيا الحوثي"
    # "فجروا عبوة في دبابة إسرائيلية", "استهدفت موقعا عسكريا سوريا": whose target the adjective names
    adjective = re.compile(r"(?:\bفي|\bعلي|استهدف\S*|\bضد|تدمير|دمر\S*|اصاب\S*|قصف\S*|فجر\S*|تفجير|هاجم\S*|ضرب\S*)\s+(?:\S+\s+){0,3}?"
                           + nouns + r"(?:\s+\S+){0,2}?\s*$")
    return linked, struck, adjective


FIRE_OF = ("برصاص", "بنيران")  # "برصاص حراس مقر منظمة بدر": the guards shot, the office was not hit
_MARKS_AGENT = re.compile("|".join(FIRE_OF))
_FIRED_FROM = re.compile(r"(?<!\w)(?:من|انطلاقا من)\s*$")  # "قذائف أطلقت من مواقع قوات النظام": where fire came from


_AND = re.compile(r"\s*و\s*$")  # "المقر العسكري لقوات النظام والميليشيات الإيرانية": both own it


def owns_target(doc: Doc, m: Mention) -> bool:
    """``m`` owns what was struck: linked after a site or vehicle anywhere, or after any target an attack struck;
    or joined by "و" to an actor that owns it."""
    text = doc.ntext
    before = next((a for a in reversed(doc.of("actor")) if a.end <= m.start and _AND.fullmatch(text, a.end, m.start)), None)
    if before is not None and before.start < m.start and owns_target(doc, before):
        return True
    lo = max(0, m.start - _LOOKBACK)
    linked, struck, _ = _patterns()
    if linked.search(text, lo, m.start):
        return True
    noun = struck.search(text, lo, m.start)
    if noun is None:
        return False
    at = noun.start("noun")
    if _FIRED_FROM.search(text, max(0, at - 12), at):
        return False
    # "استهدفت الغارات مواقع", "هجوما عنيفا على مواقع": an attack's words right before; not "المرور على حواجز";
    # or the verb, its subject and a time between ("قصفت مروحيات التحالف، الأحد، تجمعا لميليشيات الحوثي")
    return any(t.sentence == m.sentence and 0 <= at - t.end and not _MARKS_AGENT.search(text, t.start, at)
               and (len(text[t.end : at].split()) <= 3 or _subject_between(doc, t, at)) for t in doc.of("trigger"))


_SUBJECT_WORDS = 14  # words: a verb, its named subject, a time word, then what it struck


def _subject_between(doc: Doc, verb: Mention, at: int) -> bool:
    """Between an attack verb and the target at ``at`` stands its subject, an actor, and no other act."""
    between = doc.ntext[verb.end : at]
    return (len(between.split()) <= _SUBJECT_WORDS and any(verb.end <= a.start < at for a in doc.of("actor"))
            and not any(verb.end <= t.start < at for t in doc.of("trigger")))


def struck_by_adjective(doc: Doc, m: Mention) -> bool:
    """A nisba after a struck target ("دبابة إسرائيلية" after "فجروا عبوة في") names whose target it was."""
    return bool(m.value.adjective and _patterns()[2].search(doc.ntext, max(0, m.start - _LOOKBACK), m.start))


@cache
def _refuges() -> re.Pattern[str]:
    return re.compile(r"\s*(?:\S+\s+){0,2}?" + _nouns(("civilian",)) + r"(?!\w)")


def civilians_struck(doc: Doc, triggers: Iterable[Mention]) -> bool:
    """An attack word strikes a place only civilians fill ("قصفت قوات الاحتلال مستشفى كمال عدوان"), within three words."""
    return any(not t.value.modal and _refuges().match(doc.ntext, t.end) for t in triggers)


@cache
def _homes() -> tuple[re.Pattern[str], frozenset[str]]:
    owners = frozenset(fold(r["phrase"]) for r in read_tsv("targets.tsv") if r["kind"] == "owner")
    return re.compile(_nouns(("home",)) + r"\s+(?P<owner>[^\s.،,]+)"), owners


def homes_owned(doc: Doc, sentences: Iterable[int]) -> tuple[str, str] | None:
    """"هدمت قوات الاحتلال منزلا فلسطينيا", "منزل عائلة الأسير": a dwelling named with its owner was civilians'.

    The owners' (country, iso2) when a nationality names them, ("", "") when an owner word does; None when no
    sentence of ``sentences`` names a dwelling's owner ("نسف مباني سكنية" names buildings, not whose).
    """
    pattern, owners = _homes()
    found: tuple[str, str] | None = None
    for i in sorted(sentences):
        start, end = doc.sentences[i]
        for m in pattern.finditer(doc.ntext, start, end):
            word = m.group("owner")
            nation = nationalities().get(word) or nationalities().get(word.removeprefix("ل"))
            if nation is not None:
                return nation
            if word in owners:
                found = ("", "")
    return found


@cache
def _blocs() -> dict[str, str]:
    """Canonical name → the bloc of ``rasd/data/alliances.tsv`` it fights in."""
    return {member: row["bloc"] for row in read_tsv("alliances.tsv") for member in row["members"].split("|")}


def one_bloc(x: Actor, y: Actor) -> bool:
    """``x`` and ``y`` fight on one side of their war (the Yemeni army and the Saudi-led coalition)."""
    bloc = _blocs().get(x.canonical)
    return bloc is not None and bloc == _blocs().get(y.canonical)


def allied(doc: Doc, first: Mention, other: Mention) -> bool:
    """The article ties ``other`` to ``first`` ("المدعومة من روسيا", "الجناح العسكري لحركة حماس", "إلى جانب"),
    or the two fight in one bloc."""
    if one_bloc(first.value.actor, other.value.actor):
        return True
    own, theirs = first.value.actor.name_in(None), other.value.actor.name_in(None)
    return any({f.actor, f.value} == {own, theirs} for f in doc.facts)


def referent(doc: Doc, before: int, first: Mention, hit: Callable[[Mention], bool], unnamed: Actor) -> Mention | Actor | None:
    """Who the fighters "المسلحين" that ``first`` hit were: the armed side last named as hit (``hit``) before offset
    ``before``, else the one other armed side the article names; ``unnamed`` when it names none; None when unsure.

    Allies of ``first`` are no candidates ("كتائب القسام، الجناح العسكري لحركة حماس").
    """
    named = [a for a in doc.of("actor") if a.value.actor.kind in ARMED and a.value.actor != first.value.actor
             and not allied(doc, first, a)]
    struck = [a for a in named if a.start < before and hit(a)]
    if struck:
        return struck[-1]
    if len({a.value.actor for a in named}) == 1:  # "قتل 26 مسلحا كرديا" … "حزب العمال الكردستاني" further on
        return named[0]
    return None if named else unnamed


def usual_opponent(doc: Doc, first: Mention) -> Mention | None:
    """A battle has two sides: when the report names one, the other is the armed group the article is about."""
    counts: dict[Actor, list[Mention]] = {}
    for a in doc.of("actor"):
        actor = a.value.actor
        if actor.kind in ARMED and actor != first.value.actor and not a.value.affiliation and not speaker(doc, a) \
                and not one_bloc(actor, first.value.actor):
            counts.setdefault(actor, []).append(a)
    if not counts:
        return None
    best = max(counts.values(), key=len)
    state = best[0].value.actor
    # named twice, or once when it is the forces of the side's own country ("القوات الشرعية" against the Houthis)
    side = first.value.actor
    home = state.kind in ("state", "police") and bool(state.home) and state.home == side.home \
        and not side.canonical.startswith(("Military Forces of", "Police Forces of"))
    return best[0] if len(best) >= 2 or home else None


_NON_STATE = frozenset({"rebel", "political_militia", "identity_militia"})


def comrades(a: Mention, b: Mention) -> bool:
    """Two non-state armed groups of one country: co-belligerents unless the text pits them ("بين X و Y")."""
    x, y = a.value.actor, b.value.actor
    return x.kind in _NON_STATE and y.kind in _NON_STATE and bool(x.home) and x.home == y.home


_BETWEEN = re.compile(r"\bبين\b")
_WITH_OTHER = re.compile(r"(?<!\w)مع(?!\w)")  # "الغارات بالتزامن مع مواجهات بين": "بين" is another act's
# "بين قوات الشرعية اليمنية والحوثيين": a nisba may close the first side's name
_PAIR_JOIN = re.compile(r"^[\s\"'()]*(?:ال\S+(?:ي|يه)\s+)?(?:و|مع|ضد)\s*(?:\S+\s*){0,4}$")


def pair_between(doc: Doc, trig: Mention, mentions: list[Mention]) -> tuple[Mention, Mention] | None:
    """The two sides of "اشتباك بين X و/مع Y" after the trigger ``trig``."""
    text = doc.ntext
    after = [m for m in mentions if m.sentence == trig.sentence and m.start > trig.end]
    if len(after) < 2:
        return None
    x, y = after[0], after[1]
    if not _BETWEEN.search(text[trig.end : x.start]) or x.start - trig.end > 60:
        return None
    if _WITH_OTHER.search(text, trig.end, x.start):
        return None  # "وتأتي الغارات بالتزامن مع مواجهات بين X و Y": the sides of those clashes, not of the strikes
    if not _PAIR_JOIN.match(text[x.end : y.start]):
        return None
    return x, y
