"""Alert messages: an e-mail's HTML and plain-text parts in Arabic (right to left), and a webhook's JSON.

Arabic is the first language of the people Rasd warns, so the e-mail is
Arabic, marked ``lang="ar" dir="rtl"`` on the document and on the content
box (mail clients drop ``<html>`` attributes), with each event's English
ACLED notes kept in a ``dir="ltr"`` paragraph. One template serves a single
alert and a digest.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from functools import cache
from typing import Any

from rasd.export.acled import full_record
from rasd.lang.ar.agreement import CASUALTY_NOUNS, count_noun
from rasd.model import acled_fatalities

__all__ = ["Message", "render"]

_TYPES_AR = {
    "Armed clash": "اشتباك مسلح", "Government regains territory": "استعادة القوات الحكومية لمنطقة",
    "Non-state actor overtakes territory": "سيطرة جماعة مسلحة على منطقة", "Air/drone strike": "غارة جوية أو بطائرة مسيّرة",
    "Shelling/artillery/missile attack": "قصف مدفعي أو صاروخي", "Remote explosive/landmine/IED": "انفجار عبوة أو لغم",
    "Suicide bomb": "تفجير انتحاري", "Grenade": "هجوم بقنبلة يدوية", "Chemical weapon": "هجوم بسلاح كيميائي",
    "Attack": "هجوم على مدنيين", "Abduction/forced disappearance": "خطف أو إخفاء قسري", "Sexual violence": "عنف جنسي",
    "Peaceful protest": "احتجاج سلمي", "Protest with intervention": "احتجاج تدخلت فيه القوات",
    "Excessive force against protesters": "قوة مفرطة ضد محتجين", "Violent demonstration": "مظاهرة عنيفة",
    "Mob violence": "عنف جماعي", "Agreement": "اتفاق", "Arrests": "اعتقالات", "Change to group/activity": "تغيّر في جماعة أو نشاطها",
    "Disrupted weapons use": "إحباط استخدام أسلحة", "Headquarters or base established": "إنشاء مقر أو قاعدة",
    "Looting/property destruction": "نهب أو تدمير ممتلكات", "Non-violent transfer of territory": "انتقال سيطرة دون قتال",
    "Other": "تطور آخر",
}
_MONTHS_AR = ("كانون الثاني/يناير", "شباط/فبراير", "آذار/مارس", "نيسان/أبريل", "أيار/مايو", "حزيران/يونيو", "تموز/يوليو",
              "آب/أغسطس", "أيلول/سبتمبر", "تشرين الأول/أكتوبر", "تشرين الثاني/نوفمبر", "كانون الأول/ديسمبر")
_MODE_AR = {"immediate": "تنبيه فوري", "daily": "الملخص اليومي", "weekly": "الملخص الأسبوعي"}


@dataclass(slots=True)
class Message:
    """What a channel delivers: e-mail parts, the webhook body, and which events it carries."""

    subject: str
    text: str
    html: str
    payload: dict[str, Any]
    event_ids: list[int] = field(default_factory=list)
    unsubscribe_url: str = ""
    #: The same on every attempt to deliver the same alert or digest: the e-mail's ``Message-ID`` and the
    #: webhook's ``X-Rasd-Delivery``, so a receiver that got it twice can drop the repeat.
    delivery_id: str = ""


@cache
def _env() -> Any:
    from jinja2 import Environment, PackageLoader, select_autoescape

    return Environment(loader=PackageLoader("rasd", "data/templates"), autoescape=select_autoescape(["html"]), keep_trailing_newline=True)


def _date_ar(value: str | None, precision: int | None) -> str:
    if not value:
        return "تاريخ غير معروف"
    d = date.fromisoformat(value[:10])
    month = f"{_MONTHS_AR[d.month - 1]} {d.year}"
    return {1: f"{d.day} {month}", 2: f"نحو {d.day} {month}"}.get(precision or 1, month)


def _toll_ar(ev: Mapping[str, Any]) -> str:
    parts = []
    if ev.get("fatalities_known", True) is False:
        parts.append("قتلى لم يُذكر عددهم")
    elif ev.get("fatalities"):
        parts.append(count_noun(int(ev["fatalities"]), CASUALTY_NOUNS["killed"]) + (" (عدد تقريبي)" if (ev.get("vague") or {}).get("fatalities") else ""))
    if ev.get("injuries"):
        parts.append(count_noun(int(ev["injuries"]), CASUALTY_NOUNS["injured"]))
    return "، ".join(parts) or "لم يُبلَّغ عن قتلى"


def _view(ev: Mapping[str, Any], base_url: str) -> dict[str, Any]:
    actors = " ضد ".join(a for a in (ev.get("actor1"), ev.get("actor2")) if a)
    return {
        "code": ev.get("event_id_cnty") or f"#{ev['id']}", "type_ar": _TYPES_AR.get(ev.get("sub_event_type") or "", ev.get("event_type") or "حدث"),
        "place_ar": ev.get("location_ar") or ev.get("location"), "admin1": ev.get("admin1"),
        "date_ar": _date_ar(ev.get("event_date"), ev.get("time_precision")), "actors_ar": actors, "toll_ar": _toll_ar(ev),
        "notes": ev.get("notes") or "", "url": f"{base_url}/events/{ev['id']}" if base_url else "",
        "fatalities": acled_fatalities(ev)[0],
    }


def render(sub: Mapping[str, Any], events: Sequence[Mapping[str, Any]], *, unsubscribe_url: str, base_url: str = "", delivery_id: str = "") -> Message:
    """The message for ``events`` owed to subscription ``sub`` (one event: an alert; several or a digest mode: a digest)."""
    views = [_view(e, base_url) for e in events]
    mode = sub.get("mode") or "immediate"
    single = len(views) == 1 and mode == "immediate"
    if single:
        v = views[0]
        heading = f"{v['type_ar']}" + (f" في {v['place_ar']}" if v["place_ar"] else "")
        intro = f"{_MODE_AR['immediate']}: حدث جديد يطابق اشتراكك «{sub['name']}»."
        subject = f"رصد: {heading} — {v['toll_ar']}"
    else:
        heading = f"{_MODE_AR.get(mode, _MODE_AR['daily'])}: {len(views)} أحداث"
        intro = f"الأحداث الجديدة التي تطابق اشتراكك «{sub['name']}»."
        subject = f"رصد: {heading}"
    ctx = {"subject": subject, "heading": heading, "intro": intro, "events": views, "subscription": sub["name"], "unsubscribe_url": unsubscribe_url}
    payload = {
        "kind": "alert" if single else "digest", "delivery_id": delivery_id, "subscription": {"id": sub["id"], "name": sub["name"], "mode": mode},
        "events": [full_record(e) for e in events],
    }
    return Message(subject, _env().get_template("alert.txt").render(ctx), _env().get_template("alert.html").render(ctx), payload,
                   [int(e["id"]) for e in events], unsubscribe_url, delivery_id)
