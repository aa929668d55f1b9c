from __future__ import annotations

from typing import Any

import pytest

from samskapa.projects.models import Project
from tests.factories import toolkit as make
from tests.factories.projects import ProjectFactory
from tests.fixtures import _english, login, member, other_member

__all__ = ["_english", "login", "member", "other_member"]


@pytest.fixture
def project(db: Any) -> Project:
    """A project with empty tools and three partner organisations besides its owner."""
    project = ProjectFactory()
    for _ in range(3):
        make.partner(project)
    return project


@pytest.fixture
def other_project(db: Any) -> Project:
    return ProjectFactory()
