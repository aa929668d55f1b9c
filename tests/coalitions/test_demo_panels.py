"""On the demo world, each role's home shows the panels made for it (issue 12, point 4), and
the admin's home names a next meeting beside the planned count (point 3)."""

from __future__ import annotations

import re
from typing import Any

import pytest
from django.urls import reverse

from tests.fixtures import in_english

pytestmark = [pytest.mark.demo, pytest.mark.django_db]


def _home(client_as: Any, role: str) -> str:
    response = in_english(client_as(role)).get(reverse("core:dashboard"))
    assert response.status_code == 200
    return response.content.decode()


def test_evaluator_home_on_the_demo(client_as: Any) -> None:
    home = _home(client_as, "evaluator")
    for panel in ("panel-lessons", "panel-trends", "panel-reflections"):
        assert f'id="{panel}"' in home, panel
    assert "No lessons yet." not in home
    assert "No project has rated itself twice yet." not in home
    assert 'id="panel-calls"' not in home


def test_funder_home_on_the_demo(client_as: Any) -> None:
    home = _home(client_as, "funder")
    assert 'id="panel-calls"' in home
    assert "23-012-S01" in home
    for panel in ("panel-lessons", "panel-reflections", "panel-trends"):
        assert f'id="{panel}"' not in home, panel


def test_admin_home_planned_meetings_agree_on_the_demo(client_as: Any) -> None:
    home = _home(client_as, "admin")
    planned = re.search(
        r'<span class="stat-value">(\d+)</span> <span class="stat-label">meetings planned', home
    )
    assert planned and int(planned.group(1)) > 0
    assert "No meeting planned." not in home
