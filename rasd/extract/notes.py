"""ACLED-style English notes, generated from an event's structured fields (no translation service)."""

from __future__ import annotations

from datetime import date

from rasd.model import Event

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
_TRANSITIVE = {"Armed clash", "Government regains territory", "Non-state actor overtakes territory", "Shelling/artillery/missile attack",
               "Attack", "Abduction/forced disappearance", "Sexual violence", "Mob violence", "Arrests"}


def english_notes(ev: Event) -> str:
    """"On 5 April 2021, Military Forces of Russia carried out an air/drone strike on Liwa al-Quds near Ash Shula (Deir ez-Zor). 3 killed, 4 wounded." """
    when = ""
    if ev.event_date:
        d = date.fromisoformat(ev.event_date)
        when = {1: f"On {d.day} {d:%B %Y}", 2: f"Around {d.day} {d:%B %Y}"}.get(ev.time_precision or 3, f"In {d:%B %Y}")
    who = ev.actor1 or "Unidentified actors"
    what = _WHAT.get(ev.sub_event_type or "", "were involved in an event")
    if ev.actor2:
        what += f" {ev.actor2}" if ev.sub_event_type in _TRANSITIVE else f" on {ev.actor2}"
    where = ""
    if ev.location:
        near = "near " if ev.geo_precision == 2 else "in "
        where = f" {near}{ev.location}" + (f" ({ev.admin1})" if ev.admin1 and ev.admin1 != ev.location else "")
    counts = []
    if ev.fatalities_known and ev.fatalities:
        counts.append(f"{ev.fatalities} killed" + (" (vague count, coded by convention)" if "fatalities" in ev.vague else ""))
    elif not ev.fatalities_known:
        counts.append("fatalities reported, number unknown")
    if ev.injuries:
        counts.append(f"{ev.injuries} wounded")
    sentence = f"{when}, {who} {what}{where}." if when else f"{who} {what}{where}."
    return sentence + (f" {', '.join(counts).capitalize()}." if counts else "")
