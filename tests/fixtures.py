"""Fixtures the app folders share (their conftest imports the ones it uses): English pages,
`login(user)`, a clock fixed at NOW, and the people who lead the folder's `project` and
`other_project` (each folder builds those two its own way)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from django.utils import translation

from samskapa.accounts.models import User
from samskapa.projects.models import Project
from tests.factories.projects import lead_of

NOW = datetime(2026, 11, 10, 10, 0, tzinfo=ZoneInfo("Europe/Stockholm"))


@pytest.fixture(autouse=True)
def _english(client: Any) -> Iterator[None]:
    # Messages are asserted in English: the test speaks English, so the addresses it reverses
    # are the English ones (/en/…) and the pages it requests speak English.
    with translation.override("en"):
        yield


@pytest.fixture
def login(client_for: Any) -> Callable[[Any], Any]:
    """login(user) → client_for(user); the test's addresses are the English ones (/en/…)."""

    def english(user: Any) -> Any:
        return client_for(user)

    return english


class EnglishClient:
    """A test client that asks for each page's English address: in_english(client).get(url)
    requests /en/<url> (the address decides the language: docs/architecture.md)."""

    def __init__(self, client: Any) -> None:
        self._client = client

    @staticmethod
    def _english(path: str) -> str:
        return path if path.startswith("/en/") else "/en" + path

    def get(self, path: str, *args: Any, **kwargs: Any) -> Any:
        return self._client.get(self._english(path), *args, **kwargs)

    def post(self, path: str, *args: Any, **kwargs: Any) -> Any:
        return self._client.post(self._english(path), *args, **kwargs)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._client, name)


def in_english(client: Any) -> EnglishClient:
    return EnglishClient(client)


@pytest.fixture
def now(time_machine: Any) -> datetime:
    """The clock moved to NOW (and ticking on from there)."""
    time_machine.move_to(NOW)
    return NOW


@pytest.fixture
def member(project: Project) -> User:
    """The person who leads `project`."""
    return lead_of(project)


@pytest.fixture
def other_member(other_project: Project) -> User:
    """The person who leads `other_project`."""
    return lead_of(other_project)
