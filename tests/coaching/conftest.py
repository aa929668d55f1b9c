"""The member's `project`, coached by `coach` (a session a week ago), and another project
led by `other_member`. The clock stands still at NOW for every test that uses them."""

from __future__ import annotations

from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from samskapa.accounts.enums import StaffRole
from samskapa.accounts.models import User
from samskapa.coaching.models import Session
from samskapa.projects.models import Project
from tests.english import _english, login
from tests.factories.accounts import staff
from tests.factories.coaching import SessionFactory, coach_of
from tests.factories.projects import ProjectFactory, lead_of

__all__ = ["_english", "login"]

NOW = datetime(2026, 11, 10, 10, 0, tzinfo=ZoneInfo("Europe/Stockholm"))


@pytest.fixture
def now(time_machine: Any) -> datetime:
    time_machine.move_to(NOW)
    return NOW


@pytest.fixture
def project(db: Any, now: datetime) -> Project:
    return ProjectFactory()


@pytest.fixture
def member(project: Project) -> User:
    return lead_of(project)


@pytest.fixture
def other_project(db: Any, now: datetime) -> Project:
    return ProjectFactory()


@pytest.fixture
def other_member(other_project: Project) -> User:
    return lead_of(other_project)


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
