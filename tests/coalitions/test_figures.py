"""Status figures that agree (issue 12, point 3): each figure has one selector, tested on
hand-built data at a fixed time, and two pages that show it show the same number."""

from __future__ import annotations

import re
from typing import Any

import pytest
from django.core import mail
from django.urls import reverse

from samskapa.accounts.enums import StaffRole
from samskapa.coalitions import selectors
from samskapa.coalitions.enums import ReflectionTiming
from samskapa.coalitions.models import Coalition, Meeting
from samskapa.projects.models import Project
from tests.factories.accounts import staff
from tests.factories.coalitions import CoalitionProjectFactory, MeetingFactory, ReflectionFactory
from tests.factories.projects import ProjectFactory

pytestmark = pytest.mark.django_db


def _stat(content: str, label: str) -> int:
    """The number of a `stats` figure on a page, found by its label."""
    found = re.search(
        rf'<span class="stat-value">(\d+)</span> <span class="stat-label">{label}</span>', content
    )
    assert found, f"no figure labelled {label!r}"
    return int(found.group(1))


# --- Planned meetings: the admin's "next meeting" and "meetings planned" -------------------


def test_planned_meetings_scope(
    leader: Any, member: Any, coalition: Coalition, other_coalition: Coalition, past_meeting: Any
) -> None:
    mine = MeetingFactory(coalition=coalition, in_days=14)
    theirs = MeetingFactory(coalition=other_coalition, in_days=7)
    admin = staff(StaffRole.ADMIN)

    assert list(selectors.planned_meetings(user=admin)) == [theirs, mine]
    assert list(selectors.planned_meetings(user=staff(StaffRole.FUNDER))) == [theirs, mine]
    assert list(selectors.planned_meetings(user=leader)) == [mine]
    assert list(selectors.planned_meetings(user=member)) == [mine]
    # A meeting that has started is no longer planned.
    assert past_meeting not in selectors.planned_meetings(user=admin)
    assert selectors.activity_figures(user=admin)["planned"] == 2


def test_admin_home_names_the_next_meeting_beside_the_planned_count(
    login: Any, coalition: Coalition, other_coalition: Coalition, past_meeting: Meeting
) -> None:
    # The admin leads no coalition: the "next meeting" said "No meeting planned" beside
    # "3 meetings planned" because one panel looked only at the coalitions the admin leads.
    first = MeetingFactory(coalition=other_coalition, title="Nästa träff", in_days=3)
    MeetingFactory(coalition=coalition, in_days=20)
    MeetingFactory(coalition=coalition, in_days=40)

    content = login(staff(StaffRole.ADMIN)).get(reverse("core:dashboard")).content.decode()

    assert _stat(content, "meetings planned") == 3
    assert "No meeting planned." not in content
    assert first.title in content


def test_admin_home_with_nothing_planned_says_so_in_both_places(
    login: Any, past_meeting: Meeting
) -> None:
    content = login(staff(StaffRole.ADMIN)).get(reverse("core:dashboard")).content.decode()

    assert _stat(content, "meetings planned") == 0
    assert "No meeting planned." in content


# --- Projects in a coalition: the same for a project lead and for staff -------------------


def test_project_count_is_the_same_for_lead_and_staff(
    member: Any, coalition: Coalition, call: Any
) -> None:
    for _ in range(4):
        CoalitionProjectFactory(coalition=coalition, project=ProjectFactory(call=call))
    admin = staff(StaffRole.ADMIN)

    as_lead = selectors.list_coalitions_for_user(user=member).get()
    as_staff = selectors.list_coalitions_for_user(user=admin).get(pk=coalition.pk)

    assert as_lead.project_count == as_staff.project_count == 6
    assert len(selectors.coalition_projects(coalition)) == 6


def test_coalition_list_and_page_show_the_same_project_count(
    login: Any, member: Any, coalition: Coalition, call: Any, meeting: Meeting
) -> None:
    for _ in range(4):
        CoalitionProjectFactory(coalition=coalition, project=ProjectFactory(call=call))
    row = re.compile(r'<td class="num">(\d+)</td><td class="num">(\d+)</td>')

    for user in (member, staff(StaffRole.ADMIN), staff(StaffRole.EVALUATOR)):
        content = login(user).get(reverse("coalitions:coalition-list")).content.decode()
        projects, meetings = row.search(content).groups()  # type: ignore[union-attr]
        assert (projects, meetings) == ("6", "1"), user.email

    page = login(member).get(coalition.get_absolute_url()).content.decode()
    for project in Project.objects.filter(coalition_membership__coalition=coalition):
        assert project.number in page


# --- Reflections due: the reminder goes once the reflection is written -------------------


def test_reflections_due(
    member: Any, project: Project, meeting: Meeting, past_meeting: Any
) -> None:
    assert selectors.reflections_due(user=member) == [(meeting, project)]

    # A reflection after the meeting, or for another meeting, does not count.
    ReflectionFactory(meeting=past_meeting, project=project, timing=ReflectionTiming.BEFORE)
    assert selectors.reflections_due(user=member) == [(meeting, project)]

    ReflectionFactory(meeting=meeting, project=project, timing=ReflectionTiming.BEFORE)
    assert selectors.reflections_due(user=member) == []
    assert selectors.reflections_due(user=member, meeting=meeting) == []


def test_reflection_reminder_leaves_home_and_meeting_page_together(
    login: Any, member: Any, project: Project, neighbour: Project, meeting: Meeting
) -> None:
    client = login(member)
    reminder = f"Write the reflection of {project.number} before the meeting"
    due = "Before the meeting: not written yet"

    assert reminder in client.get(reverse("core:dashboard")).content.decode()
    assert client.get(meeting.get_absolute_url()).content.decode().count(due) == 1

    ReflectionFactory(meeting=meeting, project=project, timing=ReflectionTiming.BEFORE)

    home = client.get(reverse("core:dashboard")).content.decode()
    assert reminder not in home
    assert "reflections before the coming meetings are written" in home
    assert due not in client.get(meeting.get_absolute_url()).content.decode()


# --- A past meeting's main button ---------------------------------------------------------


def test_past_meeting_offers_documentation_not_invitations(
    login: Any, leader: Any, past_meeting: Meeting, meeting: Meeting
) -> None:
    client = login(leader)
    assert past_meeting.has_ended and not past_meeting.is_planned
    assert meeting.is_planned and not meeting.has_ended

    past = client.get(past_meeting.get_absolute_url()).content.decode()
    assert "Send the invitations again" not in past and "Send invitations" not in past
    assert reverse("coalitions:meeting-invite", args=[past_meeting.pk]) not in past
    assert (
        'class="button button-primary" href="{}"'.format(
            reverse("coalitions:meeting-attendance", args=[past_meeting.pk])
        )
        in past
    )

    coming = client.get(meeting.get_absolute_url()).content.decode()
    assert "Send invitations" in coming


def test_past_meeting_refuses_invitations(login: Any, leader: Any, past_meeting: Meeting) -> None:
    response = login(leader).post(
        reverse("coalitions:meeting-invite", args=[past_meeting.pk]), follow=True
    )

    assert "The meeting has ended, so no invitations were sent." in response.content.decode()
    assert mail.outbox == []
    past_meeting.refresh_from_db()
    assert past_meeting.invited_at is None
