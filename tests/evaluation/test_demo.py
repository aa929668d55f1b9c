"""The demo shows every rule of results: three periods, late projects, a returned value, and a
small non-binary group that the funder sees suppressed and the evaluator does not."""

from __future__ import annotations

from typing import Any

import pytest
from django.urls import reverse

from samskapa.demo import evaluation as demo_evaluation
from samskapa.demo.clock import DemoCalendar
from samskapa.evaluation import selectors
from samskapa.evaluation.cycles import EvaluationCycle
from samskapa.evaluation.disclosure import Protected
from samskapa.evaluation.enums import ValueStatus
from samskapa.evaluation.models import Indicator, ReportingPeriod, Value
from samskapa.evaluation.selectors import PROGRAMME, TOTAL
from samskapa.projects.models import Call

pytestmark = [pytest.mark.demo, pytest.mark.django_db]


def test_the_demo_call_reports_over_three_periods_with_late_and_returned_values() -> None:
    call = Call.objects.get(reference=demo_evaluation.CALL)
    periods = list(ReportingPeriod.objects.filter(call=call).order_by("starts"))
    assert len(periods) == 3
    latest = selectors.completeness(call)[-1]
    assert {p.number for p in latest.late} == demo_evaluation.LATE
    assert Value.objects.filter(status=ValueStatus.RETURNED).exclude(comment="").count() == 1
    assert Value.objects.filter(status=ValueStatus.SUBMITTED).exists()


def test_the_small_non_binary_group_is_suppressed_for_the_funder_only() -> None:
    indicator = Indicator.objects.get(code="EECO01")
    figures = selectors.aggregate(indicator_ids=[indicator.pk])
    published = Protected(figures, internal=False)
    internal = Protected(figures, internal=True)
    assert not published.cell(PROGRAMME, indicator.pk, 0, TOTAL, "non_binary").shown
    assert internal.cell(PROGRAMME, indicator.pk, 0, TOTAL, "non_binary").value == sum(
        demo_evaluation.NON_BINARY.values()
    )


def test_the_demo_pages_answer(client_as: Any) -> None:
    assert client_as("funder").get(reverse("evaluation:overview")).status_code == 200
    assert client_as("evaluator").get(reverse("evaluation:queue")).status_code == 200


def test_loading_again_moves_the_story_in_place() -> None:
    before = Value.objects.count()
    demo_evaluation.load(DemoCalendar.for_today())
    assert Value.objects.count() == before


def test_the_demo_coalition_has_a_cycle_its_evaluator_works_on(client_as: Any) -> None:
    this_year = DemoCalendar.for_today().today.year
    cycle = EvaluationCycle.objects.get(coalition__name=demo_evaluation.COALITION, year=this_year)
    assert cycle.projects.count() == cycle.coalition.members.count() > 0
    assert {q.focus_area for q in cycle.questions.all()} == {
        a for a, _sv, _en in demo_evaluation.QUESTIONS
    }
    assert cycle.dates.count() == len(demo_evaluation.KEY_DATES)
    client = client_as("evaluator")
    assert client.get(reverse("evaluation:cycle-edit", args=[cycle.pk])).status_code == 200
    demo_evaluation.load(DemoCalendar.for_today())
    # This year's cycle and last year's, published: rerunning adds none.
    assert EvaluationCycle.objects.filter(coalition=cycle.coalition).count() == 2
    assert cycle.questions.count() == len(demo_evaluation.QUESTIONS)
    expected_codes = sum(1 + len(row[5]) for row in demo_evaluation.CODES)
    assert cycle.codes.count() == expected_codes
    excerpts = list(cycle.excerpts.all())
    assert len(excerpts) == demo_evaluation.EXCERPTS
    assert {e.kind for e in excerpts} == {"lesson", "reflection"}
    assert all(e.codes.exists() and not e.source_changed for e in excerpts)


def test_the_demo_cycle_has_themes_findings_and_a_published_report_last_year(
    client_as: Any,
) -> None:
    from samskapa.evaluation.findings import Finding, RecommendationResponse, Theme
    from samskapa.evaluation.reports import AnalysisReport, ReportVersion

    this_year = DemoCalendar.for_today().today.year
    cycle = EvaluationCycle.objects.get(coalition__name=demo_evaluation.COALITION, year=this_year)
    demo_evaluation.load(DemoCalendar.for_today())  # rerunnable
    assert Theme.objects.filter(cycle=cycle).count() == 3
    findings = Finding.objects.filter(cycle=cycle)
    assert findings.count() == 3 and findings.filter(shared=True).count() == 2
    assert RecommendationResponse.objects.filter(recommendation__finding__cycle=cycle).exists()
    assert AnalysisReport.objects.filter(cycle=cycle, versions__isnull=True).exists()
    version = ReportVersion.objects.get(report__cycle__year=this_year - 1)
    assert version.content["sv"]["areas"] and version.content["en"]["areas"]
    assert client_as("anonymous").get(version.get_absolute_url()).status_code == 200
