"""Words and phrases that once put events in a country the report never names (issue 14).

Each text is written by the Rasd authors after a pattern read in the shared
corpora: a common word that is a town abroad ("البستان" is Elbistan in
Turkey, "بحركة" Baharkah in Iraq), a common phrase that is a province
abroad ("المنطقة الشرقية", "البحر الأحمر"), or a phrase around a name that is
not a place ("مسقط رأسه", "إن صالح"). A row is (text, countries that must not
appear, the place that must be found as (name, country) or None).
"""

from __future__ import annotations

import pytest

from rasd.geo import Geocoder
from rasd.lang.ar.normalize import fold

CASES: list[tuple[str, set[str], tuple[str, str] | None]] = [
    ("قال المرصد السوري إن قوات الحكومة سيطرت على قرى البستان والشومرية شرقي درعا", {"Turkey"}, ("Daraa", "Syria")),
    ("هدمت قوات الاحتلال 8 مساكن في حي البستان ببلدة سلوان في القدس", {"Turkey"}, ("Al-Bustan", "Palestine")),
    ("تدور اشتباكات في المنطقة الشمالية الشرقية من عفرين بين القوات التركية والكردية", {"Israel"}, ("Afrin", "Syria")),
    ("غارات روسية وسورية على المنطقة الجنوبية الشرقية من محافظة إدلب", {"Israel"}, None),
    ("استهدف الحوثيون ناقلة نفط سعودية في البحر الأحمر قبالة سواحل اليمن", {"Sudan"}, None),
    ("معارك على الحدود الشمالية لمدينة عفرين السورية", {"Saudi Arabia"}, ("Afrin", "Syria")),
    ("وذكرت وكالة الأناضول أن صالح مسلم الرئيس السابق للحزب الكردي اعتقل في براغ", {"Algeria"}, None),
    ("قتل الشاب في مسقط رأسه بمدينة دهوك العراقية", {"Oman"}, ("Dihok", "Iraq")),
    ("اغتيال قيادي بحركة حماس في مدينة صيدا جنوب لبنان", {"Iraq"}, ("Saida", "Lebanon")),
    ("تعرضت مناطق باب توما والعمارة في دمشق للقصف", {"Yemen", "Iraq"}, ("Damascus", "Syria")),
    ("أغلق المحتجون الطرق المؤدية إلى حقل الرميلة النفطي في البصرة", {"United Arab Emirates"},
     ("Rumaila Oil Field", "Iraq")),
    ("قصف إسرائيلي على موقع في محيط مدينة حمد غرب خان يونس", {"Bahrain"}, ("Hamad City", "Palestine")),
    ("الجوف.. تحرير مواقع استراتيجية ومصرع قيادي حوثي في اليمن", {"Libya", "Saudi Arabia"}, ("Al Jawf", "Yemen")),
    ("سيطرت قوات العمالقة على مزارع الطائف في مديرية الدريهمي جنوب الحديدة", {"Saudi Arabia"}, ("Al-Taif", "Yemen")),
    ("دعت حركة حماس لتصعيد الحراك الشعبي ضد الاحتلال الإسرائيلي في غزة", {"Syria"}, None),
    ("نقلت الوكالة أن حدقة العين تتوسع لدى المصابين في الغوطة الشرقية", {"United Arab Emirates"}, None),
    # a river's bank is no West Bank ("الضفة الشرقية من النهر"), and Iron Dome misspelt is no Hudaydah
    ("وأكد المرصد السوري أن القصف طال قرى على الضفة الشرقية من النهر", {"Palestine"}, None),
    ("وأفاد شهود بأن قوارب عبرت إلى الضفة الجنوبية للبحيرة", {"Palestine"}, None),
    # a nationality adjective right after a name says its country: a namesake there, or no province elsewhere
    ("قتل مسلحون 12 صيادا على الضفة التشادية من البحيرة", {"Palestine"}, None),
    ("وقع انفجار في مدينة طرابلس اللبنانية قرب المرفأ", {"Libya"}, ("Tripoli", "Lebanon")),
    ("هاجم الشاب الجنود بقضيب معدني موصول بسلك عند حاجز قرب الخليل", {"Iraq"}, ("Hebron", "Palestine")),
    ("اعترضت القبة الحديدة صاروخين أطلقا من غزة وسقط ثالث في منطقة مفتوحة", {"Yemen"}, ("Gaza Strip", "Palestine")),
    # Israeli towns GeoNames gives no Arabic name (gazetteer_alternates.tsv, places_supplement.tsv) are in Israel
    ("قصفت المقاومة مدينة عسقلان برشقة صاروخية مساء اليوم", set(), ("Ashkelon", "Israel")),
    ("أصيب ثلاثة أشخاص بعملية طعن في مدينة الخضيرة", set(), ("Hadera", "Israel")),
    ("دوت صفارات الإنذار في كريات شمونة وكفار جلعادي بعد إطلاق صواريخ من لبنان", set(), ("Kfar Giladi", "Israel")),
    ("سقطت قذائف هاون على كيبوتس نير عوز المحاذي لقطاع غزة", set(), ("Nir Oz", "Israel")),
    # the minister's first name is no moshav
    ("قال وزير الدفاع الإسرائيلي أفيغدور ليبرمان إن الجيش سيرد", {"Israel"}, None),
    # Somali and Turkish towns as the Arabic news spells them (gazetteer_alternates.tsv)
    ("هاجم مسلحو حركة الشباب قاعدة عسكرية خارج مدينة كيسمايو جنوبي الصومال", set(), ("Kismayo", "Somalia")),
    ("قتل خمسة أشخاص في تفجير مطعم بمدينة بيدوة جنوب غرب الصومال", set(), ("Baidoa", "Somalia")),
    ("سقطت قذائف أطلقت من سوريا على بلدة أكجاكالي التركية الحدودية", set(), ("Akcakale", "Turkey")),
    ("اعتقلت الشرطة التركية مشتبها بهم في مدينة شانلي أورفا جنوب شرقي البلاد", set(), ("Sanlıurfa", "Turkey")),
    # the leader of a coalition is no place, nor the article's country
    ("شنت القوات المشتركة المدعومة من التحالف بقيادة السعودية هجوما على مواقع الحوثيين في مديرية حيس", {"Saudi Arabia"},
     ("Hays", "Yemen")),
    # a verb is no Turkish town: "سيّرت" (dispatched) is not Siirt
    ("سيرت القوات الروسية والتركية دورية مشتركة في ريف الحسكة", {"Turkey"}, None),
]  # fmt: skip


@pytest.mark.parametrize(("text", "never", "place"), CASES)
def test_no_event_in_a_country_the_text_never_names(
    geocoder: Geocoder, text: str, never: set[str], place: tuple[str, str] | None
) -> None:
    found = [(m.best.name, m.best.country) for m in geocoder.find_places(fold(text)) if m.best]
    assert not {country for _, country in found} & never, found
    if place is not None:
        assert place in found, found


def test_a_local_name_is_a_place_where_its_country_is_named(geocoder: Geocoder) -> None:
    text = fold("أعلنت الشرطة السعودية اعتقال مسلحين في المنطقة الشرقية بالمملكة")
    assert ("Eastern Province", "Saudi Arabia") in [(m.best.name, m.best.country) for m in geocoder.find_places(text) if m.best]


def test_a_local_name_is_no_place_where_countries_are_named_only_by_adjectives(geocoder: Geocoder) -> None:
    text = fold("طائرات مسيرة إسرائيلية في المنطقة الشرقية لمدينة رفح وسفينة أميركية بالبحر الأحمر")
    assert {m.best.country for m in geocoder.find_places(text) if m.best} <= {"Palestine", "Egypt"}


# A capital's name is the capital when bare; its namesake village needs its place noun or a qualifier.
CAPITALS = [
    ("عشية استضافة الدوحة جولة مفاوضات جديدة قصفت الطائرات منزلا في مخيم النصيرات", None),
    ("قال الوسطاء إن الهجوم على قادة الحركة في الدوحة عاصمة قطر يهدد المحادثات بشأن غزة", ("Doha", "Qatar")),
    ("اقتحمت قوات الاحتلال بلدة الدوحة غرب بيت لحم واعتقلت ثلاثة شبان", ("Ad Dawhah", "Palestine")),
]  # fmt: skip


@pytest.mark.parametrize(("text", "place"), CAPITALS)
def test_a_bare_capital_name_is_the_capital(geocoder: Geocoder, text: str, place: tuple[str, str] | None) -> None:
    found = [(m.best.name, m.best.country) for m in geocoder.find_places(fold(text)) if m.best]
    assert [f for f in found if "Dawhah" in f[0] or f[0] == "Doha"] == ([place] if place else []), found


def test_a_town_of_israel_after_a_clitic_fits_a_report_on_palestine(geocoder: Geocoder) -> None:
    """News of Gaza tells Israel's towns too: "لصفد" stands in a report on Khan Yunis (not the other way round)."""
    text = fold("طردت قوات الاحتلال النازحين من مجمع ناصر الطبي في خان يونس، فيما وجه حزب الله ضربة صاروخية لصفد")
    assert ("Safed", "Israel") in [(m.best.name, m.best.country) for m in geocoder.find_places(text) if m.best]


@pytest.mark.parametrize(("phrase", "admin1"), [
    ("كيسمايو", "Lower Juba"), ("مقديشو", "Banadir"), ("بيدوة", "Bay"), ("جالكعيو", "Mudug"), ("إقليم شبيلي السفلى", "Lower Shabelle"),
])
def test_somali_places_carry_their_region(geocoder: Geocoder, phrase: str, admin1: str) -> None:
    """ACLED codes Somalia by region: gazetteer_admin1.tsv names them, so a Somali town has its admin1."""
    (best, *_) = geocoder.geocode(phrase, country="SO")
    assert (best.country, best.admin1) == ("Somalia", admin1)
