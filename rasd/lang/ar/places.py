"""Arabic words around place names: what kind of place, how near, which side.

News writes "بالقرب من منطقة الشولا", "ريف دير الزور الغربي", "شرقي خان
يونس"; the geocoder reads the words before and after a name with these
tables. Every entry is in folded form (the output of ``fold``), so it matches
the normalised text directly.
"""

from __future__ import annotations

__all__ = [
    "BARE_REFERENCES",
    "CENTRE_WORDS",
    "COUNTRYSIDE_WORDS",
    "DIRECTIONS",
    "DIRECTION_ADJECTIVES",
    "LINK_WORDS",
    "NEAR_WORDS",
    "ORGANISATION_NOUNS",
    "PLACE_NOUNS",
    "PREPOSITIONS",
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
     "جيش", "حركه", "جبهه", "تنظيم", "فصيل", "صحيفه", "وكاله", "اذاعه", "جامعه", "نادي", "منتخب", "فريق", "شركه",
     "بنك", "مصرف", "تلفزيون", "راديو", "موسسه", "هيئه", "حزب", "تجمع", "تحالف", "مجلس",
     # a meeting or process named after its host ("قمة طهران", "مسار أستانا", "اتفاق الرياض")
     "قمه", "موتمر", "محادثات", "مفاوضات", "اتفاق", "اتفاقيه", "مسار", "منتدي", "اجتماع", "اعلان", "جوله",
     # an allegiance, not a location ("الموالية لإيران", "المدعومة من تركيا", "حلفاء روسيا")
     "المواليه", "الموالي", "الموالين", "الموالون", "مواليه", "موالي", "موالين", "المدعومه", "المدعوم", "المدعومين",
     "مدعومه", "مدعوم", "التابعه", "التابع", "التابعين", "حلفاء", "حليف", "حليفه", "وكلاء", "اذرع", "ذراع"]
)  # fmt: skip

# Bare references resolved from the article: "المدينة" is its main city.
BARE_REFERENCES: dict[str, str] = {
    "المدينه": "city", "المحافظه": "admin1", "المطار العسكري": "military-airport", "المطار": "airport",
    "القاعده الجويه": "military-airport",
}  # fmt: skip
