"""Query-count helper: a list page must cost the same number of queries for 1 and 3 items."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.db import connection
from django.test.utils import CaptureQueriesContext


def count_queries(request: Callable[[], Any]) -> int:
    with CaptureQueriesContext(connection) as context:
        response = request()
    assert response.status_code == 200, response.status_code
    return len(context.captured_queries)
