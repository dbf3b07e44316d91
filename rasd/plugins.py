"""Rasd's extension points: pluggy hooks for exporters, alert channels, CLI commands and saved events.

Rasd's own exporters and channels are *default plugins*, registered through
the same hooks a third-party package uses, so nothing built in is special.
A package adds a plugin with an entry point in the ``rasd`` group::

    [project.entry-points.rasd]
    myplugin = "my_package.rasd_plugin"

and implements any of the hooks below with ``@rasd.plugins.hookimpl``.
"""

from __future__ import annotations

import importlib
from functools import cache
from typing import TYPE_CHECKING, Any

import pluggy

if TYPE_CHECKING:
    from sqlalchemy import Connection

    from rasd.alerts.channels import Channel
    from rasd.export.formats import Exporter

__all__ = [
    "DEFAULT_PLUGINS",
    "alert_channels",
    "event_saved",
    "exporters",
    "hookimpl",
    "hookspec",
    "plugin_manager",
    "register_commands",
]

hookspec = pluggy.HookspecMarker("rasd")
hookimpl = pluggy.HookimplMarker("rasd")

#: Modules that ship with Rasd and implement its hooks.
DEFAULT_PLUGINS: tuple[str, ...] = ("rasd.export.formats", "rasd.alerts.channels", "rasd.alerts.outbox")


class RasdSpecs:
    """The hook specifications (each returns a list; pluggy gathers one per plugin)."""

    @hookspec
    def register_exporters(self) -> list[Exporter]:
        """Export formats this plugin provides."""
        raise NotImplementedError

    @hookspec
    def register_alert_channels(self) -> list[Channel]:
        """Alert delivery channels (e-mail, webhook, …) this plugin provides."""
        raise NotImplementedError

    @hookspec
    def register_commands(self, app: Any) -> None:
        """Add commands to the ``rasd`` Typer app."""

    @hookspec
    def event_saved(self, conn: Connection, event_id: int, merged: bool) -> None:
        """An ingested report created (``merged`` false) or merged into event ``event_id``, inside the saving transaction."""


@cache
def plugin_manager() -> pluggy.PluginManager:
    """The process's plugin manager: default plugins, then installed ``rasd`` entry points."""
    pm = pluggy.PluginManager("rasd")
    pm.add_hookspecs(RasdSpecs)
    for name in DEFAULT_PLUGINS:
        pm.register(importlib.import_module(name), name=name)
    pm.load_setuptools_entrypoints("rasd")
    return pm


def exporters() -> dict[str, Exporter]:
    """Every export format by name (a later plugin may not shadow a built-in name)."""
    out: dict[str, Exporter] = {}
    for group in reversed(plugin_manager().hook.register_exporters()):
        for exporter in group:
            out.setdefault(exporter.name, exporter)
    return out


def alert_channels() -> dict[str, Channel]:
    """Every alert channel by name."""
    out: dict[str, Channel] = {}
    for group in reversed(plugin_manager().hook.register_alert_channels()):
        for channel in group:
            out.setdefault(channel.name, channel)
    return out


def register_commands(app: Any) -> None:
    """Let plugins add their commands to the ``rasd`` app."""
    plugin_manager().hook.register_commands(app=app)


def event_saved(conn: Connection, event_id: int, *, merged: bool) -> None:
    """Tell every plugin that a saved document created or merged into ``event_id`` (the store calls this)."""
    plugin_manager().hook.event_saved(conn=conn, event_id=event_id, merged=merged)
