"""A coalition's calendar link changes when someone who could see it leaves."""

from __future__ import annotations

import pytest

from samskapa.coalitions import services
from samskapa.coalitions.models import Coalition
from samskapa.projects.models import ProjectMember
from samskapa.projects.services import remove_member
from tests.factories.accounts import staff
from tests.factories.coalitions import coalition_of, process_leader_of
from tests.factories.projects import ProjectFactory, lead_of, member_of

pytestmark = pytest.mark.django_db


def _token(coalition: Coalition) -> str:
    coalition.refresh_from_db()
    return coalition.calendar_token


def test_a_member_leaving_a_coalition_project_changes_the_link() -> None:
    project = ProjectFactory()
    lead = lead_of(project)
    member = member_of(project)
    coalition = coalition_of(project)
    other = coalition_of(ProjectFactory())
    before, other_before = _token(coalition), _token(other)
    remove_member(member=ProjectMember.objects.get(user=member), by=lead)
    assert _token(coalition) != before
    assert _token(other) == other_before  # coalitions the person never saw keep their link


def test_a_project_or_process_leader_leaving_changes_the_link() -> None:
    staying, leaving = ProjectFactory(), ProjectFactory()
    coalition = coalition_of(staying, leaving)
    leader = process_leader_of(coalition)
    admin = staff("admin")
    before = _token(coalition)
    services.set_projects(coalition=coalition, projects=[staying], by=admin)
    after_project = _token(coalition)
    assert after_project != before
    services.save_coalition(coalition=coalition, process_leaders=[], projects=[staying], by=admin)
    assert _token(coalition) != after_project
    assert not coalition.process_leaders.filter(pk=leader.pk).exists()


def test_an_unchanged_coalition_keeps_its_link() -> None:
    project = ProjectFactory()
    coalition = coalition_of(project)
    leader = process_leader_of(coalition)
    before = _token(coalition)
    services.save_coalition(
        coalition=coalition, process_leaders=[leader], projects=[project], by=staff("admin")
    )
    assert _token(coalition) == before
