"""Sentence patterns the extractor must read right, one line each (original Arabic written for these tests).

Each row: the text, its publication date, and the fields of the single event it reports.
"""

from __future__ import annotations

from datetime import date

import pytest

import rasd

D = date(2024, 3, 5)  # a Tuesday

CASES = [
    # counts: duals in both cases, glued conjunctions, ordinals, singular victims, negated tolls
    ("قُتل مدنيان وأصيب أربعة آخرون بقصف مدفعي لقوات النظام على بلدة كفرنبل.",
     {"sub_event_type": "Shelling/artillery/missile attack", "actor1": "Military Forces of Syria",
      "fatalities": 2, "injuries": 4, "location": "Kafranbel"}),
    ("سقط قتيلان وأربعة جرحى في اشتباكات بين عائلتين في مدينة بعلبك أمس.",
     {"sub_event_type": "Armed clash", "fatalities": 2, "injuries": 4, "event_date": "2024-03-04"}),
    ("قُتل طفلان وأصيب ثالث بانفجار لغم أرضي قرب مدينة الحديدة.",
     {"sub_event_type": "Remote explosive/landmine/IED", "fatalities": 2, "injuries": 1}),
    ("استشهد شاب برصاص قوات الاحتلال الإسرائيلي قرب مدينة نابلس فجر اليوم.",
     {"sub_event_type": "Attack", "actor1": "Military Forces of Israel", "actor2": "Civilians (Palestine)",
      "fatalities": 1, "location": "Nablus"}),
    ("تعرضت بلدة الخيام لقصف مدفعي إسرائيلي من دون أن يسفر عن إصابات.",
     {"sub_event_type": "Shelling/artillery/missile attack", "actor1": "Military Forces of Israel",
      "fatalities": 0, "injuries": 0}),
    ("استشهد الشاب أحمد سليم والطفلة ريم حسن بقصف إسرائيلي على مخيم جباليا شمال قطاع غزة.",
     {"sub_event_type": "Air/drone strike", "fatalities": 2, "location": "Jabalia Camp"}),  # the named dead count
    ("لقي خمسة من المسلحين مصرعهم في غارة جوية على بلدة حيس.",
     {"sub_event_type": "Air/drone strike", "fatalities": 5}),  # the count before "مصرعهم", past who they were
    ("قالت مصادر أمنية إن 12 إرهابيا لقوا مصرعهم، الأحد، خلال مواجهات مع الشرطة في مدينة العريش شمالي سيناء.",
     {"sub_event_type": "Armed clash", "actor1": "Police Forces of Egypt", "fatalities": 12, "location": "Arish"}),
    ("لقي القيادي الحوثي مصرعه، السبت، في مواجهات مع القوات الحكومية قرب مركز مديرية الدريهمي بمحافظة الحديدة.",
     {"sub_event_type": "Armed clash", "actor2": "Ansar Allah", "fatalities": 1}),  # one: "القيادي … مصرعه"
    # an army statement's kills: "القضاء على N" counts only with its number
    ("أعلن الجيش المصري، الثلاثاء، أن قواته تمكنت من القضاء على 3 تكفيريين بحوزتهم بندقية آلية في مدينة العريش.",
     {"sub_event_type": "Armed clash", "actor1": "Military Forces of Egypt", "fatalities": 3}),
    ("انفجرت عبوة ناسفة، الثلاثاء، على طريق في مدينة العريش، ما أسفر عن مقتل فردين.",
     {"sub_event_type": "Remote explosive/landmine/IED", "actor2": "Civilians (Egypt)", "fatalities": 2}),
    # the verb of a raid: "أغارت طائرات التحالف على مواقع الحوثيين"
    ("أغارت طائرات التحالف العربي، الأحد، على مواقع لميليشيا الحوثي في محافظة البيضاء، ما أدى إلى سقوط قتلى في صفوفها.",
     {"sub_event_type": "Air/drone strike", "actor1": "Military Forces of Saudi Arabia", "actor2": "Ansar Allah"}),
    # one victim and his kin: "وزوجته" one more, "وطفليه" two more
    ("استشهد الصحفي سامر يوسف وزوجته وطفليه، الجمعة، في غارة إسرائيلية استهدفت منزلهم في مخيم جباليا.",
     {"sub_event_type": "Air/drone strike", "fatalities": 4, "location": "Jabalia Camp"}),
    # one person named with an age: a count of one; the soldiers who fired are no target of the shot
    ("استشهد سامر عبد الكريم (27 عاما)، الجمعة، برصاصة أطلقها جنود الاحتلال شرق مدينة خان يونس.",
     {"sub_event_type": "Attack", "actor2": "Civilians (Palestine)", "fatalities": 1, "location": "Khan Yunis"}),
    ("ارتفع عدد قتلى القصف المدفعي على بلدة كفرنبل إلى سبعة.",
     {"sub_event_type": "Shelling/artillery/missile attack", "fatalities": 7}),  # the number the toll rose to
    ("استشهد 12 فلسطينيا في قصف إسرائيلي على مخيم النصيرات، في حين ارتفع عدد الشهداء في القطاع منذ فجر اليوم إلى 40.",
     {"sub_event_type": "Air/drone strike", "fatalities": 12}),  # the Strip's day total set beside the strike is not its toll
    ("قصفت طائرات حربية بلدة كفرنبل فجر اليوم. وسمع السكان دوي الانفجارات في القرى المجاورة. وتصاعدت أعمدة "
     "الدخان فوق البلدة. وتحدث السكان عن ليلة صعبة. وقال ناشطون إن الغارات أسفرت عن سقوط قتلى وجرحى.",
     {"sub_event_type": "Air/drone strike", "fatalities": None, "fatalities_known": False}),  # a retelling: deaths, no number
    # who did it: agent after a killing verb, claims, unknown attackers
    ("اغتال مسلحون مجهولون، يوم السبت الماضي، المدرّس خالد العمر أمام منزله في مدينة درعا.",
     {"sub_event_type": "Attack", "actor1": "Unidentified Armed Group (Syria)", "fatalities": 1,
      "event_date": "2024-03-02"}),
    ("قُتل ثلاثة جنود بانفجار سيارة مفخخة عند حاجز للجيش في مدينة الرمادي. وتبنى تنظيم داعش الهجوم.",
     {"sub_event_type": "Remote explosive/landmine/IED", "fatalities": 3, "location": "Ramadi"}),
    ("قالت وزارة الدفاع التركية إن جنديين تركيين قتلا بانفجار عبوة ناسفة قرب مدينة عفرين أمس.",
     {"sub_event_type": "Remote explosive/landmine/IED", "actor1": "Unidentified Armed Group (Syria)",
      "actor2": "Military Forces of Turkey", "fatalities": 2}),  # the dead's nationality is not the bomber's
    ("خطف مسلحون مجهولون مهندساً يعمل في شركة اتصالات على طريق مدينة تعز صباح اليوم.",
     {"sub_event_type": "Abduction/forced disappearance", "actor1": "Unidentified Armed Group (Yemen)",
      "actor2": "Civilians (Yemen)"}),
    ("عاد القصف المتبادل إلى ريف حماة مساء الأحد، إذ استهدفت قوات النظام بلدة اللطامنة، ما أودى بحياة خمسة مدنيين.",
     {"sub_event_type": "Shelling/artillery/missile attack", "actor1": "Military Forces of Syria", "fatalities": 5}),  # one event, its toll
    # kinds of event
    ("سيطرت قوات النظام، أمس الاثنين، على بلدة كفرنبل بعد انسحاب فصائل المعارضة منها إثر قصف عنيف.",
     {"sub_event_type": "Government regains territory", "actor1": "Military Forces of Syria"}),  # the withdrawal is the same event
    ("سيطرت هيئة تحرير الشام، أمس الاثنين، على مدينة سراقب بعد معارك مع قوات النظام.",
     {"sub_event_type": "Non-state actor overtakes territory", "actor1": "Hayat Tahrir al-Sham", "location": "Saraqib"}),
    ("فككت فرق الهندسة في الجيش العراقي، اليوم، عبوة ناسفة على طريق الموصل.",
     {"sub_event_type": "Disrupted weapons use", "actor1": "Military Forces of Iraq"}),
    ("خرج عشرات المتظاهرين في مدينة درعا يوم الجمعة مطالبين بالإفراج عن المعتقلين، دون وقوع إصابات.",
     {"event_type": "Protests", "sub_event_type": "Peaceful protest", "actor1": "Protesters (Syria)", "location": "Daraa"}),
    ("قتل شابان برصاص قوات الأمن خلال تظاهرات في مدينة البصرة اليوم.",
     {"sub_event_type": "Excessive force against protesters", "fatalities": 2}),  # shot during a protest
    ("أطلقت قوات الأمن الرصاص الحي على المتظاهرين في الخرطوم، ما أدى إلى مقتل ثلاثة منهم.",
     {"sub_event_type": "Excessive force against protesters", "actor2": "Protesters (Sudan)", "fatalities": 3}),
]


def _loose(name: str | None) -> str:
    return (name or "").split(": ")[-1]


@pytest.mark.parametrize("text, expected", CASES, ids=[f"case{i}" for i in range(len(CASES))])
def test_pattern(text: str, expected: dict) -> None:
    events = rasd.extract(text, published=D)
    assert len(events) == 1, [(e.sub_event_type, e.location) for e in events]
    got = events[0]
    for field, want in expected.items():
        have = getattr(got, field)
        if field.startswith("actor"):
            have = _loose(have)
        assert have == want, f"{field}: {have!r} != {want!r}"


@pytest.mark.parametrize(
    "text",
    [
        "هددت الفصائل بشن هجوم واسع على مواقع النظام في ريف إدلب.",  # a threat
        "نفى الجيش تنفيذ أي غارة على بلدة سرمدا.",  # a denial
        "الولايات المتحدة وفرنسا نفيا قصف مطار الشعيرات في ريف حمص.",  # a denial by two
        "وكانت واشنطن وباريس هددتا بقصف مطار الشعيرات في ريف حمص.",  # a threat by two
        "غالباً ما تشهد المنطقة اشتباكات بين العشائر.",  # habitual
        "تعكف القوات على تعزيز صفوفها في إطار عملية تهدف للتصدي للحوثيين في مديرية زبيد وتحرير المدينة.",  # a purpose
        "قال الخبير العسكري إن الغارات على غزة لن تحقق أهدافها.",  # an analyst's view
        "وثقت الشبكة مقتل أكثر من 500 مدني منذ بداية العام في ريف حلب.",  # a cumulative toll
    ],
)
def test_not_an_event(text: str) -> None:
    assert rasd.extract(text, published=D) == []
