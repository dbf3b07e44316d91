"""The interface's words in Arabic and English, and which one a request gets.

The language is the ``rasd_lang`` cookie (set by the switch in the header),
else the browser's ``Accept-Language``, else Arabic. Article text is shown
as written, always right-to-left. Values the store keeps as codes (event
types and sub-types, disorder types, review statuses, roles, countries and
first-level divisions) are *labelled*: the Arabic interface shows their
Arabic names (``rasd/data/acled_labels_ar.tsv`` and the gazetteer's
``name_ar``), the English one the codes themselves; forms still send the
codes. Data that is coded as free text (actor names, the English notes,
place names in Latin script) is shown verbatim and marked ``translate="no"``
in the templates.
"""

from __future__ import annotations

from functools import cache
from typing import Any

from fastapi import Request
from jinja2 import pass_context

from rasd.lexicon import read_tsv

__all__ = ["DEFAULT", "LANGS", "STRINGS", "VERBATIM", "choices", "labels", "language", "shown", "strings"]

LANGS = ("ar", "en")
DEFAULT = "ar"
COOKIE = "rasd_lang"

# key: (Arabic, English)
_WORDS: dict[str, tuple[str, str]] = {
    "app": ("رصد", "Rasd"),
    "tagline": ("أحداث النزاع من الأخبار العربية", "Conflict events from Arabic news"),
    "map": ("الخريطة", "Map"), "timeline": ("الخط الزمني", "Timeline"), "table": ("الجدول", "Table"),
    "audit": ("التدقيق", "Audit"),
    "login": ("تسجيل الدخول", "Log in"), "logout": ("تسجيل الخروج", "Log out"),
    "name": ("الاسم", "Name"), "password": ("كلمة المرور", "Password"),
    "wrong_login": ("الاسم أو كلمة المرور غير صحيحة", "Wrong name or password"),
    "too_many_logins": ("محاولات دخول فاشلة كثيرة: انتظر قليلًا ثم أعد المحاولة", "Too many failed logins: wait a while and try again"),
    "filters": ("التصفية", "Filters"), "apply": ("تطبيق", "Apply"), "reset": ("إعادة ضبط", "Reset"),
    "date_from": ("من تاريخ", "From"), "date_to": ("إلى تاريخ", "To"), "any": ("الكل", "Any"),
    "not_rejected": ("الكل عدا المرفوضة", "All but rejected"),
    "search": ("بحث في النص", "Free text"), "actor": ("الطرف", "Actor"),
    "zoom_in": ("تكبير", "Zoom in"), "zoom_out": ("تصغير", "Zoom out"), "close": ("إغلاق", "Close"),
    "online_tiles": ("خريطة أساس من الإنترنت", "Online base map"),
    "outlines_note": ("حدود المحافظات من Natural Earth (تقريبية)", "Governorate outlines from Natural Earth (approximate)"),
    "map_truncated": ("النقاط أحدث {n} أحداث؛ الخلايا المظلّلة تعدّ كل الأحداث المطابقة ({total}). ضيّق التصفية أو قرّب لرؤية التفاصيل",
                      "Points are the newest {n} events; shaded cells count all {total} matching ones. Narrow the filters or zoom in for detail"),
    "cell_counts": ("الأحداث: {n} · القتلى: {f}", "{n} events · {f} killed"),
    "events": ("الأحداث", "Events"), "fatalities": ("القتلى", "Fatalities"), "per_day": ("يومي", "Per day"),
    "per_week": ("أسبوعي", "Per week"), "per_month": ("شهري", "Per month"),
    "previous": ("السابق", "Previous"), "next": ("التالي", "Next"), "export": ("تصدير النتائج", "Export these results"),
    "open": ("فتح", "Open"), "no_events": ("لا أحداث تطابق التصفية", "No events match the filters"),
    "event": ("الحدث", "Event"), "field": ("الحقل", "Field"), "value": ("القيمة", "Value"), "evidence": ("الدليل", "Evidence"),
    "reports": ("المصادر", "Reports"), "article": ("المقال", "Article"), "history": ("سجل المراجعة", "Audit trail"),
    "who": ("من", "Who"), "when": ("متى", "When"), "action": ("الإجراء", "Action"), "changes": ("التغييرات", "Changes"),
    "before": ("قبل", "Before"), "after": ("بعد", "After"), "comment": ("تعليق", "Comment"),
    "no_history": ("لم يراجع أحد هذا الحدث بعد", "No one has reviewed this event yet"),
    "review": ("المراجعة", "Review"), "approve": ("اعتماد", "Approve"), "reject": ("رفض", "Reject"),
    "correct": ("تصحيح", "Correct"), "save": ("حفظ التصحيح", "Save correction"), "new_value": ("القيمة الجديدة", "New value"),
    "find": ("ابحث", "Find"),
    "use_place": ("اعتمد هذا الموقع", "Use this place"),
    "unlisted_badge": ("ليس في المعجم الجغرافي", "Not in the gazetteer"), "place_search": ("ابحث عن المكان", "Find the place"),
    "place_search_help": ("اكتب الاسم مع ما حوله، مثل «قرية البارة جبل الزاوية»", "Type the name as the article writes it, with the village, district or mountain it names around it"),
    "place_gazetteer": ("من المعجم الجغرافي", "gazetteer"), "place_store": ("أضافه مراجع", "added by a reviewer"),
    "place_new": ("مكان جديد", "new place"), "new_place": ("مكان جديد", "New place"),
    "new_place_help": ("ضع المكان في إحداثياته: يُضاف إلى معجم قاعدة البيانات ويُستعمل للتقارير التالية", "Put the place at its coordinates: it joins the database's gazetteer and is used for the next reports"),
    "add_place": ("أضف المكان واعتمده", "Add the place and use it"), "split": ("فصل", "Split"), "merge": ("دمج", "Merge"),
    "split_help": ("انقل المصادر المحددة إلى حدث جديد (أو انسخ الحدث إن لم تحدد شيئًا)", "Move the ticked reports to a new event (or copy the event when none is ticked)"),
    "merge_help": ("أرقام الأحداث المكررة، مفصولة بفواصل", "Ids of duplicate events, separated by commas"),
    "login_to_review": ("سجّل الدخول بحساب مراجع لمراجعة الحدث", "Log in as a reviewer to review this event"),
    "events_in_article": ("الأحداث المستخرجة من المقال", "Events extracted from this article"),
    "hover_help": ("مرّر المؤشر على حقل لترى كلماته في النص", "Hover a field to see its words in the text"),
    "status_machine": ("آلي", "machine"), "status_approved": ("معتمد", "approved"),
    "status_corrected": ("مصحح", "corrected"), "status_rejected": ("مرفوض", "rejected"),
    "review_status": ("حالة المراجعة", "Review status"), "source": ("المصدر", "Source"), "published": ("تاريخ النشر", "Published"),
    "not_found": ("غير موجود", "Not found"), "language": ("English", "العربية"),
    "f_event_date": ("التاريخ", "Date"), "f_event_type": ("نوع الحدث", "Event type"), "f_sub_event_type": ("النوع الفرعي", "Sub-event type"),
    "f_actor1": ("الطرف الأول", "Actor 1"), "f_actor2": ("الطرف الثاني", "Actor 2"), "f_assoc_actor_1": ("طرف مرافق 1", "Associated actor 1"),
    "f_assoc_actor_2": ("طرف مرافق 2", "Associated actor 2"), "f_country": ("البلد", "Country"), "f_admin1": ("المحافظة", "Admin 1"),
    "f_admin2": ("المنطقة", "Admin 2"), "f_admin3": ("الناحية", "Admin 3"), "f_location": ("الموقع", "Location"),
    "f_location_ar": ("الموقع بالعربية", "Location (Arabic)"), "f_latitude": ("خط العرض", "Latitude"), "f_longitude": ("خط الطول", "Longitude"),
    "f_geo_precision": ("دقة الموقع", "Geo precision"), "f_fatalities": ("القتلى", "Fatalities"), "f_fatalities_known": ("عدد القتلى معروف", "Fatalities known"),
    "f_injuries": ("الجرحى", "Injuries"), "f_injuries_known": ("عدد الجرحى معروف", "Injuries known"), "f_notes": ("ملاحظات", "Notes"),
    "f_time_precision": ("دقة التاريخ", "Time precision"), "f_civilian_targeting": ("استهداف المدنيين", "Civilian targeting"),
    "f_disorder_type": ("نوع الاضطراب", "Disorder type"), "f_interaction": ("التفاعل", "Interaction"), "f_confidence": ("الثقة", "Confidence"),
    "f_n_sources": ("عدد المصادر", "Sources"), "f_review_status": ("حالة المراجعة", "Review status"),
    "alerts": ("التنبيهات", "Alerts"), "alert_me": ("تنبيهني بأحداث هذا الفلتر", "Alert me about this filter"),
    "subscriptions": ("اشتراكاتي", "Subscriptions"), "new_subscription": ("اشتراك جديد", "New subscription"),
    "channel": ("القناة", "Channel"), "channel_email": ("بريد إلكتروني", "E-mail"), "channel_webhook": ("ويب هوك", "Webhook"),
    "target": ("الوجهة", "Target"), "target_help": ("عنوان بريد إلكتروني، أو رابط https للويب هوك", "An e-mail address, or an https URL for a webhook"),
    "mode": ("التواتر", "Mode"), "mode_immediate": ("فوري", "Immediate"), "mode_daily": ("ملخص يومي", "Daily digest"),
    "mode_weekly": ("ملخص أسبوعي", "Weekly digest"), "event_types": ("أنواع الأحداث", "Event types"),
    "types_help": ("اختر نوعًا أو أكثر (Ctrl)، أو لا شيء لكل الأنواع", "Pick one or more (Ctrl), or none for every type"),
    "actor_help": ("اسم الطرف كما هو مرمَّز، مطابقة تامة", "The actor's coded name, matched exactly"),
    "min_fatalities": ("الحد الأدنى للقتلى", "Minimum fatalities"), "subscribe": ("اشترك", "Subscribe"),
    "subscribed": ("أُنشئ الاشتراك", "Subscription created"),
    "secret_once": ("سرّ توقيع هذا الويب هوك. انسخه الآن: لن يظهر مرة أخرى.", "This webhook's signing secret. Copy it now: it will not be shown again."),
    "prefill_ignored": ("نموذج التنبيهات لا يحوي حقولًا لتواريخ الخريطة وحالة المراجعة والبحث في النص، فلم تُنقل", "The alerts form has no fields for the map's dates, review status and free text, so they were left out"),
    "created": ("تاريخ الإنشاء", "Created"), "owner": ("المالك", "Owner"), "state": ("الحالة", "State"),
    "active": ("نشط", "active"), "ended": ("منتهٍ", "ended"), "end": ("إنهاء الاشتراك", "End subscription"),
    "end_confirm": ("إنهاء هذا الاشتراك؟ لن تصله تنبيهات بعد الآن.", "End this subscription? It will get no more alerts."),
    "no_subscriptions": ("لا اشتراكات بعد", "No subscriptions yet"), "every_event": ("كل الأحداث", "Every event"),
    "filter_bbox": ("مستطيل على الخريطة", "A box on the map"), "filter_polygon": ("منطقة مرسومة على الخريطة", "An area drawn on the map"),
    "deliveries": ("سجل الإرسال", "Deliveries"), "no_deliveries": ("لم يُرسل شيء بعد", "Nothing sent yet"),
    "attempt": ("المحاولة", "Attempt"), "result": ("النتيجة", "Result"), "status_or_error": ("الرمز أو الخطأ", "Status or error"),
    "delivered": ("وصل", "delivered"), "failed": ("فشل", "failed"),
    "yes": ("نعم", "yes"), "no": ("لا", "no"), "none": ("—", "—"), "date_unknown": ("تاريخ غير معروف", "date unknown"),
    "date_hint": ("السنة-الشهر-اليوم، مثل 2024-03-05", "year-month-day, e.g. 2024-03-05"),
    "date_example": ("مثل 2024-03-05", "e.g. 2024-03-05"),
    "date_hint_months": ("سنة، أو السنة-الشهر، أو السنة-الشهر-اليوم، مثل 2024 أو 2024-03 أو 2024-03-05",
                         "a year, year-month or year-month-day, e.g. 2024, 2024-03 or 2024-03-05"),
    "role_viewer": ("قارئ", "viewer"), "role_reviewer": ("مراجع", "reviewer"), "role_admin": ("مدير", "admin"),
    "f_inter1": ("رمز فئة الطرف الأول", "Inter 1"), "f_inter2": ("رمز فئة الطرف الثاني", "Inter 2"), "f_iso": ("رمز البلد", "ISO"),
    "f_region": ("الإقليم", "Region"), "f_tags": ("الوسوم", "Tags"), "f_vague": ("أعداد تقريبية", "Vague counts"),
}  # fmt: skip

STRINGS: dict[str, dict[str, str]] = {lang: {k: v[i] for k, v in _WORDS.items()} for i, lang in enumerate(LANGS)}


def language(request: Request) -> str:
    """The interface language for this request."""
    chosen = request.cookies.get(COOKIE)
    if chosen in LANGS:
        return chosen
    accept = request.headers.get("accept-language", "")
    first = accept.split(",")[0].strip().lower()[:2]
    return first if first in LANGS else DEFAULT


def strings(lang: str) -> dict[str, str]:
    """Every word of the interface in ``lang``."""
    return STRINGS[lang if lang in LANGS else DEFAULT]


# Fields coded as free text, shown as written in either language (marked translate="no"): names, places in Latin script, notes.
VERBATIM = frozenset({"actor1", "actor2", "assoc_actor_1", "assoc_actor_2", "location", "location_ar", "admin2", "admin3", "notes", "tags"})
_CHOSEN = ("event_type", "sub_event_type", "disorder_type", "civilian_targeting")  # every code of these has an Arabic label
_STATUSES = ("machine", "approved", "corrected", "rejected")
_ROLES = ("viewer", "reviewer", "admin")


@cache
def labels(lang: str) -> dict[str, dict[str, str]]:
    """How ``lang`` shows coded values: ``{field: {code: label}}``; a code missing here is shown as it is."""
    t = strings(lang)
    out: dict[str, dict[str, str]] = {
        "review_status": {s: t["status_" + s] for s in _STATUSES}, "role": {r: t["role_" + r] for r in _ROLES},
    }
    if lang != "ar":
        return out
    for r in read_tsv("acled_labels_ar.tsv"):
        out.setdefault(r["field"], {})[r["value"]] = r["ar"]
    out["country"] = {r["name"]: r["name_ar"] for r in read_tsv("gazetteer_countries.tsv") if r["name_ar"]}
    admin1: dict[str, str] = {}
    for r in read_tsv("gazetteer_admin1.tsv"):
        admin1.setdefault(r["name"], r["name_ar"])  # a name two countries use ("Al Jawf") reads as the first one's
    out["admin1"] = {k: v for k, v in admin1.items() if v}
    return out


def choices(lang: str) -> dict[str, list[tuple[str, str]]]:
    """The coded fields a reviewer picks from a list rather than types: ``{field: [(code, label), ...]}``, ACLED's order."""
    shown_as = labels(lang)
    return {f: [(code, shown_as.get(f, {}).get(code, code)) for code in labels("ar")[f]] for f in _CHOSEN}


@pass_context
def shown(context: Any, value: object, field: str | None = None) -> object:
    """A stored value as the page's language shows it (template filter): a coded ``field``'s label,
    booleans as yes/no, a missing value as a dash and a missing date as "date unknown"."""
    t = context["t"]
    if value is None or value == "":
        return t["date_unknown"] if field == "event_date" else t["none"]
    if isinstance(value, bool):
        return t["yes"] if value else t["no"]
    if field is not None and isinstance(value, str):
        return labels(context["lang"]).get(field, {}).get(value, value)
    return value
