"""Arabic words around place names: what kind of place, how near, which side.

News writes "بالقرب من منطقة الشولا", "ريف دير الزور الغربي", "شرقي خان
يونس"; the geocoder reads the words before and after a name with these
tables. Every entry is in folded form (the output of ``fold``), so it matches
the normalised text directly.
"""

from __future__ import annotations

__all__ = [
    "AIM_WORDS",
    "BARE_REFERENCES",
    "CENTRE_WORDS",
    "COUNTRYSIDE_WORDS",
    "DIRECTIONS",
    "DIRECTION_ADJECTIVES",
    "HOSTED_NOUNS",
    "LAUNCH_WORDS",
    "LINK_WORDS",
    "NAMED_INSTITUTIONS",
    "NAME_HEADS",
    "NEAR_WORDS",
    "ORGANISATION_NOUNS",
    "PLACE_NOUNS",
    "PREPOSITIONS",
    "SUPPORT_WORDS",
    "UNLISTED_NOT_NAMES",
    "UNLISTED_NOUNS",
]  # fmt: skip

# Nouns naming a place's type, with the kinds they point to ("بلدة X" is a town or village).
PLACE_NOUNS: dict[str, tuple[str, ...]] = {
    "مدينه": ("city", "town"), "مدينتي": ("city", "town"), "مدن": ("city", "town"),
    "بلده": ("town", "village"), "بلدتي": ("town", "village"), "بلدات": ("town", "village"),
    "قريه": ("village", "town"), "قريتي": ("village", "town"), "قري": ("village", "town"),
    "مخيم": ("camp",), "مخيمي": ("camp",), "معسكر": ("camp", "base"),
    "حي": ("neighbourhood",), "احياء": ("neighbourhood",), "حيي": ("neighbourhood",),
    "منطقه": (), "مناطق": (), "ناحيه": ("admin3",), "قضاء": ("admin2",), "مديريه": ("admin2",),
    "محافظه": ("admin1",), "ولايه": ("admin1",), "مستوطنه": ("town", "village"),
    "مطار": ("airport",), "قاعده": ("base", "airport"), "معبر": ("crossing",), "حاجز": ("crossing",),
    "سد": ("dam",), "حقل": ("oilfield",), "بلدتا": ("town", "village"), "مدينتا": ("city", "town"),
}  # fmt: skip

# Words before a name that mean "near it" (after an optional "من": بالقرب من).
NEAR_WORDS: frozenset[str] = frozenset(
    ["قرب", "القرب", "بالقرب", "محيط", "اطراف", "ضواحي", "مشارف", "تخوم", "جوار", "مقربه", "حدود", "مداخل", "مدخل"]
)

# Compass words before a name ("غربي X", "شمال شرق X"), folded, to the qualifier they give.
DIRECTIONS: dict[str, str] = {
    "شرق": "east", "شرقي": "east", "غرب": "west", "غربي": "west", "شمال": "north", "شمالي": "north",
    "جنوب": "south", "جنوبي": "south", "الشرق": "east", "الغرب": "west", "الشمال": "north", "الجنوب": "south",
}  # fmt: skip

# Adjectives after "ريف X" ("ريف دير الزور الغربي"), folded.
DIRECTION_ADJECTIVES: dict[str, str] = {
    "الشرقي": "east", "الغربي": "west", "الشمالي": "north", "الجنوبي": "south", "الاوسط": "centre",
    "الشماليه": "north", "الجنوبيه": "south", "الشرقيه": "east", "الغربيه": "west",
}  # fmt: skip

# "ريف X", "بادية X": the countryside of X.
COUNTRYSIDE_WORDS: frozenset[str] = frozenset(["ريف", "ارياف", "باديه", "ريفي"])

# "وسط X", "مركز X": the centre of X.
CENTRE_WORDS: frozenset[str] = frozenset(["وسط", "قلب", "مركز"])

# Small words that may sit between a qualifier and the name: "بالقرب من", "الى الشرق من".
LINK_WORDS: frozenset[str] = frozenset(["من", "في"])

# Prepositions that make the next word read as a place ("في X", "الى X").
PREPOSITIONS: frozenset[str] = frozenset(["في", "الى", "من", "داخل", "نحو", "باتجاه", "عند", "حتي", "بين", "اتجاه", "علي"])

# Nouns that make the following name part of an organisation's or outlet's name ("لواء القدس").
ORGANISATION_NOUNS: frozenset[str] = frozenset(
    ["لواء", "الويه", "سرايا", "كتائب", "كتيبه", "فيلق", "ميليشيا", "ميلشيا", "مليشيا", "ميليشيات", "مليشيات",
     "جيش", "حركه", "تنظيم", "فصيل", "صحيفه", "وكاله", "اذاعه", "جامعه", "نادي", "منتخب", "فريق", "شركه",
     "بنك", "مصرف", "تلفزيون", "راديو", "موسسه", "هيئه", "حزب", "تجمع", "تحالف", "مجلس",
     # a meeting or process named after its host ("قمة طهران", "مسار أستانا", "اتفاق الرياض")
     "قمه", "موتمر", "محادثات", "مفاوضات", "اتفاق", "اتفاقيه", "مسار", "منتدي", "اجتماع", "اعلان", "جوله",
     # a war named after its theatre ("حرب غزة", "منذ حرب تموز"): the war, not this event's place
     "حرب",
     # an allegiance, not a location ("الموالية لإيران", "المدعومة من تركيا", "حلفاء روسيا")
     "المواليه", "الموالي", "الموالين", "الموالون", "مواليه", "موالي", "موالين", "المدعومه", "المدعوم", "المدعومين",
     "مدعومه", "مدعوم", "التابعه", "التابع", "التابعين", "حلفاء", "حليف", "حليفه", "وكلاء", "اذرع", "ذراع",
     # a coalition's leader ("التحالف بقيادة السعودية", "الذي تقوده الولايات المتحدة"), no place
     "قياده", "تقوده", "يقوده", "زعامه",
     # ties ("خلية مرتبطة بإيران", "بالارتباط مع إيران")
     "مرتبطه", "مرتبط", "المرتبطه", "المرتبط", "مرتبطين", "المرتبطين", "بالارتباط", "الارتباط"]
)  # fmt: skip

# Bare references resolved from the article: "المدينة" is its main city, "القطاع" its strip (قطاع غزة).
BARE_REFERENCES: dict[str, str] = {
    "المدينه": "city", "المحافظه": "admin1", "المطار العسكري": "military-airport", "المطار": "airport",
    "القاعده الجويه": "military-airport", "القطاع": "strip",
}  # fmt: skip


# Place nouns that introduce a settlement by name even when no gazetteer holds it
# ("قرية البارة", "منطقتي الوهبية وحوران"), with the kind the place gets.
UNLISTED_NOUNS: dict[str, str] = {
    "بلده": "town", "بلدتي": "town", "قريه": "village", "قريتي": "village", "مخيم": "camp", "مخيمي": "camp",
    "حي": "neighbourhood", "حيي": "neighbourhood", "مزرعه": "village", "مزارع": "village", "منطقه": "village",
    "منطقتي": "village", "بلدات": "town", "قري": "village",
}  # fmt: skip

# First words of two-word names ("تل الصوان", "عين عيسى", "بني قيس", "كفر بطيخ", "أم الرصاص").
NAME_HEADS: frozenset[str] = frozenset(
    ["تل", "عين", "بني", "كفر", "دير", "بيت", "خربه", "خان", "ام", "ابو", "بير", "بئر", "جسر", "راس", "عرب", "وادي", "جبل",
     "سوق", "قصر", "باب", "مرج", "حوش", "تلول", "نبع", "رجم", "ظهر", "جب", "سيدي", "عزبه", "كوم", "منشيه", "نزله",
     "برج", "مجدل", "معره", "قلعه", "حمام", "البو", "نجع", "ميت", "اولاد", "الشيخ"]
)  # fmt: skip

# Words after a place noun that describe the place instead of naming it ("منطقة سكنية", "قرية مجاورة").
UNLISTED_NOT_NAMES: frozenset[str] = frozenset(
    ["سكنيه", "عسكريه", "حدوديه", "زراعيه", "صناعيه", "جبليه", "صحراويه", "نائيه", "نايه", "قريبه", "مجاوره",
     "واسعه", "امنه", "منزوعه", "عازله", "مفتوحه", "محاذيه", "متاخمه", "محيطه", "اخري", "اخر", "جديد", "جديده",
     "كبيره", "صغيره", "مكتظه", "مأهوله", "ماهوله", "خاليه", "بأكملها", "باكملها", "كامله", "تابعه", "خاضعه",
     "واحده", "عده", "عدد", "كل", "بعض", "هذه", "هذا", "تلك", "ذلك", "التي", "الذي", "المنطقه", "القريه", "البلده",
     "المخيم", "الحي", "شعبي", "شعبيه", "سكني", "راقي", "تجاري", "تجاريه", "مدني", "مدنيه", "استراتيجيه",
     "ساخنه", "خطره", "مستهدفه", "محاصره", "محتله", "مدمره", "فلسطينيه", "سوريه", "عراقيه", "يمنيه", "لبنانيه",
     "اسراييليه", "اقتصاديه", "العمليات", "الاشتباكات", "الاشتباك", "المواجهات", "المعارك", "القصف",
     "النزاع", "الصراع", "التصعيد", "النفوذ", "السيطره", "انتشار", "تمركز", "خفض", "التوتر", "عمليات", "اشتباكات",
     "وقف", "الحظر", "حظر", "الشرق", "الغرب", "الجنوب", "الشمال", "الوسط", "ما", "بين", "حول", "نحو", "داخل",
     "خارج", "امام", "خلف", "قرب", "عند", "ضمن", "تحت", "فوق", "لدي", "الاوسط", "الخليج", "العربيه", "الاحمر",
     # plural place nouns and verbs that follow a place noun in a sentence ("قرية تسيطر عليها", "منطقة تبعد")
     "قري", "مدن", "مناطق", "مخيمات", "مزارع", "بلدات", "احياء", "كانت", "كان", "تسيطر", "يسيطر", "تبعد", "يبعد",
     "تتحصن", "يتحصن", "تقع", "يقع", "تعرضت", "تعرض", "شهدت", "تشهد", "تضم", "يضم", "يقطنها", "يسكنها", "تحولت",
     "الهجوم", "كيلو", "كيلومتر", "كيلومترات", "الحدود", "السياج", "الحدودي", "يهودا", "مسيره", "العوده",
     "قصفت", "توجد", "يوجد", "يزعم", "تزعم", "بينما", "مختلفه", "عديده", "متفرقه", "مهجور", "مهجوره", "مجهوله",
     "مجهول", "مستودعات", "مستودع", "مشروع", "مسافر", "الصناعه", "الصيد", "الصحراء", "الدفاعات", "محمد", "ميراج",
     "الكيلو", "بموجب", "بكامل", "باكملها",
     # adjectives after the name ("قرية الهري الواقعة", "أفتريس السكنية")
     "الواقعه", "المجاوره", "المحاذيه", "التابعه", "الكثيفه", "السكنيه", "المقدسي", "المقدسيه", "المحتله",
     "المحاصره", "المذكوره", "نفسها", "ذاتها", "الحدوديه", "الزراعيه", "الصناعيه", "القريبه", "الخاضعه",
     "المتاخمه", "المؤقت", "الموقت", "تخضع", "يخضع", "قتلت", "قتل", "كانوا", "يحارب", "يشملها", "محرره", "تدريب",
     "مهمه", "صعبه", "عام", "شارع", "جبال", "مرتفعه", "جهاد",
     # words read as names on the shared corpora ("منطقة منكوبة", "منطقة عدم التصعيد", "حي القدم الواقع",
     # "قرية إلى غربها", "بلدات فقط", "منطقة قتال", "قرى معزولة", "منطقة غير معروفة", "منطقة يريدونها")
     "منكوبه", "عدم", "الواقع", "المجاور", "الي", "فقط", "قتال", "معزوله", "غير", "يريدونها", "المزارع",
     # ("منطقة العاصمة دمشق", "لكل منطقة منها", "بلدة تمكنت القوات من", "منطقة تتمتع بالحكم", "منطقة تتعرض لعدوان",
     # "منطقة مجاعة", "منطقة أشباح", "منطقة محدودة", "بلدات كثيفة السكان")
     "العاصمه", "منها", "فيها", "عليها", "تمكنت", "تمكن", "تتمتع", "يتمتع", "تتعرض", "يتعرض", "مجاعه", "اشباح",
     "محدوده", "كثيفه",
     # a market or a square named by its use ("منطقة السوق بمخيم النصيرات")
     "السوق", "الاسواق", "الساحه"]
)  # fmt: skip

# Words right before the place a projectile flew over or was aimed at ("في سماء جازان", "أجواء أبها", "فوق الرياض",
# "باتجاه مدينة جازان", "صوب نجران", "استهدف الرياض"): for an interception or a missile attack, the event's place.
AIM_WORDS: frozenset[str] = frozenset(
    ["سماء", "بسماء", "اجواء", "باجواء", "فوق", "باتجاه", "اتجاه", "تجاه", "صوب", "نحو", "استهدف", "استهدفت",
     "استهدفا", "استهدفتا", "يستهدف", "تستهدف", "مستهدفا", "مستهدفه"]
)  # fmt: skip

# Words of launching and projectiles: "من X" after one of them in a clause is where the projectile came from
# ("صاروخ أطلق من اليمن", "قادمة من صعدة"), not where it was downed.
LAUNCH_WORDS: frozenset[str] = frozenset(
    ["اطلق", "اطلقت", "اطلقه", "اطلقته", "اطلقها", "اطلقتها", "اطلقا", "اطلقوا", "اطلاق", "اطلاقه", "اطلاقها",
     "اطلاقهما", "انطلق", "انطلقت", "قادم", "قادمه", "قادمين", "صاروخ", "صاروخا", "صاروخين", "صواريخ", "باليستي",
     "باليستيا", "بالستي", "بالستيا", "طائره", "طائرتين", "طائرات", "مسيره", "مسيرتين", "مسيرات", "قذيفه", "قذائف"]
)  # fmt: skip

# Nouns of what a foreign city hosts rather than where an event happens ("سفير السعودية في واشنطن", "مؤتمر في لندن",
# "خلال زيارة له في لندن", "المحكمة الجنائية الدولية في لاهاي", "مجلس الأمن في نيويورك"): a city abroad after one
# of them is no event's place.
HOSTED_NOUNS: frozenset[str] = frozenset(
    ["سفير", "سفيره", "السفير", "مؤتمر", "الموتمر", "موتمر", "اجتماع", "اجتماعات", "قمه", "زياره", "مجلس", "منظمه",
     "محكمه", "المحكمه", "وفد", "الوفد", "معهد", "حلقه", "ندوه", "مقابله", "لقاء", "محادثات", "مفاوضات", "جلسه"]
)  # fmt: skip

# Words of support or opposition a protest's cause follows ("مظاهرة داعمة لغزة في لندن", "مؤيدة لفلسطين",
# "مناصرين لغزة", "متظاهرين مناهضين للحرب على قطاع غزة"): a place after one (within its phrase) is what the
# protest is for or against, not where it is held. Stems: any ending (ة، ون، ين) follows.
SUPPORT_WORDS: frozenset[str] = frozenset(
    ["داعم", "مؤيد", "موءيد", "مويد", "مناصر", "مساند", "متضامن", "مناهض", "مناهضه", "رافض", "معارض", "المناهض",
     "المويد", "الداعم", "المناصر", "المساند", "المتضامن", "الرافض", "المعارض"]
)  # fmt: skip

# A school named after a person or a lost village ("مدرسة صلاح الدين في مدينة غزة"): a name right after "مدرسة",
# with no preposition ("قصف مدرسة بغزة" keeps Gaza), is the school's name. Not "مستشفى": "مستشفى جنين", "مستشفى
# دوما" and "مستشفى حيس" stand in the towns they are named after.
NAMED_INSTITUTIONS: frozenset[str] = frozenset(["مدرسه", "المدرسه"])
