"""Who was hit: the owner of a struck target, fighters named only as "مسلحين", bodies that only report.

A target noun ("مواقع", "تجمعات", "زورقين") names its owner after it, and that owner
is actor2; "مسلحين" hit by a named attacker are the fighters of the side the article
named as hit before, else an unidentified armed group; the UN, the OPCW or a monitor
that reports or accuses is no side of the event. Original Arabic written for these tests.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest

import rasd
from rasd.doc import Doc
from rasd.extract.targets import owns_target
from rasd.lang.ar.normalize import fold

D = date(2024, 5, 12)


def _sides(text: str) -> list[tuple[str | None, str | None]]:
    return [(e.actor1, e.actor2) for e in rasd.extract(text, published=D)]


@pytest.mark.parametrize(
    "text, expected",
    [
        # a gathering struck by the strikes, its owner after "لـ": the strikes' target, not their author
        ("واستهدفت غارات تجمعات وتعزيزات للحوثيين في منطقة العرج بمديرية باجل.", [(None, "Ansar Allah")]),
        # the bare genitive of a site the strikes hit
        ("استهدفت غارات مقرات جماعة الحوثي في صعدة.", [(None, "Ansar Allah")]),
        # a nisba in quotation marks after a definite site and its qualifier
        ('أعلن الجيش الإسرائيلي أنه استهدف بغارات جوية عشرات "المواقع العسكرية الإيرانية" في سوريا.',
         [("Military Forces of Israel", "Military Forces of Iran")]),
        # the strikes fell "on" the group itself (bare "التحالف" in a report on Yemen: the Saudi-led coalition)
        ("شنت مقاتلات التحالف غارات على ميليشيات الحوثي شمالي محافظة البيضاء، ما أسفر عن سقوط قتلى في صفوفهم.",
         [("Military Forces of Saudi Arabia", "Ansar Allah")]),
    ],
    ids=["gathering-linked", "site-genitive", "quoted-nisba", "strikes-on-group"],
)
def test_owner_of_struck_target_is_actor2(text: str, expected: list[tuple[str | None, str | None]]) -> None:
    assert _sides(text) == expected


@pytest.mark.parametrize(
    "text, phrase, owns",
    [
        ("استهدفت غارات مقرات جماعة الحوثي في صعدة.", "جماعة الحوثي", True),
        # after "لـ", "تابعة لـ", "الخاضعة لسيطرة", however far the attack's words are
        ("أعلن التحالف العربي أن طائراته دمرت في ساعة متأخرة من الليل زورقين مفخخين لجماعة الحوثي.", "جماعة الحوثي", True),
        ("ودمرت الغارات التي شنتها مقاتلات التحالف ليلا القاعدة الجوية الخاضعة لسيطرة الحوثيين شمال صنعاء.", "الحوثيين",
         True),
        # the target noun after "لـ" ("ضربة لقواعد X": a strike on X's bases)
        ("نفذت الطائرات ضربة إسرائيلية لقواعد الحرس الثوري الإيراني في سوريا.", "الحرس الثوري الإيراني", True),
        # an indefinite accusative ("معسكرا") is the same noun as the table's "معسكر"
        ("دمرت مقاتلات التحالف السبت معسكرا تدريبيا لميليشيات الحوثي قرب الخوخة.", "ميليشيات الحوثي", True),
        # a military target's explicit "التابع لـ" reaches past a longer description; an office's does not
        ("أعلن التحالف أن مقاتلاته قصفت في ساعة متأخرة من الليل مخزن الأسلحة والذخائر الرئيسي التابع للحوثيين في صعدة.",
         "حوثيين", True),
        ("وكان مكتب تنسيق الشؤون الإنسانية التابع للأمم المتحدة قد حذر من القصف على الغوطة.", "أمم المتحدة", False),
        # where the shells were fired from is the attacker's position, not a target
        ("أصيب ثلاثة مدنيين بقذائف أطلقت من مواقع قوات النظام السوري على بلدة كفرنبل.", "قوات النظام السوري", False),
        # reinforcements that arrive are no target
        ("وصلت تعزيزات عسكرية لقوات النظام السوري إلى ريف درعا الشرقي.", "قوات النظام السوري", False),
        # the army's website reports; it was not struck
        ("قتل 20 من المتمردين في غارات على صعدة، بحسب حصيلة نشرها الموقع الرسمي للجيش اليمني.", "جيش اليمني", False),
        # a site named with no attack on it
        ("قتل شاب في الموصل بعد أن تجنب السائق المرور على حواجز قوات الأمن العراقية.", "قوات الأمن العراقية", False),
        # the guards of an office shot; the office was not hit
        ("قتل متظاهر برصاص حراس مقر منظمة بدر في البصرة.", "منظمة بدر", False),
    ],
    ids=["site-genitive", "vehicles-linked", "under-control-of", "after-la", "accusative", "long-description", "office-reports", "fired-from", "arriving-reinforcements", "website",
         "passing-checkpoints", "guards-of-office"],
)
def test_owner_of_a_target(prepared: Callable[[str], Doc], text: str, phrase: str, owns: bool) -> None:
    doc = prepared(text)
    at = fold(text).index(fold(phrase))
    (mention,) = [m for m in doc.of("actor") if m.start <= at < m.end or at <= m.start < at + len(phrase)]
    assert owns_target(doc, mention) is owns


@pytest.mark.parametrize(
    "text, expected",
    [
        # the gunmen of a clash with police, in an article naming no armed group: unidentified
        ("قتل خمسة مسلحين في اشتباك مع قوات الأمن المصرية في مدينة العريش شمال سيناء.",
         [("Police Forces of Egypt", "Unidentified Armed Group (Egypt)")]),
        # the gunmen hit after the article named the Houthis as the coalition's target: the Houthis
        ("شنت طائرات التحالف العربي غارات على مواقع الحوثيين في صعدة.\n"
         "وفي محافظة حجة، قتل 12 مسلحا في غارة للتحالف العربي على مديرية حرض.",
         [("Military Forces of Saudi Arabia", "Ansar Allah"), ("Military Forces of Saudi Arabia", "Ansar Allah")]),
        # fighters of the opposition named as hit before, killed by a Russian strike elsewhere
        ("قتل ثلاثة مقاتلين من الفصائل المعارضة في قصف لقوات النظام السوري على ريف إدلب.\n"
         "وفي ريف حماة، قتل خمسة مسلحين في غارة روسية على بلدة اللطامنة.",
         [("Military Forces of Syria", "Syrian opposition factions"),
          ("Military Forces of Russia", "Syrian opposition factions")]),
        # the one other armed side the article names, even further on
        ("قتل الجيش التركي 26 مسلحا في ضربات جوية على جبال قنديل شمالي العراق.\n"
         "ويخوض حزب العمال الكردستاني تمردا مسلحا ضد الدولة التركية منذ عام 1984.",
         [("Military Forces of Turkey", "PKK: Kurdistan Workers Party")]),
        # an ally of the attacker is not the side it hit
        ("قتلت قوات النظام السوري المدعومة من روسيا خمسة مسلحين في قصف على ريف حماة الشمالي.",
         [("Military Forces of Syria", "Unidentified Armed Group (Syria)")]),
        # violence against civilians hits no armed side: fighters killed in an assassination stay uncoded
        ("اغتال تنظيم داعش ثلاثة مسلحين في ريف دير الزور الشرقي.", [("Islamic State (Syria)", None)]),
    ],
    ids=["unnamed-gunmen", "gunmen-of-named-side", "fighters-named-before", "only-other-side", "not-an-ally",
         "not-in-violence-against-civilians"],
)
def test_generic_fighters_refer_back(text: str, expected: list[tuple[str | None, str | None]]) -> None:
    assert _sides(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # the UN accuses: a source, not the target
        ("اتهمت الأمم المتحدة قوات النظام السوري بقصف بلدة سراقب في ريف إدلب.", ("Military Forces of Syria", None)),
        # "مجلس الأمن التابع للأمم المتحدة" names a body of the UN, not a property struck
        ("قصفت قوات النظام السوري بلدة دوما بعد ساعات من قرار مجلس الأمن التابع للأمم المتحدة بوقف إطلاق النار.",
         ("Military Forces of Syria", None)),
        # a school of UNRWA struck: the agency's property was hit
        ("قصفت طائرات حربية إسرائيلية مدرسة تابعة للأونروا في مخيم جباليا، ما أدى إلى مقتل سبعة نازحين.",
         ("Military Forces of Israel", "UNRWA: United Nations Relief and Works Agency")),
        # a UN team under fire: the body's staff were hit
        ("تعرض فريق أمني تابع للأمم المتحدة لإطلاق نار خلال زيارته مدينة دوما.", (None, "UN: United Nations")),
    ],
    ids=["un-accuses", "security-council-of-un", "unrwa-school-hit", "un-team-hit"],
)
def test_reporting_body_is_actor2_only_when_hit(text: str, expected: tuple[str | None, str | None]) -> None:
    assert _sides(text)[0] == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # the other side of a clash, named in the clash's own sentence
        ("شنت القوات التركية هجوما على مواقع قرب عفرين، وقالت وحدات حماية الشعب الكردية إنها صدت الهجوم.",
         [("Military Forces of Turkey", "YPG: People's Protection Units")]),
        # the attacker's own movement, named in brackets after its armed wing, is no other side
        ("بثت كتائب القسام -الجناح العسكري لحركة المقاومة الإسلامية (حماس)- مشاهد لكمين نفذه مقاتلوها في حي تل الهوى.",
         [("Al-Qassam Brigades", None)]),
    ],
    ids=["named-in-sentence", "not-its-own-movement"],
)
def test_battle_other_side(text: str, expected: list[tuple[str | None, str | None]]) -> None:
    assert _sides(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # an unclaimed car bomb that kills: planted by someone unknown, its unnamed dead civilians
        ("سقط سبعة قتلى في انفجار سيارة مفخخة وسط مدينة بنغازي الليبية.",
         [("Unidentified Armed Group (Libya)", "Civilians (Libya)")]),
        # fighters killed by their own bombs, or reported killed by an army, are no victims of an unknown bomber
        ("أعلن مصدر عسكري مقتل 19 تكفيريا في تفجير عبوات ناسفة زرعوها قرب مدينة العريش.", [(None, None)]),
        ("قتل ثلاثة مسلحين في انفجار عبوة ناسفة كانوا يعدونها في منزل بمدينة العريش.", [(None, None)]),
    ],
    ids=["unclaimed-car-bomb", "fighters-reported-killed", "own-bomb"],
)
def test_unclaimed_bomb(text: str, expected: list[tuple[str | None, str | None]]) -> None:
    assert _sides(text) == expected


def test_armed_wing_between_commas_is_no_other_side() -> None:
    """"سرايا القدس، الجناح العسكري لحركة الجهاد الإسلامي،": a fact about the attacker, not its target."""
    doc = rasd.analyse("بثت سرايا القدس، الجناح العسكري لحركة الجهاد الإسلامي، مشاهد من تفجير مقاتليها عبوة ناسفة "
                       "في آلية عسكرية إسرائيلية شرقي خان يونس.", published=D)
    assert [(f.actor, f.kind, f.value) for f in doc.facts] == [("Al-Quds Brigades", "armed wing of", "Palestinian Islamic Jihad")]
    assert [(e.actor1, e.actor2) for e in doc.events] == [("Al-Quds Brigades", "Military Forces of Israel")]


def test_plural_backing_is_a_fact() -> None:
    """"الحوثيين المدعومين من إيران": Iran backs the Houthis; it is no side of their fight."""
    doc = rasd.analyse("قصفت طائرات التحالف العربي معاقل للمتمردين الحوثيين المدعومين من إيران على الحدود مع السعودية.",
                       published=D)
    assert [(f.actor, f.kind, f.value) for f in doc.facts] == [("Ansar Allah", "backed by", "Military Forces of Iran")]


def test_building_named_after_a_group_is_no_actor() -> None:
    """"مستشفى شهداء الأقصى" is a hospital, not the Al-Aqsa Martyrs Brigade: the civilians near it were hit."""
    assert _sides("قصف جيش الاحتلال محيط مستشفى شهداء الأقصى في دير البلح، ما أدى إلى إصابة خمسة مدنيين.") == [
        ("Military Forces of Israel", "Civilians (Palestine)")]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("أصيب 3 جنود إسرائيليين في عملية دهس قرب حاجز عسكري جنوب نابلس اليوم.",
         ("Unidentified Armed Group (Palestine)", "Military Forces of Israel")),  # unnamed: gunmen of the place, never the soldiers' own army
        ("أصيب جنديان إسرائيليان بانفجار عبوة ناسفة في آليتهما قرب طولكرم اليوم.",
         ("Unidentified Armed Group (Palestine)", "Military Forces of Israel")),
        ("قتل ثلاثة من عناصر الحشد الشعبي في اشتباك مع مسلحين من تنظيم داعش جنوب غرب كركوك أمس.",
         ("Islamic State (Iraq)", "PMF: Popular Mobilization Forces")),
    ],
    ids=["soldiers-wounded", "dual-soldiers", "the-other-side-of-the-clash"],
)
def test_the_forces_hit_are_actor2_whoever_attacked_them(text: str, expected: tuple[str | None, str]) -> None:
    (ev,) = rasd.extract(text, published=date(2024, 5, 12))
    assert (ev.actor1, ev.actor2) == expected
