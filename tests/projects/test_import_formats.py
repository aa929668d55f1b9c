"""The import reads lists as the ESF Council writes them (issue 12, point 6): headers with a
unit in parentheses, regions as counties, NUTS-2 regions or national, Samskapa's own export
read back unchanged, the call asked for when the file has none, and each new lead invited."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.urls import reverse
from django.utils import translation

from samskapa.accounts.enums import COUNTY_NUTS2, NutsRegion, Region
from samskapa.accounts.validators import luhn_ok
from samskapa.projects import importer
from samskapa.projects.enums import MemberRole
from samskapa.projects.models import Invitation, Project
from tests.factories.accounts import OrganisationFactory, staff
from tests.factories.projects import CallFactory, ProjectFactory

pytestmark = pytest.mark.django_db


def org_number(seed: int) -> str:
    """A valid organisation number (third digit 2 or more, Luhn check digit)."""
    base = f"55{6000 + seed:04d}{seed % 1000:03d}"
    check = next(d for d in range(10) if luhn_ok(base + str(d)))
    return f"{base[:6]}-{base[6:]}{check}"


def csv_file(rows: list[list[Any]]) -> bytes:
    buffer = io.StringIO()
    csv.writer(buffer, delimiter=";").writerows(rows)
    return buffer.getvalue().encode()


@pytest.fixture(autouse=True)
def _setup(settings: Any, tmp_path: Path) -> Iterator[None]:
    settings.MEDIA_ROOT = tmp_path
    with translation.override("sv"):
        yield


# --- Headers with units -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("header", "key"),
    [
        ("Beviljat ESF-stöd (kr)", "granted_support"),
        ("Medfinansieringsgrad (%)", "cofinancing_rate"),
        ("EU:s medfinansieringsgrad (%)", "cofinancing_rate"),
        ("Total budget (SEK)", "total_budget"),
        ("Granted ESF support (SEK)", "granted_support"),
        ("Planerat antal deltagare (st)", "planned_participants"),
        ("Co-financing rate [%]", "cofinancing_rate"),
        ("NUTS-2 region (riksområde)", "nuts_region"),
        ("Projektnamn", "name"),
    ],
)
def test_headers_with_a_unit_in_parentheses_are_recognised(header: str, key: str) -> None:
    assert importer.column_key(header) == key


def test_an_unknown_header_with_a_unit_stays_unknown() -> None:
    assert importer.column_key("Antal möten (st)") is None


def test_a_file_with_unit_headers_is_read_with_its_values() -> None:
    data = csv_file([
        ["Ärende-ID", "Projektnamn", "Organisationsnummer", "Projektägare",
         "Beviljat ESF-stöd (kr)", "Medfinansieringsgrad (%)", "Total budget (kr)"],
        ["26-101-S01", "Vägar in", org_number(1), "Kommunen", "1 234 567,50", "95 %", "2 000 000"],
    ])  # fmt: skip
    parsed = importer.parse_file(data, "lista.csv")
    assert parsed.errors == []
    values = parsed.rows[0].values
    assert values["granted_support"] == Decimal("1234567.50")
    assert values["cofinancing_rate"] == Decimal("95.00")
    assert values["total_budget"] == Decimal("2000000.00")


# --- Regions ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("written", "county", "nuts"),
    [
        ("Skåne", "skane", "SE22"),
        ("Skåne län", "skane", "SE22"),
        ("Region Gotland", "gotland", "SE21"),
        ("Västra Götalands län", "vastra_gotaland", "SE23"),
        ("Jämtland Härjedalen", "jamtland", "SE32"),
        ("Stockholms län", "stockholm", "SE11"),
        ("Stockholm", "stockholm", "SE11"),
        ("Norrbottens län", "norrbotten", "SE33"),
        ("Sydsverige", "", "SE22"),
        ("Östra Mellansverige", "", "SE12"),
        ("Småland med öarna", "", "SE21"),
        ("Övre Norrland", "", "SE33"),
        ("Mellersta Norrland (SE32)", "", "SE32"),
        ("SE31", "", "SE31"),
        ("se23", "", "SE23"),
        ("Riksområde SE11", "", "SE11"),
        ("Nationell", "", "SE"),
        ("Hela Sverige", "", "SE"),
        ("", "", ""),
    ],
)
def test_regions_as_the_esf_council_and_eurostat_write_them(
    written: str, county: str, nuts: str
) -> None:
    assert importer.parse_region(written) == (county, nuts)


@pytest.mark.parametrize("written", ["Norrland", "SE99", "Oslo"])
def test_a_region_that_is_none_of_them_is_an_error(written: str) -> None:
    with pytest.raises(importer.ValueProblem):
        importer.parse_region(written)


def test_every_county_has_one_nuts_region() -> None:
    assert set(COUNTY_NUTS2) == set(Region.values)
    assert set(COUNTY_NUTS2.values()) == set(NutsRegion.values) - {NutsRegion.NATIONAL}


def test_a_county_implies_its_nuts_region_when_saved() -> None:
    project = ProjectFactory(region=Region.KALMAR, nuts_region="")
    project.refresh_from_db()
    assert project.nuts_region == NutsRegion.SE21
    project.region = Region.HALLAND
    project.save(update_fields=["region"])
    project.refresh_from_db()
    assert project.nuts_region == NutsRegion.SE23


def test_a_county_and_a_nuts_column_that_disagree_is_an_error() -> None:
    data = csv_file([
        ["Ärende-ID", "Projektnamn", "Organisationsnummer", "Län", "Riksområde"],
        ["26-102-S01", "Vägar in", org_number(2), "Skåne", "SE33"],
        ["26-103-S01", "Vägar ut", org_number(3), "Skåne", "Sydsverige"],
    ])  # fmt: skip
    parsed = importer.parse_file(data, "lista.csv")
    assert [(e.row, e.column) for e in parsed.errors] == [(2, "Riksområde")]
    assert parsed.rows[1].values["region"] == "skane"
    assert parsed.rows[1].values["nuts_region"] == "SE22"


def test_imported_regions_are_stored_as_county_and_nuts_region() -> None:
    call = CallFactory()
    rows = [
        ["Ärende-ID", "Projektnamn", "Organisationsnummer", "Projektägare", "Region"],
        ["26-111-S01", "Län", org_number(11), "Ett", "Dalarnas län"],
        ["26-112-S01", "Riksområde", org_number(12), "Två", "SE32"],
        ["26-113-S01", "Nationellt", org_number(13), "Tre", "Hela Sverige"],
    ]
    parsed = importer.parse_file(csv_file(rows), "lista.csv")
    importer.commit_import(parsed, call=call)
    stored = {p.number: (p.region, p.nuts_region) for p in Project.objects.filter(call=call)}
    assert stored == {
        "26-111-S01": ("dalarna", "SE31"),
        "26-112-S01": ("", "SE32"),
        "26-113-S01": ("", "SE"),
    }


def test_the_project_page_shows_the_nuts_region(client_for: Any) -> None:
    project = ProjectFactory(region=Region.VASTERBOTTEN)
    response = client_for(staff("admin")).get(project.get_absolute_url())
    assert response.status_code == 200
    assert "Övre Norrland (SE33)" in response.content.decode()


# --- Export → import ----------------------------------------------------------------------


def _exported_world() -> None:
    call = CallFactory()
    owners = [OrganisationFactory(org_number=org_number(20 + n)) for n in range(3)]
    ProjectFactory(
        call=call,
        owner=owners[0],
        region=Region.SKANE,
        granted_support=Decimal("7450000.00"),
        total_budget=Decimal("7842105.26"),
        cofinancing_rate=Decimal("95.00"),
        planned_participants=120,
        summary="Unga möter arbetsgivare.",
    )
    ProjectFactory(call=call, owner=owners[1], region="", nuts_region=NutsRegion.NATIONAL)
    ProjectFactory(
        call=None,
        owner=owners[2],
        region="",
        nuts_region=NutsRegion.SE12,
        start=date(2025, 1, 1),
        end=date(2027, 12, 31),
        granted_support=Decimal("123.45"),
    )


@pytest.mark.parametrize("language", ["sv", "en"])
@pytest.mark.parametrize("kind", ["csv", "xlsx"])
def test_the_exported_project_list_imports_back_without_errors_or_changes(
    client_for: Any, kind: str, language: str
) -> None:
    _exported_world()
    client = client_for(staff("admin"))
    with translation.override(language):
        response = client.get(
            reverse(f"projects:project-export-{kind}"), HTTP_ACCEPT_LANGUAGE=language
        )
        assert response.status_code == 200
        parsed = importer.parse_file(response.content, f"export.{kind}")
        assert parsed.errors == []
        assert parsed.unknown == []
        plan = importer.plan_import(parsed)
    assert plan.errors == []
    assert len(plan.rows) == Project.objects.count() >= 3
    assert {row.action for row in plan.rows} == {"unchanged"}
    before = list(Project.objects.values())
    result = importer.commit_import(parsed)
    assert (result.created, result.updated, result.unchanged) == (0, 0, len(before))
    assert list(Project.objects.values()) == before


# --- The call ------------------------------------------------------------------------------

HEADER = ["Ärende-ID", "Projektnamn", "Organisationsnummer", "Projektägare", "E-post"]


def upload(client: Any, data: bytes, call: Any = "", name: str = "lista.csv") -> Any:
    return client.post(
        reverse("projects:import-upload"),
        {"file": SimpleUploadedFile(name, data), "call": call},
        HTTP_ACCEPT_LANGUAGE="sv",
    )


def test_without_a_call_column_the_upload_asks_for_the_call(
    client_for: Any, tmp_path: Path
) -> None:
    client = client_for(staff("admin"))
    data = csv_file([HEADER, ["26-121-S01", "Vägar in", org_number(31), "Ett", ""]])
    response = upload(client, data)
    assert response.status_code == 200
    form = response.context["form"]
    assert form.errors["call"] == [
        "Filen har ingen kolumn för utlysning. Välj utlysningen som projekten beviljades i, "
        "och välj filen igen."
    ]
    assert not (tmp_path / "imports").exists() or not any((tmp_path / "imports").iterdir())
    call = CallFactory()
    assert upload(client, data, call=call.pk).status_code == 302


def test_a_call_column_needs_no_chosen_call(client_for: Any) -> None:
    call = CallFactory()
    data = csv_file([
        [*HEADER, "Utlysning"],
        ["26-122-S01", "Vägar in", org_number(32), "Ett", "", call.reference],
    ])  # fmt: skip
    response = upload(client_for(staff("admin")), data)
    assert response.status_code == 302


# --- Invitations ----------------------------------------------------------------------------


def test_import_invites_each_new_projects_lead(
    client_for: Any, django_capture_on_commit_callbacks: Any
) -> None:
    call = CallFactory()
    existing = ProjectFactory(number="26-131-S01", call=call, contact_email="")
    data = csv_file([
        HEADER,
        ["26-131-S01", existing.name, org_number(41), "Ett", "gammal@exempel.se"],
        ["26-132-S01", "Nytt", org_number(42), "Två", "Lead@Exempel.se"],
        ["26-133-S01", "Utan kontakt", org_number(43), "Tre", ""],
    ])  # fmt: skip
    client = client_for(staff("admin"))
    assert upload(client, data, call=call.pk).status_code == 302
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("projects:import-confirm"), HTTP_ACCEPT_LANGUAGE="sv")
    assert response.status_code == 200
    assert response.context["result"].invited == 1
    invitation = Invitation.objects.get()
    assert (invitation.project.number, invitation.email, invitation.role) == (
        "26-132-S01",
        "lead@exempel.se",
        MemberRole.LEAD,
    )
    assert [message.to for message in mail.outbox] == [["lead@exempel.se"]]
    assert invitation.token in mail.outbox[0].body
    assert "Inbjudan har skickats till projektledaren för 1 nytt projekt" in (
        response.content.decode()
    )


def test_the_command_invites_new_leads_from_the_centre(
    tmp_path: Path, django_capture_on_commit_callbacks: Any
) -> None:
    call = CallFactory()
    path = tmp_path / "lista.csv"
    path.write_bytes(csv_file([HEADER, ["26-141-S01", "Nytt", org_number(51), "Ett", "a@b.se"]]))
    out = io.StringIO()
    with django_capture_on_commit_callbacks(execute=True):
        call_command(
            "import_projects",
            str(path),
            "--call",
            call.reference,
            "--site-url",
            "https://samskapa.example.se",
            stdout=out,
        )
    assert "Invitations sent to 1 new project leads." in out.getvalue()
    assert len(mail.outbox) == 1
    body = mail.outbox[0].body
    assert "https://samskapa.example.se/" in body
    assert "Nytt" in body and "kompetenscentrum" in body.lower()
