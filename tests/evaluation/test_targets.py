"""Targets per period: summed per level and period like the overall targets (counts only),
shown against the period's figure on the pages and in the export, and set on the project's
results page and the targets page by whoever may set the overall target."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest
from django.urls import reverse

from samskapa.accounts.models import User
from samskapa.evaluation import exports, selectors
from samskapa.evaluation.disclosure import protected_figures
from samskapa.evaluation.enums import Measure
from samskapa.evaluation.models import PeriodTarget, ProjectIndicator
from samskapa.evaluation.selectors import CALL, COALITION, PROGRAMME, PROJECT
from samskapa.projects.models import Call, Project
from tests.factories.coalitions import coalition_of
from tests.factories.evaluation import (
    IndicatorFactory,
    ProjectIndicatorFactory,
    half_years,
    report,
)
from tests.factories.projects import CallFactory, ProjectFactory

pytestmark = pytest.mark.django_db


def test_period_targets_are_summed_per_level_and_period(
    call: Call, project: Project, other_project: Project, neighbour: Project
) -> None:
    """project: H1 10, H2 20; other_project: H1 5; neighbour: H2 7 (outside the coalition of
    the other two). A second call's project has H1 100 (same start date: one programme
    period). Percentage targets are not summed."""
    indicator = IndicatorFactory()
    share = IndicatorFactory(measure=Measure.PERCENTAGE)
    h1, h2 = half_years(call, 2)
    coalition = coalition_of(project, other_project)
    links = {
        p: ProjectIndicatorFactory(project=p, indicator=indicator, target=50)
        for p in (project, other_project, neighbour)
    }
    PeriodTarget.objects.create(link=links[project], period=h1, target=10)
    PeriodTarget.objects.create(link=links[project], period=h2, target=20)
    PeriodTarget.objects.create(link=links[other_project], period=h1, target=5)
    PeriodTarget.objects.create(link=links[neighbour], period=h2, target=7)
    other_call = CallFactory()
    (other_h1,) = half_years(other_call, 1)
    elsewhere = ProjectIndicatorFactory(
        project=ProjectFactory(call=other_call), indicator=indicator
    )
    PeriodTarget.objects.create(link=elsewhere, period=other_h1, target=100)
    percent_link = ProjectIndicatorFactory(project=project, indicator=share, target=40)
    PeriodTarget.objects.create(link=percent_link, period=h1, target=30)

    figures = selectors.aggregate(indicator_ids=[indicator.pk, share.pk])
    t = figures.period_targets
    assert t[(PROGRAMME, indicator.pk, 0, h1.starts)] == Decimal(115)
    assert t[(PROGRAMME, indicator.pk, 0, h2.starts)] == Decimal(27)
    assert t[(CALL, indicator.pk, call.pk, h1.starts)] == Decimal(15)
    assert t[(CALL, indicator.pk, call.pk, h2.starts)] == Decimal(27)
    assert t[(CALL, indicator.pk, other_call.pk, h1.starts)] == Decimal(100)
    assert t[(COALITION, indicator.pk, coalition.pk, h1.starts)] == Decimal(15)
    assert t[(COALITION, indicator.pk, coalition.pk, h2.starts)] == Decimal(20)
    assert t[(PROJECT, indicator.pk, neighbour.pk, h2.starts)] == Decimal(7)
    assert (PROJECT, indicator.pk, neighbour.pk, h1.starts) not in t
    assert figures.targets[(CALL, indicator.pk, call.pk)] == Decimal(150)
    assert not any(key[1] == share.pk for key in t)


def test_the_call_page_shows_each_periods_target_next_to_its_figure(
    call: Call,
    project: Project,
    other_project: Project,
    neighbour: Project,
    evaluator: User,
    login: Any,
) -> None:
    indicator = IndicatorFactory()
    (h1,) = half_years(call, 1)
    for n, p in enumerate((project, other_project, neighbour)):
        report(p, indicator, h1, 10 + n)
        link = ProjectIndicator.objects.get(project=p, indicator=indicator)
        PeriodTarget.objects.create(link=link, period=h1, target=12 + n)
    body = login(evaluator).get(reverse("evaluation:call", args=[call.pk])).content.decode()
    assert "target 39" in body  # 12 + 13 + 14 against 10 + 11 + 12 = 33
    assert "33" in body
    assert "How computed:" in body and "sum of the projects&#x27; targets" in body


def test_a_member_adds_an_indicator_with_targets_per_period(
    call: Call, project: Project, member: User, login: Any
) -> None:
    indicator = IndicatorFactory()
    h1, h2 = half_years(call, 2)
    client = login(member)
    url = reverse("evaluation:project", args=[project.pk])
    data = {
        "indicator": indicator.pk,
        "target": "40",
        f"period_{h1.pk}": "15",
        f"period_{h2.pk}": "",
    }
    assert client.post(url, data).status_code == 302
    link = ProjectIndicator.objects.get(project=project, indicator=indicator)
    assert link.target == 40
    assert list(PeriodTarget.objects.filter(link=link).values_list("period", "target")) == [
        (h1.pk, Decimal(15))
    ]
    page = client.get(url).content.decode()
    assert "target 15" in page
    assert reverse("evaluation:targets", args=[project.pk, link.pk]) in page


def test_targets_are_changed_and_removed_on_the_targets_page(
    call: Call, project: Project, member: User, login: Any
) -> None:
    h1, h2 = half_years(call, 2)
    link = ProjectIndicatorFactory(project=project, target=40)
    PeriodTarget.objects.create(link=link, period=h1, target=15)
    client = login(member)
    url = reverse("evaluation:targets", args=[project.pk, link.pk])
    form = client.get(url).content.decode()
    assert 'value="15.00"' in form or 'value="15"' in form
    response = client.post(url, {"target": "60", f"period_{h1.pk}": "", f"period_{h2.pk}": "25"})
    assert response.status_code == 302
    link.refresh_from_db()
    assert link.target == 60
    assert dict(PeriodTarget.objects.filter(link=link).values_list("period", "target")) == {
        h2.pk: Decimal(25)
    }


def test_a_negative_target_is_refused_and_the_input_kept(
    call: Call, project: Project, member: User, login: Any
) -> None:
    (h1,) = half_years(call, 1)
    link = ProjectIndicatorFactory(project=project, target=40)
    url = reverse("evaluation:targets", args=[project.pk, link.pk])
    response = login(member).post(url, {"target": "41", f"period_{h1.pk}": "-3"})
    assert response.status_code == 200
    body = response.content.decode()
    assert 'value="41"' in body and 'value="-3"' in body
    assert "greater than or equal to 0" in body
    link.refresh_from_db()
    assert link.target == 40 and not PeriodTarget.objects.exists()


def test_others_cannot_set_a_projects_targets(
    call: Call, project: Project, other_member: User, funder: User, evaluator: User, login: Any
) -> None:
    (h1,) = half_years(call, 1)
    link = ProjectIndicatorFactory(project=project, target=40)
    url = reverse("evaluation:targets", args=[project.pk, link.pk])
    data = {"target": "1", f"period_{h1.pk}": "1"}
    assert login(other_member).post(url, data).status_code == 404
    for user in (funder, evaluator):
        assert login(user).post(url, data).status_code in (403, 404)
    link.refresh_from_db()
    assert link.target == 40 and not PeriodTarget.objects.exists()


def test_another_projects_indicator_answers_404(
    call: Call, project: Project, other_project: Project, member: User, login: Any
) -> None:
    theirs = ProjectIndicatorFactory(project=other_project)
    url = reverse("evaluation:targets", args=[project.pk, theirs.pk])
    assert login(member).get(url).status_code == 404


def test_the_export_has_each_periods_target_in_its_row(
    call: Call, project: Project, other_project: Project, neighbour: Project, evaluator: User
) -> None:
    indicator = IndicatorFactory()
    h1, h2 = half_years(call, 2)
    for p in (project, other_project, neighbour):
        report(p, indicator, h1, 10)
        report(p, indicator, h2, 10)
        link = ProjectIndicator.objects.get(project=p, indicator=indicator)
        link.target = 30
        link.save()
        PeriodTarget.objects.create(link=link, period=h2, target=8)
    protected = protected_figures(evaluator, selectors.aggregate(indicator_ids=[indicator.pk]))
    rows = {row[3]: row[6] for row in exports.level_rows(protected, CALL, [(call.pk, "C")])}
    assert rows == {h1.name: "", h2.name: Decimal(24), "All periods": Decimal(90)}
