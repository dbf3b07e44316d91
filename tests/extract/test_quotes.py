"""Quoted passages carry their speaker: the article view and reviewers weigh a claim by who makes it."""

from __future__ import annotations

from datetime import date

import pytest

import rasd


@pytest.mark.parametrize(
    "text, speaker, verb, starts",
    [
        ("وقال مراسل (رصد)، إن: «القصف استهدف منزلاً في البلدة».", "مراسل (رصد)", "قال", "القصف استهدف"),
        ("وأضاف المصدر الطبي أن \"الجرحى نقلوا إلى المستشفى الوطني\".", "المصدر الطبي", "اضاف", "الجرحى نقلوا"),
        ("وكان المتحدث العسكري، قال في آذار الماضي، إن «القوات ستنسحب».", "المتحدث العسكري", "قال", "القوات ستنسحب"),
    ],
)
def test_quote_and_speaker(text, speaker, verb, starts):
    doc = rasd.analyse(text, published=date(2024, 5, 1))
    quotes = doc.of("quote")
    assert len(quotes) == 1
    q = quotes[0]
    assert (q.value.speaker, q.value.verb) == (speaker.replace("أ", "ا"), verb)
    assert q.span(doc).text.startswith(starts)


def test_unattributed_quotation_marks_are_not_quotes():
    doc = rasd.analyse("استهدفت غارة مقر «الكتيبة الرابعة» في المدينة.", published=date(2024, 5, 1))
    assert doc.of("quote") == []


@pytest.mark.parametrize(
    "text, country",
    [
        ("دبي، الإمارات العربية المتحدة (CNN)-- قتل ثلاثة أشخاص في انفجار سيارة مفخخة وسط مدينة بنغازي الليبية.", "Libya"),
        ("دبي، الإمارات العربية المتحدة (CNN)-- قالت مصادر طبية إن غارة جوية استهدفت منزلا في مدينة خان يونس جنوب قطاع غزة.",
         "Palestine"),
        ("انفجار في بنغازي\nالقدس (CNN) — قتل ثلاثة أشخاص في انفجار سيارة مفخخة وسط مدينة بنغازي الليبية.", "Libya"),
    ],
    ids=["city-country", "city-country-gaza", "after-headline"],
)
def test_dateline_is_the_reporters_place_not_a_side(text, country):
    """"دبي، الإمارات العربية المتحدة (CNN)--": where the reporter files from, neither an actor nor the event's place."""
    doc = rasd.analyse(text, published=date(2024, 5, 1))
    (dateline,) = doc.of("dateline")
    (event,) = doc.events
    assert "Emirates" not in (event.actor1 or "") and event.country == country
    assert not any(dateline.start <= m.start < dateline.end for m in doc.of("actor") + doc.of("place"))


def test_brackets_inside_a_sentence_are_no_dateline():
    doc = rasd.analyse("وقال المتحدث لشبكة (CNN) إن القصف استمر حتى الفجر.", published=date(2024, 5, 1))
    assert doc.of("dateline") == []
