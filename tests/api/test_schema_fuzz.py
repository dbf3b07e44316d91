"""Schemathesis against the OpenAPI schema: no request it can make gets a server error (5xx).

Bounded so the suite stays fast: a few examples per operation, no shrinking
hunt, run in-process over ASGI with a reviewer's token so write routes are
exercised past authentication too.
"""

from __future__ import annotations

import pytest

schemathesis = pytest.importorskip("schemathesis")

from apikit import populate
from hypothesis import HealthCheck, Phase, settings
from schemathesis.checks import not_a_server_error

from rasd.api import create_app
from rasd.store import open_store

_store = open_store(":memory:")
_tokens, _ = populate(_store)
schema = schemathesis.openapi.from_asgi("/api/v1/openapi.json", create_app(_store, web=False))


@schema.parametrize()
@settings(max_examples=8, deadline=None, phases=[Phase.generate], suppress_health_check=list(HealthCheck), derandomize=True)
def test_no_server_errors(case: schemathesis.Case) -> None:
    case.call_and_validate(headers={"Authorization": f"Bearer {_tokens['rana']}"}, checks=[not_a_server_error])
