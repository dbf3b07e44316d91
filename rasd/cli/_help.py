"""Help pages without Typer's type tags.

Typer 0.2x prints a tag after every parameter (``--help <bool>``, ``--role
<str>``). A flag takes no value, so it gets no tag; the others get click's
plain labels (``TEXT``, ``INTEGER``), and an explicit ``metavar`` still wins.
"""

from __future__ import annotations

from typing import Any

from typer import core

__all__ = ["plain_type_labels"]

_NAMES = {"str": "TEXT", "int": "INTEGER", "float": "FLOAT", "Path": "PATH"}


def plain_type_labels() -> None:
    """Install the labels on Typer's parameters (idempotent)."""
    tagged = core._TyperParameter.display_type
    if getattr(tagged, "rasd_plain", False):
        return

    def display_type(self: Any, ctx: Any) -> str:
        if getattr(self, "is_flag", False):
            return ""
        label = str(tagged(self, ctx)).removeprefix("<").removesuffix(">")
        return _NAMES.get(label, label if "|" in label else label.upper())

    display_type.rasd_plain = True  # type: ignore[attr-defined]
    core._TyperParameter.display_type = display_type  # type: ignore[method-assign]
