"""The demo survey: a closed baseline (version 1) and an open midpoint (version 2) of the demo
cycle, answered by its projects' teams and partners, offered to projekt@ on the home page;
loading the demo again moves it in place."""

from __future__ import annotations

from typing import Any

import pytest
from django.urls import reverse

from samskapa.demo import evaluation_surveys
from samskapa.demo.clock import DemoCalendar
from samskapa.evaluation import selectors_surveys
from samskapa.evaluation.findings import Finding
from samskapa.evaluation.surveys import Response, Survey

pytestmark = [pytest.mark.demo, pytest.mark.django_db]


def test_the_demo_survey_has_a_closed_baseline_and_an_open_midpoint(client_as: Any) -> None:
    survey = Survey.objects.get(title_sv=evaluation_surveys.TITLE_SV)
    baseline, midpoint = survey.waves.order_by("opens")
    assert (baseline.name_en, baseline.version.number) == ("Baseline", 1)
    assert (midpoint.name_en, midpoint.version.number) == ("Midpoint", 2)
    assert baseline.is_closed() and midpoint.is_open()
    results = selectors_surveys.survey_results(survey)
    assert all(results.disclosed)
    roles = {row.label for row in results.questions[0].rows}
    assert len(roles) == 3
    assert midpoint.links.exists()
    home = client_as("member").get(reverse("core:dashboard")).content.decode()
    assert reverse("evaluation:wave-answer", args=[midpoint.pk]) in home


def test_loading_the_demo_again_keeps_one_survey_and_rewrites_its_answers() -> None:
    before = Response.objects.count()
    evaluation_surveys.load(DemoCalendar.for_today())
    assert Survey.objects.filter(title_sv=evaluation_surveys.TITLE_SV).count() == 1
    assert Response.objects.count() == before


def test_a_demo_finding_cites_the_survey_question_on_trust(client_as: Any) -> None:
    finding = Finding.objects.get(claim_sv=evaluation_surveys.CITING_CLAIM)
    assert [q.name for q in finding.survey_questions.all()] == [evaluation_surveys.CITED_QUESTION]
    evaluation_surveys.load(DemoCalendar.for_today())  # rerunnable: still one citation
    assert finding.survey_questions.count() == 1
    page = client_as("evaluator").get(reverse("evaluation:findings", args=[finding.cycle_id]))
    text = page.content.decode()
    trust = finding.survey_questions.get()
    assert trust.label_sv in text or trust.label_en in text
    assert "Baseline" in text or "Baslinje" in text
