"""The wrong-country measure: events placed in a country their article never names."""

from __future__ import annotations

from rasd.geo import Geocoder
from rasd.geo.countries import demonym_countries
from rasd.geo.foreign import foreign_placements
from rasd.lang.ar.normalize import fold

TEXTS = {
    "sy": "قصفت قوات النظام بلدة سراقب في ريف إدلب الشرقي وقتل مدنيان.",
    "sy-jo": "قال مسؤول أردني إن قذائف سقطت قرب الحدود بعد قصف على درعا.",
    "iq": "قتل ثلاثة جنود بتفجير في قضاء الحويجة بمحافظة كركوك.",
}


def _event(doc_id: str, country: str, location: str, location_ar: str) -> dict[str, object]:
    return {"doc_id": doc_id, "country": country, "location": location, "location_ar": location_ar}


def test_an_event_outside_the_articles_countries_is_counted(geocoder: Geocoder) -> None:
    events = [
        _event("sy", "Syria", "Saraqib", "سراقب"),  # named by another place (إدلب)
        _event("sy", "Jordan", "At Tayyibah", "الطيبة"),  # Jordan is never named
        _event("sy-jo", "Jordan", "Ar Ramtha", "الرمثا"),  # "أردني" names Jordan
        _event("iq", "Egypt", "Al Hammam", "الحمام"),
        _event("iq", "Iraq", "Al Hawijah", "الحويجة"),
        _event("missing", "Egypt", "Cairo", "القاهرة"),  # no text: skipped
    ]
    found = foreign_placements(events, TEXTS, geocoder)
    assert [(f.doc_id, f.country) for f in found] == [("sy", "Jordan"), ("iq", "Egypt")]
    assert "SY" in found[0].named and "IQ" in found[1].named


def test_the_event_location_is_no_evidence_for_itself(geocoder: Geocoder) -> None:
    text = {"a": "قصف على بلدة سراقب صباح اليوم."}
    assert foreign_placements([_event("a", "Syria", "Saraqib", "سراقب")], text, geocoder)


def test_nationality_adjectives_name_countries(geocoder: Geocoder) -> None:
    text = fold("قوات النظام السوري والميليشيات الإيرانية قرب الحدود الأردنية مع العراقيين")
    assert demonym_countries(text, geocoder.gazetteer.adjectives) == {"SY", "IR", "JO", "IQ"}


def test_a_governorate_or_a_name_of_several_words_names_its_own_country(geocoder: Geocoder) -> None:
    text = {"a": "قصف إسرائيلي على قطاع غزة صباح اليوم.", "b": "اقتحم الجيش الإسرائيلي جنين صباح اليوم."}
    events = [_event("a", "Palestine", "Gaza Strip", "قطاع غزة"), _event("b", "Palestine", "Jenin", "جنين")]
    # the Strip says Palestine as plainly as its name would; a one-word town does not (it may be a word taken for a town)
    assert [f.location for f in foreign_placements(events, text, geocoder)] == ["Jenin"]
