"""Changing a coaching session goes through services.update_session (audited)."""

from __future__ import annotations

import datetime
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from django.utils import timezone

from samskapa.accounts.enums import StaffRole
from samskapa.coaching import services
from samskapa.core.models import AuditAction, AuditEvent
from tests.factories.accounts import staff
from tests.factories.projects import ProjectFactory, lead_of

pytestmark = pytest.mark.django_db

WHEN = datetime.datetime(2031, 5, 6, 9, 0, tzinfo=ZoneInfo("Europe/Stockholm"))


@pytest.fixture
def session() -> Any:
    project = ProjectFactory()
    coach = staff(StaffRole.COACH)
    admin = staff(StaffRole.ADMIN)
    services.assign_coach(project=project, coach=coach, by=admin)
    return services.create_session(
        project=project, coach=coach, starts_at=WHEN, focus_areas=["causes"]
    )


def test_update_session_saves_and_records_who_changed_it(session: Any) -> None:
    later = WHEN + datetime.timedelta(days=7)
    services.update_session(
        session=session, starts_at=later, focus_areas=["results"], by=session.coach
    )
    session.refresh_from_db()
    assert (session.starts_at, session.focus_areas) == (later, ["results"])
    event = AuditEvent.objects.filter(action=AuditAction.CHANGE, actor=session.coach).last()
    assert event is not None
    assert "starts_at" in event.fields


def test_the_coach_changes_the_session_through_the_page(session: Any, client_for: Any) -> None:
    response = client_for(session.coach).post(
        f"/coaching/sessions/{session.pk}/edit/",
        {"starts_at": "2031-05-20T13:30", "focus_areas": ["ecosystem"]},
    )
    assert response.status_code == 302
    session.refresh_from_db()
    assert timezone.localtime(session.starts_at).strftime("%Y-%m-%d %H:%M") == "2031-05-20 13:30"
    assert session.focus_areas == ["ecosystem"]


def test_a_project_member_cannot_change_the_session(session: Any, client_for: Any) -> None:
    member = lead_of(session.project)
    response = client_for(member).post(
        f"/coaching/sessions/{session.pk}/edit/",
        {"starts_at": "2031-05-20T13:30", "focus_areas": ["ecosystem"]},
    )
    assert response.status_code == 404
    session.refresh_from_db()
    assert session.starts_at == WHEN
