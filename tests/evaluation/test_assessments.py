"""The self-assessment heatmap on the results pages: project × focus area with each cell's
latest rating, its date and its trend; for admins and evaluators under pseudonyms, for process
leaders and coaches on their own coalitions by name, and never for the funder or on other
coalitions."""

from __future__ import annotations

from datetime import date
from functools import partial
from typing import Any

import pytest
from django.urls import reverse

from samskapa.accounts.enums import StaffRole
from samskapa.core import heatmap
from samskapa.core.enums import FocusArea
from samskapa.evaluation import pseudonyms
from samskapa.evaluation.assessments import self_assessment_heatmap
from samskapa.projects.models import Project
from tests.factories.accounts import staff
from tests.factories.coaching import coach_of
from tests.factories.coalitions import coalition_of, process_leader_of
from tests.factories.evaluation import ProjectIndicatorFactory
from tests.factories.projects import ProjectFactory
from tests.factories.toolkit import SelfAssessmentFactory
from tests.queries import count_queries

pytestmark = pytest.mark.django_db

HEATMAP = 'id="assessment-heatmap"'


def _assess(project: Project) -> None:
    SelfAssessmentFactory(project=project, assessed_on=date(2026, 3, 1), ratings=2)
    SelfAssessmentFactory(
        project=project, assessed_on=date(2026, 9, 1), ratings={FocusArea.CAUSES.value: 4}
    )


def test_each_cell_is_the_latest_rating_with_its_date_and_trend(project: Project) -> None:
    _assess(project)
    quiet = ProjectFactory(call=project.call)
    built = self_assessment_heatmap([project, quiet])
    assert built is not None
    mine, theirs = built.rows
    causes = {c.column.key: c for c in mine.cells}[FocusArea.CAUSES.value]
    other = {c.column.key: c for c in mine.cells}[FocusArea.values[1]]
    assert (causes.value, causes.on, causes.previous, causes.trend) == (
        4,
        date(2026, 9, 1),
        2,
        heatmap.UP,
    )
    assert (other.value, other.trend) == (3, heatmap.UP)
    assert all(cell.is_empty for cell in theirs.cells)


def test_no_heatmap_when_nobody_has_assessed_itself(project: Project) -> None:
    assert self_assessment_heatmap([project]) is None


def test_evaluator_sees_the_calls_projects_under_pseudonyms(
    project: Project, other_project: Project, evaluator: Any, login: Any
) -> None:
    for p in (project, other_project):
        ProjectIndicatorFactory(project=p)
    _assess(project)
    page = login(evaluator).get(reverse("evaluation:call", args=[project.call.pk]))
    body = page.content.decode()
    assert HEATMAP in body
    codes = pseudonyms.pseudonyms(project.call.pk, 2026, [project.pk, other_project.pk])
    assert codes[project.pk] in body and codes[other_project.pk] in body
    assert project.name not in body and other_project.name not in body


def test_leader_and_coach_see_their_coalition_by_name_and_nothing_else(
    project: Project, other_project: Project, neighbour: Project, login: Any
) -> None:
    for p in (project, other_project, neighbour):
        _assess(p)
    mine = coalition_of(project)
    theirs = coalition_of(other_project)
    leader = process_leader_of(mine)
    coach = coach_of(project)
    for user in (leader, coach):
        client = login(user)
        body = client.get(reverse("evaluation:coalition", args=[mine.pk])).content.decode()
        assert HEATMAP in body and project.name in body
        assert other_project.name not in body and neighbour.name not in body
        other = client.get(reverse("evaluation:coalition", args=[theirs.pk])).content.decode()
        assert HEATMAP not in other and other_project.name not in other
        call_page = client.get(reverse("evaluation:call", args=[project.call.pk]))
        assert HEATMAP not in call_page.content.decode()


def test_funder_and_other_staff_never_see_the_heatmap(
    project: Project, funder: Any, login: Any
) -> None:
    _assess(project)
    ProjectIndicatorFactory(project=project)
    coalition = coalition_of(project)
    for user in (funder, staff(StaffRole.PROCESS_LEADER), staff(StaffRole.COACH)):
        client = login(user)
        for url in (
            reverse("evaluation:coalition", args=[coalition.pk]),
            reverse("evaluation:call", args=[project.call.pk]),
        ):
            response = client.get(url)
            assert response.status_code == 200
            assert HEATMAP not in response.content.decode()


def test_admin_sees_the_coalition_under_pseudonyms(
    project: Project, admin: Any, login: Any
) -> None:
    _assess(project)
    coalition = coalition_of(project)
    body = login(admin).get(reverse("evaluation:coalition", args=[coalition.pk])).content.decode()
    code = pseudonyms.pseudonyms(project.call.pk, 2026, [project.pk])[project.pk]
    assert HEATMAP in body and code in body and project.name not in body


def test_the_heatmap_costs_the_same_queries_for_one_and_three_projects(
    call: Any, evaluator: Any, login: Any
) -> None:
    first = ProjectFactory(call=call)
    coalition = coalition_of(first)
    leader = process_leader_of(coalition)
    _assess(first)
    url = reverse("evaluation:coalition", args=[coalition.pk])
    users = [leader, evaluator]
    before = [count_queries(partial(login(u).get, url)) for u in users]
    for _n in range(2):
        extra = ProjectFactory(call=call)
        coalition.members.create(project=extra)
        _assess(extra)
    after = [count_queries(partial(login(u).get, url)) for u in users]
    assert before == after
