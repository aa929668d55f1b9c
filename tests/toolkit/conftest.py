from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from django.utils import translation

from samskapa.projects.models import Project


@pytest.fixture(autouse=True)
def _english(client: Any) -> Iterator[None]:
    # Messages are asserted in English: the test and the pages it requests speak English.
    client.cookies["samskapa_language"] = "en"
    with translation.override("en"):
        yield


@pytest.fixture
def as_role(client_as: Any) -> Any:
    def login(role: str) -> Any:
        client = client_as(role)
        client.cookies["samskapa_language"] = "en"
        return client

    return login


@pytest.fixture
def project(db: Any) -> Project:
    """The member's project (projekt@ leads 23-012-S01)."""
    return Project.objects.get(number="23-012-S01")


@pytest.fixture
def other_project(db: Any) -> Project:
    """other_member's project (projekt2@ leads 23-019-S01)."""
    return Project.objects.get(number="23-019-S01")


@pytest.fixture
def empty_project(db: Any) -> Project:
    """A project whose tools are all empty."""
    from samskapa.toolkit import registry

    project = Project.objects.get(number="23-012-S01")
    for part in registry.parts():
        part.model._default_manager.filter(project=project).delete()
    project.self_assessments.all().delete()
    return project
