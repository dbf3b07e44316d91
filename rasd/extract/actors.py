"""Actor mentions and actor facts, from the dictionary in ``rasd/data/actors.tsv``.

An alias ("قسد", "جيش الاحتلال") names an actor anywhere; a nisba adjective
("روسية", "إسرائيلي") names one only right after an attack or victim noun
("غارة روسية"). Phrases such as "المدعوم روسياً" or "التابع لـ X" become
dated :class:`~rasd.model.ActorFact` records instead of participants.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, replace
from functools import cache

from rasd.doc import Doc, Mention
from rasd.extract.countries import iso2_of
from rasd.extract.headcount import counted
from rasd.lang.alternatives import WordInitial
from rasd.lang.ar.morph import strip_article
from rasd.lang.ar.normalize import fold
from rasd.lexicon import read_tsv
from rasd.model import ActorFact
from rasd.text.matcher import ARTICLE_LEXICONS, PhraseMatcher, longest_first
from rasd.text.quotes import without_datelines

__all__ = ["LED_BY_CLAUSE", "Actor", "ActorRef", "Actors", "actor_matcher", "army_of", "INTER"]

INTER = {"state": 1, "police": 1, "rebel": 2, "political_militia": 3, "identity_militia": 4,
         "rioters": 5, "protesters": 6, "civilians": 7, "external": 8, "organisation": 8}

_FACT_CUES = re.compile(
    r"^[\s\-،,]*(?:ال)?(?P<kind>مدعومين|مدعومون|مدعوم|مدعومه|تابعين|تابع|تابعه|موالين|موالي|مواليه|مقرب|مقربه|مرتبط|مرتبطه|حليف|جناح العسكري|ذراع العسكري)"
    r"\s*(?:من|ل|لـ|من قبل)?\s*(?:ال)?$"
)
# the text right before an actor ends in "إلى جانب" ("يقاتل … إلى جانب"); the verb before it may be any
_ALONGSIDE = re.compile(r"الي جانب\s*$")
_QUOTES = re.compile(r"[\"'«»()]")  # read as spaces between two actors
_FACT_KIND = {"مدعوم": "backed by", "تابع": "affiliated to", "موالي": "loyal to", "مقرب": "close to",
              "مرتبط": "linked to", "حليف": "allied with", "جناح العسكري": "armed wing of", "ذراع العسكري": "armed wing of"}


# Group nouns that, with the article, stand for the group last named with them ("الهيئة" = هيئة تحرير الشام).
_HEAD_NOUNS = frozenset(fold(w) for w in (
    "هيئة حركة تنظيم جماعة حزب جبهة كتائب سرايا لواء فصيل فيلق ميليشيا ميلشيا مليشيا ميليشيات ميلشيات مليشيات وحدات تحالف"
).split())
# one head for a noun's spellings and numbers: "المليشيا" after "الميليشيات الحوثية" is that militia
_HEAD_KEY = {fold(w): fold("ميليشيا") for w in "ميلشيا مليشيا ميليشيات ميلشيات مليشيات".split()}
_SHORT_FORM = WordInitial(r"((?:[وفبك]?ل?ال|[وفبك]?لل)(" + "|".join(sorted(_HEAD_NOUNS)) + r"))(?![\w])")

# Generic names of a state's forces ("الجيش", "القوات الحكومية"): they stand for the state forces last named in full.
_GENERIC_FORCE_PHRASES = tuple(fold(p) for p in (
    "الجيش", "الجيش الوطني", "قوات الجيش", "قوات الجيش الوطني", "القوات الحكومية", "القوات الموالية للحكومة",
    "القوات الشرعية", "القوات الجوية", "القوات المسلحة", "الطيران الحربي", "سلاح الجو"))


def _prefixed(phrases: tuple[str, ...]) -> WordInitial:
    """The phrases as written after و/ف/ب/ل ("والجيش", "للجيش", "بالجيش", "وقوات الجيش"), longest first.

    Those with the article share one group of prefixes, tried once before the phrases in turn: no text spells
    two of its prefixes at one point, nor a prefix of the two families, so this finds what one alternative
    per phrase would, at a fraction of the cost (each alternative re-tried the prefixes at every word).
    """
    longest = sorted(phrases, key=len, reverse=True)
    with_article = "|".join(re.escape(p[2:]) for p in longest if p.startswith("ال"))
    bare = "|".join(re.escape(p) for p in longest if not p.startswith("ال"))
    return WordInitial(rf"(?:(?:[وف]?[بك]?ال|[وف]?لل)(?:{with_article})|[وفب]?ل?(?:{bare}))(?![\w])")


_GENERIC_FORCES = _prefixed(_GENERIC_FORCE_PHRASES)
# Generic names of the police and security forces ("الشرطة", "قوات الأمن"): the police (for "الأمن", any state forces)
# of the country named before, else the police of the event's country ("Police Forces of {country}")
_POLICE_PHRASES = tuple(fold(p) for p in ("الشرطة", "قوات الشرطة", "عناصر الشرطة", "رجال الشرطة", "أفراد الشرطة"))
_SECURITY_PHRASES = tuple(fold(p) for p in ("قوات الأمن", "عناصر الأمن", "رجال الأمن", "الأجهزة الأمنية"))
_GENERIC_POLICE = _prefixed(_POLICE_PHRASES + _SECURITY_PHRASES)
# "فوج الجيش", "مقر القوات الحكومية": a unit or a site of the forces, named for itself
_UNIT_BEFORE = re.compile(r"(?:فوج|كتيبه|لواء|مقر|قاعده|موقع|مطار|قياده|قايد|وزاره|وزير|رييس|ثكنه|معسكر)\s*$")
# "مستشفى شهداء الأقصى", "مدرسة صلاح الدين": a building named after a group or a person, not the group
# "مستشفى القدس", and a country's land or sky ("الأراضي السعودية", "سماء إسرائيل"): a place, not a side
_BUILDING_BEFORE = re.compile(r"(?<!\w)[وفب]?(?:ال)?(?:مستشفي|مدرسه|مسجد|جامع|شارع|مجمع|اراضي|سماء|اجواء)\s*$")
# "المرصد السوري، ومقره بريطانيا", "الذي يتخذ من لندن مقرا": where a source sits, not a side
_SEAT_BEFORE = re.compile(r"(?<!\w)(?:و)?(?:مقره|مقرها|مقرهم|مقراته|يتخذ من|تتخذ من|يتخذون من)\s*$")
_NISBA = re.compile(r"\s+(?!(?:الذي|التي|الذين|الماضي|الحالي)(?!\w))ال\S+(?:ي|يه|يين|يون)(?![\w])")  # "الجيش السوري": named by its nisba, the alias matcher's job
_STATE_PREFIXES = ("Military Forces of", "Libyan National Army")
_GOVERNMENT = tuple(p[2:] for p in _GENERIC_FORCE_PHRASES if "حكوم" in p or "شرعي" in p or "وطني" in p)  # a government's own forces
_ARMED_KINDS = frozenset({"state", "police", "rebel", "political_militia", "identity_militia"})

# Nouns after which a nisba adjective names the forces behind them.
_FORCE_NOUNS = frozenset(
    "قوه القوه قوات القوات جيش الجيش جنود الجنود جندي جنديا جنديين ضابط ضباط طيران الطيران طايره طايرات الطايره الطايرات مسيره "
    "حشود حشودا تجمعات تعزيزات مسيرات المسيره المسيرات صاروخ صواريخ الصاروخ الصواريخ قذيفه قذايف غاره غارات الغاره الغارات قصف القصف ضربه ضربات "
    "مدفعيه المدفعيه دبابه الدبابه دبابات الدبابات اليه مركبه ناقله جرافه زورق زوارق بوارج البحريه قناصه قناص اليات الاليات دوريه دوريات مقاتلات المقاتلات "
    "قيادي قياديا قياديين قياديون قايد قاده".split()  # "القيادي الحوثي", "القائد الإيراني": a member of that side
)
# Where a home's unnamed groups also act under its name: Palestinian factions firing into Israel.
_ALSO_AT_HOME = {"PS": frozenset({"IL"})}
# In Yemeni news a bare "المقاومة" is the pro-government Popular Resistance ("المقاومة الشعبية"), its actors.tsv row.
_LOCAL_RESISTANCE = {"YE": "Popular Resistance (Yemen)"}
# In Yemeni news "الميليشيات الإيرانية" (the Iranian militias) and "المتمردين" (the rebels) are the Houthis, in Syrian news
# the rebels are the opposition factions: the name and kind they take there; unnamed rebels elsewhere are unidentified.
# "القوات المشتركة" (the joint forces) are the Yemeni government's, in Sudan the Darfur Joint Force, elsewhere the state's.
# Keyed by (canonical, ISO 3166 alpha-2 of the event's country); "*" is any other country, "" none.
_IN_THEATRE = {("Militia (Pro-Iran)", "YE"): ("Ansar Allah", "state"), ("Rebels ({country})", "YE"): ("Ansar Allah", "state"),
               ("Rebels ({country})", "SA"): ("Ansar Allah", "state"), ("Rebels ({country})", "SY"): ("Syrian opposition factions", "rebel"),
               ("Rebels ({country})", "*"): ("Unidentified Armed Group ({country})", "political_militia"),
               ("Joint Forces ({country})", "YE"): ("Military Forces of Yemen", "state"),
               ("Joint Forces ({country})", "SD"): ("Darfur Joint Force", "political_militia"),
               ("Joint Forces ({country})", "*"): ("Military Forces of {country}", "state"),
               ("Joint Forces ({country})", ""): ("Unidentified Military Forces", "state")}


def _in_theatre(canonical: str, iso2: str) -> tuple[str, str] | None:
    """The name and kind a generic actor takes in the country ``iso2`` ("" for none), if the table gives one."""
    return _IN_THEATRE.get((canonical, iso2)) or (_IN_THEATRE.get((canonical, "*")) if iso2 else None)


# Sites an attack hits, after which a nisba names whose they are ("مواقع إسرائيلية", "ثكنات عسكرية سورية").
_TARGET_NOUNS = frozenset("موقع موقعا مواقع قاعده قواعد ثكنه ثكنات مقر مقرات نقطه نقاط معسكر معسكرات مستودع مستودعات مخازن اهداف اهدافا بنيه".split())
_NATIONALITY_AFTER = re.compile(r"\s+الجنسيه")  # "قائد سوري الجنسية": a person's nationality, not a side
_QUALIFIERS = frozenset("جويه جوي حربيه حربي مسيره مدفعي مدفعيه صاروخي صاروخيه عسكريه عسكري ميداني بارز تحتيه".split())


def _named_locally(mentions: list[Mention]) -> list[Mention]:
    """"المتمردين" in an article that names the Houthis are the Houthis: a generic name that stands for a theatre's
    actor (``_IN_THEATRE``) is that actor wherever the article names it, so it is no second side beside it."""
    named = {m.value.actor.canonical: m.value.actor for m in mentions}
    local = {generic: named[name] for (generic, where), (name, _) in _IN_THEATRE.items()
             if where not in ("*", "") and name in named}
    return [replace(m, value=replace(m.value, actor=local[m.value.actor.canonical])) if m.value.actor.canonical in local else m
            for m in mentions]


@dataclass(frozen=True, slots=True)
class Actor:
    """A dictionary entry: canonical name (maybe templated with ``{country}``), kind, home country."""

    canonical: str
    kind: str
    home: str

    def name_in(self, country: str | None) -> str:
        """The canonical name, with the event's country filled in where templated.

        An unnamed group of one country ("المقاومة": Palestinian factions) named in an event
        elsewhere is that country's unnamed group: in Yemeni news "المقاومة" is Yemeni.
        """
        if self.canonical.startswith("Unidentified") and self.home and country:
            iso2 = iso2_of(country)
            if iso2 and iso2 != self.home and iso2 not in _ALSO_AT_HOME.get(self.home, ()):
                return _LOCAL_RESISTANCE.get(iso2, f"Unidentified Armed Group ({country})")
        local = _in_theatre(self.canonical, (iso2_of(country) or "") if country else "")
        return (local[0] if local else self.canonical).replace("{country}", country or "International")

    def inter_in(self, iso2: str | None) -> int:
        """ACLED inter code in the data of country ``iso2``: foreign state forces are external (8)."""
        local = _IN_THEATRE.get((self.canonical, iso2 or ""))  # the theatre's own actor, not a generic default
        code = INTER.get(local[1] if local else self.kind, 8)
        if code == 1 and self.home and iso2 and self.home != iso2:
            return 8
        return code


@dataclass(slots=True)
class ActorRef:
    """An actor mention: the entry, whether it came from an adjective, and its role if known."""

    actor: Actor
    adjective: bool = False
    affiliation: bool = False


@ARTICLE_LEXICONS.lexicon
@cache
def actor_matcher() -> tuple[PhraseMatcher[Actor], PhraseMatcher[Actor]]:
    """(aliases, adjectives) matchers over the actor dictionary."""
    aliases: PhraseMatcher[Actor] = PhraseMatcher(group=ARTICLE_LEXICONS)
    adjectives: PhraseMatcher[Actor] = PhraseMatcher(group=ARTICLE_LEXICONS)
    for row in read_tsv("actors.tsv"):
        actor = Actor(row["canonical"], row["kind"], row.get("home", ""))
        for alias in filter(None, (a.strip() for a in row.get("aliases", "").split("|"))):
            aliases.add(alias, actor)
        for adj in filter(None, (a.strip() for a in row.get("adjectives", "").split("|"))):
            adjectives.add(adj, actor)
            adjectives.add(adj + "ين", actor)  # plural oblique: جنود اسرائيليين
            adjectives.add(adj + "ون", actor)
    return aliases, adjectives


_LOCAL_POLICE = Actor("Police Forces of {country}", "police", "")


@ARTICLE_LEXICONS.lexicon
@cache
def _member_forms() -> dict[str, Actor]:
    """A side's masculine nisba as a noun of its members ("حوثيين", "حوثيا") → the side; not a nationality's."""
    nations = {fold(r["adjective"]) for r in read_tsv("nationalities.tsv")}  # "3 إسرائيليين" are people of a country
    forms: dict[str, Actor] = {}
    for row in read_tsv("actors.tsv"):
        actor = Actor(row["canonical"], row["kind"], row.get("home", ""))
        for adj in filter(None, (fold(a.strip()) for a in row.get("adjectives", "").split("|"))):
            if adj.endswith("ي") and actor.kind in _ARMED_KINDS and adj not in nations:
                for form in (adj + "ين", adj + "ون", adj + "ا"):
                    forms.setdefault(form, actor)
    return forms


def _counted_members(doc: Doc) -> list[Mention]:
    """Members of a side counted as people ("مقتل 5 حوثيين", "أكثر من 25 انقلابيا قتلوا"): that side, named."""
    forms, words = _member_forms(), doc.words
    out = []
    for k in range(1, len(words)):
        actor = forms.get(words[k])
        if actor is not None and (num := counted(words, k)) is not None and not num.vague:
            out.append(Mention("actor", doc.tokens[k][0], doc.tokens[k][1], ActorRef(actor, adjective=True)))
    return out


@cache
def army_of() -> dict[str, Actor]:
    """Home country → its "Military Forces of X" entry, for countries with exactly one."""
    armies: dict[str, list[Actor]] = {}
    for row in read_tsv("actors.tsv"):
        if row["kind"] == "state" and row["canonical"].startswith("Military Forces of") and row.get("home"):
            armies.setdefault(row["home"], []).append(Actor(row["canonical"], row["kind"], row["home"]))
    return {home: found[0] for home, found in armies.items() if len(found) == 1}


# bare "التحالف" in a report on Yemen, the full name never given: the Saudi-led coalition (elsewhere the word
# names political alliances as often as armed ones, so it stays unresolved)
_THEATRE_COALITION = {"YE": "SA"}
_COALITION = fold("تحالف")


def _head_noun(text: str, name: Mention) -> str:
    """The first word of a name, less its article: a head noun of :data:`_HEAD_NOUNS` if the name is a group's."""
    first = text[name.start : name.end].split()[0]
    first = first[2:] if first.startswith("ال") else first
    return _HEAD_KEY.get(first, first)


def _full_form(heads: dict[str, Mention], noun: str, named: list[Mention]) -> Actor | None:
    """The group a short form ("الحركة", "التحالف") stands for: the one named in full with it before."""
    if (full := heads.get(noun)) is not None:
        return full.value.actor
    if noun == _COALITION:
        theatre = next((_THEATRE_COALITION[m.value.actor.home] for m in named if m.value.actor.home in _THEATRE_COALITION), None)
        return army_of().get(theatre) if theatre else None
    return None


class Actors:
    """Pipeline component: actor mentions (label ``actor``) and actor facts."""

    name = "actors"
    requires: tuple[str, ...] = ("triggers", "datelines")
    sets: tuple[str, ...] = ("actors", "facts")

    def __call__(self, doc: Doc) -> Doc:
        text = without_datelines(doc)  # "دبي، الإمارات (CNN)--": the reporter's city is no side
        aliases, adjectives = actor_matcher()
        found = [Mention("actor", m.start, m.end, ActorRef(m.values[0])) for m in aliases.find(text)
                 if not _BUILDING_BEFORE.search(text, max(0, m.start - 12), m.start)
                 and not _SEAT_BEFORE.search(text, max(0, m.start - 14), m.start)]
        for m in adjectives.find(text):
            if self._after_noun(doc, m.outer_start, m.prefix) and not _NATIONALITY_AFTER.match(text, m.end):
                found.append(Mention("actor", m.start, m.end, ActorRef(m.values[0], adjective=True)))
        found += _counted_members(doc)
        found += self._short_forms(doc, longest_first(found))
        found += self._generic_forces(doc, longest_first(found))
        chosen = _named_locally(longest_first(found))
        for mention in chosen:
            doc.add(mention)
        self._facts(doc, chosen)
        return doc

    @staticmethod
    def _short_forms(doc: Doc, named: list[Mention]) -> list[Mention]:
        """"الهيئة" after "هيئة تحرير الشام", "الحركة" after "حركة حماس": the group named in full before."""
        text = doc.ntext
        if not any(_head_noun(text, m) in _HEAD_NOUNS or m.value.actor.home in _THEATRE_COALITION for m in named):
            return []  # no group named with a head noun, no theatre's coalition: no short form stands for anyone
        heads: dict[str, Mention] = {}
        out: list[Mention] = []
        # names and short forms in text order; at one offset the full name comes first
        seen: list[tuple[int, Mention | None, re.Match[str] | None]] = [(m.start, m, None) for m in named]
        seen += [(s.start(1), None, s) for s in _SHORT_FORM.finditer(text)]
        for start, name, short in sorted(seen, key=lambda x: (x[0], x[1] is None)):
            if name is not None:
                if (first := _head_noun(text, name)) in _HEAD_NOUNS:
                    heads[first] = name
            elif short is not None and (actor := _full_form(heads, _HEAD_KEY.get(noun := short.group(2), noun), named)):
                if not any(n.start <= start < n.end for n in named):
                    out.append(Mention("actor", start, short.end(), ActorRef(actor)))
        return out

    @staticmethod
    def _generic_forces(doc: Doc, named: list[Mention]) -> list[Mention]:
        """"الجيش" or "القوات الحكومية": the forces of the country whose armed actors the article names most;
        "الشرطة" or "قوات الأمن": the police (or state forces) named before, else the police of the event's country.

        Those forces as named before, else (for "القوات الحكومية", "الشرعية") that country's army from the
        dictionary; failing both, the state forces named last ("الجيش" in a report on Israeli strikes on Gaza).
        """
        text = doc.ntext
        out: list[Mention] = []
        states = [m for m in named if not m.value.adjective and m.value.actor.canonical.startswith(_STATE_PREFIXES)]
        homes = Counter(m.value.actor.home for m in named if m.value.actor.home and m.value.actor.kind in _ARMED_KINDS)
        local = homes.most_common(1)[0][0] if homes else None
        for g in _GENERIC_FORCES.finditer(text):
            start, end = g.span()
            if any(n.start <= start < n.end or start <= n.start < end for n in named):
                continue
            if _UNIT_BEFORE.search(text, max(0, start - 12), start) or _NISBA.match(text, end):
                continue
            before = [m.value.actor for m in states if m.end <= start]
            actor = next((a for a in reversed(before) if a.home == local), None)
            if actor is None and g.group().endswith(_GOVERNMENT):
                actor = army_of().get(local or "")
            actor = actor or (before[-1] if before else None)
            if actor is not None:
                out.append(Mention("actor", start, end, ActorRef(actor)))
        for g in _GENERIC_POLICE.finditer(text):
            start, end = g.span()
            if any(n.start <= start < n.end or start <= n.start < end for n in named + out):
                continue
            if _UNIT_BEFORE.search(text, max(0, start - 12), start) or _NISBA.match(text, end):
                continue  # "مقر الشرطة", "الشرطة العسكرية الروسية": a site, or a force the alias matcher names
            kinds = ("police",) if g.group().endswith(_POLICE_PHRASES) else ("police", "state")
            before = [m.value.actor for m in named if m.end <= start and not m.value.adjective
                      and m.value.actor.kind in kinds and m.value.actor.home]
            actor = next((a for a in reversed(before) if a.home == local), _LOCAL_POLICE)  # never a foreign state's
            out.append(Mention("actor", start, end, ActorRef(actor)))
        return out

    @staticmethod
    def _after_noun(doc: Doc, start: int, prefix: str) -> bool:
        """An adjective names an actor only right after a weapon, a trigger, forces or a site ("غارة روسية", "مواقع سورية")."""
        if prefix.startswith(("و", "ف", "ب", "ل", "ك")):
            return False
        written = doc.ntext[max(0, start - 30) : start].split()[-2:]
        if not written:
            return False
        before = [strip_article(w.strip("\"'«»(")) for w in written]  # "«المواقع العسكرية الإيرانية»"
        if before[-1].startswith("ب") and before[-1][1:] in _FORCE_NOUNS:
            before[-1] = before[-1][1:]  # "فجروا حقل ألغام بقوة إسرائيلية": the force it went off on
        nouns = _FORCE_NOUNS | _TARGET_NOUNS
        if before[-1] in nouns or (len(before) == 2 and before[0] in nouns and before[1] in _QUALIFIERS):
            return True
        word_start = start - len(written[-1]) - 1
        return any(t.start <= word_start + 1 < t.end or t.start <= start - 2 < t.end for t in doc.of("trigger"))

    @staticmethod
    def _facts(doc: Doc, actors: list[Mention]) -> None:
        text = doc.ntext
        published = doc.published.isoformat() if doc.published else None
        for a, b in zip(actors, actors[1:]):
            if b.start - a.end > 30:
                continue
            between = _QUOTES.sub(" ", text[a.end : b.start])
            cue = _FACT_CUES.match(between)
            if cue is None:
                continue
            root = next(k for k in _FACT_KIND if cue["kind"].startswith(k))
            b.value.affiliation = True
            span = doc.evidence(a.start, b.end)
            doc.facts.append(ActorFact(a.value.actor.name_in(None), _FACT_KIND[root], b.value.actor.name_in(None),
                                       span, doc.doc_id, published))
        for b in actors:
            lead = text[max(0, b.start - 100) : b.start]
            if not _ALONGSIDE.search(lead):
                continue
            cue_at = b.start - len(lead) + lead.rfind("الي جانب")
            subject = next((a for a in reversed(actors) if a.end <= cue_at and cue_at - a.end <= 120
                            and not a.value.affiliation and a.sentence == b.sentence), None)
            b.value.affiliation = True
            if subject is not None:
                doc.facts.append(ActorFact(subject.value.actor.name_in(None), "fights alongside",
                                           b.value.actor.name_in(None), doc.evidence(subject.start, b.end),
                                           doc.doc_id, published))


_BRACKETED = re.compile(r"\s*\([^()]{1,30}\)")


# "التحالف العسكري الذي تقوده السعودية": the leader named in a relative clause describes the subject
# ("ميليشيات الحوثي المرتبطة بإيران", "الفصائل الموالية لتركيا": a patron that describes them, not a party);
# the relative clause that names the leader is shared with sources.speaker
LED_BY_CLAUSE = r"(?:الذي|التي)\s+(?:تقوده|يقوده|تقودها|يقودها|تتزعمه|يتزعمه|تتزعمها|يتزعمها)"
_LED_BY = re.compile(r"(?:\s+\S+)?\s+(?:" + LED_BY_CLAUSE + r"\s+"
                     r"|(?:المرتبط|المرتبطه|الموالي|المواليه|المدعوم|المدعومه)\s*(?:من\s+)?(?:ب|ل|لل)?)")


def reach(doc: Doc, m: Mention) -> int:
    """Where the words that only describe ``m`` end: "كتائب القسام الجناح العسكري لحركة المقاومة الإسلامية (حماس)"
    is one subject, so its verb's distance is counted from the bracket, not from "القسام"."""
    end = m.end
    for b in doc.of("actor"):
        if b.start >= end and b.start - end <= 30 and b.sentence == m.sentence and (
                b.value.affiliation or _LED_BY.fullmatch(doc.ntext, end, b.start)):
            end = b.end
        elif b.start >= end:
            break
    bracket = _BRACKETED.match(doc.ntext, end)
    return bracket.end() if bracket and end > m.end else end
