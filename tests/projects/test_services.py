"""Personal data, the dashboard panels, demo data and the shared export and chart helpers."""

from __future__ import annotations

import base64
from typing import Any

import pytest
from django.test import RequestFactory

from samskapa.accounts.enums import StaffRole
from samskapa.accounts.services import erase_user, export_personal_data
from samskapa.core.charts import chart_img, render_chart_svg
from samskapa.core.exports import safe_cell
from samskapa.projects.dashboard import _call_year, _my_projects
from samskapa.projects.models import Invitation, Project, ProjectMember, ProjectOrganisation
from tests.conftest import load_demo
from tests.factories.accounts import staff
from tests.factories.projects import InvitationFactory, ProjectFactory, lead_of, member_of


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("=1+1", "'=1+1"),
        ("+46 70", "'+46 70"),
        ("-2", "'-2"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\tx", "'\tx"),
        ("\rx", "'\rx"),
        ("Vägar in", "Vägar in"),
        (-2, -2),
        (None, ""),
    ],
)
def test_safe_cell_neutralises_formula_starts(value: Any, expected: Any) -> None:
    assert safe_cell(value) == expected


def test_chart_is_an_image_with_a_label_and_no_inline_style() -> None:
    spec = {
        "description": "Organisationer per sektor",
        "data": {"values": [{"s": "Offentlig", "n": 2}]},
        "mark": "bar",
        "encoding": {
            "y": {"field": "s", "type": "nominal"},
            "x": {"field": "n", "type": "quantitative"},
        },
    }
    svg = render_chart_svg(spec)
    assert svg.startswith('<svg role="img" aria-label="Organisationer per sektor"')
    html = str(chart_img(spec, alt="Stapeldiagram"))
    assert html.startswith('<img class="chart-image" src="data:image/svg+xml;base64,')
    assert 'alt="Stapeldiagram"' in html
    encoded = html.split("base64,")[1].split('"')[0]
    assert base64.b64decode(encoded).decode().startswith("<svg")


@pytest.mark.demo
@pytest.mark.django_db
def test_demo_load_is_idempotent() -> None:
    counts = (
        Project.objects.count(),
        Project.history.count(),
        ProjectOrganisation.objects.count(),
        ProjectMember.objects.count(),
    )
    load_demo()
    assert counts == (
        Project.objects.count(),
        Project.history.count(),
        ProjectOrganisation.objects.count(),
        ProjectMember.objects.count(),
    )
    assert counts[0] > 0


@pytest.mark.django_db
def test_personal_data_export_and_erasure() -> None:
    project = ProjectFactory()
    lead = lead_of(project)
    InvitationFactory(project=project, email="k@example.se", invited_by=lead)
    data = export_personal_data(user=lead)["projects"]
    assert data["memberships"][0]["project"] == project.number
    assert data["invitations_sent"][0]["email"] == "k@example.se"
    lead_of(project)  # the project keeps a lead
    erase_user(user=lead, by=lead)
    assert not ProjectMember.objects.filter(user=lead).exists()
    assert Invitation.objects.get(email="k@example.se").invited_by is None


@pytest.mark.django_db
def test_dashboard_panels() -> None:
    project = ProjectFactory(granted_support=1200000)
    ProjectFactory()  # someone else's
    request = RequestFactory().get("/home/")
    request.user = lead_of(project)
    panel = _my_projects(request)
    assert panel is not None
    assert [item["project"] for item in panel["items"]] == [project]
    assert _call_year(request) is None
    request.user = staff(StaffRole.ADMIN)
    overview = _call_year(request)
    assert overview is not None and overview["total"] == 1200000
    assert _my_projects(request) is None


def _complete_project(**kwargs: Any) -> Project:
    """A project whose profile has every field the panel asks for."""
    values = {
        "novelty": ["what"],
        "process_element": "develop_test",
        "expected_results": "Fler unga i arbete eller studier.",
        "summary": "En gemensam ingång för unga.",
        **kwargs,
    }
    return ProjectFactory(**values)


@pytest.mark.django_db
def test_my_projects_panel_says_what_to_do_next() -> None:
    project = _complete_project(innovation="")
    request = RequestFactory().get("/home/")
    request.user = lead_of(project)
    panel = _my_projects(request)
    assert panel is not None
    [item] = panel["items"]
    assert [str(name) for name in item["missing"]] == ["innovationen: det som är nytt"]
    assert item["invite"] is True  # the lead works alone


@pytest.mark.django_db
def test_my_projects_panel_counts_every_member() -> None:
    project = _complete_project()
    lead = lead_of(project)
    member_of(project)
    request = RequestFactory().get("/home/")
    request.user = lead
    panel = _my_projects(request)
    assert panel is not None
    [item] = panel["items"]
    assert item["project"].member_count == 2
    assert item["missing"] == []
    assert item["invite"] is False
