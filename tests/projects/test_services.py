"""Personal data, the dashboard panels, demo data and the shared export and chart helpers."""

from __future__ import annotations

import base64
from typing import Any

import pytest
from django.test import RequestFactory

from samskapa.accounts.services import erase_user, export_personal_data
from samskapa.core.charts import chart_img, render_chart_svg
from samskapa.core.exports import safe_cell
from samskapa.demo import projects as demo
from samskapa.projects.dashboard import _call_year, _my_projects
from samskapa.projects.models import Invitation, Project, ProjectMember, ProjectOrganisation


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


@pytest.mark.django_db
def test_demo_load_is_idempotent() -> None:
    counts = (
        Project.objects.count(),
        Project.history.count(),
        ProjectOrganisation.objects.count(),
        ProjectMember.objects.count(),
    )
    demo.load()
    assert counts == (
        Project.objects.count(),
        Project.history.count(),
        ProjectOrganisation.objects.count(),
        ProjectMember.objects.count(),
    )
    assert counts[0] >= 12


@pytest.mark.django_db
def test_personal_data_export_and_erasure(demo_user: Any) -> None:
    lead = demo_user("member")
    Invitation.objects.create(
        project=Project.objects.get(number="23-012-S01"), email="k@example.se", token="a" * 43,
        invited_by=lead,
    )  # fmt: skip
    data = export_personal_data(user=lead)["projects"]
    assert data["memberships"][0]["project"] == "23-012-S01"
    assert data["invitations_sent"][0]["email"] == "k@example.se"
    erase_user(user=lead, by=lead)
    assert not ProjectMember.objects.filter(user=lead).exists()
    assert Invitation.objects.get(email="k@example.se").invited_by is None


@pytest.mark.django_db
def test_dashboard_panels(demo_user: Any) -> None:
    request = RequestFactory().get("/home/")
    request.user = demo_user("member")
    panel = _my_projects(request)
    assert panel is not None
    assert [item["project"].number for item in panel["items"]] == ["23-012-S01"]
    assert _call_year(request) is None
    request.user = demo_user("admin")
    overview = _call_year(request)
    assert overview is not None and overview["total"] > 0
    assert _my_projects(request) is None


@pytest.mark.django_db
def test_my_projects_panel_says_what_to_do_next(demo_user: Any) -> None:
    project = Project.objects.get(number="23-012-S01")
    project.innovation = ""
    project.save()
    request = RequestFactory().get("/home/")
    request.user = demo_user("member")
    panel = _my_projects(request)
    assert panel is not None
    [item] = panel["items"]
    assert [str(name) for name in item["missing"]] == ["innovationen: det som är nytt"]
    assert item["invite"] is True  # the demo lead works alone


@pytest.mark.django_db
def test_my_projects_panel_counts_every_member() -> None:
    from samskapa.accounts.models import User

    request = RequestFactory().get("/home/")
    request.user = User.objects.get(email="johanna.sandstrom@example.se")
    panel = _my_projects(request)
    assert panel is not None
    [item] = panel["items"]
    assert item["project"].member_count == 2
    assert item["invite"] is False
