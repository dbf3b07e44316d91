"""The actor dictionary (rasd/data/actors.tsv): well-formed, unambiguous, and naming what gold coders name."""

from __future__ import annotations

import csv
import io
import re
from functools import cache
from importlib.resources import files

import pytest

from rasd.lang.ar.morph import strip_article
from rasd.lang.ar.normalize import fold

HEADER = ["canonical", "kind", "home", "aliases", "adjectives", "note"]
KINDS = {"state", "police", "rebel", "political_militia", "identity_militia",
         "rioters", "protesters", "civilians", "external", "organisation"}
TEMPLATED_KINDS = {"civilians", "protesters", "rioters"}  # always named after the event's country

# Every actor name used by the hand-coded gold sets (shared/examples, dev-gold, ant-dev-gold).
GOLD_CANONICALS = [
    "Military Forces of Israel",
    "Police Forces of Israel",
    "Israeli settlers",
    "Military Forces of Syria",
    "Military Forces of Turkey",
    "Military Forces of Russia",
    "Military Forces of the United States",
    "Islamic Revolutionary Guard Corps",
    "Civilians (Palestine)",
    "Civilians (Syria)",
    "Protesters (Palestine)",
    "Rioters (Palestine)",
    "Unidentified Armed Group (Palestine)",
    "Unidentified Armed Group (Syria)",
    "Unidentified Military Forces",
    "Syrian opposition factions",
    "Al-Qassam Brigades",
    "Hamas",
    "Liwa al-Quds",
    "Usud al-Sharqiya",
    "Islamic Resistance in Iraq",
    "YPG: People's Protection Units",
    "PKK: Kurdistan Workers Party",
    "UN: United Nations",
]


@cache
def _lines() -> tuple[list[str], ...]:
    """Non-comment, non-blank lines of the file, split on tabs (the header first)."""
    text = (files("rasd") / "data" / "actors.tsv").read_text(encoding="utf-8")
    body = "\n".join(ln for ln in text.splitlines() if ln.strip() and not ln.startswith("#"))
    return tuple(csv.reader(io.StringIO(body), delimiter="\t", quoting=csv.QUOTE_NONE))


def _rows() -> list[dict[str, str]]:
    return [dict(zip(HEADER, cells)) for cells in _lines()[1:]]


def _split(cell: str) -> list[str]:
    return [a for a in cell.split("|") if a.strip()]


def _key(phrase: str) -> str:
    """The matching key the phrase matcher uses: folded, whitespace collapsed."""
    return " ".join(fold(phrase).split())


def _keys(phrase: str) -> set[str]:
    """The key and, for a name with its article, the bare form the matcher also registers."""
    k = _key(phrase)
    return {k, strip_article(k)}


@cache
def _alias_index() -> dict[str, set[str]]:
    index: dict[str, set[str]] = {}
    for row in _rows():
        for alias in _split(row["aliases"]):
            for k in _keys(alias):
                index.setdefault(k, set()).add(row["canonical"])
    return index


def _resolves(name: str) -> bool:
    """A gold name is an exact canonical, or a templated one filled with a country."""
    for row in _rows():
        canonical = row["canonical"]
        if canonical == name:
            return True
        if "{country}" in canonical:
            pattern = re.escape(canonical).replace(re.escape("{country}"), r"[A-Z][A-Za-z .'-]+")
            if re.fullmatch(pattern, name):
                return True
    return False


def test_header_and_six_columns() -> None:
    lines = _lines()
    assert lines[0] == HEADER
    bad = [cells[0] for cells in lines[1:] if len(cells) != len(HEADER)]
    assert not bad, f"rows without exactly {len(HEADER)} cells: {bad}"
    assert len(lines) - 1 >= 200


def test_cells_are_clean() -> None:
    for row in _rows():
        assert row["canonical"] and row["canonical"] == row["canonical"].strip()
        assert _split(row["aliases"]), f"{row['canonical']}: no alias"
        for phrase in _split(row["aliases"]) + _split(row["adjectives"]):
            assert phrase == phrase.strip() and "  " not in phrase, (row["canonical"], phrase)
            assert not phrase.endswith("*"), (row["canonical"], phrase)


def test_kind_is_known() -> None:
    bad = {r["canonical"]: r["kind"] for r in _rows() if r["kind"] not in KINDS}
    assert not bad


def test_home_is_empty_or_iso2() -> None:
    bad = {r["canonical"]: r["home"] for r in _rows() if r["home"] and not re.fullmatch(r"[A-Z]{2}", r["home"])}
    assert not bad


def test_canonical_names_are_unique() -> None:
    names = [r["canonical"] for r in _rows()]
    assert len(names) == len(set(names)), sorted({n for n in names if names.count(n) > 1})


def test_templated_rows() -> None:
    for row in _rows():
        templated = "{country}" in row["canonical"]
        if row["kind"] in TEMPLATED_KINDS:
            assert templated, f"{row['canonical']}: {row['kind']} are named after the event's country"
        if templated:
            assert row["home"] == "", f"{row['canonical']}: a templated actor has no home country"
            assert row["canonical"].count("{country}") == 1


def test_state_forces_have_a_home() -> None:
    # a templated state actor ("Joint Forces ({country})") is the forces of the event's own country
    bad = [r["canonical"] for r in _rows() if r["kind"] in {"state", "police"} and not r["home"] and "{country}" not in r["canonical"]]
    assert not bad


def test_no_alias_names_two_actors() -> None:
    clashes = {k: sorted(v) for k, v in _alias_index().items() if len(v) > 1}
    assert not clashes, clashes


def test_no_adjective_names_two_actors() -> None:
    index: dict[str, set[str]] = {}
    for row in _rows():
        for adj in _split(row["adjectives"]):
            index.setdefault(_key(adj), set()).add(row["canonical"])
    assert not {k: v for k, v in index.items() if len(v) > 1}


def test_no_duplicate_phrases_within_a_row() -> None:
    for row in _rows():
        for column in ("aliases", "adjectives"):
            keys = [_key(a) for a in _split(row[column])]
            repeated = sorted({k for k in keys if keys.count(k) > 1})
            assert not repeated, (row["canonical"], column, repeated)


@pytest.mark.parametrize("name", GOLD_CANONICALS)
def test_gold_canonicals_present(name: str) -> None:
    assert _resolves(name), f"{name!r} is not in actors.tsv"


@pytest.mark.parametrize(
    ("alias", "canonical"),
    [
        ("قسد", "QSD: Syrian Democratic Forces"),
        ("قوات سوريا الديمقراطية", "QSD: Syrian Democratic Forces"),
        ("جيش الاحتلال", "Military Forces of Israel"),
        ("الاحتلال الاسرائيلي", "Military Forces of Israel"),
        ("إسرائيل", "Military Forces of Israel"),
        ("IDF", "Military Forces of Israel"),
        ("شرطة الاحتلال", "Police Forces of Israel"),
        ("المستوطنين", "Israeli settlers"),
        ("لواء القدس", "Liwa al-Quds"),
        ("سرايا القدس", "Al-Quds Brigades"),
        ("فيلق القدس", "Islamic Revolutionary Guard Corps"),
        ("الحرس الثوري", "Islamic Revolutionary Guard Corps"),
        ("الحرس الثوري الإيراني", "Islamic Revolutionary Guard Corps"),
        ("كتائب القسام", "Al-Qassam Brigades"),
        ("القسام", "Al-Qassam Brigades"),
        ("حماس", "Hamas"),
        ("حركة المقاومة الإسلامية", "Hamas"),
        ("المقاومة الإسلامية", "Hezbollah"),
        ("حزب الله", "Hezbollah"),
        ("كتائب حزب الله", "Kataib Hezbollah"),
        ("المقاومة الإسلامية في العراق", "Islamic Resistance in Iraq"),
        ("المقاومة الإسلامية بالعراق", "Islamic Resistance in Iraq"),
        ("الحشد الشعبي", "PMF: Popular Mobilization Forces"),
        ("المقاومة", "Unidentified Armed Group (Palestine)"),
        ("المقاومة الفلسطينية", "Unidentified Armed Group (Palestine)"),
        ("الدعم السريع", "Rapid Support Forces"),
        ("قوات الدعم السريع", "Rapid Support Forces"),
        ("الجيش السوداني", "Military Forces of Sudan"),
        ("الحوثيين", "Ansar Allah"),
        ("الحوثيون", "Ansar Allah"),
        ("جماعة الحوثي", "Ansar Allah"),
        ("أنصار الله", "Ansar Allah"),
        ("مليشيا الحوثي", "Ansar Allah"),
        ("ميلشيا الحوثي", "Ansar Allah"),
        ("التحالف العربي", "Military Forces of Saudi Arabia"),
        ("التحالف بقيادة السعودية", "Military Forces of Saudi Arabia"),
        ("التحالف الدولي", "Global Coalition Against Daesh"),
        ("داعش", "Islamic State ({country})"),
        ("تنظيم الدولة", "Islamic State ({country})"),
        ("الدولة الإسلامية", "Islamic State ({country})"),
        ("هيئة تحرير الشام", "HTS: Hayat Tahrir al-Sham"),
        ("أسود الشرقية", "Usud al-Sharqiya"),
        ("الفصائل المعارضة", "Syrian opposition factions"),
        ("فصائل المعارضة", "Syrian opposition factions"),
        ("الجيش السوري", "Military Forces of Syria"),
        ("النظام", "Military Forces of Syria"),
        ("قوات النظام", "Military Forces of Syria"),
        ("الجيش التركي", "Military Forces of Turkey"),
        ("القوات الروسية", "Military Forces of Russia"),
        ("روسيا", "Military Forces of Russia"),
        ("القوات الأمريكية", "Military Forces of the United States"),
        ("القوات الأميركية", "Military Forces of the United States"),
        ("وحدات حماية الشعب", "YPG: People's Protection Units"),
        ("حزب العمال الكردستاني", "PKK: Kurdistan Workers Party"),
        ("الأمم المتحدة", "UN: United Nations"),
        ("اليونيفيل", "UNIFIL: United Nations Interim Force in Lebanon"),
        ("مدنيين", "Civilians ({country})"),
        ("المدنيين", "Civilians ({country})"),
        ("متظاهرون", "Protesters ({country})"),
        ("مسلحون مجهولون", "Unidentified Armed Group ({country})"),
        ("طيران مجهول", "Unidentified Military Forces"),
        ("كتيبة جنين", "Jenin Brigade"),
        ("عرين الأسود", "Lions' Den"),
        ("الجبهة الشعبية لتحرير فلسطين", "PFLP: Popular Front for the Liberation of Palestine"),
        ("ولاية سيناء", "Wilayat Sinai"),
        ("حركة الشباب", "Al-Shabaab"),
    ],
)
def test_alias_maps_to(alias: str, canonical: str) -> None:
    assert _alias_index().get(_key(alias)) == {canonical}


@pytest.mark.parametrize(
    ("adjective", "canonical"),
    [
        ("روسية", "Military Forces of Russia"),
        ("إسرائيلي", "Military Forces of Israel"),
        ("اسرائيلية", "Military Forces of Israel"),
        ("أميركية", "Military Forces of the United States"),
        ("تركي", "Military Forces of Turkey"),
        ("حوثي", "Ansar Allah"),
    ],
)
def test_adjective_maps_to(adjective: str, canonical: str) -> None:
    owners = {r["canonical"] for r in _rows() if _key(adjective) in map(_key, _split(r["adjectives"]))}
    assert owners == {canonical}


@pytest.mark.parametrize(
    "word", ["الدولة", "القاعدة", "فتح", "الجيش", "التنظيم", "التحالف", "الشباب", "الحشد", "الجيش الوطني", "UN"]
)
def test_ambiguous_bare_words_are_not_aliases(word: str) -> None:
    assert _key(word) not in _alias_index()


def test_generic_names_take_the_theatres_actor_or_the_places() -> None:
    from rasd.extract.actors import Actor

    joint = Actor("Joint Forces ({country})", "state", "")
    rebels = Actor("Rebels ({country})", "political_militia", "")
    assert [joint.name_in(c) for c in ("Yemen", "Sudan", "Iraq", None)] == [
        "Military Forces of Yemen", "Darfur Joint Force", "Military Forces of Iraq", "Unidentified Military Forces"]
    assert [rebels.name_in(c) for c in ("Yemen", "Saudi Arabia", "Syria", "Iraq")] == [
        "Ansar Allah", "Ansar Allah", "Syrian opposition factions", "Unidentified Armed Group (Iraq)"]
