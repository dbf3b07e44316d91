"""Which records are one event within an article: retellings merge into one record.

Needs the article's finished records (place, date, type and actors set), in text order.
:func:`dedupe` keeps the first record of each event and folds into it what its
retellings add (evidence, a larger toll, a missing actor or place); :func:`_same_event`
is the test of a retelling, :func:`_elaboration` that of a sentence that only tells
how the event before happened.
"""

from __future__ import annotations

from rasd.extract.clusters import VIOLENT
from rasd.extract.placing import PLACE_FIELDS
from rasd.model import Event

__all__ = ["dedupe"]


def dedupe(events: list[Event]) -> list[Event]:
    """Reports of one event inside one article become one record.

    Long articles retell the lead event ("ارتفعت حصيلة القصف…") in later
    paragraphs with other words: same day, same type, same place (or no
    place), no conflicting attacker is the same event. The larger toll wins,
    as later paragraphs update earlier ones.
    """
    out: list[Event] = []
    for ev in events:
        kept = next((k for k in out if _same_event(k, ev)), None)
        if kept is None and _elaboration(ev):  # "وقد أصيبا برصاص في الصدر": how, not what
            kept = next((k for k in reversed(out) if k.event_type in VIOLENT), None)
        if kept is None:
            out.append(ev)
            continue
        _fold_tolls(kept, ev)
        for name, spans in ev.evidence.items():
            kept.evidence.setdefault(name, []).extend(s for s in spans if s not in kept.evidence[name])
        if kept.sub_event_type != ev.sub_event_type and ev.sub_event_type == "Air/drone strike":
            kept.sub_event_type = ev.sub_event_type
        for name in ("actor1", "inter1", "actor2", "inter2", "interaction", "civilian_targeting"):
            if getattr(kept, name) is None and not (name in ("actor1", "actor2") and getattr(ev, name) in (
                    kept.actor1, kept.actor2)):  # a retelling never makes a side its own opponent
                setattr(kept, name, getattr(ev, name))
        if kept.location is None and ev.location is not None:
            for name in PLACE_FIELDS:
                setattr(kept, name, getattr(ev, name))
    return out


def _fold_tolls(kept: Event, ev: Event) -> None:
    """The larger toll wins; a retelling that reports deaths with no number unknots a 0 nobody stated."""
    for name in ("fatalities", "injuries"):
        mine, theirs, known = getattr(kept, name), getattr(ev, name), getattr(ev, f"{name}_known")
        unstated_zero = mine == 0 and name not in kept.evidence and theirs is None and not known and name in ev.evidence
        if (theirs or 0) > (mine or 0) or unstated_zero:
            setattr(kept, name, theirs)
            setattr(kept, f"{name}_known", known)


def _elaboration(ev: Event) -> bool:
    """A violent event with no place, no actor and no date of its own only details the one before."""
    return ev.event_type in VIOLENT and ev.location is None and ev.actor1 is None and "event_date" not in ev.evidence


def _same_event(a: Event, b: Event) -> bool:
    """Same type and day, no two places, no conflicting attacker (in a battle, the same two sides in either order)."""
    if (a.event_type, a.event_date) != (b.event_type, b.event_date):
        return False
    if a.event_type == "Strategic developments" and a.sub_event_type != b.sub_event_type:
        return False  # an arrest campaign and the post set up during it are two records; a retold strike is one
    if a.location is not None and b.location is not None and a.location != b.location:
        return False
    if a.event_type == "Battles" and a.actor1 and b.actor1:  # "اشتبك الجنود مع المهاجمين": the same two sides, retold
        return {b.actor1, b.actor2} - {None} <= {a.actor1, a.actor2}
    return a.actor1 is None or b.actor1 is None or a.actor1 == b.actor1
