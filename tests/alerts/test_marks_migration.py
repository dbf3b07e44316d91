"""Migration 0007 marks old outbox rows with its own frozen copy of the report identity: it must agree with alerting's."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

import pytest

import rasd.store
from rasd.alerts.outbox import IDENTITY_FIELDS, report_identity

MIGRATION = Path(rasd.store.__file__).resolve().parent / "migrations" / "versions" / "0007_alert_marks.py"


def _migration() -> ModuleType:
    spec = importlib.util.spec_from_file_location("rasd_migration_0007", MIGRATION)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize(
    "report",
    [
        {"event_date": "2023-10-10", "event_type": "Battles", "country": "Syria", "admin1": "Deir ez-Zor", "location": "الشولا"},
        {"event_date": "2023-10-10", "event_type": "Protests", "country": None, "fatalities": 3},
        {},
    ],
)
def test_the_frozen_identity_is_alertings(report: dict) -> None:
    frozen = _migration()
    assert frozen.IDENTITY_FIELDS == IDENTITY_FIELDS
    assert frozen.report_identity("aj-1", report) == report_identity("aj-1", report)
    assert frozen.report_identity("aj-1", report) != frozen.report_identity("aj-2", report)
