"""Two coalitions of one call: "Vägar till arbete" holds the member's `project` and a
`neighbour` project and is led by `leader`; "Arbetsgivare och arbetsliv" holds
`other_project` (led by `other_member`) and has its own process leader. Every test that
uses them starts at NOW (tests/fixtures.py); meetings are two weeks before and after it."""

from __future__ import annotations

from datetime import datetime
from typing import Any

import pytest

from samskapa.accounts.enums import StaffRole
from samskapa.accounts.models import User
from samskapa.coalitions.models import Coalition, Meeting
from samskapa.projects.models import Call, Project
from tests.factories.accounts import staff
from tests.factories.coalitions import CoalitionFactory, MeetingFactory
from tests.factories.projects import CallFactory, ProjectFactory, lead_of
from tests.fixtures import _english, login, member, now, other_member

__all__ = ["_english", "login", "member", "now", "other_member"]


@pytest.fixture
def call(db: Any, now: datetime) -> Call:
    return CallFactory()


@pytest.fixture
def project(call: Call) -> Project:
    return ProjectFactory(call=call)


@pytest.fixture
def neighbour(call: Call) -> Project:
    """Another project of the member's coalition, led by someone else."""
    project = ProjectFactory(call=call)
    lead_of(project)
    return project


@pytest.fixture
def other_project(call: Call) -> Project:
    return ProjectFactory(call=call)


@pytest.fixture
def leader(db: Any) -> User:
    return staff(StaffRole.PROCESS_LEADER)


@pytest.fixture
def coalition(call: Call, project: Project, neighbour: Project, leader: User) -> Coalition:
    return CoalitionFactory(
        name="Vägar till arbete", call=call, projects=[project, neighbour], process_leaders=[leader]
    )


@pytest.fixture
def other_coalition(call: Call, other_project: Project) -> Coalition:
    return CoalitionFactory(
        name="Arbetsgivare och arbetsliv",
        call=call,
        projects=[other_project],
        process_leaders=[staff(StaffRole.PROCESS_LEADER)],
    )


@pytest.fixture
def meeting(coalition: Coalition) -> Meeting:
    """The coalition's next meeting, two weeks ahead."""
    return MeetingFactory(coalition=coalition, title="Indikatorer och resultat", in_days=14)


@pytest.fixture
def past_meeting(coalition: Coalition) -> Meeting:
    """Two weeks ago, not documented yet."""
    return MeetingFactory(coalition=coalition, title="Ekosystem och samverkan", in_days=-14)
