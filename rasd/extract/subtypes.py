"""Settle the event type and sub-type once the actors and victims are known.

Some triggers leave the type open: a bare "قصف" is an air strike when the
attacker flies (Israel, Russia, the US-led coalition) and shelling otherwise;
a killing "برصاص" is an attack on civilians or a clash with combatants;
taking a town is "Government regains territory" only for state forces.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from rasd.doc import Doc

from rasd.extract.clusters import AIRCRAFT
from rasd.extract.eventness import cause_at

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
    head = cluster.head.value
    kind, sub = head.event_type, head.sub_event_type
    a1 = actors.actor1.value.actor if actors.actor1 else None
    a2 = actors.actor2.value.actor if actors.actor2 else None
    sentences = " ".join(doc.ntext[s:e] for i, (s, e) in enumerate(doc.sentences) if i in cluster.sentences)
    target = _target_role(doc, cluster)  # "أطلقت النار على فلسطيني": who was shot at, whoever else the sentence names
    victims_civilian = target in _CIVILIAN or (bool(set(roles) & _CIVILIAN) and not set(roles) & _COMBATANT)
    crowd = "protester" in roles or any(m.value.actor.kind == "protesters" for m in actors.candidates)
    if kind == "Riots" and sub == "Mob violence" and (crowd or any(t.value.event_type == "Protests" for t in cluster.triggers)):
        return kind, "Violent demonstration"  # demonstrators burning tyres riot; a mob attacks people
    if head.strength == "bombard":
        flies = a1 is not None and any(p in a1.canonical for p in _AIR_POWERS)
        if flies or _AIR_WORDS.search(sentences):
            return "Explosions/Remote violence", "Air/drone strike"
        return kind, sub
    head_clause = doc.clauses[doc.clause_of(cluster.head.start)]
    if kind == "Battles" and head.strength == "weak" and AIRCRAFT.search(doc.ntext, *head_clause):
        return "Explosions/Remote violence", "Air/drone strike"  # "استهدف طيران التحالف تعزيزات": aircraft struck
    # "قتل ثلاثة برصاص الجيش خلال تظاهرات": shot during a protest of its sentence
    # … or a killing told with no act of its own under a headline about a protest ("قمع إسرائيل لمسيرات العودة")
    protesting = cause_at(doc, cluster.head.start) is None and (  # not "احتجاجا على مقتل شاب أمس"
        crowd or any(t.value.event_type == "Protests" and t.value.modal is None and (
        t.sentence in cluster.sentences or (t.start < doc.title_end and head.strength == "kill" and len(cluster.triggers) == 1))
        for t in doc.of("trigger")))
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
        if a1 is not None and a1.kind in ("state", "police"):
            return "Battles", "Government regains territory"
        return "Battles", "Non-state actor overtakes territory"
    if kind == "Protests":
        protesters_killed = any(c.value.kind == "killed" and c.value.role == "protester" for c in cluster.casualties)
        if protesters_killed or _EXCESSIVE.search(sentences) or any(c.value.kind == "killed" for c in cluster.casualties):
            return kind, "Excessive force against protesters"
        if _INTERVENTION.search(sentences) or _INTERVENTION.search(_next_sentences(doc, cluster)):
            return kind, "Protest with intervention"  # "… والشرطة تفرق المحتجين": told right after the protest
    return kind, sub


def _next_sentences(doc: Doc, cluster: Cluster) -> str:
    """The two sentences after the cluster's last one."""
    last = max(cluster.sentences)
    return " ".join(doc.ntext[s:e] for s, e in doc.sentences[last + 1 : last + 3])


def _target_role(doc: Doc, cluster: Cluster) -> str | None:
    """The role of the victim noun right after the head trigger ("النار على فلسطيني", "استهدف مدنيين"), if any."""
    head = cluster.head
    after = (m for m in doc.of("role") if m.sentence == head.sentence and 0 <= m.start - head.end <= _TARGET_GAP)
    return next((m.value for m in sorted(after, key=lambda m: m.start)), None)


_TARGET_GAP = 12  # characters: a preposition and an article at most
