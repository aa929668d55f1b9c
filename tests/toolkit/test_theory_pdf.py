"""The theory of change as a real PDF (WeasyPrint): the project's own words, in its language."""

from __future__ import annotations

import logging
from io import BytesIO
from typing import Any

import pytest
from django.urls import reverse
from django.utils import translation
from pypdf import PdfReader

from samskapa.core import pdf
from samskapa.projects.models import Project
from samskapa.toolkit.models import TheoryOfChange
from tests.factories import toolkit as tools
from tests.factories.accounts import UserFactory
from tests.factories.projects import ProjectFactory, lead_of

pytestmark = pytest.mark.django_db

GOAL = "Fler unga vuxna i Örebro län har ett arbete eller studerar"
OUTCOME = "Unga möter en gemensam ingång inom en vecka"


@pytest.fixture
def project() -> Project:
    project = ProjectFactory(name="Gemensam ingång för unga i Örebro", number="26-418-S07")
    TheoryOfChange.objects.create(project=project, long_term_goal=GOAL, narrative="")
    tools.element(project, kind="outcome", text=OUTCOME)
    return project


def pdf_url(project: Project) -> str:
    return reverse("toolkit:theory-pdf", kwargs={"project_pk": project.pk})


def text_of(content: bytes) -> str:
    return " ".join(page.extract_text() for page in PdfReader(BytesIO(content)).pages)


@pytest.mark.pdf
def test_the_pdf_carries_the_projects_name_goal_and_outcomes(
    client_for: Any, project: Project, caplog: pytest.LogCaptureFixture
) -> None:
    response = client_for(lead_of(project)).get(pdf_url(project))

    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert 'filename="theory-of-change-26-418-S07.pdf"' in response["Content-Disposition"]
    text = text_of(response.content)
    assert "Gemensam ingång för unga i Örebro" in text
    assert "26-418-S07" in text
    assert GOAL in text
    assert OUTCOME in text
    # The stylesheets were read from the static files (a stylesheet that cannot be fetched or
    # read is an error in WeasyPrint's log; unsupported screen-only properties only warnings).
    errors = [
        record.getMessage()
        for record in caplog.records
        if record.name.startswith("weasyprint") and record.levelno >= logging.ERROR
    ]
    assert errors == []


@pytest.mark.pdf
@pytest.mark.parametrize(
    ("language", "heading"), [("sv", "Förändringsteori"), ("en", "Theory of change")]
)
def test_the_pdf_speaks_the_readers_language_and_says_so(
    client_for: Any, project: Project, language: str, heading: str
) -> None:
    reader = lead_of(project, UserFactory(language=language))
    with translation.override(language):  # the address of the page in the reader's language
        url = pdf_url(project)
    response = client_for(reader).get(url)

    document = PdfReader(BytesIO(response.content))
    assert document.trailer["/Root"]["/Lang"] == language
    assert document.metadata is not None
    assert document.metadata.title == f"{heading} · Gemensam ingång för unga i Örebro"
    assert heading in text_of(response.content)
    # Tagged for screen readers.
    assert "/StructTreeRoot" in document.trailer["/Root"]


@pytest.mark.pdf
def test_the_tool_page_links_to_the_pdf(client_for: Any, project: Project) -> None:
    url = reverse("toolkit:tool", kwargs={"project_pk": project.pk, "tool": "theory_of_change"})
    page = client_for(lead_of(project)).get(url).content.decode()

    assert pdf_url(project) in page


def test_another_projects_lead_gets_404(client_for: Any, project: Project) -> None:
    response = client_for(lead_of(ProjectFactory())).get(pdf_url(project))

    assert response.status_code == 404


@pytest.mark.skipif(pdf.available(), reason="PDF is available here: the link is tested above")
def test_without_pango_the_page_says_pdf_is_unavailable(client_for: Any, project: Project) -> None:
    url = reverse("toolkit:tool", kwargs={"project_pk": project.pk, "tool": "theory_of_change"})
    client = client_for(lead_of(project))
    page = client.get(url).content.decode()

    assert pdf_url(project) not in page
    assert "PDF-dokument kan inte skapas på den här servern" in page
    assert client.get(pdf_url(project)).status_code == 404
