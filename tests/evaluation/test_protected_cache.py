"""Disclosure control's result is kept in the shared cache under the stored aggregates'
version: a second request does not run it again, and every change of the figures (approval,
return, correction, a change of indicator or period, a project moving call or coalition)
shows at once."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client
from django.test.utils import override_settings

from samskapa.evaluation import services
from samskapa.evaluation.disclosure import Protected
from samskapa.evaluation.enums import ValueStatus
from samskapa.evaluation.models import Value
from samskapa.evaluation.published import cached_published_aggregates
from samskapa.evaluation.selectors import CALL, PROGRAMME, PUBLISHED_LEVELS, TOTAL, aggregate
from samskapa.projects.models import Call, Project
from tests.factories.coalitions import coalition_of
from tests.factories.evaluation import IndicatorFactory, half_years, report
from tests.factories.projects import ProjectFactory

pytestmark = pytest.mark.django_db


def published(internal: bool = False) -> Protected:
    return Protected(aggregate(levels=PUBLISHED_LEVELS), internal=internal)


def programme_total(protected: Protected, indicator_id: int) -> Any:
    cell = protected.cell(PROGRAMME, indicator_id, 0, TOTAL)
    return cell.published_value if cell is not None else None


def test_a_second_read_does_not_run_disclosure_control_again(
    call: Call, project: Project, other_project: Project, neighbour: Project
) -> None:
    indicator = IndicatorFactory()
    first = half_years(call, 1)[0]
    for p in (project, other_project, neighbour):
        report(p, indicator, first, 10)
    once = published()
    again = published()
    assert not once.from_cache and again.from_cache
    assert programme_total(again, indicator.pk) == 30
    # The audience and the threshold are part of the key: the unsuppressed cube is another.
    assert not published(internal=True).from_cache
    with override_settings(SAMSKAPA_DISCLOSURE_THRESHOLD=40):
        higher = published()
        assert not higher.from_cache
        assert programme_total(higher, indicator.pk) == ".."


def test_every_change_of_the_figures_shows_at_once(
    call: Call, project: Project, other_project: Project, neighbour: Project, admin: Any
) -> None:
    indicator = IndicatorFactory()
    first, second = half_years(call, 2)
    for p in (project, other_project, neighbour):
        report(p, indicator, first, 10)
    assert programme_total(published(), indicator.pk) == 30
    assert published().from_cache

    submitted = report(project, indicator, second, 6, status=ValueStatus.SUBMITTED)
    services.approve_value(value=submitted, by=admin)  # approval
    assert programme_total(published(), indicator.pk) == 36

    services.save_value(  # a correction takes the approved value out until approved again
        project=project, indicator=indicator, period=second, data={"value": 8}, by=admin
    )
    assert programme_total(published(), indicator.pk) == 30
    services.submit_period(project=project, period=second, by=admin)
    services.return_value(value=Value.objects.get(pk=submitted.pk), comment="Nej", by=admin)
    assert programme_total(published(), indicator.pk) == 30

    indicator.active = False  # an indicator's change
    services.save_indicator(indicator=indicator, by=admin)
    assert published().cell(PROGRAMME, indicator.pk, 0, TOTAL) is None


def test_a_project_moving_call_or_coalition_shows_at_once(
    call: Call, project: Project, other_project: Project, neighbour: Project
) -> None:
    indicator = IndicatorFactory()
    first = half_years(call, 1)[0]
    for p in (project, other_project, neighbour):
        report(p, indicator, first, 10)
    assert published().cell(CALL, indicator.pk, call.pk, TOTAL).published_value == 30
    # Written directly, without a refresh: the membership is part of the key.
    Project.objects.filter(pk=neighbour.pk).update(call=None)
    moved = published()
    assert not moved.from_cache
    assert moved.cell(CALL, indicator.pk, call.pk, TOTAL).projects == 2
    coalition_of(project, other_project)
    assert not published().from_cache


def test_the_published_figures_follow_an_approval(
    call: Call, project: Project, other_project: Project, neighbour: Project, admin: Any
) -> None:
    indicator = IndicatorFactory()
    first, second = half_years(call, 2)
    for p in (project, other_project, neighbour):
        report(p, indicator, first, 10)

    def total() -> Any:
        return next(
            f.value
            for f in cached_published_aggregates()
            if f.level == PROGRAMME and f.indicator == indicator.code and f.period is None
        )

    assert total() == 30
    submitted = report(ProjectFactory(call=call), indicator, second, 9, status="submitted")
    services.approve_value(value=submitted, by=admin)
    assert total() == 39


def test_the_funders_overview_reads_the_cube_from_the_cache(
    client: Client,
    call: Call,
    project: Project,
    other_project: Project,
    neighbour: Project,
    funder: Any,
) -> None:
    indicator = IndicatorFactory()
    first = half_years(call, 1)[0]
    for p in (project, other_project, neighbour):
        report(p, indicator, first, 10)
    client.force_login(funder)
    assert not client.get("/results/").context["protected"].from_cache
    assert client.get("/results/").context["protected"].from_cache
