"""Schemathesis against the API's own OpenAPI schema, in process through Django's WSGI
application: for generated requests to every operation (valid and invalid parameters) no
answer is a server error, and every documented answer conforms to the schema (body, content
type, headers). Runs in `make test`; it is not a browser test."""

from __future__ import annotations

import datetime
import json
from typing import Any

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from django.utils import timezone
from drf_spectacular.generators import SchemaGenerator
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
)

from tests.api.data import published_world

CHECKS = [
    not_a_server_error,
    response_schema_conformance,
    content_type_conformance,
    response_headers_conformance,
]


def _generated_schema() -> Any:
    """The schema /api/v1/schema/ serves (test_api.py checks that it is the same), generated
    at collection without a request: serving it would count in the throttle's cache table,
    which the database is not open for yet."""
    document = SchemaGenerator().get_schema(request=None, public=True)
    loaded = schemathesis.openapi.from_dict(json.loads(json.dumps(document, default=str)))
    loaded.app = get_wsgi_application()  # requests go through Django's WSGI app in process
    return loaded


schema = _generated_schema()


@pytest.fixture(autouse=True)
def _published(db: Any, settings: Any) -> Any:
    settings.SAMSKAPA_API_RATE = "100000/min"  # throttling is tested on its own
    published_world(timezone.localdate() - datetime.timedelta(days=30))
    # As Django's test client does: the WSGI app must not close the test's connection at the
    # end of each request (it would, inside the test's transaction, on PostgreSQL).
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@schema.parametrize()
@settings(
    max_examples=30,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
def test_the_api_conforms_to_its_schema(case: Any) -> None:
    case.call_and_validate(checks=CHECKS)
