"""Settle the event type and sub-type once the actors and victims are known.

Some triggers leave the type open: a bare "قصف" is an air strike when the
attacker flies (Israel, Russia, the US-led coalition) and shelling otherwise;
a killing "برصاص" is an attack on civilians or a clash with combatants;
a killing or an attack verb with a weapon word beside it is what the weapon
did ("أسفرت الضربات عن مقتل 23": a strike, not a clash); taking a town is
"Government regains territory" for state forces and for militias they back.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from rasd.doc import Doc, Mention

from rasd.extract.clusters import AIRCRAFT
from rasd.extract.eventness import cause_at
from rasd.extract.struck import names_agent

if TYPE_CHECKING:
    from rasd.extract.clusters import Cluster
    from rasd.extract.roles import ActorRoles

__all__ = ["resolve_type"]

_AIR_POWERS = ("Israel", "Russia", "United States", "Saudi Arabia", "United Arab Emirates", "Coalition", "Turkey")
_AIR_WORDS = re.compile(r"طيران|طايرات|مقاتلات|جوي|جويه|الحربي|مسير")
_INTERVENTION = re.compile(
    r"(?<!\w)(?:[وفل]?(?:تفريق|لتفريق|فرقت|فرقتهم|فرقته|تفرق|قمع|قمعت|هراوات|فضت|فض|اعتقلت|الهراوات|خراطيم)|الغاز المسيل|"
    r"قنابل الغاز|الغاز المدمع|الرصاص المطاطي|قنابل صوتيه|النار في الهواء|الرصاص في الهواء)(?!\w)"
)
_EXCESSIVE = re.compile(r"الرصاص الحي")
_COMBATANT = {"combatant", "soldier", "police"}
_CIVILIAN = {"civilian", "person", "protester"}


def resolve_type(doc: Doc, cluster: Cluster, actors: ActorRoles, roles: list[str]) -> tuple[str, str]:
    """(event_type, sub_event_type) for ``cluster``."""
    means = _means(doc, cluster)  # "قتل 23 بالغارات", "هاجمت بمسيرات": the weapon word tells the act
    head = means.value if means is not None else cluster.head.value
    kind, sub = head.event_type, head.sub_event_type
    a1 = actors.actor1.value.actor if actors.actor1 else None
    a2 = actors.actor2.value.actor if actors.actor2 else None
    sentences = " ".join(doc.ntext[s:e] for i, (s, e) in enumerate(doc.sentences) if i in cluster.sentences)
    target = _target_role(doc, cluster)  # "أطلقت النار على فلسطيني": who was shot at, whoever else the sentence names
    victims_civilian = target in _CIVILIAN or (bool(set(roles) & _CIVILIAN) and not set(roles) & _COMBATANT)
    crowd = "protester" in roles or any(m.value.actor.kind == "protesters" for m in actors.candidates)
    if kind == "Riots" and sub == "Mob violence" and (crowd or any(t.value.event_type == "Protests" for t in cluster.triggers)):
        return kind, "Violent demonstration"  # demonstrators burning tyres riot; a mob attacks people
    if sub == "Arrests" and any(t.value.event_type == "Protests" and t.value.modal is None for t in cluster.triggers):
        return "Protests", "Protest with intervention"  # "اعتقلت الشرطة 5 أشخاص خلال احتجاج وسط تل أبيب"
    if kind == "Protests" and any(t.value.sub_event_type == "Violent demonstration" for t in cluster.triggers):
        return "Riots", "Violent demonstration"  # the protesters threw stones, burned tyres: a riot, whoever fired on them
    if head.strength == "weak" and sub == "Disrupted weapons use" and _INTERCEPT.match(doc.ntext, cluster.head.start) \
            and not _armed(doc, cluster):
        return "Strategic developments", "Other"  # "اعترضت البحرية قارب كسر الحصار": a boat stopped, no weapon
    if head.strength == "weak" and kind in ("Battles", _REMOTE) and _defends(doc, cluster):
        return "Strategic developments", "Disrupted weapons use"  # "تصدت الدفاعات الجوية لصاروخ": an interception
    if head.strength == "bombard":
        flies = a1 is not None and any(p in a1.canonical for p in _AIR_POWERS)
        if flies or _AIR_WORDS.search(sentences):
            return "Explosions/Remote violence", "Air/drone strike"
        return kind, sub
    head_clause = doc.clauses[doc.clause_of(cluster.head.start)]
    if kind in ("Battles", "Violence against civilians") and head.strength == "weak" and AIRCRAFT.search(doc.ntext, *head_clause):
        return "Explosions/Remote violence", "Air/drone strike"  # "استهدف طيران التحالف تعزيزات", "هاجمت الطائرات": aircraft struck
    # "قتل ثلاثة برصاص الجيش خلال تظاهرات": shot during a protest of its sentence
    # … or a killing told with no act of its own under a headline about a protest ("قمع إسرائيل لمسيرات العودة")
    protesting = cause_at(doc, cluster.head.start) is None and (  # not "احتجاجا على مقتل شاب أمس"
        crowd or any(t.value.event_type == "Protests" and t.value.modal is None and (
        t.sentence in cluster.sentences or (t.start < doc.title_end and head.strength == "kill" and len(cluster.triggers) == 1))
        for t in doc.of("trigger")) or (head.strength == "kill" and len(cluster.triggers) == 1 and a1 is not None  # someone fired
            and _protest_deaths(doc, cluster)))
    if (head.strength == "kill" or kind == "Violence against civilians") and protesting:
        return "Protests", "Excessive force against protesters"  # "أطلقت قوات الأمن الرصاص الحي على المتظاهرين"
    if head.strength == "kill" or (kind == "Battles" and head.strength == "weak"):
        if victims_civilian or (a2 is not None and a2.kind == "civilians"):
            return "Violence against civilians", "Attack"
        if target in _COMBATANT or set(roles) & _COMBATANT or (a2 is not None and a2.kind not in ("civilians", "protesters")):
            return "Battles", "Armed clash"
        return kind, sub
    if kind == "Strategic developments" and sub == "Other" and any(t.value.event_type == "Protests" for t in cluster.triggers):
        return "Riots", "Violent demonstration"  # "اقتحم متظاهرون السياج": demonstrators storming is a riot
    hurt = [c for c in cluster.casualties if c.value.kind in ("killed", "injured") and c.value.count != 0]
    if kind == "Strategic developments" and sub == "Other" and hurt:  # a raid in which people were shot
        if set(roles) & _COMBATANT and not victims_civilian:
            return "Battles", "Armed clash"
        return "Violence against civilians", "Attack"
    if head.strength == "territory":
        if a1 is not None and (a1.kind in ("state", "police") or _backed(doc, cluster, actors)):
            return "Battles", "Government regains territory"
        return "Battles", "Non-state actor overtakes territory"
    if kind == "Protests":
        protesters_killed = any(c.value.kind == "killed" and c.value.role == "protester" for c in cluster.casualties)
        if protesters_killed or _EXCESSIVE.search(sentences) or any(c.value.kind == "killed" for c in cluster.casualties):
            return kind, "Excessive force against protesters"
        if _INTERVENTION.search(sentences) or _INTERVENTION.search(_next_sentences(doc, cluster)):
            return kind, "Protest with intervention"  # "… والشرطة تفرق المحتجين": told right after the protest
    if (kind, sub) == ("Violence against civilians", "Attack") and a2 is not None and a2.kind in ("state", "police") \
            and a2 != a1 and not victims_civilian:
        return "Battles", "Armed clash"  # "طعن جنديين", "دهس جنود": soldiers attacked are a side, not civilians
    return kind, sub


def _means(doc: Doc, cluster: Cluster) -> Mention | None:
    """The weapon trigger that says how a generic head was done, if any.

    A killing ("مقتل 23"), an attack verb ("هاجمت", "هجوم") or a bare explosion ("انفجار") says that
    something happened, not how: a remote-violence word of the cluster, or of the head's sentence for a
    killing (of its clause otherwise), names the means ("أسفرت الضربات عن مقتل 23", "هاجمت بمسيرات"):
    an air strike is no armed clash, and civilians it kills are still hit by an air strike.
    """
    head = cluster.head
    h = head.value
    explosion = h.event_type == _REMOTE and h.strength == "weak" and h.sub_event_type == "Remote explosive/landmine/IED"
    if not (h.strength == "kill" or explosion or (h.strength == "weak" and h.event_type in ("Battles", "Violence against civilians"))):
        return None
    if _OWN_MEANS.search(doc.ntext, head.start, head.end):  # "برصاص", "طعن", "هجوم مسلح": the head names its means
        return None
    clause = doc.clause_of(head.start)
    near = [t for t in doc.of("trigger") if t.value.modal is None and t.sentence == head.sentence
            and (h.strength == "kill" or doc.clause_of(t.start) == clause)]
    weapons = [t for t in (*cluster.triggers, *near) if t.value.event_type == _REMOTE and t is not head
               and not _MASSACRE.match(doc.ntext, t.start)  # "مجزرة": how many died, not how
               and not (explosion and t.value.sub_event_type == h.sub_event_type)]
    return min(weapons, key=lambda t: (_WEAPON_RANK[t.value.strength], -(t.end - t.start)), default=None)


_REMOTE = "Explosions/Remote violence"
# words that name a direct means (gunfire, a knife, a car, gunmen) or a defence ("تصدت لصاروخ": an interception)
_MASSACRE = re.compile(r"(?:ال)?(?:مجزره|مجازر)")
_OWN_MEANS = re.compile(r"رصاص|نار|قنص|قناص|طعن|دهس|مسلح|تصفيه|مختطف|تصد")
_WEAPON_RANK = {"strong": 0, "bombard": 1, "kill": 2, "weak": 2, "territory": 3}


def _backed(doc: Doc, cluster: Cluster, actors: ActorRoles) -> bool:
    """A militia taking ground with state forces' support ("بإسناد من القوات الإماراتية", "بدعم من التحالف")
    fights for a government: ACLED's "Government regains territory" counts government forces and their affiliates."""
    a1 = actors.actor1.value.actor if actors.actor1 else None
    if a1 is None or a1.kind not in ("political_militia", "identity_militia"):
        return False
    a2 = actors.actor2.value.actor if actors.actor2 else None
    s, e = doc.sentences[cluster.head.sentence]
    return any(m.value.actor.kind in ("state", "external") and m.value.actor != a2
               and _BACKING.search(doc.ntext, max(s, m.start - _BACKING_REACH), m.start)
               for m in doc.of("actor") if s <= m.start < e)


def _protest_deaths(doc: Doc, cluster: Cluster) -> bool:
    """An earlier sentence told people killed at a protest ("قتلوا بالرصاص خلال مسيرة العودة"), or the next one
    counts this death among a protest's ("وبذلك يرتفع عدد قتلى التظاهرات إلى اثنين"): a bare killing of the
    article ("أدانت إطلاق الجيش النار على المدنيين") is that protest met with force."""
    head = cluster.head
    told = {t.sentence for t in doc.of("trigger") if t.value.event_type == "Protests" and t.value.modal is None
            and t.sentence <= head.sentence + 1 and t.sentence != head.sentence and cause_at(doc, t.start) is None}
    return any(c.sentence in told and c.value.kind == "killed" for c in doc.of("casualty")) or any(
        t.sentence in told and t.value.strength == "kill" for t in doc.of("trigger"))


def _armed(doc: Doc, cluster: Cluster) -> bool:
    """A weapon is named in the head's sentence ("اعترضت الدفاعات، الجمعة، صاروخا") or the cluster's words."""
    s, e = doc.sentences[cluster.head.sentence]
    return bool(_WEAPONS.search(doc.ntext, s, e)) or any(t.value.event_type == _REMOTE for t in cluster.triggers)


def _defends(doc: Doc, cluster: Cluster) -> bool:
    """A defence verb of the cluster ("تصدت/تصدى") right before a projectile ("لصاروخ", "لطائرة مسيرة"):
    the defender stopped it."""
    return any(_DEFENCE.match(doc.ntext, d.start) and any(
        t.value.event_type == _REMOTE and 0 <= t.start - d.end <= _DEFENCE_GAP for t in doc.of("trigger"))
        for d in cluster.triggers)


_BACKING = re.compile(r"(?<!\w)[وب]*(?:ال)?(?:اسناد|دعم|مسانده|غطاء|مدعوم|مدعومه|المدعومه|بمشارك)")
_BACKING_REACH = 12  # characters: "بإسناد من " before the backer
# the interception verbs (not "الدفاعات الجوية", which names the defender); the weapons an interception stops
_INTERCEPT = re.compile(r"[وف]?(?:ال)?(?:اعترا?ض|يعترض|تعترض)")
_WEAPONS = re.compile(r"صاروخ|صواريخ|قذيف|قذائف|مسير|طائر|طيار|عبو|ذخير|سلاح|اسلح|متفجر|قنبل|مقذوف")
_DEFENCE = re.compile(r"[وف]?(?:تصدت|تصدى|يتصدى|تتصدى|التصدي)(?!\w)")
_DEFENCE_GAP = 40  # characters: a defender and a time at most ("تصدت الدفاعات الجوية مساء الأحد لصاروخ")


def _next_sentences(doc: Doc, cluster: Cluster) -> str:
    """The two sentences after the cluster's last one."""
    last = max(cluster.sentences)
    return " ".join(doc.ntext[s:e] for s, e in doc.sentences[last + 1 : last + 3])


def _target_role(doc: Doc, cluster: Cluster) -> str | None:
    """The role of the victim noun right after the head trigger ("النار على فلسطيني", "استهدف مدنيين"), if any."""
    head = cluster.head
    after = (m for m in doc.of("role") if m.sentence == head.sentence and 0 <= m.start - head.end <= _TARGET_GAP
             and not names_agent(doc, m))  # "برصاصة أطلقها جنود": who fired, not who was shot
    return next((m.value for m in sorted(after, key=lambda m: m.start)), None)


_TARGET_GAP = 12  # characters: a preposition and an article at most
