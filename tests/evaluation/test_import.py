"""The import of values from a spreadsheet: preview, all or nothing, every bad row listed,
no personal identity numbers."""

from __future__ import annotations

import io
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import Workbook

from samskapa.accounts.models import User
from samskapa.evaluation import importer
from samskapa.evaluation.enums import ValueStatus
from samskapa.evaluation.models import Value
from samskapa.projects.models import Project
from tests.factories.evaluation import IndicatorFactory, half_years

pytestmark = pytest.mark.django_db

HEADER = ["Projektnummer", "Indikator", "Period", "Värde", "Kvinnor", "Män"]


def _xlsx(rows: list[list[Any]]) -> bytes:
    book = Workbook()
    sheet = book.active
    for row in [HEADER, *rows]:
        sheet.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _upload(client: Any, data: bytes) -> Any:
    client.post(reverse("evaluation:import"), {"file": SimpleUploadedFile("v.xlsx", data)})
    return client.get(reverse("evaluation:import-preview"))


def test_a_valid_file_is_previewed_then_imported_and_submitted(
    project: Project, other_project: Project, admin: User, login: Any, settings: Any, tmp_path: Any
) -> None:
    settings.MEDIA_ROOT = tmp_path
    indicator = IndicatorFactory(code="ZZ10", by_gender=True)
    (period,) = half_years(project.call, 1)
    client = login(admin)
    preview = _upload(
        client,
        _xlsx(
            [
                [project.number, "zz10", period.name, 12, 7, 5],
                [other_project.number, "ZZ10", period.name, 8, None, None],
            ]
        ),
    )
    assert preview.status_code == 200
    assert "2 values will be imported" in preview.content.decode()
    assert not Value.objects.exists()
    client.post(reverse("evaluation:import-confirm"))
    values = Value.objects.filter(indicator=indicator).order_by("value")
    assert [(v.value, v.status) for v in values] == [
        (8, ValueStatus.SUBMITTED),
        (12, ValueStatus.SUBMITTED),
    ]


def test_every_bad_row_is_listed_and_nothing_is_imported(
    project: Project, admin: User, login: Any, settings: Any, tmp_path: Any
) -> None:
    settings.MEDIA_ROOT = tmp_path
    IndicatorFactory(code="ZZ11", by_gender=True)
    (period,) = half_years(project.call, 1)
    client = login(admin)
    preview = _upload(
        client,
        _xlsx(
            [
                [project.number, "ZZ11", period.name, 5, 4, 3],  # breakdown above the total
                ["99-999-S99", "ZZ11", period.name, 5, None, None],  # no such project
                [project.number, "NOPE", period.name, 5, None, None],  # no such indicator
                [project.number, "ZZ11", "1999 H1", "fem", None, None],  # period, number
                [project.number, "ZZ11", period.name, 2, None, None],  # fine on its own
            ]
        ),
    ).content.decode()
    for row in ("2", "3", "4", "5"):
        assert f'<td class="num">{row}</td>' in preview
    assert "exceeds the total" in preview
    assert "is not a whole number" in preview
    client.post(reverse("evaluation:import-confirm"))
    assert not Value.objects.exists()


def test_a_personal_identity_number_refuses_the_file(project: Project) -> None:
    IndicatorFactory(code="ZZ12")
    (period,) = half_years(project.call, 1)
    parsed = importer.parse(
        _xlsx([["19811218-9876", "ZZ12", period.name, 5, None, None]]), "v.xlsx"
    )
    assert not parsed.ok
    assert "personal identity number" in parsed.errors[0].message


def test_the_example_file_has_the_documented_columns() -> None:
    parsed = importer.parse(importer.example_workbook(), "example.xlsx")
    # The demo's projects are not in this database: the columns are read, the rows refused.
    assert all("Columns missing" not in issue.message for issue in parsed.errors)
