"""The importer against a corpus of good and broken files, generated here."""

from __future__ import annotations

import io
from collections.abc import Iterator
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.utils import translation
from openpyxl import Workbook

from samskapa.accounts.models import Organisation
from samskapa.projects import importer
from samskapa.projects.models import Project
from tests.factories.accounts import OrganisationFactory
from tests.factories.projects import CallFactory, ProjectFactory

HEADER = ["Projektnummer", "Projektnamn", "Projektägare", "Organisationsnummer", "Startdatum",
          "Slutdatum", "Beviljat ESF-stöd", "Region"]  # fmt: skip
ROW_A = ["25-301-S01", "Trygga steg", "Föreningen Ordbron", "802468-1358", "2025-03-01",
         "2027-02-28", "1 234 567,50 kr", "Skåne"]  # fmt: skip
ROW_B = ["25-302-S01", "Växtkraft", "Örebro kommun", "212000-1843", "1 april 2025",
         "31/3/2027", "2 900 000", "Örebro län"]  # fmt: skip
# A valid personnummer shape (date + Luhn) made up for the test.
PERSONNUMMER = "19811218-9876"


@pytest.fixture(autouse=True)
def _english() -> Iterator[None]:
    # Messages are asserted in English unless a test switches to Swedish.
    with translation.override("en"):
        yield


def csv_bytes(rows: list[list[Any]], *, delimiter: str = ";", encoding: str = "utf-8") -> bytes:
    text = "\r\n".join(delimiter.join(str(v) for v in row) for row in rows) + "\r\n"
    return text.encode(encoding)


def xlsx_bytes(rows: list[list[Any]], merge: str = "") -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    for row in rows:
        sheet.append(row)
    if merge:
        sheet.merge_cells(merge)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def parse(data: bytes, name: str = "file.csv", **kwargs: Any) -> importer.ParsedFile:
    return importer.parse_file(data, name, **kwargs)


def messages(parsed: importer.ParsedFile) -> list[tuple[int, str, str]]:
    return [(e.row, e.column, e.message) for e in parsed.errors]


# --- Values ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1 234 567,50 kr", Decimal("1234567.50")),
        ("1\u00a0234\u00a0567 kr", Decimal("1234567.00")),
        ("SEK 1,234,567.50", Decimal("1234567.50")),
        ("1.234.567,50", Decimal("1234567.50")),
        ("7 450 000:-", Decimal("7450000.00")),
        (7450000, Decimal("7450000.00")),
        ("", None),
    ],
)
def test_parse_amount_reads_swedish_and_english_amounts(text: Any, expected: Any) -> None:
    assert importer.parse_amount(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2024-02-01", date(2024, 2, 1)),
        ("20240201", date(2024, 2, 1)),
        ("1/2/2024", date(2024, 2, 1)),
        ("1.2.2024", date(2024, 2, 1)),
        ("1 februari 2024", date(2024, 2, 1)),
        ("1 feb. 2024", date(2024, 2, 1)),
        ("15 okt 2024", date(2024, 10, 15)),
    ],
)
def test_parse_date_reads_swedish_and_iso_dates(text: str, expected: date) -> None:
    assert importer.parse_date(text) == expected


def test_headers_match_ignoring_case_spaces_and_punctuation() -> None:
    for header in ("Ärende-ID", "ärende id", "DIARIENUMMER", "Project number", "project_number"):
        assert importer.ALIASES[importer.normalise_header(header)] == "number"
    assert importer.ALIASES[importer.normalise_header("Beviljat ESF-stöd")] == "granted_support"
    assert importer.ALIASES[importer.normalise_header("Projektstart")] == "start"


# --- Encodings and delimiters -------------------------------------------------------------


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "cp1252"])
@pytest.mark.parametrize("delimiter", [";", ","])
def test_csv_in_each_encoding_and_delimiter(encoding: str, delimiter: str) -> None:
    rows = [HEADER, [v.replace(",", ".") for v in ROW_A], ROW_B]
    parsed = parse(csv_bytes(rows, delimiter=delimiter, encoding=encoding))
    assert parsed.errors == []
    assert [r.values["name"] for r in parsed.rows] == ["Trygga steg", "Växtkraft"]
    assert parsed.rows[0].values["owner_name"] == "Föreningen Ordbron"
    assert parsed.rows[1].values["region"] == "orebro"


def test_empty_and_trailing_rows_are_ignored() -> None:
    rows = [[], ["", ""], HEADER, ROW_A, ["", "", ""], ROW_B, [], [";;;"], []]
    parsed = parse(csv_bytes(rows))
    assert parsed.errors == []
    assert [r.row for r in parsed.rows] == [4, 6]


def test_xlsx_reads_typed_cells() -> None:
    row = [*ROW_A[:4], date(2025, 3, 1), date(2027, 2, 28), 1234567.5, "Skåne"]
    parsed = parse(xlsx_bytes([HEADER, row]), "file.xlsx")
    assert parsed.errors == []
    assert parsed.rows[0].values["start"] == date(2025, 3, 1)
    assert parsed.rows[0].values["granted_support"] == Decimal("1234567.50")


# --- Broken files -------------------------------------------------------------------------


def test_bad_dates_are_reported_with_row_and_column() -> None:
    bad = [*ROW_A[:4], "31 februari 2025", "snart", *ROW_A[6:]]
    parsed = parse(csv_bytes([HEADER, bad]))
    assert [(row, column) for row, column, _m in messages(parsed)] == [
        (2, "Startdatum"),
        (2, "Slutdatum"),
    ]


def test_duplicate_project_numbers_are_an_error_on_each_row() -> None:
    parsed = parse(csv_bytes([HEADER, ROW_A, ROW_B, ROW_A]))
    assert [(row, column) for row, column, _m in messages(parsed)] == [
        (2, "Projektnummer"),
        (4, "Projektnummer"),
    ]


def test_missing_required_columns_are_listed() -> None:
    parsed = parse(csv_bytes([["Region", "Startdatum"], ["Skåne", "2025-01-01"]]))
    assert len(parsed.errors) == 1
    assert "Project number" in parsed.errors[0].message
    assert "Project name" in parsed.errors[0].message
    assert "Organisation number or Project owner" in parsed.errors[0].message


def test_a_personnummer_column_refuses_the_whole_file() -> None:
    rows = [[*HEADER, "Kontakt pnr"], [*ROW_A, ""], [*ROW_B, PERSONNUMMER]]
    parsed = parse(csv_bytes(rows))
    assert parsed.rows == []
    assert [(e.row, e.column) for e in parsed.errors] == [(3, "Kontakt pnr")]
    assert "personal identity numbers" in parsed.errors[0].message


def test_formulas_in_csv_and_uncalculated_xlsx_formulas_are_errors() -> None:
    row = [*ROW_A[:6], "=1000*2", ROW_A[7]]
    parsed = parse(csv_bytes([HEADER, row]))
    assert [(e.row, e.column) for e in parsed.errors] == [(2, "Beviljat ESF-stöd")]
    parsed = parse(xlsx_bytes([HEADER, row]), "file.xlsx")
    assert [(e.row, e.column) for e in parsed.errors] == [(2, "Beviljat ESF-stöd")]
    assert "formula" in parsed.errors[0].message


def test_merged_header_cells_are_an_error() -> None:
    parsed = parse(xlsx_bytes([HEADER, ROW_A], merge="A1:B1"), "file.xlsx")
    assert [(e.row, e.column) for e in parsed.errors] == [(1, "A1:B1")]


def test_a_broken_xlsx_is_a_clear_error() -> None:
    parsed = parse(b"PK\x03\x04 not really a workbook", "file.xlsx")
    assert [e.message for e in parsed.errors] == [
        "The file could not be read as an Excel workbook."
    ]


def test_unknown_headers_are_listed_and_can_be_mapped_by_hand() -> None:
    rows = [[*HEADER, "Projektets kortnamn"], [*ROW_A, "Steg"]]
    parsed = parse(csv_bytes(rows))
    assert parsed.unknown == ["Projektets kortnamn"]
    mapped = parse(csv_bytes(rows), mapping={"projektetskortnamn": "summary"})
    assert mapped.unknown == []
    assert mapped.rows[0].values["summary"] == "Steg"


def test_errors_are_in_swedish_when_swedish_is_active() -> None:
    bad = [*ROW_A[:4], "snart", *ROW_A[5:]]
    with translation.override("sv"):
        parsed = parse(csv_bytes([HEADER, bad]))
    assert parsed.errors[0].message == (
        "”snart” är inget datum. Skriv det som ÅÅÅÅ-MM-DD, till exempel 2024-02-01."
    )


# --- Committing ---------------------------------------------------------------------------


@pytest.mark.django_db
def test_commit_creates_projects_and_matches_organisations_on_number() -> None:
    call = CallFactory()
    orebro = OrganisationFactory(name="Örebro kommun", org_number="212000-1843")
    parsed = parse(csv_bytes([HEADER, ROW_A, ROW_B]))
    result = importer.commit_import(parsed, call=call)
    assert (result.created, result.updated, result.unchanged) == (2, 0, 0)
    a = Project.objects.get(number="25-301-S01")
    assert a.granted_support == Decimal("1234567.50")
    assert a.call == call
    assert a.owner.sector == "civil_society"  # new organisation, sector from its number
    assert Project.objects.get(number="25-302-S01").owner == orebro


@pytest.mark.django_db
def test_importing_the_same_file_twice_changes_nothing() -> None:
    data = csv_bytes([HEADER, ROW_A, ROW_B])
    importer.commit_import(parse(data))
    history = Project.history.count()
    organisations = Organisation.objects.count()
    plan = importer.plan_import(parse(data))
    assert [row.action for row in plan.rows] == ["unchanged", "unchanged"]
    result = importer.commit_import(parse(data))
    assert (result.created, result.updated, result.unchanged) == (0, 0, 2)
    assert Project.history.count() == history
    assert Organisation.objects.count() == organisations


@pytest.mark.django_db
def test_an_existing_project_number_is_updated_in_place() -> None:
    project = ProjectFactory(
        number="23-012-S01",
        name="Vägar in",
        owner=OrganisationFactory(org_number="212000-1843"),
        granted_support=Decimal("7450000"),
    )
    rows = [
        ["Project number", "Project name", "Organisation number", "Granted ESF support"],
        ["23-012-s01", "Vägar in 2.0", project.owner.org_number, "8 000 000 kr"],
    ]
    plan = importer.plan_import(parse(csv_bytes(rows, delimiter=",")))
    assert plan.rows[0].action == "update"
    assert sorted(plan.rows[0].changed) == ["granted ESF support (SEK)", "name"]
    importer.commit_import(parse(csv_bytes(rows, delimiter=",")))
    project.refresh_from_db()
    assert (project.name, project.granted_support) == ("Vägar in 2.0", Decimal("8000000.00"))
    assert project.challenge  # fields the file does not have are kept


@pytest.mark.django_db
def test_one_bad_row_writes_nothing() -> None:
    before = Project.objects.count()
    bad = [*ROW_B[:3], "123", *ROW_B[4:]]
    with pytest.raises(importer.ImportFailed) as failure:
        importer.commit_import(parse(csv_bytes([HEADER, ROW_A, bad])))
    assert [(e.row, e.column) for e in failure.value.errors] == [(3, "Organisationsnummer")]
    assert Project.objects.count() == before
    assert not Organisation.objects.filter(org_number="802468-1358").exists()


@pytest.mark.django_db
def test_unknown_call_reference_is_an_error() -> None:
    rows = [[*HEADER, "Utlysning"], [*ROW_A, "1999/00001"]]
    plan = importer.plan_import(parse(csv_bytes(rows)))
    assert [(e.row, e.column) for e in plan.errors] == [(2, "Utlysning")]


# --- The command ----------------------------------------------------------------------------


@pytest.mark.django_db
def test_command_imports_the_example_file_and_dry_run_writes_nothing(capsys: Any) -> None:
    example = Path(__file__).resolve().parents[2] / "docs/examples/granted-projects-example.xlsx"
    CallFactory(reference="2023/00187")
    before = Project.objects.count()
    call_command("import_projects", str(example), "--call", "2023/00187", "--dry-run")
    assert Project.objects.count() == before
    call_command("import_projects", str(example), "--call", "2023/00187")
    assert Project.objects.count() == before + 3
    assert "3/3" in capsys.readouterr().out


@pytest.mark.django_db
def test_command_fails_with_the_error_list(tmp_path: Path, capsys: Any) -> None:
    path = tmp_path / "bad.csv"
    path.write_bytes(csv_bytes([HEADER, ROW_A, ROW_A]))
    with pytest.raises(CommandError):
        call_command("import_projects", str(path))
    assert "25-301-S01" in capsys.readouterr().err


def test_a_title_row_above_the_table_is_skipped_even_when_merged() -> None:
    rows = [["Beviljade projekt 2025", None, None], [], HEADER, ROW_A]
    parsed = parse(xlsx_bytes(rows, merge="A1:C1"), "file.xlsx")
    assert parsed.errors == []
    assert [r.row for r in parsed.rows] == [4]


def test_excel_sep_line_names_the_delimiter() -> None:
    data = b"sep=;\r\n" + csv_bytes([HEADER, ROW_A])
    parsed = parse(data)
    assert parsed.errors == []
    assert parsed.rows[0].row == 3
    assert parsed.rows[0].values["name"] == "Trygga steg"
