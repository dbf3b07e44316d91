"""Schemathesis against the OpenAPI schema: no request it can make gets a server error (5xx).

Bounded so the suite stays fast: a few examples per operation, no shrinking
hunt, run in-process over ASGI three times — with an admin's token and a
reviewer's, so write routes are exercised past authentication, and as
anonymous, so every refusal is clean too.
"""

from __future__ import annotations

import pytest

schemathesis = pytest.importorskip("schemathesis")

from apikit import populate
from hypothesis import HealthCheck, Phase, settings
from schemathesis.checks import allow_header_conformance, not_a_server_error

from rasd.api import create_app
from rasd.store import open_store

_store = open_store(":memory:")
_tokens, _ = populate(_store)
schema = schemathesis.openapi.from_asgi("/api/v1/openapi.json", create_app(_store, web=False))


@pytest.mark.parametrize("who", ["admin", "rana", None])
@schema.parametrize()
@settings(max_examples=8, deadline=None, phases=[Phase.generate], suppress_health_check=list(HealthCheck), derandomize=True)
def test_no_server_errors(case: schemathesis.Case, who: str | None) -> None:
    headers = {"Authorization": f"Bearer {_tokens[who]}"} if who else {}
    case.call_and_validate(headers=headers, checks=[not_a_server_error, allow_header_conformance])
