"""How many people a victim phrase counts when no number before it says so.

"استشهد شاب" is one, "شاب وطفل" two, "الصحفي محمد جاسر وزوجته وطفليه" four; "القيادي مع 3 من
مرافقيه" four; "لقي 18 … مصرعهم" eighteen; "عبد السلام بكر (29 عاما)" one; "بين 40 و70" forty.
The casualty component (:mod:`rasd.extract.casualties`) asks these when it links a cue to its count.
"""

from __future__ import annotations

import re

from rasd.lang.ar.numbers import Number, parse_number

__all__ = ["HIS", "MET", "NAMED_AGED", "SINGULAR", "companions", "conjoined", "counted", "low_end", "met_death"]

# Singular victim nouns: one person ("استشهاد شاب", "مقتل جندي").
SINGULAR = frozenset("مسن مسنا مسنه مدني مدنيا مدنيه فلسطيني فلسطينيا فلسطينيه مجنده مقيم عامل شاب شابا شابه طفل طفلا "
                     "طفله امراه سيده مواطنه مواطن مواطنا رجل شخص شخصا جندي جنديا ضابط عنصر عنصرا مقاتل مقاتلا شرطي صحفي "
                     "مسعف مزارع قيادي قايد فتي فتاه صبي راعي ناشط ناشطا ناشطه مدرس معلم طبيب ممرض مختار موظف امام تاجر "
                     "سايق طالب".split())
# a person's name (two to four words) and age right after the cue: "استشهد عبد السلام بكر (29 عاما)"
NAMED_AGED = re.compile(r"\s+(?:[^\s\d()،,.]+\s+){1,3}[^\s\d()،,.]+\s*[(،,-]\s*\d{1,2}\s*(?:عاما|عام|سنه)\b")
MET = frozenset("لقي لقيت لقوا ولقي ولقيت ولقوا".split())  # "لقي … مصرعه": met his death
HIS = frozenset("مصرعه مصرعها حتفه حتفها".split())  # one person's death
# kin told after one victim, with his or her pronoun: "وزوجته" one more, "وطفليه" two more
_KIN = ("زوج", "زوجت", "ابن", "ابنت", "نجل", "نجلت", "شقيق", "شقيقت", "والد", "والدت", "اخ", "اخت", "حفيد", "حفيدت",
        "طفل", "طفلت", "ام", "اب", "اخي", "ابي")
_KIN_ONE = frozenset(k + p for k in _KIN for p in ("ه", "ها"))
_KIN_TWO = frozenset(k + p for k in ("طفلي", "ابني", "نجلي", "ولدي", "شقيقي", "طفلتي", "ابنتي", "حفيدي") for p in ("ه", "ها"))
_NAME_REACH = 4  # name tokens between the victim noun and the first of his kin


def met_death(words: list[str], i: int) -> Number | None:
    """The count right after "لقي" that opens "لقي N … مصرعهم" ("لقي شاب مصرعه": one), ending at token ``i``, up to 14
    words back."""
    for k in range(i - 1, max(-1, i - 15), -1):
        if words[k] in MET:
            after = words[k + 1]
            if after in SINGULAR or (after.startswith("ال") and after[2:] in SINGULAR and words[i] in HIS):
                return Number(1, k + 1, k + 2)  # "لقي شاب مصرعه", "لقي القيادي الحوثي مصرعه": one
            num = parse_number(words, k + 1)
            return num if num is not None and num.end <= i else None
    return None


def counted(words: list[str], k: int) -> Number | None:
    """The number that ends right before token ``k`` ("15 فلسطينيا"), if any."""
    return next((num for b in (k - 1, k - 2) if b >= 0 and (num := parse_number(words, b)) is not None and num.end == k), None)


def companions(words: list[str], k: int) -> Number | None:
    """"القيادي أبو خليل مع 3 من مرافقيه": the count of those killed with the one named after token ``k``."""
    for j in range(k + 1, min(len(words) - 2, k + 7)):
        if words[j] == "مع":
            num = parse_number(words, j + 1)
            return num if num is not None and num.end < len(words) and words[num.end] == "من" else None
    return None


def low_end(words: list[str], num: Number) -> Number:
    """"بين 40 و70 قتيلا": a range's lower figure, the conservative one (``num`` is the upper)."""
    k = num.start - 1
    if k >= 2 and words[k] == "و" and (low := parse_number(words[:k], k - 1)) is not None and low.end == k \
            and not low.vague and words[low.start - 1] == "بين":
        return Number(low.value, low.start, num.end)
    return num


def conjoined(words: list[str], k: int) -> Number | None:
    """More than one person from the singular victim noun at token ``k``: singular nouns joined by "و" ("طفلا ومسنا":
    two), then his kin after his name ("الصحفي محمد جاسر وزوجته وطفليه": four); ``None`` if only one."""
    end = k + 1
    while end < len(words) and end - k < 4 and words[end][:1] == "و" and (
            words[end][1:] in SINGULAR or words[end][3:] in SINGULAR):  # "وطفل", "والطفل"
        end += 1
    people, j = end - k, end
    while j < len(words) and j - end <= _NAME_REACH and not words[j].startswith("و") and parse_number(words, j) is None:
        j += 1  # his name
    while j < len(words) and words[j][:1] == "و" and (words[j][1:] in _KIN_ONE or words[j][1:] in _KIN_TWO):
        people += 2 if words[j][1:] in _KIN_TWO else 1
        j += 1
    return Number(people, k, end) if people > 1 else None  # the span ends at the nouns: names are the victims' own
