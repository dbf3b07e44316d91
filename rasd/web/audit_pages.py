"""The audit pages: the batches with a form to draw one, each batch as its own review queue, and the accuracy report.

``/audit`` lists the batches and shows the report from every verdict given
in them (Wilson 95 % intervals and sample sizes); ``/audit/{id}`` is a
batch's queue, where a reviewer judges each sampled event field by field.
Writes go through ``/api/v1/audit/…`` (:mod:`rasd.audit.api`).
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import HTMLResponse, Response

from rasd.api.deps import get_store
from rasd.audit import batches, report
from rasd.audit.api import batch_queue, risk_rows
from rasd.audit.report import GROUPS, Share
from rasd.store import Store
from rasd.web.i18n import language
from rasd.web.pages import _render

__all__ = ["router", "WORDS", "share_text", "words"]

router = APIRouter(include_in_schema=False)
StoreDep = Annotated[Store, Depends(get_store)]

# key: (Arabic, English) — the audit pages' own words
WORDS: dict[str, tuple[str, str]] = {
    "title": ("التدقيق: دقة الآلة على عينات عشوائية", "Audit: the machine's accuracy on random samples"),
    "draw": ("سحب عينة", "Draw a sample"), "size": ("الحجم", "Size"), "seed": ("البذرة", "Seed"), "name": ("الاسم", "Name"),
    "batches": ("دفعات التدقيق", "Audit batches"), "batch": ("دفعة", "Batch"), "reviewed": ("روجع", "Reviewed"),
    "by": ("سحبها", "Drawn by"), "open": ("فتح الطابور", "Open queue"), "no_batches": ("لا دفعات بعد", "No batches yet"),
    "report": ("تقرير الدقة", "Accuracy report"),
    "report_note": ("من دفعات التدقيق وحدها؛ بين القوسين مجال ويلسون بثقة 95٪ وحجم العينة",
                    "From audit batches only; in brackets the Wilson 95 % interval and the sample size"),
    "no_correction": ("لا يحتاج تصحيحًا", "Needing no correction"), "real_events": ("أحداث حقيقية", "Real events"),
    "right": ("صحيح", "Right"), "corrected": ("مصحح", "Corrected"), "not_event": ("ليس حدثًا", "Not an event"),
    "machine_value": ("قيمة الآلة", "Machine's value"), "verdict": ("الحكم", "Verdict"),
    "all_right": ("كله صحيح", "All right"), "save_corrections": ("حفظ التصحيحات", "Save corrections"),
    "right_value": ("القيمة الصحيحة", "Right value"), "deleted": ("حُذف الحدث (أعيد استخراجه)", "Event deleted (re-extracted)"),
    "g_sub_event_type": ("حسب النوع الفرعي", "By sub-type"), "g_source": ("حسب المصدر", "By source"),
    "g_extraction_version": ("حسب نسخة الاستخراج", "By extraction version"), "field": ("الحقل", "Field"),
    "risk": ("طابور المراجعة حسب الخطر", "Review queue by risk"),
    "risk_note": ("الأحداث الآلية الأرجح خطأً أولًا: ١ − الثقة، و٠٫٥ لكل علامة تحذير",
                  "Machine events most likely wrong first: 1 − confidence, plus 0.5 for each warning sign"),
    "score": ("الخطر", "Risk"), "reasons": ("علامات التحذير", "Warning signs"),
    "r_toll_outlier": ("حصيلة أعلى بكثير من المعتاد لهذا النوع", "Toll far above its kind's"),
    "r_unlisted_place": ("مكان ليس في المعجم الجغرافي", "Place not in the gazetteer"),
    "r_foreign_place": ("بلد لا يذكره المقال", "A country the article never names"),
    "r_one_sided": ("ضحايا بلا طرف ثانٍ", "Victims but no actor2"),
    "r_source_actor": ("طرف منظمة يستشهد بها عادةً كمصدر", "Actor usually cited as a source"),
    "progress": ("روجع {k} من {n}", "{k} of {n} reviewed"), "nothing_corrected": ("لم تصحح أي حقل", "No field is marked corrected"),
}


def share_text(share: Share, lang: str) -> str:
    """A share as the page's language writes it: ``33% [6%–79%] (n = 3)``, in Arabic ``(ن = 3)``."""
    n = "ن" if lang == "ar" else "n"
    if not share.n:
        return f"– ({n} = 0)"
    low, high = share.interval
    return f"{share.k / share.n:.0%} [{low:.0%}–{high:.0%}] ({n} = {share.n})"


def words(lang: str) -> dict[str, str]:
    """The audit pages' words in ``lang``."""
    i = 0 if lang == "ar" else 1
    return {k: v[i] for k, v in WORDS.items()}


@router.get("/audit", response_class=HTMLResponse)
async def audit_page(request: Request, store: StoreDep) -> Response:
    """The batches, a form to draw one (reviewers) and the accuracy report."""
    found = await run_in_threadpool(batches, store)
    result = await run_in_threadpool(report, store)
    lang = language(request)
    return await _render(request, "audit.html", page="audit", a=words(lang), batches=found, r=result, groups=GROUPS,
                         share=lambda s: share_text(s, lang))


@router.get("/audit/risk", response_class=HTMLResponse)
async def risk_page(request: Request, store: StoreDep) -> Response:
    """The review queue ordered by risk: the machine events likely to be wrong, with the reasons."""
    rows = await run_in_threadpool(risk_rows, store, 100)
    return await _render(request, "audit_risk.html", page="audit", a=words(language(request)), rows=rows)


@router.get("/audit/{batch_id}", response_class=HTMLResponse)
async def audit_batch_page(request: Request, store: StoreDep, batch_id: int) -> Response:
    """One batch as its own review queue."""
    queue = await run_in_threadpool(batch_queue, store, batch_id)
    return await _render(request, "audit_batch.html", page="audit", a=words(language(request)), q=queue)
