from __future__ import annotations

from typing import Any

import pytest

from samskapa.accounts.models import User
from samskapa.projects.models import Project
from tests.english import _english, login
from tests.factories import toolkit as make
from tests.factories.projects import ProjectFactory, lead_of

__all__ = ["_english", "login"]


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


@pytest.fixture
def member(project: Project) -> User:
    """The person who leads `project`."""
    return lead_of(project)


@pytest.fixture
def other_member(other_project: Project) -> User:
    return lead_of(other_project)
