"""The survey benchmark seeder: a wave with 10,000 responses, read by the results selector."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from samskapa.evaluation import bench, bench_surveys, selectors_surveys
from samskapa.evaluation.surveys import Response, Survey
from tests.factories.projects import CallFactory, ProjectFactory

pytestmark = pytest.mark.django_db


def test_the_seeder_writes_a_wave_of_ten_thousand_answers_read_in_five_queries() -> None:
    call = CallFactory(reference=bench.BENCH_CALL)
    ProjectFactory.create_batch(3, call=call)
    bench_surveys.seed(scale=1)
    assert Response.objects.count() == 10_000
    bench_surveys.seed(scale=1)  # a second run adds nothing
    assert Response.objects.count() == 10_000
    survey = Survey.objects.get(title_sv=bench_surveys.TITLE)
    with CaptureQueriesContext(connection) as queries:
        result = selectors_surveys.survey_results(survey)
    assert len(queries.captured_queries) == 5
    assert result.respondents == [10_000]
    trust = result.questions[0]
    assert sum(row.cells[0].count for row in trust.rows) == 10_000
