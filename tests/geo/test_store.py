"""Gazetteer files: malformed rows are DataErrors that name the file and line; paths resolve as documented."""

from __future__ import annotations

from pathlib import Path

import pytest

from rasd.errors import DataError
from rasd.geo.model import PLACE_COLUMNS, Place
from rasd.geo.store import packaged, read_places, user_gazetteer_path, write_places

GOOD = ["t:1", "village", "Testville", "قرية التجربة", "SY", "Idlib", "", "", "35.1", "36.2", "", "1", "", "user", "", ""]


def _write(tmp_path: Path, *rows: list[str], header: tuple[str, ...] = PLACE_COLUMNS) -> Path:
    path = tmp_path / "g.tsv"
    path.write_text("# note\n" + "\t".join(header) + "\n" + "".join("\t".join(r) + "\n" for r in rows), encoding="utf-8")
    return path


def test_round_trip(tmp_path: Path) -> None:
    place = read_places(_write(tmp_path, GOOD))[0]
    assert (place.name_ar, place.approximate, place.latitude) == ("قرية التجربة", True, 35.1)
    out = tmp_path / "out.tsv"
    with out.open("w", encoding="utf-8") as handle:
        write_places(handle, [place], ["source: test"])
    assert read_places(out) == [place]


@pytest.mark.parametrize(
    "row,message",
    [
        (GOOD[:5], "fields"),
        ([*GOOD[:1], "castle", *GOOD[2:]], "unknown kind"),
        ([*GOOD[:8], "north", *GOOD[9:]], "not a number"),
        ([*GOOD[:8], "135", *GOOD[9:]], "out of range"),
        ([*GOOD[:2], "", "", *GOOD[4:]], "needs a name"),
    ],
)
def test_malformed_rows(tmp_path: Path, row: list[str], message: str) -> None:
    with pytest.raises(DataError, match=message) as info:
        read_places(_write(tmp_path, row))
    assert "g.tsv" in str(info.value)


def test_missing_columns(tmp_path: Path) -> None:
    with pytest.raises(DataError, match="missing columns"):
        read_places(_write(tmp_path, GOOD[:3], header=PLACE_COLUMNS[:3]))


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(DataError, match="cannot open"):
        read_places(tmp_path / "nope.tsv")


def test_user_path_precedence(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("RASD_GAZETTEER", str(tmp_path / "env.tsv"))
    assert user_gazetteer_path(tmp_path / "arg.tsv") == tmp_path / "arg.tsv"
    assert user_gazetteer_path() == tmp_path / "env.tsv"
    monkeypatch.delenv("RASD_GAZETTEER")
    assert user_gazetteer_path().name == "gazetteer.tsv"


def test_shipped_files_record_source_and_licence() -> None:
    head = packaged("gazetteer.tsv").read_text(encoding="utf-8")[:2000]
    assert "CC BY 4.0" in head and "open-syria" in head and "GeoNames" in head
    assert packaged("gazetteer.tsv").stat().st_size < 5_000_000
    supplement = read_places(packaged("places_supplement.tsv"))
    assert len(supplement) > 200 and all(p.note for p in supplement)


def test_supplement_has_the_named_places() -> None:
    names = {p.name for p in read_places(packaged("places_supplement.tsv"))}
    for name in ["Ash Shula", "Kabajab", "Deir ez-Zor Military Airport", "Hama Military Airport", "Hmeimim Airbase",
                 "Tiyas Airbase", "Mezzeh Military Airport", "Nuseirat Camp", "Jenin Camp", "Jabalia Camp",
                 "Al-Shati Camp", "Bureij Camp", "Maghazi Camp", "Nur Shams Camp", "Tulkarm Camp", "Balata Camp",
                 "Al-Hol Camp", "Yarmouk Camp", "Dahieh", "Haret Hreik", "Ghobeiry", "Eastern Ghouta", "Galilee"]:  # fmt: skip
        assert name in names, name


def test_place_names_lists_every_spelling() -> None:
    p = Place("x", "town", "Doma", "دوما", "SY", None, None, None, 0.0, 0.0, aliases=("Duma",))
    assert p.names() == ["دوما", "Doma", "Duma"]
