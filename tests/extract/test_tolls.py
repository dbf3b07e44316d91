"""Counts (rasd/extract/tolls.py): each figure to its event, and the event's killed and injured.

Every sentence here is written for these tests (no corpus text).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest

import rasd

from rasd.doc import Doc
from rasd.extract.candidates import event_triggers
from rasd.extract.clusters import Cluster, group_triggers
from rasd.extract.headlines import fold_title
from rasd.extract.tolls import Tolls, attach_casualties, count_named_dead
from rasd.model import Event, Span, Victim


def _attached(doc: Doc) -> list[Cluster]:
    clusters = fold_title(doc, group_triggers(doc, event_triggers(doc)))
    attach_casualties(doc, clusters)
    return clusters


def _figures(doc: Doc, cluster: Cluster) -> list[tuple[str, int | None]]:
    return [(c.value.kind, c.value.count) for c in cluster.casualties]


def test_the_killed_and_injured_of_the_act(prepared: Callable[[str], Doc]) -> None:
    doc = prepared("قصفت قوات النظام بلدة اللطامنة في ريف حماة الشمالي، ما أدى إلى مقتل ثلاثة مدنيين وإصابة خمسة آخرين.")
    (cluster,) = _attached(doc)
    ev = Event()
    tolls = Tolls.of(doc, cluster)
    tolls.write(doc, ev)
    assert (ev.fatalities, ev.fatalities_known, ev.injuries, ev.injuries_known) == (3, True, 5, True)
    assert ev.evidence == {}  # cited only once the record is finished
    tolls.cite(doc, ev)
    assert {k: [s.text for s in v] for k, v in ev.evidence.items()} == {
        "fatalities": ["مقتل ثلاثة"], "injuries": ["إصابة خمسة"]}


def test_a_figure_in_the_next_sentence_belongs_to_the_event_before(prepared: Callable[[str], Doc]) -> None:
    doc = prepared("قصفت قوات النظام بلدة اللطامنة صباح اليوم. وأصيب ثلاثة مدنيين بجروح.")
    (cluster,) = _attached(doc)
    assert _figures(doc, cluster) == [("injured", 3)]
    ev = Event()
    Tolls.of(doc, cluster).write(doc, ev)
    assert (ev.fatalities, ev.fatalities_known) == (0, True)  # no killed figure at all: none killed


def test_an_abduction_does_not_take_the_attack_s_toll() -> None:
    text = ("خطف التنظيم 20 مدنيا من قرية الشبكي خلال الهجوم الذي شنه على ريف السويداء أمس، "
            "والذي أوقع أكثر من 90 قتيلا.")
    abductions = [e for e in rasd.extract(text, published=date(2024, 5, 12))
                  if e.sub_event_type == "Abduction/forced disappearance"]
    assert abductions and all(e.fatalities == 0 for e in abductions)


def test_an_abduction_keeps_the_dead_of_its_own_clause(prepared: Callable[[str], Doc]) -> None:
    doc = prepared("خطف مسلحون ثلاثة مدنيين في ريف درعا اليوم ما أدى إلى مقتل اثنين منهم.")
    heads = [c for c in _attached(doc) if c.head.value.sub_event_type == "Abduction/forced disappearance"]
    assert heads and Tolls.of(doc, heads[0]).killed[0] == 2


def test_a_headline_figure_yields_to_the_body_s_own(prepared: Callable[[str], Doc]) -> None:
    told = "مقتل خمسة فلسطينيين بغارة على رفح\nاستشهد أربعة فلسطينيين في غارة إسرائيلية على مدينة رفح اليوم."
    untold = "مقتل خمسة فلسطينيين بغارة على رفح\nشنت الطائرات الإسرائيلية غارة على مدينة رفح اليوم."
    assert [_figures(d, c) for d in (prepared(told),) for c in _attached(d)] == [[("killed", 4)]]
    assert [_figures(d, c) for d in (prepared(untold),) for c in _attached(d)] == [[("killed", 5)]]


def test_a_toll_is_at_least_the_people_named_as_killed() -> None:
    name = [Span(0, 4, "أحمد")]
    ev = Event(event_type="Violence against civilians", sub_event_type="Attack", fatalities=1,
               victims=[Victim(name="أحمد", status="killed", evidence={"name": name}),
                        Victim(name="زينة", status="killed", evidence={"name": [Span(9, 13, "زينة")]}),
                        Victim(name="سامي", status="injured")])
    count_named_dead(ev)
    assert (ev.fatalities, ev.fatalities_known) == (2, True)
    assert [s.text for s in ev.evidence["fatalities"]] == ["أحمد", "زينة"]
    assert "2" in ev.notes


def test_a_toll_told_as_a_rise_cites_the_rise_words_for_the_count_rule() -> None:
    text = "قتل خمسة مدنيين في غارة جوية على مدينة أريحا في ريف إدلب اليوم الاثنين. وارتفعت حصيلة الغارة إلى تسعة قتلى."
    (ev,) = rasd.extract(text, published=date(2024, 5, 13))
    assert ev.fatalities == 9
    assert [s.text for s in ev.evidence["fatalities_update"]] == ["ارتفعت حصيلة الغارة إلى تسعة قتلى"]
    (plain,) = rasd.extract(text.replace("وارتفعت حصيلة الغارة إلى تسعة قتلى", "وأصيب تسعة"), published=date(2024, 5, 13))
    assert "fatalities_update" not in plain.evidence


def test_a_toll_raised_to_the_named_dead_is_no_longer_a_rise_s_figure() -> None:
    ev = Event(fatalities=1, evidence={"fatalities": [Span(0, 4, "قتيل")], "fatalities_update": [Span(0, 9, "ارتفع إلى قتيل")]},
               victims=[Victim("أحمد", "killed", evidence={"name": [Span(20, 24, "أحمد")]}),
                        Victim("زينة", "killed", evidence={"name": [Span(30, 34, "زينة")]})])
    count_named_dead(ev)
    assert ev.fatalities == 2 and "fatalities_update" not in ev.evidence


@pytest.mark.parametrize(
    ("text", "killed", "injured"),
    [
        ("أدت شظايا الصاروخ إلى مقتل عامل وإصابة ثلاثة آخرين في حي سكني بمدينة جيزان مساء اليوم.", 1, 3),
        ("استشهدت فلسطينية وأصيب 4 آخرون برصاص قوات الاحتلال خلال اقتحام بلدة قباطية اليوم.", 1, 4),
        ("قتل 3 وأصيب 5 في قصف مدفعي على بلدة كفرنبل اليوم.", 3, 5),
        ("وحسب وزارة الصحة، ارتفع عدد القتلى في قصف مخيم جباليا اليوم إلى 31 والجرحى إلى 140.", 31, 140),
    ],
)
def test_a_count_is_never_read_past_the_next_cue(text: str, killed: int | None, injured: int | None) -> None:
    (ev,) = [e for e in rasd.extract(text, published=date(2024, 5, 12)) if e.event_type != "Strategic developments"]
    assert (ev.fatalities, ev.injuries) == (killed, injured)


@pytest.mark.parametrize(
    "text",
    [
        "شنت طائرات التحالف غارات على تجمعات للحوثيين في مديرية زبيد اليوم، ما أدى إلى مقتل وجرح العشرات منهم.",
        "قتل وأصيب 12 شخصا في قصف مدفعي على بلدة كفرنبل اليوم.",
        "سيطرت القوات الحكومية على مطار الحديدة فجر اليوم بعد معارك أسفرت عن مقتل وأسر العشرات من الحوثيين.",
        "قصفت طائرات النظام بلدة كفرنبل اليوم، ما أسفر عن سقوط عشرات الضحايا بين قتيل وجريح.",
    ],
)
def test_one_figure_for_killed_and_wounded_or_captured_is_no_toll(text: str) -> None:
    for ev in rasd.extract(text, published=date(2024, 5, 12)):
        assert (ev.fatalities, ev.fatalities_known) == (None, False) and not ev.injuries


def test_a_feminine_nisba_in_the_dual_is_two_people() -> None:
    text = "أفادت مصادر طبية اليوم باستشهاد فلسطينيتين خلال اقتحام قوات الاحتلال مخيم نور شمس بطولكرم."
    (ev,) = rasd.extract(text, published=date(2024, 5, 12))
    assert ev.fatalities == 2


@pytest.mark.parametrize(
    "text, killed, known",
    [
        ("أصيب أربعة مستوطنين، اليوم، إثر سقوط قذيفة صاروخية على منزل في مستوطنة سديروت.", 0, True),  # a shell's fall
        ("سيطرت قوات الجيش على سلسلة جبلية في مديرية نهم اليوم، بعد معارك أسفرت عن سقوط 13 حوثيا.", 13, True),
        ("فجر انتحاري نفسه، اليوم، قرب مقر للشرطة في مدينة بيدوا، ما تسبب في سقوط ضحايا.", None, False),
    ],
)
def test_a_fall_is_a_death_only_with_its_dead(text: str, killed: int | None, known: bool) -> None:
    (ev,) = rasd.extract(text, published=date(2024, 5, 12))
    assert (ev.fatalities, ev.fatalities_known) == (killed, known)


@pytest.mark.parametrize(
    "text, actor2",
    [
        ("سيطرت قوات الجيش اليمني على مواقع في جبهة مريس بمحافظة الضالع اليوم، بعد معارك عنيفة تكبدت خلالها "
         "ميليشيات الحوثي خسائر فادحة في الأرواح والعتاد.", "Ansar Allah"),
        ("شنت مقاتلات التحالف غارات على تعزيزات للحوثيين في مديرية حيس اليوم، ما كبدهم خسائر كبيرة بالأرواح.",
         "Ansar Allah"),
    ],
)
def test_losses_in_lives_are_deaths_of_the_side_that_bore_them(text: str, actor2: str) -> None:
    """"خسائر في الأرواح" says people died and gives no number: unknown, not 0, and the dead are fighters."""
    (ev,) = rasd.extract(text, published=date(2024, 5, 12))
    assert (ev.fatalities, ev.fatalities_known, ev.actor2) == (None, False, actor2)
    (calm,) = rasd.extract("سيطرت قوات الجيش اليمني على مواقع في جبهة مريس بمحافظة الضالع اليوم، بعد معارك عنيفة "
                           "مع ميليشيات الحوثي دون خسائر في الأرواح.", published=date(2024, 5, 12))
    assert (calm.fatalities, calm.fatalities_known) == (0, True)


@pytest.mark.parametrize(
    "text, killed, injured",
    [
        # a day at the fence can wound two thousand: that is the day's count
        ("قتل 58 فلسطينيا وجرح 2700 آخرون برصاص الجيش الإسرائيلي قرب السياج الحدودي شرقي قطاع غزة الأحد.", 58, 2700),
        # five thousand wounded is a campaign's count, never one event's
        ("قتل 12 مدنيا وجرح 5000 آخرون في قصف لقوات النظام على بلدات الغوطة الشرقية الأحد.", 12, None),
    ],
)
def test_thousands_wounded_in_a_day_are_the_days_count(text: str, killed: int, injured: int | None) -> None:
    (event,) = rasd.extract(text, published=date(2024, 5, 12))
    assert (event.fatalities, event.injuries) == (killed, injured)


@pytest.mark.parametrize(
    "text, killed",
    [
        # singular victims joined by "و" are one person each
        ("قتل قناص حوثي طفلا ومسنا في حي الروضة شرق مدينة تعز، الأحد.", 2),
        ("استشهد شاب وطفل، الأحد، في قصف إسرائيلي على بلدة بيت حانون شمال قطاع غزة.", 2),
        # the one named and those killed with him
        ("قتل القيادي الحوثي أبو خليل مع 3 من مرافقيه، الأحد، في غارة للتحالف على مدينة تعز.", 4),
        # two groups counted apart, no total given: their sum
        ("قتل 15 طفلا وامرأتان، الأحد، في غارة جوية على مدرسة في بلدة عربين بالغوطة الشرقية.", 17),
        ("قتل 11 جنديا و7 مسلحين، الأحد، في اشتباكات عنيفة بمدينة القامشلي شمال شرقي سوريا.", 18),
        # "لقي N … مصرعهم": the count after "لقي", however many words name who they were; "لقي شاب مصرعه": one
        ("لقي 18 من قوات النظام السوري والمسلحين الموالين له مصرعهم، الأحد، إثر هجوم لتنظيم داعش في بادية الميادين.", 18),
        ("لقي شاب مصرعه، الأحد، برصاص مسلحين مجهولين في مدينة درعا جنوبي سوريا.", 1),
        # "راح ضحيتها N": the dead of the act
        ("قصفت طائرات الاحتلال، الأحد، منزلا في بلدة بيت لاهيا شمال قطاع غزة في مجزرة راح ضحيتها 14 فلسطينيا.", 14),
    ],
)
def test_dead_counted_by_their_nouns_or_as_victims(text: str, killed: int) -> None:
    assert [e.fatalities for e in rasd.extract(text, published=date(2024, 5, 12))] == [killed]


def test_a_days_figure_over_two_fronts_is_not_one_fronts_toll() -> None:
    text = ("أعلن الجيش الإسرائيلي، الأحد، مقتل ضابط وإصابة جنديين بجروح خطيرة خلال معارك في بلدة مارون الراس "
            "بجنوب لبنان، لترتفع حصيلة اليوم إلى 4 قتلى و15 مصابا في قطاع غزة ولبنان.")
    (event,) = [e for e in rasd.extract(text, published=date(2024, 5, 12)) if e.sub_event_type == "Armed clash"]
    assert (event.fatalities, event.injuries) == (1, 2)


def test_a_toll_set_against_the_act_in_another_place_is_not_its_toll() -> None:
    text = ("استشهد طفل برصاص الاحتلال اليوم الأحد في بلدة اليامون غرب جنين بالضفة الغربية، بينما أصيب فلسطيني "
            "شمال القدس المحتلة.")
    (event,) = rasd.extract(text, published=date(2024, 5, 12))
    assert (event.location, event.fatalities, event.injuries) == ("Al-Yamun", 1, None)


def test_a_battle_does_not_take_the_toll_of_a_massacre_set_against_it(prepared: Callable[[str], Doc]) -> None:
    text = ("دارت اشتباكات عنيفة بين الفصائل وقوات النظام في ريف درعا اليوم، في حين ارتكبت قوات النظام مجزرة "
            "خلفت سبعة قتلى في مدينة إدلب.")
    doc = prepared(text)
    battles = [c for c in _attached(doc) if c.head.value.event_type == "Battles"]
    assert battles and all(("killed", 7) not in _figures(doc, c) for c in battles)
    same = "دارت اشتباكات عنيفة بين الفصائل وقوات النظام في ريف درعا اليوم، في حين قتل سبعة من المقاتلين في المعارك."
    doc = prepared(same)
    battles = [c for c in _attached(doc) if c.head.value.event_type == "Battles"]
    assert battles and ("killed", 7) in _figures(doc, battles[0])


def test_an_arrest_does_not_take_the_toll_of_an_act_told_after_it() -> None:
    text = "أعلن الجيش اليوم اعتقال شقيقي الشاب الذي نفذ عملية دهس قتل فيها جنديان قرب مدينة الخليل."
    arrests = [e for e in rasd.extract(text, published=date(2024, 5, 12)) if e.sub_event_type == "Arrests"]
    assert arrests and all(e.fatalities == 0 for e in arrests)


def test_a_raid_keeps_the_dead_of_the_raid_itself(prepared: Callable[[str], Doc]) -> None:
    doc = prepared("نفذت قوات الأمن مداهمة لخلية مسلحة في مدينة السلط اليوم في العملية التي راح ضحيتها شرطي.")
    heads = [c for c in _attached(doc) if any(doc.ntext[t.start : t.end] == "مداهمه" for t in c.triggers)]
    assert heads and Tolls.of(doc, heads[0]).killed[0] == 1


@pytest.mark.parametrize(
    ("text", "killed"),
    [
        # a range: its lower figure, the conservative one
        ("وقال الدفاع المدني إن حصيلة القصف على بلدة سراقب اليوم تراوحت بين 25 و40 قتيلا.", 25),
        # "one of the 12 killed" is no killed-and-wounded pair
        ("وكان الشاب واحدا من بين 12 شخصا قتلوا في قصف على بلدة سراقب اليوم.", 12),
    ],
)
def test_a_range_counts_its_lower_figure(text: str, killed: int) -> None:
    assert [e.fatalities for e in rasd.extract(text, published=date(2024, 5, 12))] == [killed]


def test_the_days_toll_beats_a_total_for_several_days() -> None:
    text = ("ارتفع عدد القتلى في قصف الطيران على مدينة أريحا منذ فجر اليوم إلى 14، "
            "لترتفع حصيلة الغارات خلال 72 ساعة إلى 60 قتيلا.")
    assert [e.fatalities for e in rasd.extract(text, published=date(2024, 5, 12))] == [14]


def test_a_total_for_two_days_is_kept_when_no_day_is_told_apart() -> None:
    text = "قتل 30 مدنيا خلال يومين في غارات جوية على مدينة أريحا بريف إدلب."
    doc = rasd.analyse(text, published=date(2024, 5, 12))
    assert [(c.value.count, c.value.several_days) for c in doc.of("casualty")] == [(30, True)]
    assert [e.fatalities for e in doc.events] == [30]


def test_a_headline_death_beside_arrests_is_the_killings() -> None:
    title = "شهيد بنابلس واعتقالات في أنحاء متفرقة من الضفة"
    text = (title + "\nأفادت مصادر طبية باستشهاد شاب فلسطيني بالرصاص، الخميس، خلال اشتباكات مسلحة مع قوات الاحتلال بعد "
            "اقتحامها مخيم العين بنابلس، كما اعتقلت قوات الاحتلال 12 فلسطينيا في أنحاء متفرقة من الضفة.")
    arrests = [e for e in rasd.extract(text, published=date(2024, 11, 21), title=title) if e.sub_event_type == "Arrests"]
    assert arrests and all(not e.fatalities for e in arrests)


def test_a_headline_toll_is_not_an_interceptions(prepared: Callable[[str], Doc]) -> None:
    """"اعتراض صاروخ أطلق من اليمن وأكثر من 120 شهيدا في غزة": the dead are the day's in Gaza, not the missile's."""
    doc = prepared("اعتراض صاروخ أطلق من اليمن وأكثر من 120 شهيدا في غزة\n"
                   "أعلن الجيش الإسرائيلي اعتراض صاروخ أطلق من اليمن باتجاه وسط إسرائيل صباح اليوم.")
    interception = next(c for c in _attached(doc) if any(t.value.sub_event_type == "Disrupted weapons use" for t in c.triggers))
    assert ("killed", 120) not in _figures(doc, interception)


@pytest.mark.parametrize("text, dead", [
    ("قتل إسرائيليان في إطلاق نار قرب نابلس.", 2),  # a nisba's dual: two people of a country
    ("قتل فلسطيني برصاص الاحتلال في جنين.", 1),
])
def test_people_counted_by_their_nationality_are_the_toll(text: str, dead: int) -> None:
    (ev,) = rasd.extract(text, published=date(2024, 5, 12))
    assert ev.fatalities == dead


@pytest.mark.parametrize("title, body, dead, hurt", [
    # the day's martyrs beside soldiers hit by a bomb: the bomb's toll is the soldiers'
    ("55 شهيدا وإصابة 4 جنود إسرائيليين بانفجار عبوة ناسفة في خان يونس",
     "أعلن الجيش الإسرائيلي إصابة 4 جنود بانفجار عبوة ناسفة في خان يونس جنوبي القطاع، الأحد.", 0, 4),
    # the martyrs and their wounded are the strikes', not the rockets'
    ("القسام تقصف تل أبيب و71 شهيدا و112 مصابا في القطاع",
     "قصفت كتائب القسام مدينة تل أبيب برشقة صاروخية، الأحد، فيما ارتقى 71 شهيدا و112 مصابا في غارات على القطاع.", 0, None),
])
def test_martyrs_are_never_the_dead_of_an_act_on_israelis(title: str, body: str, dead: int, hurt: int | None) -> None:
    events = rasd.extract(title + "\n" + body, published=date(2024, 8, 25), title=title)
    on_israelis = [e for e in events if (e.actor2 or "").endswith("of Israel") or e.actor2 == "Civilians (Israel)"]
    assert on_israelis and all((e.fatalities, e.injuries) == (dead, hurt) for e in on_israelis)


def test_martyrs_stay_the_toll_of_a_battle() -> None:
    (ev,) = rasd.extract("استشهد 3 مقاومين في اشتباكات مع قوات الاحتلال في جنين، الأحد.", published=date(2024, 8, 25))
    assert (ev.sub_event_type, ev.fatalities) == ("Armed clash", 3)


def test_a_toll_is_not_given_past_a_contrast_to_the_act_set_against_it() -> None:
    """"ارتفعت حصيلة المجزرة … إلى 15 قتيلا، في حين تحتدم الاشتباكات": the massacre's dead, not the fighting's."""
    title = "ارتفاع عدد ضحايا مجزرة بيروت"
    text = (title + "\nارتفعت حصيلة المجزرة التي ارتكبتها إسرائيل، فجر السبت، في حي البسطة وسط بيروت إلى 15 قتيلا و63 "
            "جريحا، في حين تحتدم الاشتباكات بين حزب الله والجيش الإسرائيلي.")
    events = rasd.extract(text, published=date(2024, 11, 23), title=title)
    assert all(e.fatalities != 15 for e in events if e.sub_event_type == "Armed clash")
    assert any(e.fatalities == 15 and e.injuries == 63 for e in events if e.sub_event_type != "Armed clash")


def test_a_demolition_takes_no_lives_of_the_day() -> None:
    """"شهيد بمخيم البريج والاحتلال يواصل نسف منازل في جباليا": the martyr is another act's, not the demolition's."""
    title = "شهيد بمخيم البريج والاحتلال يواصل نسف منازل في جباليا"
    text = title + "\nنسفت قوات الاحتلال منازل في جباليا شمالي القطاع، الخميس."
    razed = [e for e in rasd.extract(text, published=date(2024, 10, 15), title=title)
             if e.sub_event_type == "Looting/property destruction"]
    assert razed and all(not e.fatalities for e in razed)
