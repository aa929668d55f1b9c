"""Import of European initiatives from SIM and Kohesio exports: CSV and JSON, preview, all or
nothing, every bad row listed, updates in place."""

from __future__ import annotations

import datetime
import json
import re
from pathlib import Path
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from samskapa.accounts.models import User
from samskapa.core.models import AuditAction, AuditEvent
from samskapa.europe import importer
from samskapa.europe.enums import Source
from samskapa.europe.models import Initiative
from tests.factories.europe import InitiativeFactory

pytestmark = pytest.mark.django_db

EXAMPLES = Path(__file__).resolve().parents[2] / "docs" / "examples"

CSV = (
    "ID;Title;Description;Country;Lead organisation;Programme;Themes;Start date;End date;URL\n"
    "SIM-1;Job coaches in libraries;Open hours in libraries.;Finland;City of Lakeside;"
    "ESF+ Finland;Employment; 2023-03-01;2026-02-28;https://example.org/sim/1\n"
    "SIM-2;Peer mentors;Young people leaving care.;NL;Stepping Stones;ESF+;Youth|Care leavers;"
    "1/9/2022;;\n"
)


def test_a_sim_csv_is_read_with_its_headers_mapped() -> None:
    parsed = importer.parse(CSV.encode(), "sim.csv", source=Source.SIM)
    assert parsed.errors == []
    first, second = parsed.rows
    assert (first.row, first.source_id, first.action) == (2, "SIM-1", "create")
    assert first.values["country"] == "FI"
    assert first.values["organisation"] == "City of Lakeside"
    assert first.values["starts_on"] == datetime.date(2023, 3, 1)
    assert first.values["source_url"] == "https://example.org/sim/1"
    assert second.values["themes"] == "Youth; Care leavers"
    assert second.values["ends_on"] is None


def test_a_kohesio_json_export_is_read_from_its_results_list() -> None:
    data = {
        "results": [
            {
                "item": "Q123",
                "label": "Roma health mediators",
                "description": "Mediators in primary care.",
                "countryCode": "ro",
                "beneficiaries": ["County Health Directorate", "Village Association"],
                "fund": "ESF+",
                "categories": ["Health", "Roma inclusion"],
                "startTime": "2023-04-01T00:00:00Z",
                "endTime": "2027-03-31T00:00:00Z",
                "link": "https://example.org/kohesio/Q123",
                "budget": 120000,
            }
        ]
    }
    parsed = importer.parse(json.dumps(data).encode(), "k.json", source=Source.KOHESIO)
    assert parsed.errors == []
    (row,) = parsed.rows
    assert row.source_id == "Q123"
    assert row.values["country"] == "RO"
    assert row.values["organisation"] == "County Health Directorate; Village Association"
    assert row.values["themes"] == "Health; Roma inclusion"
    assert row.values["starts_on"] == datetime.date(2023, 4, 1)
    assert parsed.unknown == ["budget"]


def test_every_bad_row_is_listed_with_its_reason_and_nothing_is_written(admin: User) -> None:
    data = (
        "ID,Title,Country,Start date,End date,URL,Example\n"
        "A-1,Good row,SE,2024-01-01,2024-12-31,,no\n"
        "A-2,,SE,,,,\n"  # no title
        "A-3,Bad country,Atlantis,,,,\n"
        "A-4,Bad date,FI,31/31/2024,,,\n"
        "A-5,Ends before it starts,FI,2024-05-01,2024-01-01,,\n"
        "A-6,Bad address,FI,,,javascript:alert(1),\n"
        "A-1,Same identifier again,FI,,,,\n"
        "A-8,Bad flag,FI,,,,perhaps\n"
        "A-9,19811218-9801,FI,,,,\n"
    )
    parsed = importer.parse(data.encode(), "x.csv", source=Source.SIM)
    rows_with_errors = sorted({issue.row for issue in parsed.errors})
    assert rows_with_errors == [3, 4, 5, 6, 7, 8, 9, 10]
    messages = " ".join(issue.message for issue in parsed.errors)
    assert "required" in messages
    assert "Atlantis" in messages
    assert "also appears on row 2" in messages
    assert "personal identity number" in messages
    with pytest.raises(importer.ImportFailed):
        importer.commit(parsed, by=admin)
    assert not Initiative.objects.exists()


def test_a_file_without_the_required_columns_is_refused() -> None:
    parsed = importer.parse(b"Country,Summary\nFI,Text\n", "x.csv", source=Source.SIM)
    assert [issue.message for issue in parsed.errors] == ["Columns missing: ID, Title."]


@pytest.mark.parametrize(
    "data, filename",
    [
        (b"{not json", "x.json"),
        (b'{"something": 1}', "x.json"),
        (b"[1, 2]", "x.json"),
        (b"", "x.csv"),
        (b'"unclosed', "x.csv"),
        (b"\x00\x01\x02", "x.csv"),
    ],
)
def test_unreadable_files_are_refused_with_a_message(data: bytes, filename: str) -> None:
    parsed = importer.parse(data, filename, source=Source.SIM)
    assert parsed.errors and not parsed.rows
    assert all(issue.message for issue in parsed.errors)


def test_importing_again_updates_in_place_and_an_unchanged_row_stays(admin: User) -> None:
    existing = InitiativeFactory(source=Source.SIM, source_id="SIM-1", title="Old title")
    unchanged = InitiativeFactory(
        source=Source.SIM,
        source_id="SIM-2",
        title="Peer mentors",
        summary="Young people leaving care.",
        country="NL",
        organisation="Stepping Stones",
        programme="ESF+",
        themes="Youth; Care leavers",
        starts_on=datetime.date(2022, 9, 1),
        ends_on=None,
        source_url="",
    )
    InitiativeFactory(source=Source.KOHESIO, source_id="SIM-1", title="Another source")
    parsed = importer.parse(CSV.encode(), "sim.csv", source=Source.SIM)
    assert [(r.source_id, r.action) for r in parsed.rows] == [
        ("SIM-1", "update"),
        ("SIM-2", "unchanged"),
    ]
    assert "title" in parsed.rows[0].changed
    counts = importer.commit(parsed, by=admin)
    assert counts == {"create": 0, "update": 1, "unchanged": 1}
    existing.refresh_from_db()
    assert existing.title == "Job coaches in libraries"
    assert Initiative.objects.get(source=Source.KOHESIO).title == "Another source"
    unchanged.refresh_from_db()
    assert unchanged.title == "Peer mentors"
    assert AuditEvent.objects.filter(action=AuditAction.IMPORT).count() == 1


@pytest.mark.parametrize(
    "name, source",
    [
        ("sim-initiatives-example.csv", Source.SIM),
        ("kohesio-initiatives-example.json", Source.KOHESIO),
    ],
)
def test_the_documented_example_files_import_without_errors(
    name: str, source: str, admin: User
) -> None:
    parsed = importer.parse((EXAMPLES / name).read_bytes(), name, source=source)
    assert parsed.errors == []
    assert parsed.rows and all(row.values.get("is_example") for row in parsed.rows)
    importer.commit(parsed, by=admin)
    assert Initiative.objects.filter(source=source, is_example=True).count() == len(parsed.rows)


def _upload(client: Any, data: bytes, name: str, source: str = Source.SIM) -> Any:
    return client.post(
        reverse("europe:import"), {"source": source, "file": SimpleUploadedFile(name, data)}
    )


def test_the_pages_preview_then_import(admin: User, login: Any) -> None:
    client = login(admin)
    response = _upload(client, CSV.encode(), "sim.csv")
    assert response.status_code == 302
    preview = client.get(reverse("europe:import-preview"))
    assert "2 initiatives in the file" in preview.content.decode()
    assert not Initiative.objects.exists()
    response = client.post(reverse("europe:import-confirm"))
    assert response.status_code == 302
    assert Initiative.objects.count() == 2


def test_a_file_with_errors_is_shown_and_confirming_writes_nothing(admin: User, login: Any) -> None:
    client = login(admin)
    _upload(client, b"ID,Title\nA-1,\nA-2,Fine\n", "bad.csv")
    preview = client.get(reverse("europe:import-preview")).content.decode()
    assert "The file has 1 error" in preview
    assert "This value is required." in preview
    response = client.post(reverse("europe:import-confirm"))
    assert response.status_code == 302
    assert not Initiative.objects.exists()


def test_the_upload_form_keeps_the_source_and_says_what_is_wrong(admin: User, login: Any) -> None:
    client = login(admin)
    response = _upload(client, b"x", "list.xlsx", source=Source.KOHESIO)
    assert response.status_code == 200
    page = response.content.decode()
    assert "Choose a .csv or .json file." in page
    assert re.search(r'value="kohesio"[^>]*checked', page)
