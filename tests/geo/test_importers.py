"""`rasd gazetteer import` formats: GeoNames dump + alternateNamesV2, OCHA P-code CSV and XLSX."""

from __future__ import annotations

from pathlib import Path

import pytest

from rasd.errors import InputError
from rasd.geo import Geocoder
from rasd.geo.importers import import_geonames, import_ocha, save_user_places
from rasd.geo.index import Gazetteer
from rasd.geo.store import read_places

# Invented places in the exact GeoNames dump layout (19 tab-separated columns).
DUMP = [
    ["9900001", "Tall al Ward", "Tall al Ward", "Tal al-Ward,Tell el Ward", "35.20000", "40.10000", "P", "PPL", "SY",
     "", "07", "", "", "", "0", "", "230", "Asia/Damascus", "2024-01-01"],
    ["9900002", "Jabal Tajriba", "Jabal Tajriba", "", "35.30000", "40.20000", "T", "MT", "SY",
     "", "07", "", "", "", "0", "", "400", "Asia/Damascus", "2024-01-01"],
    ["9900003", "Matar Tajriba", "Matar Tajriba", "", "35.25000", "40.15000", "S", "AIRB", "SY",
     "", "07", "", "", "", "0", "", "220", "Asia/Damascus", "2024-01-01"],
]  # fmt: skip
# alternateNamesV2: id, geonameid, language, name, preferred, short, colloquial, historic, from, to
ALTERNATES = [
    ["1", "9900001", "ar", "تل الورد", "1", "", "", "", "", ""],
    ["2", "9900001", "en", "Tal Ward", "", "", "", "", "", ""],
    ["3", "9900003", "ar", "مطار التجربة العسكري", "", "", "", "", "", ""],
    ["4", "1234567", "ar", "مكان آخر", "", "", "", "", "", ""],
]
OCHA_HEADER = ["admin0Name_en", "admin0Pcode", "admin1Name_en", "admin1Name_ar", "admin1Pcode", "admin2Name_en",
               "admin2Pcode", "admin3Name_en", "admin3Pcode", "admin4Name_en", "admin4Name_ar", "admin4Pcode",
               "latitude", "longitude"]  # fmt: skip
OCHA_ROWS = [
    ["Syrian Arab Republic", "SY", "Deir-ez-Zor", "دير الزور", "SY09", "Deir-ez-Zor", "SY0901", "Muhasan", "SY090102",
     "Zahrat al-Tajriba", "زهرة التجربة", "C9999", "35.18", "40.33"],
    ["Syrian Arab Republic", "SY", "Idleb", "إدلب", "SY07", "Harim", "SY0703", "Dana", "SY070301",
     "Kafr Tajriba", "كفر تجربة", "C9998", "36.2", "36.7"],
]  # fmt: skip


def _tsv(path: Path, rows: list[list[str]]) -> Path:
    path.write_text("".join("\t".join(r) + "\n" for r in rows), encoding="utf-8")
    return path


def test_geonames_dump_with_arabic_names(tmp_path: Path) -> None:
    places = import_geonames(_tsv(tmp_path / "SY.txt", DUMP), _tsv(tmp_path / "alternateNamesV2.txt", ALTERNATES))
    by_id = {p.id: p for p in places}
    assert set(by_id) == {"gn:9900001", "gn:9900003"}  # the mountain is not a kind the geocoder uses
    village = by_id["gn:9900001"]
    assert (village.name_ar, village.admin1, village.kind) == ("تل الورد", "Deir ez-Zor", "village")
    assert village.admin2 and village.admin3  # nearest open-syria sub-district
    assert by_id["gn:9900003"].kind == "airport"


def test_geonames_bad_dump(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="19"):
        import_geonames(_tsv(tmp_path / "bad.txt", [["1", "x", "y"]]))
    with pytest.raises(InputError, match="coordinates"):
        import_geonames(_tsv(tmp_path / "bad2.txt", [[*DUMP[0][:4], "north", *DUMP[0][5:]]]))
    with pytest.raises(InputError, match="cannot open"):
        import_geonames(tmp_path / "missing.txt")


def test_ocha_csv(tmp_path: Path) -> None:
    path = tmp_path / "syr_adm4.csv"
    path.write_text("\n".join(",".join(r) for r in [OCHA_HEADER, *OCHA_ROWS]) + "\n", encoding="utf-8")
    places = import_ocha(path)
    assert [p.id for p in places] == ["ocha:C9999", "ocha:C9998"]
    first = places[0]
    assert (first.kind, first.name_ar, first.country) == ("village", "زهرة التجربة", "SY")
    assert first.admin1 == "Deir ez-Zor"  # the P-code maps OCHA's "Deir-ez-Zor" to the project's spelling
    assert (first.admin2, first.admin3) == ("Deir-ez-Zor", "Muhasan")


def test_ocha_xlsx(tmp_path: Path) -> None:
    openpyxl = pytest.importorskip("openpyxl", reason="openpyxl is the optional XLSX reader")
    book = openpyxl.Workbook()
    sheet = book.active
    for row in [OCHA_HEADER, *OCHA_ROWS]:
        sheet.append([float(c) if c.replace(".", "").isdigit() and "." in c else c for c in row])
    book.save(tmp_path / "syr_adm4.xlsx")
    places = import_ocha(tmp_path / "syr_adm4.xlsx")
    assert [p.name_ar for p in places] == ["زهرة التجربة", "كفر تجربة"]
    assert places[1].latitude == pytest.approx(36.2)


@pytest.mark.parametrize(
    "content,message",
    [("", "empty"), ("name,lat\nx,1\n", "adminN"), (",".join(OCHA_HEADER) + "\n" + ",".join([*OCHA_ROWS[0][:-2], "a", "b"]), "not numbers")],
)
def test_ocha_bad_files(tmp_path: Path, content: str, message: str) -> None:
    path = tmp_path / "bad.csv"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(InputError, match=message):
        import_ocha(path)


def test_bad_xlsx(tmp_path: Path) -> None:
    pytest.importorskip("openpyxl")
    path = tmp_path / "bad.xlsx"
    path.write_bytes(b"not a zip")
    with pytest.raises(InputError, match="XLSX"):
        import_ocha(path)


def test_imported_places_are_geocoded(tmp_path: Path) -> None:
    user = tmp_path / "user.tsv"
    save_user_places(import_geonames(_tsv(tmp_path / "SY.txt", DUMP), _tsv(tmp_path / "alt.txt", ALTERNATES)), user, "SY.txt")
    path = tmp_path / "adm4.csv"
    path.write_text("\n".join(",".join(r) for r in [OCHA_HEADER, *OCHA_ROWS]) + "\n", encoding="utf-8")
    total = save_user_places(import_ocha(path), user, "adm4.csv")
    assert total == 4 == len(read_places(user))
    assert save_user_places(import_ocha(path), user, "adm4.csv") == 4  # importing again replaces, never duplicates
    geocoder = Geocoder(Gazetteer.load(user))
    best = geocoder.geocode("قصف على قرية تل الورد في ريف دير الزور")[0]
    assert (best.name, best.source, best.admin1) == ("Tall al Ward", "user", "Deir ez-Zor")
    assert geocoder.geocode("بلدة كفر تجربة")[0].admin1 == "Idlib"
    assert geocoder.geocode("مطار التجربة العسكري")[0].kind == "airport"
