"""Who did what to whom: actor1 (acts) and actor2 (acted on) of one event.

Arabic news states roles in a few recurring shapes, tried in order:
"اشتباك بين X و/مع Y" (both sides), victims named after their count
("ثلاثة عناصر من X", "قتلى لـ X"), the attacker as an adjective or a
genitive right after the weapon ("غارة روسية", "برصاص X"), and the subject
of the verb in the trigger's clause ("اقتحمت قوات الاحتلال").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from rasd.doc import Doc, Mention
from rasd.extract.actors import Actor, reach
from rasd.extract.agents import is_agent
from rasd.extract.clusters import contrasts_between
from rasd.extract.countries import arabic_names
from rasd.extract.eventness import cause_at
from rasd.extract.martyrs import mourner
from rasd.extract.sources import announces_loss, claimant, escorts, mourns, speaker
from rasd.extract.struck import LAUNCHED, VICTIM_KINDS, is_victim, names_agent
from rasd.extract.targets import (ARMED, allied, civilians_struck, comrades, homes_owned, one_bloc, pair_between, referent, usual_opponent)
from rasd.extract.theatres import USUAL_ATTACKER, by_warplanes, flies, usual_attacker
from rasd.model import interaction_code
from rasd.sameness import FIGHTING

if TYPE_CHECKING:
    from rasd.extract.assemble import Cluster
    from rasd.geo.model import Candidate
    from rasd.model import Event

__all__ = ["ActorRoles", "assign_actors", "CIVILIANS", "INFERRED_SIDE", "VICTIMS_ONLY"]

CIVILIANS = Actor("Civilians ({country})", "civilians", "")
INFERRED_SIDE = "the other side, not named for this event: the one the article is about, else unidentified"
VICTIMS_ONLY = "civilians by ACLED's habit for unnamed victims; the attacker is not named"
_CROWDS = {"Protests": Actor("Protesters ({country})", "protesters", ""), "Riots": Actor("Rioters ({country})", "rioters", "")}
_FIGHTERS = frozenset({"combatant", "soldier", "police"})  # victim roles that make the dead no civilians

_WITH = re.compile(r"(?:\bمع|\bضد|\bعلي)\s*[\"'«]?\s*$")  # "اشتباكات مع", "غارات على ميليشيات الحوثي"


@dataclass(slots=True)
class ActorRoles:
    """The chosen actor mentions (or implied actors, like civilians named only by role)."""

    doc: Doc
    actor1: Mention | None = None
    actor2: Mention | None = None
    implied1: Actor | None = None
    implied2: Actor | None = None
    candidates: list[Mention] = field(default_factory=list)
    nationals: list[tuple[str, str, str]] = field(default_factory=list)  # (victim role, country, iso2)
    foe: Mention | Actor | None = None  # the other side of a fight when the event's words name none (see ``referent``)
    owners: tuple[str, str] | None = None  # whose homes were razed (``homes_owned``): (country, iso2), "" if unsaid
    inferred: Mention | Actor | None = None  # a second side the article implies, not one the event's words name
    inferred1: bool = False  # actor1 is the other side of a battle whose words name only the side hit
    warplanes: bool = False  # a warplane strike ("غارات جوية"), not a drone's (``by_warplanes``)

    def _nationality(self, second: Actor | None, first: Actor | None, arrests: bool = False) -> Actor | None:
        """Victims named by nationality: "عمال سوريون" → Civilians (Syria); "جنود عراقيون" → Military Forces of Iraq."""
        if second is not None and second.kind == "civilians":  # those arrested, in an arrest ("اعتقال فلسطينيين بعد مقتل إسرائيليين")
            found = _national_of(self.nationals, ("detainee", "civilian", "person") if arrests else ("civilian", "person"))
            return Actor(f"Civilians ({found[0]})", "civilians", found[1]) if found else second
        if second is None:
            found = _national_of(self.nationals, ("soldier", "police"))
            if found and (first is None or first.home != found[1]):
                return Actor(f"Military Forces of {found[0]}", "state", found[1])
        return second

    def apply(self, ev: Event, place: Candidate | None, roles: list[str], day: str | None = None, *,
              martyrs: bool = False) -> None:
        """Write names, inter codes, interaction and civilian targeting into ``ev`` (``day``: the event's ISO date;
        ``martyrs``: its toll counts martyrs, :mod:`rasd.extract.martyrs`).

        Unnamed dead or wounded of an air strike or an attack are coded as civilians, ACLED's
        habit, unless the report calls them fighters or soldiers.
        """
        from rasd.extract.countries import iso2_of

        event_type = ev.event_type

        country = place.country if place else None
        iso2 = iso2_of(country)
        first = self.actor1.value.actor if self.actor1 else self.implied1
        second = self.actor2.value.actor if self.actor2 else self.implied2
        hit = {iso2, second.home if second else None, *(n[2] for n in self.nationals)}
        if martyrs and first is not None and mourner(first, event_type, hit):
            first, self.actor1 = None, None  # "حماس تدعو لمسيرات غضب بعد مجزرة الاحتلال": who mourns did not kill
        usual = None if first is not None or place is None else usual_attacker(
            place.country, place.admin1, ev.sub_event_type, day, warplanes=self.warplanes)
        if usual is not None:  # "استشهد فلسطينيان في قصف على قطاع غزة": only Israel bombs there
            first = usual
            ev.vague["actor1"] = USUAL_ATTACKER
        crowd = _CROWDS.get(event_type or "")
        if crowd is not None and (first is None or first.kind != crowd.kind):
            forces = first if first is not None and first.kind not in VICTIM_KINDS else None
            if ev.sub_event_type == "Excessive force against protesters":
                first, second, self.actor2 = forces, crowd, None  # the forces act on the crowd
            else:  # demonstrators act; forces that disperse them are acted upon
                first, second = crowd, forces or second
                self.actor1, self.actor2 = None, (self.actor1 if forces else self.actor2)
                if second is not None and second.kind == "protesters":  # the rioters are the protesters themselves
                    second, self.actor2 = None, None
        if first is not None and second is not None and first.name_in(country) == second.name_in(country):
            second, self.actor2 = None, None  # "آليات إسرائيلية" after "الاحتلال": the attacker again, not its target
        if second is None and event_type in ("Explosions/Remote violence", "Violence against civilians", "Battles"):
            second = self._nationality(None, first)  # "قتل أربعة جنود عراقيين"
        hurt = bool(ev.fatalities) or bool(ev.injuries) or ev.fatalities_known is False
        unnamed_dead = hurt and not set(roles) & _FIGHTERS
        one_sided = event_type in ("Violence against civilians", "Explosions/Remote violence") or ev.sub_event_type in (
            "Arrests", "Mob violence")  # people arrested or beaten by a mob are civilians unless said otherwise
        taken = ev.sub_event_type == "Arrests" and not set(roles) & _FIGHTERS  # those arrested
        if second is None and one_sided and (
            "civilian" in roles or "person" in roles or unnamed_dead or taken
        ) and (first is None or first.kind not in VICTIM_KINDS):
            second = CIVILIANS
            if first is None:  # "قتل 3 مدنيين في قصف": who was hit is known, who struck is not
                ev.vague["actor2"] = VICTIMS_ONLY
        if second is None and self.owners is not None and first is not None and first.kind not in VICTIM_KINDS:
            country_of, home = self.owners  # "هدم منزلا فلسطينيا": the civilians whose home it was
            second = Actor(f"Civilians ({country_of})", "civilians", home) if country_of else CIVILIANS
        second = self._nationality(second, first, ev.sub_event_type == "Arrests")
        if event_type == "Battles" and second is not None and second.kind in ("civilians", "protesters"):
            second, self.actor2 = None, None  # a battle is fought between armed sides; civilians it names are another act's
        if second is None and self.foe is not None and event_type in _FOUGHT:  # not the civilians of an attack
            second = self.foe.value.actor if isinstance(self.foe, Mention) else self.foe
            self.actor2 = self.foe if isinstance(self.foe, Mention) else None
        if first is not None and second is not None and first.name_in(country) == second.name_in(country):
            second = None
        if ev.sub_event_type == "Peaceful protest":  # a crowd that acts on no one: what it protests is no side
            second, self.actor2 = None, None
        if ev.sub_event_type == "Agreement" and second is not None and second.kind == "civilians":
            second, self.actor2 = None, None  # a truce is between the sides; the civilians it spares are no party to it
        if first is not None:
            ev.actor1, ev.inter1 = first.name_in(country), first.inter_in(iso2)
            if self.inferred1 and usual is None:
                ev.vague["actor1"] = INFERRED_SIDE
            if self.actor1:
                ev.evidence["actor1"] = [self.actor1.span(self.doc)]
        if second is not None:
            ev.actor2, ev.inter2 = second.name_in(country), second.inter_in(iso2)
            if self.actor2:
                ev.evidence["actor2"] = [self.actor2.span(self.doc)]
            if self.inferred is not None and self.inferred in (self.actor2, second):
                ev.vague["actor2"] = INFERRED_SIDE  # review sees that the event's words name no second side
        ev.interaction = interaction_code(ev.inter1, ev.inter2)
        if second is not None and second.kind == "civilians":
            ev.civilian_targeting = "Civilian targeting"


# "في بئر السبع جنوبي إسرائيل", "وسط سوريا": a country named as where the act is, neither side of it
_IN_COUNTRY = re.compile(r"(?<!\w)[وف]?(?:في|وسط|داخل|انحاء|جنوب|جنوبي|شمال|شمالي|شرق|شرقي|غرب|غربي)\s+$")


def _as_place(text: str, m: Mention) -> bool:
    return text[m.start : m.end] in arabic_names() and bool(_IN_COUNTRY.search(text, max(0, m.start - 10), m.start))


def _national_of(nationals: list[tuple[str, str, str]], kinds: tuple[str, ...]) -> tuple[str, str] | None:
    """The first national of the first of ``kinds`` (in order of preference) that any is."""
    return next(((country, iso2) for kind in kinds for role, country, iso2 in nationals if role == kind), None)


def assign_actors(doc: Doc, cluster: Cluster, earlier: dict[str, Mention]) -> ActorRoles:
    """Choose actor1 and actor2 for ``cluster`` from the actor mentions of its sentences.

    ``earlier`` holds the attacker of the last event of each type: "جراء الغارات" with no
    attacker named refers back to the strikes the article already attributed.
    """
    text = doc.ntext
    territory = cluster.head.value.strength == "territory"  # civilians do not take or lose towns
    own_sentence = cluster.head.sentence
    own_cause = cause_at(doc, cluster.head.start)
    mentions = sorted(
        (a for a in doc.of("actor") if a.sentence in cluster.sentences and not a.value.affiliation
         and not (territory and a.value.actor.kind == "civilians") and not speaker(doc, a) and not escorts(doc, a)
         and (own_cause is not None or cause_at(doc, a.start) is None)),  # not the answered act's ("ردا على اغتيال …")
        key=lambda a: (a.sentence != own_sentence, a.start),
    )
    mentions = [m for m in _join_repeats(doc, mentions) if not _as_place(text, m)]
    # the words that describe a mention are not a second party ("كتائب القسام الجناح العسكري لحركة حماس")
    # each mention's reach once, not once per pair; a speaker's too ("أعلن التحالف الذي تقوده السعودية أن")
    spans = [(a.start, reach(doc, a)) for a in doc.of("actor") if a.sentence in cluster.sentences]
    mentions = [m for m in mentions if not any(start < m.start < end for start, end in spans)]
    roles = ActorRoles(doc, candidates=mentions)
    # not those of an act set against the event's own ("…، بينما أكدت الهيئة إصابة إسرائيلي")
    own_clause = doc.clause_of(cluster.head.start)
    roles.nationals = [n.value for n in doc.of("nationality") if n.sentence in cluster.sentences
                       and not (n.sentence == own_sentence and contrasts_between(doc, own_clause, doc.clause_of(n.start)))]
    # a mourner's dead were its own unless the report names their side ("نعت حماس القيادي في حزب الله")
    victims = sorted((m for m in mentions if is_victim(doc, m)), key=lambda m: mourns(doc, m))
    if not victims:  # "أعلنت حركة حماس اغتيال رئيس مكتبها": the side announcing its dead is the one hit
        victims = [a for a in doc.of("actor") if a.sentence in cluster.sentences and announces_loss(doc, a)][:1]
    if cluster.head.value.sub_event_type == "Looting/property destruction":
        roles.owners = homes_owned(doc, cluster.sentences)
    elif cluster.event_type in ("Explosions/Remote violence", "Violence against civilians") and civilians_struck(doc, cluster.triggers):
        roles.owners = ("", "")  # "قصف مستشفى كمال عدوان": the civilians there were hit
    struck = list(victims)  # named as hit, not only as the other side of a clash ("اشتباك مع …")
    for trig in cluster.triggers:  # "بين X و/مع Y"
        pair = pair_between(doc, trig, mentions)
        if pair:
            roles.actor1, roles.actor2 = pair
            return roles
    if cluster.head.value.sub_event_type == "Disrupted weapons use":  # "أسقطت الدفاعات طائرة مسيرة حوثية": whose weapon
        launchers = [m for m in mentions if m.value.adjective or LAUNCHED.search(text, max(0, m.start - 20), m.start)
                     or _owner_of(doc, m, cluster)]
        # the weapon's side is the one acted on, never the people it was aimed at ("المناطق الآهلة بالسكان")
        victims = launchers + [m for m in victims if m not in launchers and m.value.actor.kind not in VICTIM_KINDS]
    opponents = [m for m in mentions if _WITH.search(text[max(0, m.start - 12) : m.start])
                 and any(0 <= m.start - t.end <= 20 for t in cluster.triggers)]  # "اشتباكات مع المقاومة"
    victims += [m for m in opponents if m not in victims]
    # the UN, aid and monitoring bodies report and are hit; they never act
    # the police of a bombing defuse, investigate and report it; they did not plant it
    bomb = cluster.head.value.sub_event_type in _PLANTED
    # "أعلن الجيش الإسرائيلي إصابة 4 جنود بانفجار عبوة": who announces a loss to a bomb or a strike did not inflict it
    # (a side that lost men in fighting fought: "أكدت الإمارات مقتل أربعة من جنودها في المعارك")
    kinds = {t.value.event_type for t in cluster.triggers}
    remote = "Explosions/Remote violence" in kinds and "Battles" not in kinds
    could_act = [m for m in mentions if m.value.actor.kind != "organisation" and not (bomb and m.value.actor.kind == "police")
                 and not (remote and m.sentence == cluster.head.sentence and announces_loss(doc, m))]
    agents = [m for m in could_act if m not in victims and is_agent(doc, m, cluster)]
    others = [m for m in mentions if m not in victims and m not in agents]
    head = cluster.head.sentence  # the event's own sentence names its attacker before any other
    agents.sort(key=lambda m: m.sentence != head)
    air = roles.warplanes = by_warplanes(doc, cluster)
    if air and agents and not flies(agents[0].value.actor):
        # "غارات على مواقع الحوثيين": a side with no warplanes did not strike; it was the one struck
        victims.append(agents[0])
        agents = [m for m in agents if flies(m.value.actor)]
    roles.actor1 = next(iter(agents or [m for m in others if m in could_act and m.value.actor.kind not in VICTIM_KINDS
                                        and (not air or flies(m.value.actor))]), None)
    rest = [m for m in victims + [o for o in others if o.value.actor.kind != "organisation"] if m is not roles.actor1
            and (roles.actor1 is None or m.value.actor != roles.actor1.value.actor)]  # a body that reports is hit only as a victim
    if victims and victims[0] is not roles.actor1:
        roles.actor2 = victims[0]
        if cluster.event_type == "Battles" and roles.actor1 is not None and roles.actor1.value.actor == roles.actor2.value.actor:
            roles.actor1 = None  # "تكبد الجيش الإسرائيلي خسائر خلال معارك": the side hit, not also its own foe
    elif rest and rest[0].sentence == cluster.head.sentence and doc.clause_of(rest[0].start) == doc.clause_of(cluster.head.start):
        roles.actor2 = rest[0]
    if roles.actor1 is not None and roles.actor2 is not None and (comrades(roles.actor1, roles.actor2) or one_bloc(
            roles.actor1.value.actor, roles.actor2.value.actor) or _co_agent(doc, roles.actor1, roles.actor2)):
        # "القسام … مع سرايا القدس", "قوات الجيش بإسناد من التحالف": groups of one side claiming or fighting together
        roles.actor2 = None
    if roles.actor1 is None:
        roles.actor1 = claimant(doc, cluster)
    if roles.actor1 is None and cluster.event_type == "Violence against civilians":
        # "شهيدين سقطا في مواجهات مع قوات الاحتلال": the forces the unarmed dead faced killed them
        roles.actor1 = next((m for m in opponents if m.value.actor.kind in ARMED and m is not roles.actor2), None)
    # a bomb is no act of the last side that struck, unless its words say someone planted it ("زرعتها الميليشيات")
    planted = bomb and not any(
        _PLANTED_BY.match(text, t.end, t.end + 40) for t in cluster.triggers)
    if roles.actor1 is None and not planted and (inherited := earlier.get(cluster.event_type)) is not None:
        if (roles.actor2 is None or roles.actor2.value.actor != inherited.value.actor) and (
                not air or flies(inherited.value.actor)):
            roles.actor1 = inherited
    if roles.actor1 is None and roles.actor2 is not None and roles.actor2.value.actor.kind not in (*VICTIM_KINDS, "organisation") \
            and (not air or flies(roles.actor2.value.actor)):
        if not victims or (cluster.event_type == "Battles" and roles.actor2 not in struck):
            roles.actor1, roles.actor2 = roles.actor2, None
        elif cluster.event_type == "Battles":  # the forces named as hit stay the side hit ("أصيب 3 جنود إسرائيليين")
            hit = roles.actor2.value.actor
            roles.actor1 = next((m for m in victims if m.value.actor != hit and m.value.actor.kind not in VICTIM_KINDS),
                                None)  # "… في اشتباك مع مسلحي التنظيم"; never the civilians of another act
    if roles.actor1 is None and roles.implied1 is None and _UNKNOWN_AGENT.search(_around(doc, cluster)):
        # "لا تزال الجهة التي استهدفت القاعدة مجهولة": ACLED's unidentified actor, not a blank
        roles.implied1 = _UNIDENTIFIED_AIR if cluster.head.value.sub_event_type == "Air/drone strike" else _UNIDENTIFIED
    if roles.actor1 is None and roles.implied1 is None and planted and (
            roles.actor2 is not None or _unnamed_dead(cluster)):
        # "قتل جنديان في انفجار عبوة ناسفة", "سقط سبعة قتلى في انفجار سيارة مفخخة": a bomb nobody claimed was planted
        # by someone unknown (its unnamed dead are civilians); not "مقتل 19 تكفيريا", fighters an army reports killing
        roles.implied1 = _UNIDENTIFIED
    if roles.actor1 is None and roles.actor2 is not None and not territory and roles.actor2.value.actor.kind in ARMED and (
            cluster.event_type == "Battles" or cluster.event_type == "Violence against civilians"
            and roles.actor2.value.actor.kind in ("state", "police")):  # "أصيب 3 جنود بإطلاق نار": a clash with them
        # "إصابة عشرات الجنود الإسرائيليين واشتباكات ضارية": only the side hit is named; the other is the article's
        # main armed side, else unidentified gunmen when the side hit is a state's forces
        roles.actor1 = usual_opponent(doc, roles.actor2)
        if roles.actor1 is None and roles.actor2.value.actor.kind in ("state", "police"):
            roles.implied1 = _UNIDENTIFIED
        roles.inferred1 = True
    if roles.actor1 is not None and roles.actor2 is None and (
            cluster.event_type == "Battles" or cluster.head.value.sub_event_type == "Disrupted weapons use"):
        roles.actor2 = usual_opponent(doc, roles.actor1)
        if cluster.event_type != "Battles":  # "صاروخ أطلق من اليمن": whose missile only the article says
            roles.inferred = roles.actor2
    if roles.actor1 is not None and roles.actor2 is None and cluster.event_type in FIGHTING and any(
            c.value.role == "combatant" for c in cluster.casualties):
        # "مقتل خمسة مسلحين": fighters of the side the article named as hit before; naming no other side, unidentified
        roles.foe = referent(doc, doc.sentences[own_sentence][1], roles.actor1,
                             lambda a: is_victim(doc, a) and not speaker(doc, a), _UNIDENTIFIED)
    elif roles.actor1 is not None and roles.actor2 is None and cluster.event_type == "Battles":
        # a clash's other side, named in the clash's own sentence ("تصدت فصائل المقاومة لتوغل قوات الاحتلال")
        roles.foe = next((m for m in mentions if m.sentence == own_sentence and m.value.actor.kind in ARMED
                          and m.value.actor != roles.actor1.value.actor and not allied(doc, roles.actor1, m)), None)
        if roles.foe is None and roles.actor1.value.actor.kind in ("state", "police"):
            roles.foe = roles.inferred = _UNIDENTIFIED  # "اندلعت اشتباكات خلال توغل الجيش": gunmen left unnamed
    return roles


def _co_agent(doc: Doc, first: Mention, second: Mention) -> bool:
    """``second`` is joined to an agent ``first`` by "و": "برصاص قوات الاحتلال والمستوطنين" names two who fired."""
    return names_agent(doc, first) and doc.ntext[reach(doc, first) : second.start].strip() == "و"


def _unnamed_dead(cluster: Cluster) -> bool:
    """The event killed or wounded people, none of them called fighters."""
    hurt = [c.value for c in cluster.casualties if c.value.kind in ("killed", "injured") and c.value.count != 0]
    return bool(hurt) and not any(c.role == "combatant" for c in hurt)


_UNKNOWN_AGENT = re.compile(r"(?:الجهه|جهه)[^.]{0,60}?(?:مجهول|مجهوله)|مجهوله الهويه|مجهوله المصدر|مجهول المصدر|لم تعرف الجهه|لا يعرف من|لم تتبن|لم يتبن")
_UNIDENTIFIED = Actor("Unidentified Armed Group ({country})", "political_militia", "")
_UNIDENTIFIED_AIR = Actor("Unidentified Military Forces", "external", "")
_FOUGHT = frozenset({"Battles", "Explosions/Remote violence"})  # where a side, not civilians, can be the one hit
_PLANTED = frozenset({"Remote explosive/landmine/IED", "Grenade", "Suicide bomb"})
_PLANTED_BY = re.compile(r"[^.،]{0,25}?(?<!\w)(?:التي|الذي)?\s*(?:زرعها|زرعتها|زرعه|زرعته|زرعوها|زرعوه|وضعها|وضعتها|وضعه|وضعته)\s+\S")


_OWNER_GAP = re.compile(r"\s+(?:\S+\s+){0,2}?(?:لل|ل)")


def _owner_of(doc: Doc, m: Mention, cluster: Cluster) -> bool:
    """"إسقاط طائرتي درون للحوثي": the genitive right after the downed weapon owns it."""
    return any(t.sentence == m.sentence and 0 < m.start - t.end <= 16 and _OWNER_GAP.fullmatch(doc.ntext, t.end, m.start)
               for t in cluster.triggers)


def _join_repeats(doc: Doc, mentions: list[Mention]) -> list[Mention]:
    """"حركة المقاومة الإسلامية (حماس)": the same actor again in brackets is one mention, no second party."""
    out: list[Mention] = []
    for m in mentions:
        before = out[-1] if out else None
        if (before is not None and before.value.actor == m.value.actor and 0 <= m.start - before.end <= 3
                and doc.ntext[before.end : m.start].strip() in ("(", "-", "")):
            out[-1] = Mention(before.label, before.start, doc.ntext.find(")", m.end, m.end + 2) + 1 or m.end,
                              before.value, before.sentence)
            continue
        out.append(m)
    return out


def _around(doc: Doc, cluster: Cluster) -> str:
    """The event's sentences and the one after, where reports say who did it or that nobody knows."""
    last = max(cluster.sentences)
    return " ".join(doc.ntext[s:e] for i, (s, e) in enumerate(doc.sentences) if i in cluster.sentences or i == last + 1)
