"""Coaching: private notes never reach the project, staff reads are audited, reminders go
out exactly once, forms refuse bad input without losing it, the coach's overview."""

from __future__ import annotations

import datetime
from typing import Any

import pytest
from django.core import mail
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone, translation

from samskapa.accounts.enums import StaffRole
from samskapa.accounts.models import User
from samskapa.coaching.enums import ActionStatus, NoteVisibility
from samskapa.coaching.models import Action, CoachAssignment, Note, Session
from samskapa.coaching.services import erase_personal_data, export_personal_data
from samskapa.coalitions.models import CalendarFeed
from samskapa.core.models import AuditAction, AuditEvent
from samskapa.projects.models import Project
from tests.access import pages_coaching
from tests.access.test_access_matrix import PAGES
from tests.access.world import World
from tests.factories.accounts import staff
from tests.factories.coaching import (
    ActionFactory,
    CoachAssignmentFactory,
    NoteFactory,
    SessionFactory,
    coach_of,
)
from tests.factories.coalitions import MeetingFactory, coalition_of
from tests.factories.projects import ProjectFactory
from tests.queries import count_queries

pytestmark = pytest.mark.django_db

SECRET = "HEMLIG-ANTECKNING-7f3a"


def private(session: Session) -> Note:
    return NoteFactory(
        session=session,
        text=f"Styrgruppen är splittrad. {SECRET}",
        visibility=NoteVisibility.PRIVATE,
        focus_areas=["collaboration"],
    )


@pytest.fixture
def private_note(session: Session) -> Note:
    return private(session)


def member_urls(user: User, project: Project, session: Session) -> list[str]:
    """Every page, export and feed a project member can reach that touches coaching."""
    feed, _created = CalendarFeed.objects.get_or_create(user=user)
    coalition = coalition_of(project)
    MeetingFactory(coalition=coalition)
    return [
        reverse("core:dashboard"),
        reverse("coaching:project", args=[project.pk]),
        reverse("coaching:session-detail", args=[session.pk]),
        reverse("coalitions:user-feed", args=[feed.token]),
        reverse("coalitions:coalition-feed", args=[coalition.calendar_token]),
        reverse("coalitions:coalition-detail", args=[coalition.pk]),
        reverse("accounts:my-data"),
        reverse("accounts:my-data-download"),
        reverse("projects:project-detail", args=[project.pk]),
        reverse("coalitions:lessons"),
        reverse("coaching:overview"),
    ]


@pytest.mark.parametrize("role", ["member", "other_member"])
def test_private_note_never_reaches_project_members(
    role: str, request: Any, project: Project, session: Session, private_note: Note, login: Any
) -> None:
    NoteFactory(session=session, text="Delad anteckning", is_lesson=True)
    ActionFactory(session=session, owner=request.getfixturevalue("member"))
    user = request.getfixturevalue(role)
    client = login(user)
    for url in member_urls(user, project, session):
        response = client.get(url)
        body = b"".join(response) if response.streaming else response.content
        assert SECRET.encode() not in body, url


@pytest.mark.parametrize("role", ["member", "other_member"])
def test_private_note_is_in_no_page_of_the_access_matrix_a_member_can_open(
    role: str, login: Any
) -> None:
    world = World()
    private(pages_coaching._session_object(world))
    client = login(world.user(role))
    opened = 0
    for page in PAGES:
        if page.method != "GET" or role not in page.allowed:
            continue
        response = client.get(page.url(world))
        body = b"".join(response) if response.streaming else response.content
        assert SECRET.encode() not in body, page.label
        opened += 1
    assert opened > (20 if role == "member" else 5)


def test_member_sees_the_shared_notes_of_their_project(
    login: Any, member: User, project: Project, session: Session, private_note: Note
) -> None:
    shared = NoteFactory(session=session, text="En delad anteckning")
    response = login(member).get(reverse("coaching:project", args=[project.pk]))
    content = response.content.decode()
    assert shared.text in content
    assert SECRET not in content


def test_assigned_coach_sees_the_private_note(
    login: Any, coach: User, session: Session, private_note: Note
) -> None:
    response = login(coach).get(reverse("coaching:session-detail", args=[session.pk]))
    assert SECRET in response.content.decode()


def test_admin_read_of_a_private_note_is_audited(
    login: Any, admin: User, session: Session, private_note: Note
) -> None:
    response = login(admin).get(reverse("coaching:session-detail", args=[session.pk]))
    assert SECRET in response.content.decode()
    event = AuditEvent.objects.get(action=AuditAction.SENSITIVE_READ)
    assert event.actor == admin
    assert event.fields == ["notes"]
    assert SECRET not in event.detail  # names, never values


def test_members_reads_leave_no_sensitive_read_event(
    login: Any, member: User, project: Project, private_note: Note
) -> None:
    login(member).get(reverse("coaching:project", args=[project.pk]))
    assert not AuditEvent.objects.filter(action=AuditAction.SENSITIVE_READ).exists()


def test_coach_not_assigned_gets_404(login: Any, project: Project, session: Session) -> None:
    client = login(staff(StaffRole.COACH))
    assert client.get(reverse("coaching:project", args=[project.pk])).status_code == 404
    assert client.get(reverse("coaching:session-detail", args=[session.pk])).status_code == 404


# --- Forms ----------------------------------------------------------------------------------


def test_coach_logs_a_session_with_a_private_note(
    login: Any, coach: User, project: Project
) -> None:
    day = (timezone.localdate() - datetime.timedelta(days=1)).isoformat()
    response = login(coach).post(
        reverse("coaching:session-create", args=[project.pk]),
        {
            "starts_at": f"{day}T10:00",
            "focus_areas": ["participation"],
            "note": "Projektledaren vill byta arbetssätt.",
            "visibility": "private",
        },
    )
    assert response.status_code == 302
    created = Session.objects.get(project=project)
    assert created.focus_areas == ["participation"]
    assert timezone.localtime(created.starts_at).strftime("%Y-%m-%d %H:%M") == f"{day} 10:00"
    note = created.notes.get()
    assert (note.visibility, note.author) == ("private", coach)


def test_note_without_a_choice_of_visibility_is_refused_and_kept(
    login: Any, coach: User, project: Project
) -> None:
    day = timezone.localdate().isoformat()
    response = login(coach).post(
        reverse("coaching:session-create", args=[project.pk]),
        {"starts_at": f"{day}T10:00", "note": "En anteckning som inte får försvinna."},
    )
    assert response.status_code == 400
    content = response.content.decode()
    assert "Choose who may read the note." in content
    assert "En anteckning som inte får försvinna." in content
    assert not Session.objects.filter(project=project).exists()


def test_private_note_cannot_be_a_lesson(login: Any, coach: User, session: Session) -> None:
    response = login(coach).post(
        reverse("coaching:note-add", args=[session.pk]),
        {"text": "Något privat.", "visibility": "private", "is_lesson": "on"},
    )
    assert response.status_code == 400
    content = response.content.decode()
    assert "A private note cannot be a lesson." in content
    assert "Något privat." in content
    assert not Note.objects.filter(text="Något privat.").exists()


def test_note_form_shows_the_privacy_reminder(login: Any, coach: User, session: Session) -> None:
    response = login(coach).get(reverse("coaching:session-detail", args=[session.pk]))
    assert "participants&#x27; names or health details" in response.content.decode()


def test_action_with_a_bad_date_is_refused_and_kept(
    login: Any, coach: User, session: Session
) -> None:
    response = login(coach).post(
        reverse("coaching:action-add", args=[session.pk]),
        {"text": "Ring arbetsgivaren", "due_on": "31/31/2026"},
    )
    assert response.status_code == 400
    content = response.content.decode()
    assert "Enter a valid date." in content
    assert 'value="Ring arbetsgivaren"' in content
    assert not Action.objects.filter(session=session).exists()


def test_member_marks_an_action_done(login: Any, member: User, session: Session) -> None:
    action = ActionFactory(session=session)
    response = login(member).post(
        reverse("coaching:action-status", args=[action.pk]), {"status": "done"}
    )
    assert response.status_code == 302
    action.refresh_from_db()
    assert action.status == ActionStatus.DONE


# --- Reminders ------------------------------------------------------------------------------


def test_reminder_is_sent_exactly_once(member: User, session: Session) -> None:
    action = ActionFactory(
        session=session, text="Skicka indikatorerna till coachen", owner=member, due_in_days=1
    )
    call_command("send_reminders")
    call_command("send_reminders")
    sent = [m for m in mail.outbox if action.text in m.body]
    assert len(sent) == 1
    assert sent[0].to == [member.email]
    action.refresh_from_db()
    assert action.reminded_at is not None


def test_reminder_goes_out_for_overdue_actions_too(member: User, session: Session) -> None:
    ActionFactory(session=session, text="Försenad", owner=member, due_in_days=-10)
    call_command("send_reminders")
    assert [m.to for m in mail.outbox] == [[member.email]]


def test_no_reminder_for_done_or_far_off_actions(member: User, session: Session) -> None:
    ActionFactory(session=session, text="Klar redan", due_in_days=0, status=ActionStatus.DONE)
    ActionFactory(session=session, text="Långt bort", due_in_days=30)
    ActionFactory(session=session, text="Strax utanför", due_in_days=4)
    call_command("send_reminders")
    assert mail.outbox == []


def test_reminder_without_owner_goes_to_the_project_leads(
    member: User, project: Project, session: Session
) -> None:
    ActionFactory(session=session, text="Utan ansvarig", due_in_days=0)
    call_command("send_reminders")
    assert [m.to for m in mail.outbox] == [[member.email]]


def test_reminder_links_to_the_project_coaching_page(
    member: User, project: Project, session: Session
) -> None:
    ActionFactory(session=session, text="Med länk", due_in_days=0)
    call_command("send_reminders", site_url="https://samskapa.example.se")
    # The link is in the recipient's language (Swedish here), whatever the test speaks.
    with translation.override(member.language):
        url = "https://samskapa.example.se" + reverse("coaching:project", args=[project.pk])
    assert member.language == "sv" and "/en/" not in url
    assert url in mail.outbox[0].body


# --- Overview, dashboard, query counts ----------------------------------------------------


def test_coach_overview_lists_projects_sessions_and_overdue_actions(
    login: Any, coach: User, project: Project, other_project: Project, session: Session
) -> None:
    coach_of(other_project, coach)
    ProjectFactory()  # coached by nobody: not listed
    coming = SessionFactory(project=other_project, coach=coach, in_days=3)
    late = ActionFactory(session=session, due_in_days=-2)
    ActionFactory(session=session, due_in_days=2)
    ActionFactory(session=session, due_in_days=-2, status=ActionStatus.DONE)
    response = login(coach).get(reverse("coaching:overview"))
    assert [p.number for p in response.context["projects"]] == sorted(
        [project.number, other_project.number]
    )
    assert list(response.context["sessions"]) == [coming]
    assert list(response.context["overdue"]) == [late]


def test_dashboards_answer_what_needs_attention(
    login: Any, coach: User, member: User, project: Project, session: Session
) -> None:
    ActionFactory(session=session, due_in_days=-2)
    MeetingFactory(coalition=coalition_of(project), in_days=5)
    coach_home = login(coach).get(reverse("core:dashboard")).content.decode()
    assert "panel-coaching" in coach_home
    member_home = login(member).get(reverse("core:dashboard")).content.decode()
    assert "panel-coaching-actions" in member_home
    assert "panel-next-meeting" in member_home


def _coached_projects(count: int, coach: User) -> None:
    CoachAssignment.objects.filter(coach=coach).delete()
    for _ in range(count):
        project = ProjectFactory()
        coach_of(project, coach)
        session = SessionFactory(project=project, coach=coach, in_days=2)
        ActionFactory(session=session, due_in_days=-1)


def test_overview_queries_are_constant(login: Any, coach: User) -> None:
    client = login(coach)
    counts = []
    for count in (1, 3):
        _coached_projects(count, coach)
        response = client.get(reverse("coaching:overview"))
        assert len(response.context["projects"]) == count
        counts.append(count_queries(lambda: client.get(reverse("coaching:overview"))))
    assert counts[0] == counts[1]


def test_assignment_list_queries_are_constant(login: Any, admin: User) -> None:
    client = login(admin)
    counts = []
    for count in (1, 3):
        CoachAssignment.objects.all().delete()
        for _ in range(count):
            CoachAssignmentFactory()
        counts.append(count_queries(lambda: client.get(reverse("coaching:assignments"))))
    assert counts[0] == counts[1]


def test_project_coaching_queries_are_constant(login: Any, coach: User, project: Project) -> None:
    client = login(coach)
    url = reverse("coaching:project", args=[project.pk])
    counts = []
    for count in (1, 3):
        Session.objects.filter(project=project).delete()
        for index in range(count):
            session = SessionFactory(project=project, coach=coach, in_days=-index)
            NoteFactory(session=session)
            ActionFactory(session=session)
        counts.append(count_queries(lambda: client.get(url)))
    assert counts[0] == counts[1]


# --- Personal data --------------------------------------------------------------------------


def test_personal_data_export_and_erasure_of_a_coach(coach: User, private_note: Note) -> None:
    exported = export_personal_data(coach)
    assert any(SECRET in n["text"] for n in exported["coaching_notes_written"])
    erase_personal_data(coach)
    private_note.refresh_from_db()
    assert private_note.author is None
    assert not CoachAssignment.objects.filter(coach=coach).exists()


def test_admin_assigns_a_coach(login: Any, admin: User, project: Project) -> None:
    coach = staff(StaffRole.COACH)
    response = login(admin).post(
        reverse("coaching:assignments"), {"project": project.number.lower(), "coach": coach.pk}
    )
    assert response.status_code == 302
    assert CoachAssignment.objects.filter(project=project, coach=coach).exists()
    assert login(coach).get(reverse("coaching:project", args=[project.pk])).status_code == 200


def test_only_coaches_can_be_assigned(login: Any, admin: User, project: Project) -> None:
    evaluator = staff(StaffRole.EVALUATOR)
    response = login(admin).post(
        reverse("coaching:assignments"), {"project": project.number, "coach": evaluator.pk}
    )
    assert response.status_code == 400
    assert not CoachAssignment.objects.filter(coach=evaluator).exists()


def test_unknown_project_number_is_refused_and_kept(login: Any, admin: User) -> None:
    response = login(admin).post(
        reverse("coaching:assignments"),
        {"project": "99-999-S99", "coach": staff(StaffRole.COACH).pk},
    )
    assert response.status_code == 400
    content = response.content.decode()
    assert "There is no project with that number." in content
    assert 'value="99-999-S99"' in content


def test_coach_moves_a_session(login: Any, coach: User, session: Session) -> None:
    day = (timezone.localdate() + datetime.timedelta(days=30)).isoformat()
    response = login(coach).post(
        reverse("coaching:session-edit", args=[session.pk]),
        {"starts_at": f"{day}T14:30", "focus_areas": ["ecosystem"]},
    )
    assert response.status_code == 302
    session.refresh_from_db()
    assert timezone.localtime(session.starts_at).strftime("%Y-%m-%d %H:%M") == f"{day} 14:30"
    assert session.focus_areas == ["ecosystem"]


def test_navigation_shows_coaching_to_coaches_and_admin_only(
    login: Any, coach: User, admin: User, member: User
) -> None:
    url = f'href="{reverse("coaching:overview")}"'
    assert url in login(coach).get(reverse("core:dashboard")).content.decode()
    assert url in login(admin).get(reverse("core:dashboard")).content.decode()
    assert url not in login(member).get(reverse("core:dashboard")).content.decode()
    evaluator = staff(StaffRole.EVALUATOR)
    assert url not in login(evaluator).get(reverse("core:dashboard")).content.decode()
