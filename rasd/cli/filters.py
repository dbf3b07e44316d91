"""The event filter as command-line options, made from :class:`~rasd.store.filters.EventFilter`'s fields.

Every command that selects events (``rasd export``, ``rasd audit sample``)
takes the same options with the same meanings, one per field of the filter
(docs/filters.md): ``--country``, ``--admin1``, ``--admin2``, ``--event-type``,
``--sub-event-type``, ``--actor``, ``--source``, ``--from``, ``--to``,
``--min-fatalities``, ``--bbox``, ``--polygon``, ``--review-status``, ``--q``;
the list options repeat (any of their values).
"""

from __future__ import annotations

import functools
import inspect
from collections.abc import Callable
from dataclasses import Field, fields
from typing import Annotated, Any

import typer

from rasd.errors import RasdError
from rasd.store.filters import EventFilter

__all__ = ["with_filter_options"]

#: The options named otherwise than ``--`` and the field's name with hyphens: dates as ``rasd export`` always wrote them.
_FLAGS = {"date_from": "--from", "date_to": "--to"}
_METAVARS = {"names": "NAME", "statuses": "STATUS", "day": "YYYY[-MM[-DD]]", "count": "N", "bbox": "W,S,E,N",
             "polygon": "LON,LAT;LON,LAT;…", "text": "WORDS"}
_LISTS = ("names", "statuses")


def _option(f: Field[Any]) -> inspect.Parameter:
    kind = f.metadata["kind"]
    many = kind in _LISTS
    annotation: Any = list[str] | None if many else int | None if kind == "count" else str | None
    option = typer.Option(_FLAGS.get(f.name, "--" + f.name.replace("_", "-")), metavar=_METAVARS[kind], show_default=False,
                          help=f.metadata["doc"] + (" Repeatable: any of them." if many else ""), rich_help_panel="Which events (docs/filters.md)")
    return inspect.Parameter(f.name, inspect.Parameter.KEYWORD_ONLY, default=None, annotation=Annotated[annotation, option])


def with_filter_options(command: Callable[..., None]) -> Callable[..., None]:
    """``command`` taking the filter's options; it receives the filter they give as ``f`` (a bad value: one error line, exit status 2)."""
    names = [f.name for f in fields(EventFilter)]

    @functools.wraps(command)
    def run(**options: Any) -> None:
        try:
            f = EventFilter.parse({name: options.pop(name) for name in names})
        except RasdError as exc:
            typer.echo(f"error: {exc}", err=True)
            raise typer.Exit(2) from None
        command(f=f, **options)

    own = [p for p in inspect.signature(command, eval_str=True).parameters.values() if p.name != "f"]
    run.__signature__ = inspect.Signature([*own, *(_option(f) for f in fields(EventFilter))])  # type: ignore[attr-defined]
    return run
