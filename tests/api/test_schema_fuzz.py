"""Schemathesis against the OpenAPI schema: every answer is one the schema documents, in the shape it says.

Every operation of the whole API (other packages' routers included), with an
admin's token — so write routes are exercised past authentication — and as
anonymous, so every refusal is documented too. The checks:

* no server error (5xx);
* conformance: the status code, the content type, the response headers and
  the body are the ones the schema documents for that status;
* negative data rejected: a request the schema rules out is refused (4xx);
* positive data accepted: a request the schema allows is not refused as
  invalid — but for the operations in :data:`SEMANTIC`, whose refusals depend
  on more than the schema can say;
* a method the path lacks is 405 with an ``Allow`` naming exactly the others;
* a required header left out is refused.

Bounded so the suite stays fast: examples, boundary and negative cases
(schemathesis' coverage phase) and a few generated cases per operation,
derandomised, no shrinking hunt, in-process over ASGI.
"""

from __future__ import annotations

import pytest

schemathesis = pytest.importorskip("schemathesis")

from apikit import populate
from hypothesis import HealthCheck, Phase, settings
from schemathesis.checks import (
    allow_header_conformance,
    content_type_conformance,
    missing_required_header,
    negative_data_rejection,
    not_a_server_error,
    positive_data_acceptance,
    response_headers_conformance,
    response_schema_conformance,
    status_code_conformance,
    unsupported_method,
)

from rasd.api import create_app
from rasd.store import open_store

# A schema-valid request these refuse on grounds no JSON schema states: an e-mail channel's target must be an
# address and a webhook's a public host (resolved at delivery); a register entry may link only an event that exists.
SEMANTIC = frozenset({"POST /api/v1/alerts/subscriptions", "POST /api/v1/casualties"})
CHECKS = [
    not_a_server_error, status_code_conformance, content_type_conformance, response_headers_conformance,
    response_schema_conformance, negative_data_rejection, allow_header_conformance, unsupported_method,
    missing_required_header,
]  # fmt: skip

_store = open_store(":memory:")
_tokens, _ = populate(_store)
schema = schemathesis.openapi.from_asgi("/api/v1/openapi.json", create_app(_store, web=False))


@pytest.mark.parametrize("who", ["admin", None])
@schema.parametrize()
@settings(max_examples=6, deadline=None, phases=[Phase.explicit, Phase.generate], suppress_health_check=list(HealthCheck), derandomize=True, database=None)
def test_answers_conform(case: schemathesis.Case, who: str | None) -> None:
    headers = {"Authorization": f"Bearer {_tokens[who]}"} if who else {}
    checks = CHECKS if case.operation.label in SEMANTIC else [*CHECKS, positive_data_acceptance]
    case.call_and_validate(headers=headers, checks=checks)
