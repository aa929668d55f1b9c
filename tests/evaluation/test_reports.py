"""The yearly analysis report: sections edited and previewed, published as immutable versions
in Swedish and English, public pages, PDF and Excel annex; consent to be named: a published
report, its PDF and its annex hold no suppressed value, no unpublished excerpt and no name of a
project without consent."""

from __future__ import annotations

from io import BytesIO
from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import translation
from openpyxl import load_workbook
from pypdf import PdfReader

from samskapa.accounts.models import User
from samskapa.evaluation import services
from samskapa.evaluation.reports import AnalysisReport, NamingConsent, ReportVersion
from samskapa.projects.models import Project
from tests.factories.evaluation import (
    CycleFactory,
    ExcerptFactory,
    FindingFactory,
    IndicatorFactory,
    PeriodFactory,
    report,
)
from tests.factories.projects import ProjectFactory

pytestmark = pytest.mark.django_db

SECRET = "Hemlig mening som inte får publiceras."


@pytest.fixture
def published(evaluator: User, project: Project, other_project: Project, neighbour: Project) -> Any:
    """A cycle of three projects; `project` consents to be named, the others do not. A shared
    finding quotes one excerpt of each, one of which (from the consenting project) names a
    project without consent; a draft finding has an excerpt of its own. Figures: 12 + 13 + 14
    participants (shown), and 1 + 1 + 1 of a small indicator (suppressed)."""
    cycle = CycleFactory(projects=[project, other_project, neighbour], evaluators=[evaluator])
    NamingConsent.objects.create(project=project, may_be_named=True)
    NamingConsent.objects.create(project=other_project, may_be_named=False)
    named = ExcerptFactory(cycle=cycle, project=project, text="Deltagarna ville själva leda.")
    naming = ExcerptFactory(
        cycle=cycle, project=project, text=f"Vi lärde oss av {other_project.name}."
    )
    hidden = ExcerptFactory(cycle=cycle, project=other_project, text="Vi på projektet bytte spår.")
    draft_excerpt = ExcerptFactory(cycle=cycle, project=neighbour, text=SECRET)
    big, small = IndicatorFactory(), IndicatorFactory()
    period = PeriodFactory(call=project.call)
    for member, value in ((project, 12), (other_project, 13), (neighbour, 14)):
        report(member, big, period, value)
        report(member, small, period, 1)
    FindingFactory(
        cycle=cycle,
        shared=True,
        claim_sv="Deltagarna leder träffarna.",
        claim_en="Participants lead the meetings.",
        excerpts=[named, naming, hidden],
        indicators=[big, small],
    )
    FindingFactory(cycle=cycle, shared=False, claim_sv="Utkast", excerpts=[draft_excerpt])
    AnalysisReport.objects.create(
        cycle=cycle, summary_sv="# Sammanfattning\n\n<script>alert(1)</script>**Viktigt**"
    )
    return services.publish_report(cycle=cycle, by=evaluator)


def _all_text(version: ReportVersion) -> str:
    return str(version.content)


def test_a_published_report_names_and_quotes_only_projects_with_consent(
    published: ReportVersion, project: Project, other_project: Project, neighbour: Project
) -> None:
    text = _all_text(published)
    assert project.name in text
    assert "Deltagarna ville själva leda." in text
    assert other_project.name not in text and neighbour.name not in text
    assert "Vi på projektet bytte spår." not in text  # no consent: not quoted
    assert "Vi lärde oss av" not in text  # names a project without consent
    assert SECRET not in text and "Utkast" not in text  # a draft finding is not published
    assert "A project of the cluster" in published.content["en"]["projects"][1]


def test_published_figures_pass_disclosure_control(published: ReportVersion) -> None:
    figures = published.content["sv"]["areas"][0]["findings"][0]["figures"]
    assert [f["value"] for f in figures] == [39, ".."]


def test_sections_are_sanitised_markdown(published: ReportVersion) -> None:
    summary = published.content["sv"]["sections"]["summary"]
    assert "<strong>Viktigt</strong>" in summary
    assert "<script>" not in summary


def test_a_published_version_is_immutable_and_editing_makes_a_new_one(
    published: ReportVersion, evaluator: User
) -> None:
    with pytest.raises(ValidationError):
        published.save()
    draft = published.report
    draft.summary_sv = "Ny text"
    services.save_report(report=draft, by=evaluator)
    published.refresh_from_db()
    assert "Ny text" not in _all_text(published)
    second = services.publish_report(cycle=draft.cycle, by=evaluator)
    assert second.number == 2 and "Ny text" in _all_text(second)


def test_publishing_needs_a_shared_finding(evaluator: User, project: Project) -> None:
    cycle = CycleFactory(projects=[project], evaluators=[evaluator])
    FindingFactory(cycle=cycle, shared=False)
    with pytest.raises(ValidationError):
        services.publish_report(cycle=cycle, by=evaluator)


def test_the_public_page_in_swedish_and_english(published: ReportVersion, client: Any) -> None:
    with translation.override("sv"):
        url = reverse("evaluation:published-report", args=[published.pk])
    swedish = client.get(url).content.decode()
    assert "Deltagarna leder träffarna." in swedish and 'lang="sv"' in swedish
    english = client.get("/en" + url).content.decode()
    assert "Participants lead the meetings." in english
    listing = client.get(reverse("evaluation:published-reports")).content.decode()
    assert url in listing


def test_the_excel_annex_holds_the_published_figures_only(
    published: ReportVersion, client: Any, other_project: Project
) -> None:
    response = client.get(reverse("evaluation:published-report-annex", args=[published.pk]))
    sheet = load_workbook(BytesIO(response.content)).active
    values = [cell.value for row in sheet.iter_rows() for cell in row]
    assert 39 in values and ".." in values
    cells = " ".join(str(v) for v in values)
    assert other_project.name not in cells and SECRET not in cells


@pytest.mark.pdf
def test_the_pdf_holds_the_finding_and_a_figure_and_nothing_unpublished(
    published: ReportVersion, client: Any, other_project: Project
) -> None:
    with translation.override("sv"):
        response = client.get(reverse("evaluation:published-report-pdf", args=[published.pk]))
    assert response.status_code == 200
    reader = PdfReader(BytesIO(response.content))
    text = " ".join(page.extract_text() for page in reader.pages)
    assert "Deltagarna leder träffarna." in text
    assert "39" in text
    assert other_project.name not in text and SECRET not in text
    assert reader.trailer["/Root"].get("/Lang") == "sv"


def test_an_evaluator_edits_previews_and_publishes(
    evaluator: User, project: Project, login: Any
) -> None:
    cycle = CycleFactory(projects=[project], evaluators=[evaluator])
    FindingFactory(cycle=cycle, shared=True, claim_en="A shared finding")
    client = login(evaluator)
    url = reverse("evaluation:report-edit", args=[cycle.pk])
    response = client.post(url, {"method_sv": "Vi läste **allt**.", "method_en": "We read."})
    assert response.status_code == 302
    page = client.get(url).content.decode()
    assert "A shared finding" in page and "We read." in page
    response = client.post(reverse("evaluation:report-publish", args=[cycle.pk]))
    version = ReportVersion.objects.get()
    assert response["Location"] == version.get_absolute_url()


def test_a_project_lead_states_consent(member: User, project: Project, login: Any) -> None:
    url = reverse("evaluation:naming-consent", args=[project.pk])
    client = login(member)
    assert client.post(url, {"may_be_named": "on"}).status_code == 302
    assert NamingConsent.objects.get(project=project).may_be_named
    assert client.post(url, {}).status_code == 302
    assert not NamingConsent.objects.get(project=project).may_be_named
    other = ProjectFactory()
    assert client.get(reverse("evaluation:naming-consent", args=[other.pk])).status_code == 404


def test_the_preview_read_outside_the_cycles_evaluators_is_audited(
    admin: User, evaluator: User, project: Project, login: Any
) -> None:
    from samskapa.core.models import AuditAction, AuditEvent

    cycle = CycleFactory(projects=[project], evaluators=[evaluator])
    url = reverse("evaluation:report-edit", args=[cycle.pk])
    reads = AuditEvent.objects.filter(action=AuditAction.SENSITIVE_READ)
    login(evaluator).get(url)
    assert not reads.exists()
    login(admin).get(url)
    assert reads.filter(actor=admin).count() == 1
