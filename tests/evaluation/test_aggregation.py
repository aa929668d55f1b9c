"""Each aggregation rule on hand-computed examples, and the property that the programme
total of a count indicator is the sum of its calls' totals (projects without a call counted
under "no call")."""

from __future__ import annotations

import datetime
from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from samskapa.evaluation import selectors
from samskapa.evaluation.enums import Aggregation, Measure, ValueStatus
from samskapa.evaluation.models import Value, check_value
from samskapa.evaluation.selectors import CALL, COALITION, NO_CALL, PROGRAMME, PROJECT, TOTAL
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


def test_counts_are_summed_per_period_and_over_periods(
    call: Call, project: Project, other_project: Project
) -> None:
    indicator = IndicatorFactory()
    h1, h2 = half_years(call, 2)
    report(project, indicator, h1, 3)
    report(other_project, indicator, h1, 4)
    report(project, indicator, h2, 5)
    report(other_project, indicator, h2, 6)
    figures = selectors.aggregate(indicator_ids=[indicator.pk])
    assert figures.get(PROGRAMME, indicator.pk, 0, h1.starts).total == 7
    assert figures.get(PROGRAMME, indicator.pk, 0, h2.starts).total == 11
    total = figures.get(PROGRAMME, indicator.pk, 0, TOTAL)
    assert (total.total, total.projects) == (18, 2)
    assert figures.get(CALL, indicator.pk, call.pk, TOTAL).total == 18
    assert figures.get(PROJECT, indicator.pk, project.pk, TOTAL).total == 8


def test_latest_counts_use_each_projects_latest_period_only(
    call: Call, project: Project, other_project: Project
) -> None:
    """A cumulative figure: project 10 then 15, the other project 7 in the first period only.
    Over both periods: 15 + 7 = 22, not 10 + 15 + 7 = 32."""
    indicator = IndicatorFactory(aggregation=Aggregation.LATEST)
    h1, h2 = half_years(call, 2)
    report(project, indicator, h1, 10)
    report(project, indicator, h2, 15)
    report(other_project, indicator, h1, 7)
    figures = selectors.aggregate(indicator_ids=[indicator.pk])
    assert figures.get(PROGRAMME, indicator.pk, 0, h1.starts).total == 17
    assert figures.get(PROGRAMME, indicator.pk, 0, h2.starts).total == 15
    assert figures.get(PROGRAMME, indicator.pk, 0, TOTAL).total == 22
    assert figures.get(PROJECT, indicator.pk, project.pk, TOTAL).total == 15


def test_a_later_unapproved_value_does_not_hide_the_latest_approved_one(
    call: Call, project: Project
) -> None:
    indicator = IndicatorFactory(aggregation=Aggregation.LATEST)
    h1, h2 = half_years(call, 2)
    report(project, indicator, h1, 10)
    report(project, indicator, h2, 99, status=ValueStatus.SUBMITTED)
    figures = selectors.aggregate(indicator_ids=[indicator.pk])
    assert figures.get(PROGRAMME, indicator.pk, 0, TOTAL).total == 10


def test_percentages_are_sum_of_numerators_over_sum_of_denominators(
    call: Call, project: Project, other_project: Project
) -> None:
    """1/2 (50 %) and 90/100 (90 %): 91/102 = 89.2 %, not the mean 70 %."""
    indicator = IndicatorFactory(measure=Measure.PERCENTAGE)
    (h1,) = half_years(call, 1)
    report(project, indicator, h1, None, numerator=1, denominator=2)
    report(other_project, indicator, h1, None, numerator=90, denominator=100)
    figure = selectors.aggregate(indicator_ids=[indicator.pk]).get(
        PROGRAMME, indicator.pk, 0, TOTAL
    )
    assert (figure.numerator, figure.denominator) == (91, 102)
    assert figure.percentage == pytest.approx(91 / 102)
    assert figure.percentage != pytest.approx((0.5 + 0.9) / 2)


def test_breakdowns_are_summed_alongside_totals(
    call: Call, project: Project, other_project: Project
) -> None:
    indicator = IndicatorFactory(by_gender=True)
    (h1,) = half_years(call, 1)
    report(project, indicator, h1, 10, women=6, men=3, non_binary=1)
    report(other_project, indicator, h1, 20, women=12, men=8)
    figure = selectors.aggregate(indicator_ids=[indicator.pk]).get(
        PROGRAMME, indicator.pk, 0, h1.starts
    )
    assert figure.total == 30
    assert figure.breakdown["women"] == 18
    assert figure.breakdown["men"] == 11
    assert figure.breakdown["non_binary"] == 1
    assert figure.breakdown["gender_not_stated"] is None


def test_only_approved_values_count(call: Call, project: Project, other_project: Project) -> None:
    indicator = IndicatorFactory()
    (h1,) = half_years(call, 1)
    report(project, indicator, h1, 10)
    report(other_project, indicator, h1, 50, status=ValueStatus.SUBMITTED)
    figure = selectors.aggregate(indicator_ids=[indicator.pk]).get(
        PROGRAMME, indicator.pk, 0, TOTAL
    )
    assert (figure.total, figure.projects) == (10, 1)


def test_a_breakdown_never_exceeds_its_total(call: Call, project: Project) -> None:
    indicator = IndicatorFactory(by_gender=True, by_age=True)
    (h1,) = half_years(call, 1)
    with pytest.raises(ValidationError):
        check_value(Value(value=5, women=4, men=2), indicator)
    with pytest.raises(ValidationError):
        check_value(Value(value=5, age_18_29=6), indicator)
    check_value(Value(value=5, women=3, men=2, age_18_29=5), indicator)
    with pytest.raises(IntegrityError), transaction.atomic():
        Value.objects.create(
            project=project, indicator=indicator, period=h1, value=5, women=4, men=2
        )


def test_coalition_level_and_projects_without_a_call(
    call: Call, project: Project, other_project: Project
) -> None:
    indicator = IndicatorFactory()
    (h1,) = half_years(call, 1)
    (loose_period,) = half_years(None, 1)
    coalition = coalition_of(project, other_project)
    loose = ProjectFactory(call=None)
    report(project, indicator, h1, 4)
    report(other_project, indicator, h1, 6)
    report(loose, indicator, loose_period, 5)
    figures = selectors.aggregate(indicator_ids=[indicator.pk])
    assert figures.get(COALITION, indicator.pk, coalition.pk, TOTAL).total == 10
    assert figures.get(CALL, indicator.pk, NO_CALL, TOTAL).total == 5
    # Periods of different calls with the same dates are one period of the programme.
    assert figures.get(PROGRAMME, indicator.pk, 0, h1.starts).total == 15


def test_completeness_says_who_reported_and_who_is_late(
    call: Call, project: Project, other_project: Project, neighbour: Project
) -> None:
    indicator = IndicatorFactory()
    past, _future = half_years(call, 2, first=2026)  # due 14 Aug 2026 (past) and 14 Feb 2027
    for p in (project, other_project, neighbour):
        ProjectIndicatorFactory(project=p, indicator=indicator)
    report(project, indicator, past, 3)
    report(other_project, indicator, past, 3, status=ValueStatus.DRAFT)
    rows = selectors.completeness(call, today=datetime.date(2026, 11, 10))
    assert rows[0].reported == 1 and rows[0].expected == 3  # the project
    assert {p.pk for p in rows[0].late} == {other_project.pk, neighbour.pk}
    assert rows[1].late == [] and len(rows[1].waiting) == 3
    programme = selectors.programme_completeness(today=datetime.date(2026, 11, 10))
    assert (programme[0].expected, programme[0].reported, programme[0].late) == (3, 1, 2)


# --- The programme total is the sum of its calls' totals ------------------------------------

PROJECT_DATA = st.lists(
    st.tuples(
        st.integers(min_value=0, max_value=3),  # call index; 3 means no call
        st.lists(st.integers(min_value=0, max_value=500), min_size=1, max_size=3),
        st.booleans(),  # latest-counts indicator or sum
    ),
    min_size=1,
    max_size=8,
)


@settings(
    max_examples=20, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(data=PROJECT_DATA)
def test_programme_total_equals_the_sum_of_calls(db: Any, data: list[Any]) -> None:
    savepoint = transaction.savepoint()
    try:
        calls = [CallFactory() for _n in range(3)]
        periods = {c.pk: half_years(c, 3) for c in calls}
        periods[None] = half_years(None, 3)
        summed = IndicatorFactory()
        latest = IndicatorFactory(aggregation=Aggregation.LATEST)
        for call_index, values, use_latest in data:
            call = calls[call_index] if call_index < 3 else None
            project = ProjectFactory(call=call)
            for period, value in zip(periods[call.pk if call else None], values, strict=False):
                report(project, latest if use_latest else summed, period, value)
        figures = selectors.aggregate(indicator_ids=[summed.pk, latest.pk])
        for indicator in (summed, latest):
            for period in [TOTAL, *(p.starts for p in periods[None])]:
                programme = figures.get(PROGRAMME, indicator.pk, 0, period)
                parts = [
                    figures.get(CALL, indicator.pk, group, period)
                    for group in [*(c.pk for c in calls), NO_CALL]
                ]
                expected = sum(p.total for p in parts if p is not None)
                assert (programme.total if programme else 0) == expected
                assert (programme.projects if programme else 0) == sum(
                    p.projects for p in parts if p is not None
                )
    finally:
        transaction.savepoint_rollback(savepoint)
