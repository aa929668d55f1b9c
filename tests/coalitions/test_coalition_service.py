"""A coalition, its process leaders and its projects are saved together by
services.save_coalition."""

from __future__ import annotations

from typing import Any

import pytest

from samskapa.accounts.enums import StaffRole
from samskapa.coalitions import services
from samskapa.coalitions.models import Coalition, CoalitionProject
from tests.factories.accounts import staff
from tests.factories.projects import CallFactory, ProjectFactory

pytestmark = pytest.mark.django_db


def test_the_admin_creates_a_coalition_with_leaders_and_projects(client_for: Any) -> None:
    admin, leader = staff(StaffRole.ADMIN), staff(StaffRole.PROCESS_LEADER)
    call = CallFactory()
    projects = [ProjectFactory(call=call), ProjectFactory(call=call)]
    response = client_for(admin).post(
        "/coalitions/new/",
        {
            "name": "Unga vuxna i Bergslagen",
            "call": call.pk,
            "theme": "",
            "description": "",
            "process_leaders": [leader.pk],
            "projects": [p.pk for p in projects],
        },
    )
    assert response.status_code == 302
    coalition = Coalition.objects.get(name="Unga vuxna i Bergslagen")
    assert list(coalition.process_leaders.all()) == [leader]
    assert set(
        CoalitionProject.objects.filter(coalition=coalition).values_list("project", flat=True)
    ) == {p.pk for p in projects}


def test_saving_again_replaces_leaders_and_moves_projects() -> None:
    admin = staff(StaffRole.ADMIN)
    first, second = staff(StaffRole.PROCESS_LEADER), staff(StaffRole.PROCESS_LEADER)
    call = CallFactory()
    project = ProjectFactory(call=call)
    other = services.save_coalition(
        coalition=Coalition(name="A", call=call),
        process_leaders=[first],
        projects=[project],
        by=admin,
    )
    coalition = services.save_coalition(
        coalition=Coalition(name="B", call=call), process_leaders=[first], projects=[], by=admin
    )
    services.save_coalition(
        coalition=coalition, process_leaders=[second], projects=[project], by=admin
    )
    assert list(coalition.process_leaders.all()) == [second]
    assert CoalitionProject.objects.get(project=project).coalition == coalition
    assert not CoalitionProject.objects.filter(coalition=other).exists()
