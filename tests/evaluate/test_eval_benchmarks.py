"""Every benchmark script follows the protocol run_all.py relies on (benchmarks/README.md); none is run here."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

BENCHMARKS = Path(__file__).resolve().parents[2] / "benchmarks"
SCRIPTS = sorted(BENCHMARKS.glob("bench_*.py"))


@pytest.mark.parametrize("script", SCRIPTS, ids=[p.name for p in SCRIPTS])
def test_defines_run_without_arguments_and_says_what_it_measures(script: Path) -> None:
    tree = ast.parse(script.read_text(encoding="utf-8"))
    assert ast.get_docstring(tree), f"{script.name} needs a module docstring saying what it measures"
    runs = [n for n in tree.body if isinstance(n, ast.FunctionDef) and n.name == "run"]
    assert runs, f"{script.name} must define run() -> list[dict]"
    args = runs[0].args
    assert len(args.args) == len(args.defaults), "run() must be callable without arguments"


def test_readme_documents_the_protocol() -> None:
    readme = (BENCHMARKS / "README.md").read_text(encoding="utf-8")
    for key in ("benchmark", "metric", "value", "unit", "ratio", "note", "run_all.py"):
        assert f"`{key}`" in readme
