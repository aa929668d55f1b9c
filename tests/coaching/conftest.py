from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from django.utils import translation


@pytest.fixture(autouse=True)
def _english(client: Any) -> Iterator[None]:
    # Messages are asserted in English: the test and the pages it requests speak English.
    client.cookies["samskapa_language"] = "en"
    with translation.override("en"):
        yield


@pytest.fixture
def as_role(client_as: Any) -> Any:
    """client_as, keeping English (logging in and out clears the cookies)."""

    def login(role: str) -> Any:
        client = client_as(role)
        client.cookies["samskapa_language"] = "en"
        return client

    return login
