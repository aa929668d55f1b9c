"""The benchmark seeder: 20 count indicators × 6 periods per benchmark project."""

from __future__ import annotations

import pytest

from samskapa.evaluation import bench
from samskapa.evaluation.models import Value
from tests.factories.projects import CallFactory, ProjectFactory

pytestmark = pytest.mark.django_db


def test_the_seeder_writes_twenty_indicators_over_six_periods_per_project() -> None:
    call = CallFactory(reference=bench.BENCH_CALL)
    ProjectFactory.create_batch(2, call=call)
    bench.seed(scale=1)
    assert Value.objects.filter(project__call=call).count() == 2 * 20 * 6
    bench.seed(scale=1)  # a second run adds nothing
    assert Value.objects.filter(project__call=call).count() == 2 * 20 * 6


def test_the_seeder_writes_a_cycle_of_forty_projects_and_two_thousand_excerpts() -> None:
    from samskapa.evaluation.cycles import EvaluationCycle, Excerpt
    from samskapa.evaluation.findings import Finding, Theme

    call = CallFactory(reference=bench.BENCH_CALL)
    ProjectFactory.create_batch(41, call=call)
    bench.seed_cycle(scale=1)
    bench.seed_cycle(scale=1)  # a second run adds nothing
    cycle = EvaluationCycle.objects.get(title_sv=bench.BENCH_CYCLE)
    assert cycle.projects.count() == 40
    assert Excerpt.objects.filter(cycle=cycle).count() == 2_000
    assert Theme.objects.filter(cycle=cycle).count() == 5
    assert Finding.objects.filter(cycle=cycle).count() == 10
