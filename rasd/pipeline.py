"""Assemble named components into a pipeline and check it before it runs.

A component is any callable ``Doc -> Doc`` with a ``name`` and the layers it
``requires`` and ``sets``. :class:`Pipeline` refuses an order in which a
component needs a layer no earlier component sets — the mistake shows up
when the pipeline is built, not as a wrong answer later.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import Protocol, runtime_checkable

from rasd.doc import Doc
from rasd.errors import PipelineError

__all__ = ["Component", "Pipeline"]


@runtime_checkable
class Component(Protocol):
    """A pipeline stage: takes the document, adds its layer, returns it."""

    name: str
    requires: tuple[str, ...]
    sets: tuple[str, ...]

    def __call__(self, doc: Doc) -> Doc: ...


class Pipeline:
    """Run components in order over a :class:`~rasd.doc.Doc`."""

    def __init__(self, components: Sequence[Component]) -> None:
        available: set[str] = {"text"}
        for component in components:
            missing = [r for r in component.requires if r not in available]
            if missing:
                raise PipelineError(f"component {component.name!r} needs {missing} which no earlier component sets")
            available.update(component.sets)
        self.components = list(components)

    @property
    def names(self) -> list[str]:
        """Component names in run order."""
        return [c.name for c in self.components]

    def __call__(self, doc: Doc) -> Doc:
        for component in self.components:
            doc = component(doc)
        return doc

    def pipe(self, docs: Iterable[Doc]) -> Iterable[Doc]:
        """Process a stream of documents lazily."""
        for doc in docs:
            yield self(doc)

    @classmethod
    def from_names(cls, names: Iterable[str], registry: dict[str, Callable[[], Component]]) -> Pipeline:
        """Build from registered component names."""
        unknown = [n for n in names if n not in registry]
        if unknown:
            raise PipelineError(f"unknown components {unknown}; registered: {sorted(registry)}")
        return cls([registry[n]() for n in names])
