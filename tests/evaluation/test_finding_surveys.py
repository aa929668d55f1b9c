"""Findings cite survey results (issue 14, point 3, with the surveys of issue 15): a finding
cites choice, scale and number questions of its own cycle's surveys; the findings page and the
yearly report show each cited question's results per wave for the cluster through the survey
results' disclosure control; the published report, its PDF and its Excel annex hold only what
passes it. Threshold 3 here: the baseline has 4 respondents (3 × "Strongly agree", 1 ×
"Strongly disagree", the latter hidden), the midpoint 2 (no breakdown at all)."""

from __future__ import annotations

import re
from io import BytesIO
from typing import Any

import pytest
from django.urls import reverse
from django.utils import translation
from openpyxl import load_workbook
from pypdf import PdfReader

from samskapa.accounts.models import User
from samskapa.evaluation import services, services_surveys
from samskapa.evaluation.cycles import EvaluationCycle
from samskapa.evaluation.findings import Finding
from samskapa.evaluation.selectors import findings_of
from samskapa.evaluation.selectors_surveys import finding_survey_figures
from samskapa.evaluation.surveys import Question, Survey
from samskapa.projects.models import Project
from tests.factories.evaluation import CycleFactory, FindingFactory, SurveyFactory, with_questions
from tests.factories.evaluation import open_wave as make_wave
from tests.queries import count_queries

pytestmark = pytest.mark.django_db

CLAIM_SV = "Tilliten mellan partnerna har vuxit."
CLAIM_EN = "Trust between the partners has grown."


@pytest.fixture(autouse=True)
def small_threshold(settings: Any) -> None:
    settings.SAMSKAPA_DISCLOSURE_THRESHOLD = 3


@pytest.fixture
def cycle(evaluator: User, project: Project, other_project: Project) -> EvaluationCycle:
    return CycleFactory(projects=[project, other_project], evaluators=[evaluator])


@pytest.fixture
def survey(cycle: EvaluationCycle, project: Project, other_project: Project) -> Survey:
    """Baseline on version 1, midpoint on version 2 (a copy: the same names)."""
    survey = SurveyFactory(cycle=cycle)
    with_questions(survey, frozen=True)
    baseline = make_wave(survey)
    for trust in ("3", "3", "1"):
        services_surveys._write_response(wave=baseline, project=project, answers={"trust": trust})
    services_surveys._write_response(wave=baseline, project=other_project, answers={"trust": "3"})
    services_surveys.copy_version(baseline.version)
    midpoint = make_wave(survey, name_sv="Halvtid", name_en="Midpoint")
    for _n in range(2):
        services_surveys._write_response(wave=midpoint, project=project, answers={"trust": "2"})
    return survey


def _question(survey: Survey, name: str, number: int = 1) -> Question:
    return Question.objects.get(version__survey=survey, version__number=number, name=name)


def _cells(item: dict[str, Any]) -> dict[str, list[Any]]:
    return {row["label"]: [cell["value"] for cell in row["cells"]] for row in item["rows"]}


def test_an_evaluator_cites_a_survey_question_and_sees_its_results_per_wave(
    evaluator: User, cycle: EvaluationCycle, survey: Survey, login: Any
) -> None:
    client = login(evaluator)
    url = reverse("evaluation:finding-new", args=[cycle.pk])
    form = client.get(url).content.decode()
    trust = _question(survey, "trust", 2)  # the latest version's question is offered
    assert f'name="survey_questions" value="{trust.pk}"' in form
    how = _question(survey, "how", 2).pk
    assert f'name="survey_questions" value="{how}"' not in form  # free text: no figure
    data = {
        "focus_area": "collaboration",
        "claim_sv": CLAIM_SV,
        "strength": "moderate",
        "audiences": ["projects"],
        "survey_questions": [_question(survey, "how", 2).pk],
    }
    response = client.post(url, data)
    assert response.status_code == 400
    assert CLAIM_SV in response.content.decode()  # the form keeps what was typed
    response = client.post(url, {**data, "survey_questions": [trust.pk]})
    assert response.status_code == 302
    finding = Finding.objects.get(cycle=cycle)
    assert list(finding.survey_questions.all()) == [trust]
    with translation.override("en"):
        page = client.get(reverse("evaluation:findings", args=[cycle.pk])).content.decode()
    assert "I trust the partners." in page
    assert "Baseline" in page and "Midpoint" in page
    assert "Not for publication: small counts are shown." in page


def test_a_question_cited_in_an_earlier_version_shows_every_wave_and_stays_checked(
    evaluator: User, cycle: EvaluationCycle, survey: Survey, login: Any
) -> None:
    finding = FindingFactory(cycle=cycle, shared=True)
    finding.survey_questions.set([_question(survey, "trust", 1)])
    client = login(evaluator)
    form = client.get(reverse("evaluation:finding-edit", args=[finding.pk])).content.decode()
    latest = _question(survey, "trust", 2)
    assert re.search(rf'name="survey_questions" value="{latest.pk}"[^>]*checked', form)
    with translation.override("en"):
        figures = finding_survey_figures(findings_of(cycle, drafts=True), internal=True)
    (item,) = figures[finding.pk]
    assert item["waves"] == ["Baseline", "Midpoint"]
    cells = _cells(item)
    assert cells["Answered the question"] == [4, ".."]  # 2 respondents: no breakdown
    assert cells["Strongly agree"] == [3, ".."]  # the midpoint has too few respondents
    assert cells["Strongly disagree"] == [1, ".."]  # a small count, shown to evaluators


def test_a_finding_cites_questions_of_its_own_cycle_only(
    evaluator: User, cycle: EvaluationCycle, survey: Survey
) -> None:
    foreign = SurveyFactory()
    with_questions(foreign, frozen=True)
    finding = Finding(cycle=cycle, focus_area="collaboration", claim_sv="x", strength="strong")
    with pytest.raises(Exception, match="own cycle"):
        services.save_finding(
            finding=finding,
            excerpts=[],
            indicators=[],
            survey_questions=[_question(foreign, "trust")],
            by=evaluator,
        )


def test_the_cluster_reads_the_cited_results_with_small_groups_suppressed(
    cycle: EvaluationCycle, survey: Survey, project: Project, member: User, login: Any
) -> None:
    finding = FindingFactory(cycle=cycle, shared=True, claim_sv=CLAIM_SV, claim_en=CLAIM_EN)
    finding.survey_questions.set([_question(survey, "trust", 2)])
    with translation.override("en"):
        page = login(member).get(reverse("evaluation:findings", args=[cycle.pk]))
    text = page.content.decode()
    assert page.status_code == 200
    assert "I trust the partners." in text
    assert "Not for publication" not in text
    assert 'data-label="Baseline"><span>..</span>' in text  # "Strongly disagree": 1 of 4, hidden


def test_a_project_member_cannot_cite(
    cycle: EvaluationCycle, survey: Survey, member: User, login: Any
) -> None:
    response = login(member).post(
        reverse("evaluation:finding-new", args=[cycle.pk]),
        {"claim_sv": "x", "survey_questions": [_question(survey, "trust", 2).pk]},
    )
    assert response.status_code in (403, 404)
    assert not Finding.objects.exists()


@pytest.fixture
def published(evaluator: User, cycle: EvaluationCycle, survey: Survey) -> Any:
    finding = FindingFactory(
        cycle=cycle,
        shared=True,
        focus_area="collaboration",
        claim_sv=CLAIM_SV,
        claim_en=CLAIM_EN,
    )
    finding.survey_questions.set([_question(survey, "trust", 1)])
    return services.publish_report(cycle=cycle, by=evaluator)


def test_the_published_report_freezes_the_disclosed_survey_figures(
    published: Any, survey: Survey, project: Project, client: Any
) -> None:
    (item,) = published.content["en"]["areas"][0]["findings"][0]["survey_figures"]
    cells = _cells(item)
    assert cells["Answered the question"] == [4, ".."]  # 2 respondents: below the threshold
    assert cells["Strongly agree"] == [3, ".."]
    assert cells["Strongly disagree"] == ["..", ".."]  # 1 answer: never published
    (sv,) = published.content["sv"]["areas"][0]["findings"][0]["survey_figures"]
    assert sv["question"] == "Jag litar på partnerna." and sv["waves"] == ["Baslinje", "Halvtid"]
    # Frozen: later answers do not change the published version.
    baseline = survey.waves.get(name_sv="Baslinje")
    for _n in range(3):
        services_surveys._write_response(wave=baseline, project=project, answers={"trust": "1"})
    published.refresh_from_db()
    (item,) = published.content["en"]["areas"][0]["findings"][0]["survey_figures"]
    assert _cells(item)["Strongly disagree"] == ["..", ".."]
    with translation.override("en"):
        page = client.get(reverse("evaluation:published-report", args=[published.pk]))
    text = page.content.decode()
    assert "I trust the partners." in text and 'data-label="Midpoint"><span>..</span>' in text


def test_the_excel_annex_holds_the_disclosed_survey_figures(published: Any, client: Any) -> None:
    with translation.override("en"):
        response = client.get(reverse("evaluation:published-report-annex", args=[published.pk]))
    sheet = load_workbook(BytesIO(response.content)).active
    rows = {str(row[3]): row[4] for row in sheet.iter_rows(min_row=2, values_only=True)}
    label = next(iter(rows)).split(":")[0]
    assert rows[f"{label}: I trust the partners. – Strongly agree (Baseline)"] == 3
    assert rows[f"{label}: I trust the partners. – Strongly disagree (Baseline)"] == ".."
    assert rows[f"{label}: I trust the partners. – Answered the question (Midpoint)"] == ".."


@pytest.mark.pdf
def test_the_pdf_holds_the_cited_question_and_its_figures(published: Any, client: Any) -> None:
    with translation.override("sv"):
        response = client.get(reverse("evaluation:published-report-pdf", args=[published.pk]))
    assert response.status_code == 200
    text = " ".join(page.extract_text() for page in PdfReader(BytesIO(response.content)).pages)
    assert "Jag litar på partnerna." in text and "Baslinje" in text


def test_the_findings_page_costs_the_same_queries_for_one_and_three_citing_findings(
    evaluator: User, cycle: EvaluationCycle, survey: Survey, login: Any
) -> None:
    client = login(evaluator)
    url = reverse("evaluation:findings", args=[cycle.pk])
    trust, meetings = _question(survey, "trust", 2), _question(survey, "meetings", 1)
    counts = []
    for wanted in (1, 3):
        while cycle.findings.count() < wanted:
            FindingFactory(cycle=cycle, shared=True).survey_questions.set([trust, meetings])
        counts.append(count_queries(lambda: client.get(url)))
    assert counts[0] == counts[1]
