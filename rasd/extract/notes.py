"""ACLED-style English notes, generated from an event's structured fields (no translation service).

One or two sentences, as ACLED writes them: *when*, *who did what to whom*,
*where*, then *casualties*: "On 5 April 2021, Military Forces of Russia
carried out an air/drone strike on Liwa al-Quds near Ash Shula (Deir
ez-Zor). 3 Liwa al-Quds members were killed and 4 wounded."

Honesty conventions: a vague date says "Around"/"In", a missing one "On an
unknown date"; with no known actor2 the verb takes no object ("clashed with
an unidentified armed group"); a vague count says it
was reported only as a vague figure; deaths without a number say so (the
ACLED export adds the coded figure — see :mod:`rasd.export.acled`); an event
reported by several sources says how many.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any

from rasd.model import EVENT_FIELDS, Event

__all__ = ["english_notes"]

_WHAT = {
    "Armed clash": "clashed with", "Government regains territory": "regained territory from",
    "Non-state actor overtakes territory": "took control of territory from",
    "Air/drone strike": "carried out an air/drone strike", "Shelling/artillery/missile attack": "shelled",
    "Remote explosive/landmine/IED": "detonated an explosive device", "Suicide bomb": "carried out a suicide bombing",
    "Grenade": "threw a grenade", "Chemical weapon": "used chemical weapons", "Attack": "attacked",
    "Abduction/forced disappearance": "abducted", "Sexual violence": "committed sexual violence against",
    "Peaceful protest": "demonstrated", "Protest with intervention": "demonstrated and were dispersed",
    "Excessive force against protesters": "used lethal force against protesters",
    "Violent demonstration": "rioted", "Mob violence": "attacked", "Agreement": "reached an agreement",
    "Arrests": "arrested", "Change to group/activity": "changed its group or activity",
    "Disrupted weapons use": "intercepted or seized weapons", "Headquarters or base established": "established a position",
    "Looting/property destruction": "looted or destroyed property", "Non-violent transfer of territory": "handed over territory",
    "Other": "carried out an operation",
}
#: Sub-types whose verb takes actor2 as its object ("shelled X"); the others attack "on X" or "with X".
_TRANSITIVE = {"Armed clash", "Government regains territory", "Non-state actor overtakes territory", "Shelling/artillery/missile attack",
               "Attack", "Abduction/forced disappearance", "Sexual violence", "Mob violence", "Arrests"}
_WITH = {"Agreement"}
#: What those verbs say when the other side is not known ("clashed with" alone would dangle).
_NO_OBJECT = {
    "Armed clash": "clashed with an unidentified armed group", "Government regains territory": "regained territory",
    "Non-state actor overtakes territory": "took control of territory", "Shelling/artillery/missile attack": "carried out shelling",
    "Attack": "carried out an attack", "Abduction/forced disappearance": "abducted people",
    "Sexual violence": "committed sexual violence", "Mob violence": "carried out mob violence", "Arrests": "made arrests",
}


def _when(value: str | None, precision: int | None) -> str:
    if not value:
        return "On an unknown date"
    d = date.fromisoformat(value[:10])
    if precision == 1:
        return f"On {d.day} {d:%B %Y}"
    return f"Around {d.day} {d:%B %Y}" if precision == 2 else f"In {d:%B %Y}"


def _where(f: Mapping[str, Any]) -> str:
    loc, admin1, precision = f.get("location"), f.get("admin1"), f.get("geo_precision")
    if not loc:
        return f" in {admin1}" if admin1 else ""
    area = f" ({admin1})" if admin1 and admin1 != loc else ""
    if precision == 3:
        return f" in the {loc} area{area}"
    return f" {'near' if precision == 2 else 'in'} {loc}{area}"


def _victims(f: Mapping[str, Any], n: int | None) -> str:
    """Who the toll is about: civilians, an armed group's members, or people."""
    actor2 = str(f.get("actor2") or "")
    if actor2.startswith("Civilians"):
        return "civilian" if n == 1 else "civilians"
    if actor2 and f.get("event_type") in {"Explosions/Remote violence", "Violence against civilians"}:
        return f"{actor2} member" + ("" if n == 1 else "s")
    return "person" if n == 1 else "people"


def _casualties(f: Mapping[str, Any]) -> str:
    dead, dead_known = f.get("fatalities"), f.get("fatalities_known", True)
    hurt, hurt_known = f.get("injuries"), f.get("injuries_known", True)
    vague = f.get("vague") or {}
    wounded = f"{hurt} wounded" if hurt_known and hurt else ""
    if dead_known is False:
        s = "Fatalities were reported, but no number was given"
        return s + (f"; {wounded}." if wounded else ".")
    if dead:
        verb = "was" if dead == 1 else "were"
        s = f"{dead} {_victims(f, dead)} {verb} killed" + (f" and {wounded}" if wounded else "") + "."
        if vague.get("fatalities"):
            s += f" The toll was reported only as a vague count ({vague['fatalities']}), coded as {dead}."
        return s
    if wounded:
        n = int(hurt or 0)
        return f"{n} {_victims(f, n)} {'was' if n == 1 else 'were'} wounded."
    return ""


def english_notes(ev: Event | Mapping[str, Any], *, n_sources: int = 1) -> str:
    """The notes for an event (an :class:`Event` or a mapping of its fields), in ACLED's manner."""
    f: Mapping[str, Any] = {name: getattr(ev, name) for name in EVENT_FIELDS} if isinstance(ev, Event) else ev
    who = f.get("actor1") or "Unidentified actors"
    sub = f.get("sub_event_type") or ""
    what = _WHAT.get(sub, "were involved in an event")
    if f.get("actor2"):
        joiner = " " if sub in _TRANSITIVE else " with " if sub in _WITH else " on "
        what += joiner + str(f["actor2"])
    else:
        what = _NO_OBJECT.get(sub, what)
    when = _when(f.get("event_date"), f.get("time_precision"))
    sentence = f"{when}, {who} {what}{_where(f)}."
    parts = [sentence, _casualties(f)]
    if n_sources > 1:
        parts.append(f"Reported by {n_sources} sources.")
    return " ".join(p for p in parts if p)
