"""One call with the member's `project` and `other_project` (led by `other_member`), and a
third project `neighbour`; staff by role. Every test that uses them starts at NOW
(tests/fixtures.py, 10 Nov 2026); the factories' periods are half-years of 2027 unless the
test says otherwise, so they are open and not yet due at NOW."""

from __future__ import annotations

from datetime import datetime
from typing import Any

import pytest

from samskapa.accounts.enums import StaffRole
from samskapa.accounts.models import User
from samskapa.projects.models import Call, Project
from tests.factories.accounts import staff
from tests.factories.projects import CallFactory, ProjectFactory
from tests.fixtures import _english, login, member, now, other_member

__all__ = ["_english", "login", "member", "now", "other_member"]


@pytest.fixture
def call(db: Any, now: datetime) -> Call:
    return CallFactory()


@pytest.fixture
def project(call: Call) -> Project:
    return ProjectFactory(call=call)


@pytest.fixture
def other_project(call: Call) -> Project:
    return ProjectFactory(call=call)


@pytest.fixture
def neighbour(call: Call) -> Project:
    return ProjectFactory(call=call)


@pytest.fixture
def admin(db: Any) -> User:
    return staff(StaffRole.ADMIN)


@pytest.fixture
def evaluator(db: Any) -> User:
    return staff(StaffRole.EVALUATOR)


@pytest.fixture
def funder(db: Any) -> User:
    return staff(StaffRole.FUNDER)
