"""Fixtures for test folders that assert messages in English (their conftest imports them)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
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
def login(client_for: Any) -> Callable[[Any], Any]:
    """login(user) → client_for(user), still in English (logging in clears the cookies)."""

    def english(user: Any) -> Any:
        client = client_for(user)
        client.cookies["samskapa_language"] = "en"
        return client

    return english
