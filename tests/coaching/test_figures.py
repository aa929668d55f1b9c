"""Overdue actions are overdue to everyone (issue 12, point 3), and a note's private or
shared status shows in words and an icon, not only a badge's colour (point 7)."""

from __future__ import annotations

import datetime
import re
from typing import Any

import pytest
from django.urls import reverse

from samskapa.accounts.models import User
from samskapa.coaching import selectors
from samskapa.coaching.enums import ActionStatus, NoteVisibility
from samskapa.coaching.models import Action, Session
from samskapa.projects.models import Project
from tests.factories.coaching import ActionFactory, NoteFactory

pytestmark = pytest.mark.django_db

OVERDUE = '<strong class="overdue">Overdue</strong>'


def test_overdue_is_open_and_past_its_due_date(
    coach: User, member: User, project: Project, session: Session
) -> None:
    late = ActionFactory(session=session, text="Sen", due_in_days=-1)
    ActionFactory(session=session, text="Idag", due_in_days=0)
    ActionFactory(session=session, text="Klar", due_in_days=-5, status=ActionStatus.DONE)

    assert list(Action.objects.filter(selectors.overdue())) == [late]
    assert [a.text for a in selectors.overdue_actions(user=coach)] == ["Sen"]
    marked = {a.text: a.is_overdue for a in selectors.open_actions_for_member(user=member)}
    assert marked == {"Sen": True, "Idag": False}
    assert selectors.coached_projects(user=coach).get().overdue == 1
    # The day after, today's action is overdue as well: the centre's date, not the server's.
    tomorrow = datetime.date(2026, 11, 11)
    assert Action.objects.filter(selectors.overdue(today=tomorrow)).count() == 2


def test_an_overdue_action_is_overdue_to_coach_and_project_lead(
    login: Any, coach: User, member: User, project: Project, session: Session
) -> None:
    ActionFactory(session=session, text="Skicka indikatorerna", due_in_days=-3)
    ActionFactory(session=session, text="Boka nästa träff", due_in_days=10)
    home = reverse("core:dashboard")
    coaching = reverse("coaching:project", args=[project.pk])

    coach_client = login(coach)
    overview = coach_client.get(reverse("coaching:overview")).content.decode()
    assert "Skicka indikatorerna" in overview
    assert re.search(r'<td class="num">1</td></tr>', overview)  # the project's overdue count
    assert "Skicka indikatorerna" in coach_client.get(home).content.decode()
    assert coach_client.get(coaching).content.decode().count(OVERDUE) == 1

    member_client = login(member)
    member_home = member_client.get(home).content.decode()
    assert member_home.count(OVERDUE) == 1
    assert member_home.index("Skicka indikatorerna") < member_home.index(OVERDUE)
    assert member_home.index(OVERDUE) < member_home.index("Boka nästa träff")
    assert member_client.get(coaching).content.decode().count(OVERDUE) == 1
    assert member_client.get(session.get_absolute_url()).content.decode().count(OVERDUE) == 1


def test_note_status_is_said_in_words_and_icon(
    login: Any, coach: User, member: User, session: Session
) -> None:
    NoteFactory(session=session, text="Bara för coachen", visibility=NoteVisibility.PRIVATE)
    NoteFactory(session=session, text="För projektet", visibility=NoteVisibility.SHARED)

    for url in (reverse("coaching:project", args=[session.project_id]), session.get_absolute_url()):
        content = login(coach).get(url).content.decode()
        assert 'class="card note-private"' in content and 'class="card note-shared"' in content
        assert re.search(r'<p class="note-visibility"><svg[^>]*aria-hidden="true"', content)
        assert "Private note" in content and "Shared note" in content
        assert "coaching/coaching.css" in content

        content = login(member).get(url).content.decode()
        assert "Shared note" in content
        assert "Private note" not in content and "Bara för coachen" not in content
