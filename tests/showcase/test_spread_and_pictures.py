"""Spread records (kept by the project, counted for the centre) and the case picture (checked
by content, with its copyright line and both confirmations)."""

from __future__ import annotations

import io
from datetime import date
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image

from samskapa.accounts.enums import StaffRole
from samskapa.showcase import selectors, services
from samskapa.showcase.enums import Scaling, SpreadKind, SpreadStatus
from samskapa.showcase.models import CaseVersion, SpreadRecord
from tests.factories.accounts import staff
from tests.factories.projects import ProjectFactory, lead_of, member_of
from tests.factories.showcase import SpreadRecordFactory, published_case

pytestmark = pytest.mark.django_db


def _png(size: tuple[int, int] = (12, 8)) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", size, (0, 89, 79)).save(buffer, format="PNG")
    return buffer.getvalue()


def test_the_way_of_scaling_follows_the_kind() -> None:
    record = SpreadRecordFactory(kind=SpreadKind.PARTNERING)
    assert record.scaling == Scaling.UP
    record.kind = SpreadKind.LEARNING
    record.save(update_fields=["kind"])
    record.refresh_from_db()
    assert record.scaling == Scaling.DEEP


def test_members_keep_the_records_through_the_pages(client_for: Any) -> None:
    project = ProjectFactory()
    client = client_for(member_of(project))
    url = reverse("showcase:spread-create", args=[project.pk])
    data = {
        "kind": SpreadKind.POLICY,
        "organisation": "Region Örebro län",
        "level": "regional",
        "instrument": "decision",
        "status": SpreadStatus.ADOPTED,
        "date": "2026-10-01",
        "evidence_url": "javascript:alert(1)",
    }
    response = client.post(url, data)
    assert response.status_code == 200 and "Region Örebro län" in response.content.decode()
    assert not SpreadRecord.objects.exists()
    response = client.post(url, {**data, "evidence_url": "https://example.se/beslut"})
    assert response.status_code == 302
    record = SpreadRecord.objects.get()
    assert record.scaling == Scaling.UP and not record.published
    other = client_for(lead_of(ProjectFactory()))
    assert other.get(reverse("showcase:spread-edit", args=[record.pk])).status_code == 404


def test_case_page_shows_only_published_records(client: Any) -> None:
    case = published_case()
    SpreadRecordFactory(project=case.project, organisation="Synlig kommun", published=True)
    SpreadRecordFactory(project=case.project, organisation="Dold kommun", published=False)
    body = client.get(case.get_absolute_url()).content.decode()
    assert "Synlig kommun" in body and "Dold kommun" not in body


def test_still_applied_count_for_the_results_catalogue() -> None:
    project = ProjectFactory()
    SpreadRecordFactory(project=project, status=SpreadStatus.STILL_APPLIED, published=False)
    SpreadRecordFactory(project=project, status=SpreadStatus.ADOPTED)
    SpreadRecordFactory(status=SpreadStatus.STILL_APPLIED)
    assert selectors.still_applied_count() == 2
    assert selectors.still_applied_count(project_ids=[project.pk]) == 1


def test_dashboard_counts_adoptions_by_type_level_and_year(client_for: Any) -> None:
    SpreadRecordFactory(kind=SpreadKind.REPLICATION, level="local", date=date(2026, 3, 1))
    SpreadRecordFactory(
        kind=SpreadKind.POLICY, level="national", status=SpreadStatus.STILL_APPLIED,
        date=date(2027, 3, 1),
    )  # fmt: skip
    SpreadRecordFactory(kind=SpreadKind.STORIES, status=SpreadStatus.PLANNED)
    overview = selectors.spread_overview()
    assert (overview.total, overview.adopted, overview.still_applied) == (3, 2, 1)
    assert dict(overview.by_year) == {2026: 1, 2027: 1}
    assert [count for _label, count in overview.by_scaling] == [1, 1, 0]
    response = client_for(staff(StaffRole.FUNDER)).get(reverse("showcase:spread-dashboard"))
    assert response.status_code == 200
    assert response.content.decode().count('class="chart-image"') == 3
    member = client_for(lead_of(ProjectFactory()))
    assert member.get(reverse("showcase:spread-dashboard")).status_code == 403


@pytest.fixture
def draft(client_for: Any) -> tuple[Any, CaseVersion]:
    project = ProjectFactory()
    lead = lead_of(project)
    version = services.start_version(project=project, by=lead)
    return client_for(lead), version


def _upload(client: Any, version: CaseVersion, content: bytes, name: str, **extra: Any) -> Any:
    data = {
        "file": SimpleUploadedFile(name, content),
        "credit": "Foto: Anna Berg",
        "alt": "Två personer vid ett bord",
        "rights": "on",
        "consent": "on",
        **extra,
    }
    return client.post(
        reverse("showcase:case-picture-upload", args=[version.case.project_id]), data
    )


def test_picture_with_credit_and_confirmations(draft: Any) -> None:
    client, version = draft
    response = _upload(client, version, _png(), "bild.png")
    assert response.status_code == 302
    version.refresh_from_db()
    assert version.picture_type == "image/png" and version.picture_credit == "Foto: Anna Berg"
    assert version.picture_rights_confirmed and version.picture_consent_confirmed
    assert version.picture.name.endswith(".png") and "bild" not in version.picture.name
    picture = client.get(reverse("showcase:case-picture", args=[version.pk]))
    assert picture.status_code == 200 and picture["Content-Type"] == "image/png"
    assert "sandbox" in picture["Content-Security-Policy"]
    client.logout()  # a draft's picture is not public
    assert client.get(reverse("showcase:case-picture", args=[version.pk])).status_code == 404


@pytest.mark.parametrize(
    ("content", "name", "extra", "message"),
    [
        (b"<svg xmlns='http://www.w3.org/2000/svg'/>", "bild.png", {}, "must be a PNG or JPEG"),
        (b"\x89PNG\r\n\x1a\n" + b"\0" * 40, "bild.png", {}, "not a picture that can be read"),
        (_png(), "bild.png", {"consent": ""}, "This field is required"),
        (_png(), "bild.png", {"credit": ""}, "This field is required"),
    ],
)
def test_bad_pictures_are_refused_with_a_reason(
    draft: Any, content: bytes, name: str, extra: dict[str, str], message: str
) -> None:
    client, version = draft
    response = _upload(client, version, content, name, **extra)
    assert response.status_code == 200
    assert message in response.content.decode()
    version.refresh_from_db()
    assert not version.picture
