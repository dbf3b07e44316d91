"""The registered component names and the default order are part of the public contract."""

import pytest

from rasd.doc import Doc
from rasd.errors import PipelineError
from rasd.extract.registry import COMPONENTS, DEFAULT_PIPELINE
from rasd.pipeline import Pipeline


def test_registered_names_are_pinned():
    assert list(COMPONENTS) == ["clean", "normalize", "segment", "quotes", "triggers", "actors", "dates", "casualties", "scope", "eventness", "victims", "places", "assemble", "judge", "calibrate"]
    assert DEFAULT_PIPELINE == tuple(COMPONENTS)


def test_misordered_pipeline_is_refused_when_built():
    with pytest.raises(PipelineError, match="needs"):
        Pipeline.from_names(["normalize", "clean"], COMPONENTS)


def test_unknown_component_is_named():
    with pytest.raises(PipelineError, match="nope"):
        Pipeline.from_names(["clean", "nope"], COMPONENTS)


def test_partial_pipeline_runs():
    doc = Pipeline.from_names(["clean", "normalize", "segment"], COMPONENTS)(Doc(text="عنوان\n\nجملة أولى. جملة ثانية، فيها فاصلة."))
    assert len(doc.sentences) == 3 and len(doc.clauses) == 4
