"""JSON straight from rows: the read endpoints' fast path.

FastAPI would validate each row against its response model and encode it
through ``jsonable_encoder``; for a page of events that costs more than the
query. Rows here come from our own tables, so they are dumped as they are
with orjson (datetimes become ISO 8601), and the routes declare their
models for the OpenAPI schema only.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import orjson
from fastapi.responses import Response

__all__ = ["JSON", "json_response", "row"]


class JSON(Response):
    """An ``application/json`` response whose body is already encoded."""

    media_type = "application/json"


def json_response(data: Any, *, status_code: int = 200, media_type: str | None = None, headers: Mapping[str, str] | None = None) -> Response:
    """Encode ``data`` with orjson into a response."""
    return JSON(orjson.dumps(data, option=orjson.OPT_NON_STR_KEYS), status_code=status_code, media_type=media_type, headers=headers)


def row(r: Any) -> dict[str, Any]:
    """A SQLAlchemy row as a plain dict."""
    return dict(r._mapping)
