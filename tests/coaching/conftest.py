"""The member's `project`, coached by `coach` (a session a week ago), and another project
led by `other_member`. Every test that uses them starts at NOW (tests/fixtures.py)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

import pytest

from samskapa.accounts.enums import StaffRole
from samskapa.accounts.models import User
from samskapa.coaching.models import Session
from samskapa.projects.models import Project
from tests.factories.accounts import staff
from tests.factories.coaching import SessionFactory, coach_of
from tests.factories.projects import ProjectFactory
from tests.fixtures import _english, login, member, now, other_member

__all__ = ["_english", "login", "member", "now", "other_member"]


@pytest.fixture
def project(db: Any, now: datetime) -> Project:
    return ProjectFactory()


@pytest.fixture
def other_project(db: Any, now: datetime) -> Project:
    return ProjectFactory()


@pytest.fixture
def coach(project: Project) -> User:
    """The coach assigned to `project`."""
    return coach_of(project)


@pytest.fixture
def admin(db: Any) -> User:
    return staff(StaffRole.ADMIN)


@pytest.fixture
def session(project: Project, coach: User) -> Session:
    """A session a week ago."""
    return SessionFactory(project=project, coach=coach, in_days=-7)
