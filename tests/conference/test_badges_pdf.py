"""Name badges as a real PDF (WeasyPrint): one badge per registered participant."""

from __future__ import annotations

import datetime
from io import BytesIO
from typing import Any

import pytest
from django.urls import reverse
from pypdf import PdfReader

from samskapa.accounts.enums import StaffRole
from samskapa.conference.enums import RegistrationStatus
from samskapa.conference.models import Edition, Registration
from samskapa.core import pdf
from tests.factories.accounts import staff

pytestmark = pytest.mark.django_db


@pytest.fixture
def edition() -> Edition:
    return Edition.objects.create(
        year=2031,
        title_sv="Samskapa-konferensen 2031",
        title_en="The Samskapa conference 2031",
        starts_on=datetime.date(2031, 5, 20),
        ends_on=datetime.date(2031, 5, 21),
        venue="Malmö",
        capacity=100,
    )


def register(edition: Edition, name: str, organisation: str, status: str) -> Registration:
    return Registration.objects.create(
        edition=edition,
        name=name,
        email=f"{name.split()[0].lower()}@example.se",
        organisation=organisation,
        sector="public",
        category="esf_project",
        status=status,
    )


def badges_url(edition: Edition) -> str:
    return reverse("conference:badges", args=[edition.year])


def participants_url(edition: Edition) -> str:
    return reverse("conference:participants", args=[edition.year])


@pytest.mark.pdf
def test_badges_name_every_registered_participant_and_no_one_else(
    client_for: Any, edition: Edition
) -> None:
    register(edition, "Alva Nyström", "Lunds kommun", RegistrationStatus.REGISTERED)
    register(edition, "Omar Haddad", "Stadsmissionen", RegistrationStatus.REGISTERED)
    register(edition, "Bo Ek", "Region Skåne", RegistrationStatus.CANCELLED)
    register(edition, "Sara Lind", "Malmö universitet", RegistrationStatus.WAITLISTED)

    response = client_for(staff(StaffRole.ADMIN)).get(badges_url(edition))

    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert 'filename="samskapa-2031-badges.pdf"' in response["Content-Disposition"]
    document = PdfReader(BytesIO(response.content))
    text = " ".join(page.extract_text() for page in document.pages)
    for words in ("Alva Nyström", "Lunds kommun", "Omar Haddad", "Stadsmissionen"):
        assert words in text
    assert "Samskapa-konferensen 2031" in text
    assert "Bo Ek" not in text and "Sara Lind" not in text
    assert document.trailer["/Root"]["/Lang"] == "sv"


@pytest.mark.pdf
def test_the_participant_list_links_to_the_badges(client_for: Any, edition: Edition) -> None:
    page = client_for(staff(StaffRole.ADMIN)).get(participants_url(edition)).content.decode()

    assert badges_url(edition) in page


def test_badges_are_for_organisers_only(client_for: Any, edition: Edition) -> None:
    response = client_for(staff(StaffRole.COACH)).get(badges_url(edition))

    assert response.status_code == 403


@pytest.mark.skipif(pdf.available(), reason="PDF is available here: the badges are tested above")
def test_without_pango_the_participant_list_says_pdf_is_unavailable(
    client_for: Any, edition: Edition
) -> None:
    client = client_for(staff(StaffRole.ADMIN))
    page = client.get(participants_url(edition)).content.decode()

    assert badges_url(edition) not in page
    assert "PDF-dokument kan inte skapas på den här servern" in page
    assert client.get(badges_url(edition)).status_code == 404
