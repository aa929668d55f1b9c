"""The stored aggregates (models.Aggregate) equal a fresh computation from the values: for any
generated set of values, and after every approval, return, correction and change of a
project's call or coalition. The published levels are read from them in one query."""

from __future__ import annotations

from typing import Any

import pytest
from django.core.management import call_command
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from samskapa.coalitions.models import CoalitionProject
from samskapa.evaluation import selectors, services
from samskapa.evaluation.enums import Aggregation, Measure, ValueStatus
from samskapa.evaluation.models import Aggregate, AggregateState, Value
from samskapa.evaluation.selectors import CALL, PROGRAMME, PUBLISHED_LEVELS, TOTAL
from samskapa.projects.models import Call, Project
from tests.factories.coalitions import coalition_of
from tests.factories.evaluation import IndicatorFactory, half_years, report
from tests.factories.projects import CallFactory, ProjectFactory

pytestmark = pytest.mark.django_db

STATUSES = [ValueStatus.APPROVED] * 3 + [ValueStatus.SUBMITTED, ValueStatus.DRAFT]


def stored() -> dict[Any, Any]:
    """The published cells as the pages read them (from the stored aggregates)."""
    assert AggregateState.objects.exists()
    return selectors.aggregate(levels=PUBLISHED_LEVELS).cells


def live() -> dict[Any, Any]:
    return selectors.aggregate_live(levels=PUBLISHED_LEVELS)


VALUES = st.lists(
    st.tuples(
        st.integers(min_value=0, max_value=2),  # call index; 2 means no call
        st.integers(min_value=0, max_value=2),  # coalition: 0 none, 1 or 2 one of the call's
        st.lists(
            st.tuples(
                st.integers(min_value=0, max_value=300),  # value (the numerator for a %)
                st.integers(min_value=0, max_value=4),  # status index
                st.integers(min_value=0, max_value=60),  # women (capped at the value)
            ),
            min_size=1,
            max_size=3,
        ),
        st.integers(min_value=0, max_value=2),  # indicator: sum, latest, percentage
    ),
    min_size=1,
    max_size=7,
)


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(data=VALUES)
def test_stored_aggregates_equal_a_fresh_computation(db: Any, data: list[Any]) -> None:
    savepoint = transaction.savepoint()
    try:
        calls: list[Call | None] = [CallFactory(), CallFactory(), None]
        periods = {c.pk if c else None: half_years(c, 3) for c in calls}
        indicators = [
            IndicatorFactory(by_gender=True),
            IndicatorFactory(aggregation=Aggregation.LATEST, by_gender=True),
            IndicatorFactory(measure=Measure.PERCENTAGE),
        ]
        members: dict[tuple[int, int], list[Project]] = {}
        for call_index, coalition, values, kind in data:
            call = calls[call_index]
            project = ProjectFactory(call=call)
            if call is not None and coalition:
                members.setdefault((call_index, coalition), []).append(project)
            indicator = indicators[kind]
            for period, (value, status, women) in zip(
                periods[call.pk if call else None], values, strict=False
            ):
                fields: dict[str, Any] = {"status": STATUSES[status]}
                if indicator.is_percentage:
                    fields.update(numerator=value // 2, denominator=value or 1)
                    value = None
                else:
                    fields["women"] = min(women, value)
                Value.objects.create(
                    project=project, indicator=indicator, period=period, value=value, **fields
                )
        for projects in members.values():
            coalition_of(*projects)
        services.refresh_aggregates()
        assert stored() == live()
        # The programme and calls alone (the overview's unsuppressed figures) are added up by
        # the database from the stored rows: the same figures.
        two = (PROGRAMME, CALL)
        assert selectors.aggregate(levels=two).cells == selectors.aggregate_live(levels=two)
    finally:
        transaction.savepoint_rollback(savepoint)


def test_after_approval_return_and_correction(
    call: Call, project: Project, other_project: Project, admin: Any, member: Any
) -> None:
    indicator = IndicatorFactory(by_gender=True)
    first, second, _third = half_years(call, 3)
    report(project, indicator, first, 12, women=5)
    submitted = report(other_project, indicator, first, 7, status=ValueStatus.SUBMITTED)
    also = report(other_project, indicator, second, 4, status=ValueStatus.SUBMITTED)
    services.approve_value(value=submitted, by=admin)
    assert stored() == live()
    assert stored()[(PROGRAMME, indicator.pk, 0, first.starts)].total == 19
    services.return_value(value=also, comment="Kontrollera", by=admin)
    assert stored() == live()
    approved = Value.objects.get(project=project, period=first)
    services.save_value(
        project=project, indicator=indicator, period=first, data={"value": 15}, by=admin
    )  # a correction: back to draft, out of the figures until approved again
    assert stored() == live()
    assert stored()[(CALL, indicator.pk, call.pk, TOTAL)].total == 7
    approved.refresh_from_db()
    services.submit_period(project=project, period=first, by=admin)
    services.approve_value(value=Value.objects.get(pk=approved.pk), by=admin)
    assert stored()[(CALL, indicator.pk, call.pk, TOTAL)].total == 22
    assert stored() == live()


def test_a_change_of_coalition_or_call_is_never_read_stale(
    call: Call, project: Project, other_project: Project, admin: Any
) -> None:
    indicator = IndicatorFactory()
    first = half_years(call, 1)[0]
    report(project, indicator, first, 10)
    report(other_project, indicator, first, 20)
    coalition = coalition_of(project)  # written directly: the stored rows are now stale
    assert selectors.aggregate(levels=PUBLISHED_LEVELS).cells == live()
    services.refresh_aggregates(indicator_ids=[indicator.pk])  # rebuilds everything
    assert stored() == live()
    assert stored()[("coalition", indicator.pk, coalition.pk, TOTAL)].total == 10
    CoalitionProject.objects.filter(project=project).delete()
    Project.objects.filter(pk=other_project.pk).update(call=CallFactory())
    assert selectors.aggregate(levels=PUBLISHED_LEVELS).cells == live()
    call_command("rebuild_aggregates", verbosity=0)
    assert stored() == live()


def test_the_published_levels_are_read_in_one_query_of_stored_rows(
    call: Call, project: Project, other_project: Project
) -> None:
    indicator = IndicatorFactory()
    for period in half_years(call, 3):
        report(project, indicator, period, 10)
        report(other_project, indicator, period, 20)
    with CaptureQueriesContext(connection) as queries:
        figures = selectors.aggregate(levels=PUBLISHED_LEVELS)
        assert figures.cells  # read when first used
    assert figures.get(PROGRAMME, indicator.pk, 0, TOTAL).total == 90
    reads = [q["sql"] for q in queries.captured_queries if 'evaluation_aggregate"' in q["sql"]]
    values = [q["sql"] for q in queries.captured_queries if "evaluation_value" in q["sql"]]
    assert len(reads) == 1 and values == []  # the values themselves are not read
    assert Aggregate.objects.count() > 0
