"""Which records are one event within an article: retellings merge into one record.

Needs the article's finished records (place, date, type and actors set), in text order.
:func:`dedupe` keeps the first record of each event and folds into it what its
retellings add (evidence, the event's toll, a missing actor or place, a town for a country). Whether a
record retells an earlier one is the same-event test of the whole system,
:func:`rasd.sameness.match_distance`, at the article scale (:data:`rasd.sameness.ARTICLE`);
the toll is the count rule of :mod:`rasd.counting` over the retellings, the one
the store applies across articles. :func:`_elaboration` is the test of a
sentence that only tells how the event before happened.
"""

from __future__ import annotations

from rasd.counting import Figure, count
from rasd.extract.clusters import VIOLENT
from rasd.extract.placing import PLACE_FIELDS
from rasd.model import Event
from rasd.sameness import ARTICLE, country_wide, fields_of, match_distance

_TOLLS = ("fatalities", "injuries")
#: One retelling's toll as told, taken before its evidence is folded into the record: (figure, vague words) per field.
_Told = dict[str, tuple[Figure, str | None]]

__all__ = ["dedupe"]


def dedupe(events: list[Event], others: frozenset[int] = frozenset()) -> list[Event]:
    """Reports of one event inside one article become one record.

    Long articles retell the lead event ("ارتفعت حصيلة القصف…") in later
    paragraphs with other words: same day, same type, same place (or no
    place), no conflicting attacker is the same event. Its toll is the count
    rule's over every retelling that speaks of it, one telling: a figure told
    as a rise, else the largest number (the whole holds the parts and the
    earlier counts an article retells), else the largest vague word. A record
    in ``others`` (by ``id``) is told as another act of its kind and retells none.
    """
    out: list[Event] = []
    told: dict[int, list[_Told]] = {}
    for ev in events:
        # ``others``: records told as another of their kind ("غارة أخرى قتلت أربعة أطفال"), never a retelling
        kept = None if id(ev) in others else _retold(out, ev) or _same_protest(out, ev) or _killed_at_protest(out, ev)
        if kept is None and _elaboration(ev):  # "وقد أصيبا برصاص في الصدر": how, not what
            kept = next((k for k in reversed(out) if k.event_type in VIOLENT), None)
        if kept is None:
            out.append(ev)
            told[id(ev)] = [_told(ev)]
            continue
        told[id(kept)].append(_told(ev))
        _fold_tolls(kept, told[id(kept)])
        if "event_date" in ev.evidence and "event_date" not in kept.evidence:  # the retelling names the day
            kept.event_date, kept.time_precision = ev.event_date, ev.time_precision
        for name, spans in ev.evidence.items():
            kept.evidence.setdefault(name, []).extend(s for s in spans if s not in kept.evidence[name])
        if kept.sub_event_type != ev.sub_event_type and ev.sub_event_type == "Air/drone strike":
            kept.sub_event_type = ev.sub_event_type
        if kept.sub_event_type == "Armed clash" and ev.sub_event_type in _TERRITORY:
            kept.sub_event_type = ev.sub_event_type  # "معارك … تمكن خلالها من تحرير": the battle won ground
        if _PROTEST_RANK.get(ev.sub_event_type or "", -1) > _PROTEST_RANK.get(kept.sub_event_type or "", -1) >= 0 or (
                kept.sub_event_type == _ATTACK and ev.sub_event_type == _FORCE):
            # the protest turned violent or was met with force: that record's type and sides
            _take_type_and_sides(kept, ev)
        for name in _SIDES:
            side = name in ("actor1", "actor2")
            if getattr(kept, name) is None and not (side and getattr(ev, name) in (kept.actor1, kept.actor2)) and not (
                    side and (getattr(ev, name) or "").startswith(_CROWDS) and _crowd(kept)):
                # a retelling never makes a side its own opponent, nor the crowd the one who met it with force
                setattr(kept, name, getattr(ev, name))
        if ev.location is not None and (kept.location is None or (country_wide(fields_of(kept)) and not country_wide(fields_of(ev)))):
            for name in PLACE_FIELDS:
                setattr(kept, name, getattr(ev, name))
    return out


def _retold(out: list[Event], ev: Event) -> Event | None:
    """The earlier record ``ev`` retells, if any. A record placed only at a country retells a town record only
    when one town of the article fits: beside two, it may speak of either, or of both."""
    if not country_wide(fields_of(ev)):
        return next((k for k in out if _same_event(k, ev)), None)
    found = [k for k in out if _same_event(k, ev)]
    if len({k.location for k in found if not country_wide(fields_of(k))}) > 1:
        return None
    return found[0] if found else None


#: Protest sub-types from the least to the most told: one protest told as peaceful, as turned violent and as met with
#: force is the latter (ACLED codes one demonstration a place and day).
_PROTEST_RANK = {"Peaceful protest": 0, "Protest with intervention": 1, "Violent demonstration": 2,
                 "Excessive force against protesters": 3}
_CROWDS = ("Protesters", "Rioters")
_TERRITORY = ("Government regains territory", "Non-state actor overtakes territory")
_SIDES = ("actor1", "inter1", "actor2", "inter2", "interaction", "civilian_targeting")


def _same_protest(out: list[Event], ev: Event) -> Event | None:
    """The earlier record of the protest ``ev`` tells again under another sub-type (same day, same place, the
    crowd of one country): "احتجاجات مسيرات العودة" and "قتلت القوات فلسطينيين … خلال الاحتجاجات" are one protest
    met with force, "تظاهر الآلاف في البصرة" and "أحرق المحتجون مبنى المحافظة" one protest turned violent. The
    attacker gate of :func:`_same_event` cannot see it: the crowd is actor1 of one and actor2 of the other."""
    if ev.sub_event_type not in _PROTEST_RANK:
        return None
    crowd = _crowd(ev)
    return next((k for k in out if k.sub_event_type in _PROTEST_RANK and k.sub_event_type != ev.sub_event_type
                 and k.event_date == ev.event_date and _one_place(k, ev) and crowd & _crowd(k)), None)


_ATTACK, _FORCE = "Attack", "Excessive force against protesters"


def _take_type_and_sides(kept: Event, ev: Event) -> None:
    """``kept`` becomes the kind of event ``ev`` is, with ``ev``'s sides."""
    for name in ("disorder_type", "event_type", "sub_event_type", *_SIDES):
        setattr(kept, name, getattr(ev, name))


def _killed_at_protest(out: list[Event], ev: Event) -> Event | None:
    """A killing by the forces that met a protest with force, of that crowd's people, the same day ("قتلت القوات
    فلسطينيين خلال مسيرات العودة" beside "أطلقت القوات النار على المتظاهرين"), is force against the protest: at the
    protest's place (or with no place) it is that record, whichever the article tells first; at another place of
    its governorate it is the protest met with force there ("شرق خان يونس"), a record of its own."""
    def pair(force: Event, attack: Event) -> bool:
        return (force.sub_event_type == _FORCE and attack.sub_event_type == _ATTACK and force.actor1 is not None
                and force.actor1 == attack.actor1 and force.event_date == attack.event_date and _one_place(force, attack)
                and (attack.actor2 or "").startswith("Civilians (") and (attack.actor2 or "").rpartition("(")[2] in _crowd(force))
    for k in out:
        force, attack = (k, ev) if pair(k, ev) else (ev, k) if pair(ev, k) else (None, None)
        if force is None or attack is None:
            continue
        if attack.location is None or force.location is None or attack.location == force.location:
            return k
        _take_type_and_sides(attack, force)
    return None


def _one_place(a: Event, b: Event) -> bool:
    """The same place, none, or one the governorate the other lies in ("على طول السياج شرقي قطاع غزة" and "شرق رفح")."""
    return a.location is None or b.location is None or a.location == b.location or (
        a.admin1 is not None and a.admin1 == b.admin1 and a.admin1 in (a.location, b.location))


def _crowd(ev: Event) -> set[str]:
    """The countries of the record's crowds ("Protesters (Iraq)", "Rioters (Iraq)": Iraq)."""
    return {a.rpartition("(")[2] for a in (ev.actor1, ev.actor2) if a and a.startswith(_CROWDS)}


def _told(ev: Event) -> _Told:
    """What a record says of each toll: a number, or victims with no number; silence (a 0, a split toll's
    empty share, nothing mentioned) is left out, so it neither lowers a toll nor makes one unknown."""
    out: _Told = {}
    for name in _TOLLS:
        value = getattr(ev, name)
        if (value or 0) > 0 or (value is None and name in ev.evidence):
            figure = Figure(value, getattr(ev, f"{name}_known"), f"{name}_update" in ev.evidence, name in ev.vague)
            out[name] = (figure, ev.vague.get(name))
    return out


def _fold_tolls(kept: Event, reports: list[_Told]) -> None:
    """The count rule over the retellings that speak of a toll (a record that says nothing leaves it as it is)."""
    for name in _TOLLS:
        said = [r[name] for r in reports if name in r]
        if not said:
            continue
        c = count([figure for figure, _ in said], nothing=getattr(kept, name))
        setattr(kept, name, c.value)
        setattr(kept, f"{name}_known", c.known)
        words = said[c.winner][1] if c.winner is not None else None
        if words:
            kept.vague[name] = words
        else:
            kept.vague.pop(name, None)


def _elaboration(ev: Event) -> bool:
    """A violent event with no place, no actor and no date of its own only details the one before."""
    return ev.event_type in VIOLENT and ev.location is None and ev.actor1 is None and "event_date" not in ev.evidence


_TAKEN = "Abduction/forced disappearance"


def _same_event(a: Event, b: Event) -> bool:
    """The system's same-event gates at the article scale: same type and day, no two places, no conflicting attacker;
    people abducted during an attack ("خطف 36 مدنيا خلال الهجوم الذي أوقع 250 قتيلا") are an event beside it."""
    if (a.sub_event_type == _TAKEN) != (b.sub_event_type == _TAKEN):
        return False
    return match_distance(fields_of(a), fields_of(b), ARTICLE) is not None
