"""The store is a lower layer: no module under rasd/store imports alerting, the API, the web app or the exporters.

Function-level imports count too (a circle hidden inside a function is still a circle);
what the store has to tell higher layers goes through plugin hooks (``rasd.plugins``).
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

import rasd.store

STORE = Path(rasd.store.__file__).resolve().parent
HIGHER = ("rasd.alerts", "rasd.api", "rasd.web", "rasd.export")


def imported_modules(source: str) -> set[str]:
    """Every absolute module a source imports, wherever the import statement stands."""
    out: set[str] = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            out.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            out.add(node.module)
            out.update(f"{node.module}.{alias.name}" for alias in node.names)
    return out


def _reaches_up(modules: set[str]) -> list[str]:
    return sorted(m for m in modules if any(m == h or m.startswith(h + ".") for h in HIGHER))


@pytest.mark.parametrize("path", sorted(STORE.rglob("*.py")), ids=lambda p: str(p.relative_to(STORE)))
def test_store_module_does_not_import_a_higher_layer(path: Path) -> None:
    assert _reaches_up(imported_modules(path.read_text(encoding="utf-8"))) == []


def test_the_walk_sees_imports_inside_functions() -> None:
    hidden = "def save():\n    from rasd.alerts.outbox import enqueue_alerts\n    import rasd.api.app\n"
    assert _reaches_up(imported_modules(hidden)) == ["rasd.alerts.outbox", "rasd.alerts.outbox.enqueue_alerts", "rasd.api.app"]
    assert _reaches_up(imported_modules("from rasd import api\n")) == ["rasd.api"]
