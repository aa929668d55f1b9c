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
