"""Villages, towns, camps and neighbourhoods as news names them, in six countries (goal: top answer right ≥ 95 %).

Phrases written by the Rasd authors for this test. A row is (phrase, expected,
admin1, listed): for a place the gazetteer holds, ``expected`` is the name a
coder records; for one it does not (``listed`` False), the Arabic name as
written, placed in the right admin1 with geo_precision 2 and flagged unlisted.
"""

from __future__ import annotations

import pytest

from rasd.geo import Geocoder
from rasd.geo.model import Candidate
from rasd.geo.unlisted import UNLISTED
from rasd.lang.ar.normalize import fold

U = False  # not in the gazetteer: name as written, admin1 of the unit named with it, precision 2
K = True

VILLAGES: list[tuple[str, str, str, bool]] = [
    # --- Syria
    ("قصف على قرية البارة في جبل الزاوية بريف إدلب الجنوبي", "البارة", "Idlib", U),
    ("غارات على قرية الفطيرة في جبل الزاوية", "الفطيرة", "Idlib", U),
    ("قصف مدفعي على قرية كنصفرة بريف إدلب الجنوبي", "كنصفرة", "Idlib", U),
    ("استهداف بلدة بليون في جبل الزاوية", "بليون", "Idlib", U),
    ("قرية سفوهن جنوبي إدلب", "سفوهن", "Idlib", U),
    ("قصف بلدة كفرنبل جنوبي إدلب", "Kafranbel", "Idlib", K),
    ("في مدينة سراقب شرقي إدلب", "Saraqib", "Idlib", K),
    ("بلدة اللطامنة بريف حماة الشمالي", "Al-Lataminah", "Hama", K),
    ("قرية الحويز في سهل الغاب", "الحويز", "Hama", U),
    ("بلدة قلعة المضيق غربي حماة", "Qalat al Madiq", "Hama", K),
    ("مدينة تلبيسة بريف حمص الشمالي", "Tallbisah", "Homs", K),
    ("بلدة طفس في ريف درعا الغربي", "Tafas", "Daraa", K),
    ("بلدة جاسم بريف درعا الشمالي", "Jasim", "Daraa", K),
    ("اشتباكات في قرية الطيبة بريف درعا الشرقي", "الطيبة", "Daraa", U),
    ("قرية أبو حمام في ريف دير الزور الشرقي", "أبو حمام", "Deir ez-Zor", U),
    ("بلدة الكشكية شرقي دير الزور", "الكشكية", "Deir ez-Zor", U),
    ("قرب بلدة الشولا في ريف دير الزور الغربي", "Ash Shula", "Deir ez-Zor", K),
    ("قرية عون الدادات شمال منبج", "عون الدادات", "Aleppo", U),
    ("بلدة تل تمر في ريف الحسكة", "Tal Tamr", "Al-Hasakah", K),
    ("قرية أم الكيف بريف تل تمر", "أم الكيف", "Al-Hasakah", U),
    ("حي الشيخ مقصود في حلب", "Sheikh Maqsoud", "Aleppo", K),
    ("حي صلاح الدين في مدينة حلب", "صلاح الدين", "Aleppo", U),
    ("قرية تل الصوان قرب دوما", "تل الصوان", "Rif Dimashq", U),
    ("بلدة مضايا في ريف دمشق", "Madaya", "Rif Dimashq", K),
    # --- Iraq
    ("قصف مقر حزب كردي في مدينة كوي سنجق بإقليم كردستان", "Koya", "Erbil", K),
    ("غارات تركية على جبال قنديل شمالي العراق", "Qandil Mountains", "Erbil", K),
    ("قرية البو عيثة في محافظة كركوك", "البو عيثة", "Kirkuk", U),
    ("بلدة القيارة جنوب الموصل", "Al Qayyarah", "Ninewa", K),
    ("قرية البشير جنوب كركوك", "البشير", "Kirkuk", U),
    ("قضاء الحويجة في كركوك", "Al Hawijah", "Kirkuk", K),
    ("قرية الحجاج في صلاح الدين", "الحجاج", "Salah al-Din", U),
    ("بلدة جرف الصخر شمالي بابل", "Jurf al-Sakhar", "Babil", K),
    ("قضاء الطارمية شمال بغداد", "At Tarmiyah", "Baghdad", K),
    ("مدينة القائم في الأنبار", "Al Qaim", "Anbar", K),
    ("قرية المطيبيجة في محافظة صلاح الدين", "المطيبيجة", "Salah al-Din", U),
    ("هجوم على قرية الزركة في ديالى", "الزركة", "Diyala", U),
    # --- Lebanon
    ("بلدة عيتا الشعب جنوب لبنان", "Aita al-Shaab", "Nabatieh", K),
    ("بلدة طيرحرفا في قضاء صور", "طيرحرفا", "South", U),
    ("غارة على بلدة يارين جنوبي لبنان", "Yarin", "South", K),
    ("بلدة الضهيرة في قضاء صور", "Dhayra", "South", K),
    ("بلدة مجدل زون في قضاء صور", "مجدل زون", "South", U),
    ("قصف بلدة ميس الجبل", "Mays al-Jabal", "Nabatieh", K),
    ("بلدة الخيام جنوب لبنان", "Khiam", "Nabatieh", K),
    ("بلدة عرسال في البقاع", "Arsal", "Baalbek-Hermel", K),
    # --- Palestine
    ("حي الشجاعية شرق مدينة غزة", "Al-Shujaiyya", "Gaza Strip", K),
    ("بلدة بيت حانون شمال قطاع غزة", "Beit Hanoun", "Gaza Strip", K),
    ("مخيم النصيرات وسط قطاع غزة", "Nuseirat Camp", "Gaza Strip", K),
    ("بلدة عبسان الكبيرة شرق خان يونس", "Abasan al-Kabira", "Gaza Strip", K),
    ("حي تل السلطان في رفح", "تل السلطان", "Gaza Strip", U),
    ("قرية المغير شرق رام الله", "Al Mughayyir", "West Bank", K),
    ("قرية جالود جنوب نابلس", "جالود", "West Bank", U),
    ("بلدة بيتا جنوب نابلس", "Beita", "West Bank", K),
    ("مخيم نور شمس في طولكرم", "Nur Shams Camp", "West Bank", K),
    ("قرية كيسان شرق بيت لحم", "كيسان", "West Bank", U),
    ("في قرية سوسيا بمسافر يطا جنوب الخليل", "سوسيا", "West Bank", U),
    ("اقتحام بلدة سلوان في القدس", "Silwan", "West Bank", K),
    # --- Yemen
    ("في بلدة بني قيس بمحافظة حجة", "بني قيس", "Hajjah", U),
    ("مديرية حيس جنوب الحديدة", "Hays", "Al Hudaydah", K),
    ("منطقة الكسارة في مأرب", "الكسارة", "Marib", U),
    ("مديرية حرض بمحافظة حجة", "Harad", "Hajjah", K),
    ("قرية الجفينة جنوب مدينة مأرب", "الجفينة", "Marib", U),
    ("مديرية ذباب غرب تعز", "Dhubab", "Taizz", K),
    ("قصف على قرية الشقب في مديرية صبر الموادم بتعز", "الشقب", "Taizz", U),
    ("معارك عنيفة في جبهة نهم بمحافظة صنعاء", "Nihm", "Sanaa", K),
    ("تقدم القوات في مديرية الظاهر بمحافظة صعدة", "Az Zahir", "Saada", K),
    ("غارات على مديرية رازح بمحافظة صعدة", "Razih", "Saada", K),
    ("مواجهات في مديرية القبيطة بلحج", "Al Qabbaytah", "Lahij", K),
    ("هجوم على مواقع في مديرية ناطع بمحافظة البيضاء", "Nati'", "Al Bayda", K),
    ("اشتباكات في جبهة الملاحيظ الحدودية", "Al Malahit", "Saada", K),
    ("قصف على منطقة الفازة في مديرية التحيتا", "Al Fazah", "Al Hudaydah", K),
    ("مديرية همدان في محافظة صنعاء", "Hamdan", "Sanaa", K),
    # --- Egypt and Jordan
    ("هجوم على مسجد قرية الروضة في بئر العبد", "الروضة", "North Sinai", U),
    ("مدينة الشيخ زويد في شمال سيناء", "Ash Shaykh Zuwayd", "North Sinai", K),
    ("قرية الجورة جنوب الشيخ زويد", "الجورة", "North Sinai", U),
    ("قرية المقاطعة في الشيخ زويد", "المقاطعة", "North Sinai", U),
    ("مدينة الرمثا في محافظة إربد", "Ar Ramtha", "Irbid", K),
    ("بلدة الطرة في لواء الرمثا", "At Turrah", "Irbid", K),
    ("مخيم الزعتري في المفرق", "الزعتري", "Mafraq", U),
]  # fmt: skip

# Rows still wrong, with the reason (kept in the table so the share stays honest).
KNOWN_MISSES: dict[str, str] = {}


def _right(top: Candidate | None, expected: str, admin1: str, listed: bool) -> bool:
    if top is None or top.admin1 != admin1:
        return False
    if listed:
        return top.source != UNLISTED and (top.name == expected or fold(top.name_ar) == fold(expected))
    return top.source == UNLISTED and fold(top.name_ar) == fold(expected) and top.geo_precision == 2


def _top(geocoder: Geocoder, phrase: str) -> Candidate | None:
    found = geocoder.geocode(phrase)
    return found[0] if found else None


def test_table_spans_six_countries_known_and_unknown() -> None:
    assert len(VILLAGES) >= 60
    assert sum(1 for row in VILLAGES if row[3]) >= 20 and sum(1 for row in VILLAGES if not row[3]) >= 20


def test_share_right_meets_the_goal(geocoder: Geocoder) -> None:
    misses = [f"{p} → {_top(geocoder, p)}" for p, e, a, k in VILLAGES if not _right(_top(geocoder, p), e, a, k)]
    share = 1 - len(misses) / len(VILLAGES)
    print(f"\nvillage phrases: {len(VILLAGES)}, top answer right {share:.1%}")
    assert share >= 0.95, misses


@pytest.mark.parametrize(("phrase", "expected", "admin1", "listed"), VILLAGES)
def test_village_phrase(geocoder: Geocoder, phrase: str, expected: str, admin1: str, listed: bool) -> None:
    if phrase in KNOWN_MISSES:
        pytest.xfail(KNOWN_MISSES[phrase])
    top = _top(geocoder, phrase)
    assert _right(top, expected, admin1, listed), top
