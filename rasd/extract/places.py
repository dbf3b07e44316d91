"""Place mentions: the geocoder scans the normalised article once, with the whole article as context."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable
from itertools import accumulate

from rasd.doc import Doc, Mention
from rasd.geo.model import PlaceMention
from rasd.geo.unlisted import UNLISTED
from rasd.lang.ar.translit import transliterate
from rasd.text.quotes import without_datelines

__all__ = ["Places"]

# A capital that speaks, fears, warns or answers is its government ("ما الذي قد تخشاه تل أبيب", "أعلنت طهران"):
# the verb right before it, or right after it with the capital as subject.
_STATES = ("اعلنت|قالت|اكدت|توكد|نفت|تنفي|حذرت|تحذر|هددت|تهدد|اتهمت|طالبت|تطالب|ردت|ترد|تعلن|تقول|تتهم|ترفض|"
           "رفضت|ادانت|تدين|دعت|تدعو|وافقت|توافق|قررت|تقرر|اعترفت|تعترف|اقرت|تقر|تدفع|دفعت|ترسل|ارسلت|استدعت|تستدعي|"
           "نسبت|نسبته|نسبتها|تنسب|تنسبه|تنسبها")  # "الغارة … ونسبتها دمشق وطهران إلى إسرائيل": who blames whom
# before it, also what a government fears, sees, wants, asks or allows ("ما الذي تخشاه تل أبيب", "مما دعا طهران إلى",
# "بناء على طلب أنقرة")
_GOVERNMENT_BEFORE = re.compile(
    r"(?<!\w)[وف]?(?:" + _STATES + r"|تخشي|تخشاه|تخشاها|تري|ابلغت|سمحت|تسمح|تريد|ارادت|تحاول|حاولت|دعا|طلب)\s*$")
# the next item of a list of those who speak or condemn ("ودانت جامعة الدول العربية ومصر والأردن التصعيد")
_GOVERNMENT_LISTED = re.compile(r"(?<!\w)[وف]?(?:" + _STATES + r"|دانت|نددت|استنكرت|رحبت)\s+(?:[^\s.،,:]+\s+){0,6}?$")
_PLACE_BEFORE = re.compile(r"(?<!\w)(?:في|علي|الي|من|نحو|قرب)\s*$")
# the verb on the same line: a headline ending in a place name is no subject of the lead's first verb
_GOVERNMENT_AFTER = re.compile(r"[ \t]*(?:قد[ \t]+)?(?:" + _STATES + r")(?!\w)")


class Places:
    """Pipeline component: place mentions (label ``place``, value a :class:`rasd.geo.PlaceMention`)."""

    name = "places"
    requires: tuple[str, ...] = ("norm", "actors", "datelines")
    sets: tuple[str, ...] = ("places",)

    def __init__(self) -> None:
        from rasd.geo import get_geocoder

        self.geocoder = get_geocoder()

    def __call__(self, doc: Doc) -> Doc:
        # an actor's name, or a nisba naming one ("مواقع سورية": Syrian positions, not Syria), is no place
        named = _Spans((a.start, a.end) for a in doc.of("actor"))
        # the dateline's city is where the reporter files from, not a place of the event nor its context
        for pm in self.geocoder.find_places(without_datelines(doc), country=doc.country_hint):
            # "القدس" inside "لواء القدس" names a group, not Jerusalem
            if pm.candidates and not named.cover(pm.start, pm.end) and not _government(doc, pm):
                if pm.best and pm.best.source == UNLISTED:  # a name no gazetteer holds: as the article writes it
                    written = doc.evidence(pm.start, pm.end).text
                    pm.best.name_ar, pm.best.name = written, transliterate(written)
                doc.add(Mention("place", pm.start, pm.end, pm))
        return doc


class _Spans:
    """Spans, to ask whether one of them covers a range: by a bisect, not a test of each span per range."""

    def __init__(self, spans: Iterable[tuple[int, int]]) -> None:
        ordered = sorted(spans)
        self._starts = [start for start, _ in ordered]
        self._reach = list(accumulate((end for _, end in ordered), max))  # the furthest end of the spans up to each

    def cover(self, start: int, end: int) -> bool:
        """Some span holds ``[start, end)``: of the spans that start at or before ``start``, one ends at or after ``end``."""
        k = bisect_right(self._starts, start)
        return k > 0 and self._reach[k - 1] >= end


def _government(doc: Doc, pm: PlaceMention) -> bool:
    """A capital or a country named as the subject of a statement, a fear or a threat ("وإسرائيل تؤكد", "وأنقرة
    تدفع بتعزيزات") or as the one who asks ("بناء على طلب أنقرة") stands for its government (places do not speak)."""
    best = pm.best
    if best is None or best.kind not in ("city", "country") or pm.qualifier is not None:
        return False  # "قرب نابلس": where, not who
    text = doc.ntext
    if pm.phrase[:1] in ("ب", "ل") or _PLACE_BEFORE.search(text, max(0, pm.start - 8), pm.start):
        return False  # "مظاهرات بتل أبيب تدعو …", "في طهران": where, not who
    return bool(_GOVERNMENT_BEFORE.search(text, max(0, pm.start - 16), pm.start) or _GOVERNMENT_AFTER.match(text, pm.end)
                or (pm.phrase.startswith("و") and bool(_GOVERNMENT_LISTED.search(text, max(0, pm.start - 70), pm.start))))
