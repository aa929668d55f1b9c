"""The staff import flow: upload → preview (with manual mapping) → confirm → result."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import translation

from samskapa.accounts.enums import StaffRole
from samskapa.accounts.models import User
from samskapa.core.models import AuditEvent
from samskapa.projects.models import Project
from tests.factories.accounts import staff
from tests.factories.projects import CallFactory
from tests.projects.test_importer import HEADER, PERSONNUMMER, ROW_A, ROW_B, csv_bytes

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _media(settings: Any, tmp_path: Path) -> Iterator[None]:
    settings.MEDIA_ROOT = tmp_path
    with translation.override("en"):
        yield


@pytest.fixture
def admin() -> User:
    return staff(StaffRole.ADMIN)


def upload(client: Any, data: bytes, name: str = "beviljade.csv", call: Any = "") -> Any:
    return client.post(
        reverse("projects:import-upload"),
        {"file": SimpleUploadedFile(name, data), "call": call},
    )


def test_upload_preview_confirm_creates_the_projects(
    client_for: Any, admin: User, tmp_path: Path
) -> None:
    client = client_for(admin)
    call = CallFactory()
    response = upload(client, csv_bytes([HEADER, ROW_A, ROW_B]), call=call.pk)
    assert response.status_code == 302
    stored = list((tmp_path / "imports").iterdir())
    assert len(stored) == 1 and "beviljade" not in stored[0].name  # a random name
    preview = client.get(reverse("projects:import-preview"))
    assert [row.action for row in preview.context["plan"].rows] == ["create", "create"]
    assert Project.objects.filter(number__startswith="25-30").count() == 0
    result = client.post(reverse("projects:import-confirm"))
    assert result.status_code == 200
    assert result.context["result"].created == 2
    assert Project.objects.get(number="25-301-S01").call == call
    assert AuditEvent.objects.filter(action="import", actor=admin)
    assert list((tmp_path / "imports").iterdir()) == []


def test_broken_file_shows_every_error_and_confirm_writes_nothing(
    client_for: Any, admin: User
) -> None:
    client = client_for(admin)
    bad = [*ROW_B[:4], "snart", *ROW_B[5:]]
    upload(client, csv_bytes([HEADER, ROW_A, bad, ROW_A]), call=CallFactory().pk)
    preview = client.get(reverse("projects:import-preview"))
    errors = [(e.row, e.column) for e in preview.context["plan"].errors]
    assert errors == [(3, "Startdatum"), (2, "Projektnummer"), (4, "Projektnummer")]
    assert "Nothing will be imported" in preview.content.decode() or preview.context["plan"].errors
    before = Project.objects.count()
    response = client.post(reverse("projects:import-confirm"))
    assert response.status_code == 302
    assert Project.objects.count() == before


def test_personnummer_file_is_refused_with_the_reason(client_for: Any, admin: User) -> None:
    client = client_for(admin)
    upload(client, csv_bytes([[*HEADER, "Pnr"], [*ROW_A, PERSONNUMMER]]), call=CallFactory().pk)
    preview = client.get(reverse("projects:import-preview"))
    errors = preview.context["plan"].errors
    assert len(errors) == 1
    assert PERSONNUMMER not in preview.content.decode()  # the value is never echoed


def test_unknown_header_is_mapped_by_hand(client_for: Any, admin: User) -> None:
    client = client_for(admin)
    data = csv_bytes([[*HEADER, "Kort text"], [*ROW_A, "Om projektet"]])
    upload(client, data, call=CallFactory().pk)
    preview = client.get(reverse("projects:import-preview"))
    assert preview.context["unknown"] == [("korttext", "Kort text")]
    client.post(reverse("projects:import-preview"), {"map-korttext": "summary"})
    preview = client.get(reverse("projects:import-preview"))
    assert preview.context["unknown"] == []
    client.post(reverse("projects:import-confirm"))
    assert Project.objects.get(number="25-301-S01").summary == "Om projektet"


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("lista.pdf", b"%PDF-1.4"),
        ("lista.xlsx", b"not a zip file"),
        ("lista.csv", b"PK\x03\x04 a workbook renamed"),
    ],
)
def test_upload_refuses_other_file_types(
    client_for: Any, admin: User, name: str, data: bytes
) -> None:
    response = upload(client_for(admin), data, name=name)
    assert response.status_code == 200
    assert response.context["form"].errors["file"]


def test_preview_without_upload_sends_back_to_the_form(client_for: Any, admin: User) -> None:
    response = client_for(admin).get(reverse("projects:import-preview"))
    assert response.status_code == 302
    assert response["Location"] == reverse("projects:import-upload")
