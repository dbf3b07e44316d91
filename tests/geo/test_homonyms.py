"""Same-named places across SY/IQ/LB/PS/JO/EG/YE, settled by the article's countries and the unit named with them.

Every name below is held by the gazetteer in two or more of those countries
(ذيبان: Deir ez-Zor and Madaba; دوما: Rif Dimashq and Nablus; أريحا: Idlib and
Jericho; رفح: Gaza and North Sinai; العمارة: Maysan and old Damascus…), each
decided by the unit named with it ("بمحافظة البحيرة") or the article's country. Texts written by the Rasd authors for this test. A row is
(text, the name as written, expected country, expected admin1); an expected
country of None means the name must not be placed outside the article's
countries, since the text never says it is there.
"""

from __future__ import annotations

import pytest

from rasd.geo import Geocoder
from rasd.geo.model import PlaceMention
from rasd.lang.ar.normalize import fold

HOMONYMS: list[tuple[str, str, str | None, str | None]] = [
    ("قصفت قوات النظام بلدة ذيبان في ريف دير الزور الشرقي", "ذيبان", "Syria", "Deir ez-Zor"),
    ("تظاهر المئات في بلدة ذيبان بمحافظة مادبا جنوب عمان", "ذيبان", "Jordan", "Madaba"),
    ("قتل شاب برصاص الاحتلال في قرية دوما جنوب نابلس", "دوما", "Palestine", "West Bank"),
    ("غارات جوية على مدينة دوما في الغوطة الشرقية بريف دمشق", "دوما", "Syria", "Rif Dimashq"),
    ("انفجار سيارة مفخخة في مدينة أريحا بريف إدلب الجنوبي", "أريحا", "Syria", "Idlib"),
    ("اقتحمت قوات الاحتلال مدينة أريحا في الضفة الغربية واعتقلت ثلاثة شبان", "أريحا", "Palestine", "West Bank"),
    ("اشتباكات عنيفة في مدينة القصير بريف حمص الغربي", "القصير", "Syria", "Homs"),
    ("أعلنت السلطات المصرية مقتل مسلحين في مدينة القصير بمحافظة البحر الأحمر", "القصير", "Egypt", "Red Sea"),
    ("هجوم بطائرة مسيرة على قضاء سنجار غرب الموصل", "سنجار", "Iraq", "Ninewa"),
    ("قصف مدفعي على بلدة سنجار بريف إدلب الشرقي", "سنجار", "Syria", "Idlib"),
    ("قصف طيران التحالف قرية المنصورة غرب الرقة", "المنصورة", "Syria", "Raqqa"),
    ("اغتيال ضابط في مديرية المنصورة بمدينة عدن", "المنصورة", "Yemen", "Aden"),
    ("انفجار أمام مديرية أمن الدقهلية في مدينة المنصورة المصرية", "المنصورة", "Egypt", "Dakahlia"),
    ("انفجار في مدينة جبلة بريف اللاذقية", "جبلة", "Syria", "Latakia"),
    ("اشتباكات في مديرية جبلة بمحافظة إب اليمنية", "جبلة", "Yemen", "Ibb"),
    ("هجوم لتنظيم الدولة قرب بلدة السخنة في بادية حمص", "السخنة", "Syria", "Homs"),
    ("مستوطنون يهاجمون قرية الطيبة شرق رام الله", "الطيبة", "Palestine", "West Bank"),
    ("قصف إسرائيلي على بلدة الطيبة في قضاء مرجعيون جنوب لبنان", "الطيبة", "Lebanon", "Nabatieh"),
    ("اشتباكات بين فصائل المعارضة وقوات النظام في بلدة الكرامة شرق الرقة", "الكرامة", "Syria", "Raqqa"),
    ("قصف على بلدة الجيزة في ريف درعا الشرقي", "الجيزة", "Syria", "Daraa"),
    ("ضبطت الشرطة المصرية خلية مسلحة في محافظة الجيزة", "الجيزة", "Egypt", "Giza"),
    ("قتل مدنيان في قصف على مدينة صيدا جنوب لبنان", "صيدا", "Lebanon", "South"),
    ("تفجير في مدينة الرمادي مركز محافظة الأنبار", "الرمادي", "Iraq", "Anbar"),
    ("قصفت طائرات النظام بلدة الحديدة في ريف حمص الشمالي", "الحديدة", "Syria", "Homs"),
    ("غارات للتحالف على مدينة الحديدة غرب اليمن", "الحديدة", "Yemen", "Al Hudaydah"),
    ("انفجار عبوة ناسفة في قضاء المحمودية جنوب بغداد", "المحمودية", "Iraq", "Baghdad"),
    ("اشتباكات بين الأمن ومسلحين في مركز المحمودية بمحافظة البحيرة المصرية", "المحمودية", "Egypt", "Beheira"),
    ("تظاهر المئات في مدينة العمارة مركز محافظة ميسان جنوب العراق", "العمارة", "Iraq", "Maysan"),
    ("سقطت قذائف هاون على حي العمارة في دمشق القديمة", "العمارة", "Syria", "Damascus"),
    ("قصف إسرائيلي على مدينة رفح جنوب قطاع غزة", "رفح", "Palestine", "Gaza Strip"),
    ("هجوم مسلح على كمين للجيش المصري في مدينة رفح بمحافظة شمال سيناء", "رفح", "Egypt", "North Sinai"),
    ("أحبطت السلطات تهريب أسلحة في مدينة العقبة جنوب الأردن", "العقبة", "Jordan", "Aqaba"),
    ("اشتباكات بين الحوثيين وقوات الحكومة في منطقة العقبة بمحافظة البيضاء", "العقبة", "Yemen", "Al Bayda"),
    ("سيطرت قوات النظام على مدينة يبرود في القلمون بريف دمشق", "يبرود", "Syria", "Rif Dimashq"),
    ("مستوطنون يعتدون على أراضي قرية يبرود شرق رام الله", "يبرود", "Palestine", "West Bank"),
    ("قصف صاروخي على بلدة الشجرة في حوض اليرموك بريف درعا الغربي", "الشجرة", "Syria", "Daraa"),
    ("حادث سير في بلدة الشجرة بمحافظة إربد شمال الأردن", "الشجرة", "Jordan", "Irbid"),
    ("قصف مدفعي إسرائيلي على بلدة الناقورة جنوب لبنان", "الناقورة", "Lebanon", "South"),
    ("اقتحمت قوات الاحتلال قرية الناقورة غرب نابلس", "الناقورة", "Palestine", "West Bank"),
    ("قتل مسلحون قرب بلدة الضبعة في ريف حمص الجنوبي الغربي", "الضبعة", "Syria", "Homs"),
    ("انفجار قرب مدينة الضبعة بمحافظة مطروح المصرية", "الضبعة", "Egypt", "Matrouh"),
    ("قصفت قوات النظام بلدات صيدا والغارية في ريف درعا الشرقي", "صيدا", "Syria", "Daraa"),
    ("اعتقلت قوات الاحتلال شابين من قرية المغير شرق رام الله", "المغير", "Palestine", "West Bank"),
    ("عثرت الأجهزة الأمنية على مخزن أسلحة في بلدة المغير بمحافظة الكرك الأردنية", "المغير", "Jordan", "Karak"),
    ("انفجار سيارة مفخخة في ناحية الإسكندرية شمال محافظة بابل العراقية", "الإسكندرية", "Iraq", "Babil"),
    ("تفجير كنيسة في مدينة الإسكندرية المصرية", "الإسكندرية", "Egypt", "Alexandria"),
    ("قصف على قرية الروضة في ريف طرطوس", "الروضة", "Syria", "Tartus"),
    ("اشتباكات في منطقة الروضة بمحافظة شبوة اليمنية", "الروضة", "Yemen", "Shabwah"),
    ("هجوم على حاجز للنظام في بلدة ذيبين بريف السويداء الجنوبي", "ذيبين", "Syria", "As-Suwayda"),
    ("اشتباكات قبلية في منطقة ذيبين بمحافظة عمران اليمنية", "ذيبين", "Yemen", "Amran"),
    ("انفجار في بلدة الهاشمية جنوب الحلة بمحافظة بابل", "الهاشمية", "Iraq", "Babil"),
    ("قتل شرطي في مداهمة ببلدة الهاشمية في محافظة الزرقاء الأردنية", "الهاشمية", "Jordan", "Zarqa"),
    # the article's countries alone decide
    ("قصفت طائرات النظام السوري أحياء مدينة حلب، وفي ريف الرقة الشرقي استهدفت الغارات بلدة الكرامة.",
     "الكرامة", "Syria", "Raqqa"),
    ("قال مسؤول أردني إن الحرس أحبط تهريب مخدرات قرب الحمراء في محافظة المفرق.", "الحمراء", "Jordan", "Mafraq"),
    ("قال الجيش الأردني إن مسلحين تسللوا قرب الشجرة ليلا.", "الشجرة", "Jordan", "Irbid"),
    ("أعلن الجيش اللبناني انتشار وحداته في الناقورة بعد القصف.", "الناقورة", "Lebanon", "South"),
    ("قالت مصادر عراقية إن مسلحين هاجموا نقطة تفتيش في المحمودية.", "المحمودية", "Iraq", "Baghdad"),
    ("قصفت قوات النظام السوري مناطق في يبرود وقارة.", "يبرود", "Syria", "Rif Dimashq"),
    # a place outside the article's countries only when the text says so
    ("قصفت قوات النظام مدينة إدلب وبلدة سراقب، وقتل مدني في بلدة الهاشمية.", "الهاشمية", None, None),
    ("قصفت قوات النظام السوري مدينة إدلب وبلدة سراقب، وقتل عراقيون بتفجير في مدينة الرمادي.",
     "الرمادي", "Iraq", "Anbar"),
    ("اقتحمت قوات الاحتلال مدينة جنين ومخيمها، واعتقلت شابين من قرية المحمودية.", "المحمودية", None, None),
]  # fmt: skip


def _mention(mentions: list[PlaceMention], name: str) -> PlaceMention | None:
    key = fold(name)
    return next((m for m in mentions if key in fold(m.phrase)), None)


def test_every_name_is_a_real_homonym(geocoder: Geocoder) -> None:
    gaz = geocoder.gazetteer
    for _, name, _, _ in HOMONYMS:
        key = fold(name)
        countries = {gaz.places[i].country for i in gaz.exact.get(key, [])}
        assert len(countries & {"SY", "IQ", "LB", "PS", "JO", "EG", "YE"}) >= 2, name


@pytest.mark.parametrize(("text", "name", "country", "admin1"), HOMONYMS)
def test_homonym_settled_by_context(geocoder: Geocoder, text: str, name: str, country: str | None, admin1: str | None) -> None:
    mentions = geocoder.find_places(fold(text))
    found = _mention(mentions, name)
    if country is None:
        assert found is None or found.best is None or found.best.source == "unlisted", found
        return
    assert found is not None and found.best is not None, mentions
    assert (found.best.country, found.best.admin1) == (country, admin1)
