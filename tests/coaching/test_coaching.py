"""Coaching: private notes never reach the project, staff reads are audited, reminders go
out exactly once, forms refuse bad input without losing it, the coach's overview."""

from __future__ import annotations

import datetime
from typing import Any

import pytest
from django.core import mail
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from samskapa.accounts.models import User
from samskapa.coaching.enums import ActionStatus, NoteVisibility
from samskapa.coaching.models import Action, CoachAssignment, Note, Session
from samskapa.coalitions.models import CalendarFeed, Coalition
from samskapa.core.models import AuditAction, AuditEvent
from samskapa.projects.models import Project
from tests.queries import count_queries

pytestmark = pytest.mark.django_db

SECRET = "HEMLIG-ANTECKNING-7f3a"


def project() -> Project:
    return Project.objects.get(number="23-012-S01")


def session() -> Session:
    found = Session.objects.filter(project=project()).order_by("starts_at").first()
    assert found is not None
    return found


@pytest.fixture
def private_note(demo_user: Any) -> Note:
    return Note.objects.create(
        session=session(),
        text=f"Styrgruppen är splittrad. {SECRET}",
        visibility=NoteVisibility.PRIVATE,
        focus_areas=["collaboration"],
        author=demo_user("coach"),
    )


def member_urls(user: User) -> list[str]:
    """Every page, export and feed a project member can reach that touches coaching."""
    feed, _created = CalendarFeed.objects.get_or_create(user=user)
    coalition = Coalition.objects.get(name="Vägar till arbete")
    return [
        reverse("core:dashboard"),
        reverse("coaching:project", args=[project().pk]),
        reverse("coaching:session-detail", args=[session().pk]),
        reverse("coalitions:user-feed", args=[feed.token]),
        reverse("coalitions:coalition-feed", args=[coalition.calendar_token]),
        reverse("coalitions:coalition-detail", args=[coalition.pk]),
        reverse("accounts:my-data"),
        reverse("accounts:my-data-download"),
        reverse("projects:project-detail", args=[project().pk]),
        reverse("coalitions:lessons"),
        reverse("coaching:overview"),
    ]


@pytest.mark.parametrize("role", ["member", "other_member"])
def test_private_note_never_reaches_project_members(
    role: str, private_note: Note, as_role: Any, demo_user: Any
) -> None:
    client = as_role(role)
    for url in member_urls(demo_user(role)):
        response = client.get(url)
        body = b"".join(response) if response.streaming else response.content
        assert SECRET.encode() not in body, url


@pytest.mark.parametrize("role", ["member", "other_member"])
def test_private_note_is_in_no_page_of_the_access_matrix_a_member_can_open(
    role: str, private_note: Note, as_role: Any
) -> None:
    from tests.access.test_access_matrix import PAGES

    client = as_role(role)
    opened = 0
    for page in PAGES:
        if page.method != "GET" or role not in page.allowed:
            continue
        response = client.get(reverse(page.name, kwargs=page.kwargs()) + page.query)
        body = b"".join(response) if response.streaming else response.content
        assert SECRET.encode() not in body, page.label
        opened += 1
    assert opened > 20


def test_member_sees_the_shared_notes_of_their_project(as_role: Any, private_note: Note) -> None:
    shared = Note.objects.filter(
        session__project=project(), visibility=NoteVisibility.SHARED
    ).first()
    assert shared is not None
    response = as_role("member").get(reverse("coaching:project", args=[project().pk]))
    assert shared.text in response.content.decode()


def test_assigned_coach_sees_the_private_note(as_role: Any, private_note: Note) -> None:
    response = as_role("coach").get(reverse("coaching:session-detail", args=[session().pk]))
    assert SECRET in response.content.decode()


def _last_event_id() -> int:
    return AuditEvent.objects.order_by("-pk").values_list("pk", flat=True).first() or 0


def test_admin_read_of_a_private_note_is_audited(as_role: Any, private_note: Note) -> None:
    before = _last_event_id()
    response = as_role("admin").get(reverse("coaching:session-detail", args=[session().pk]))
    assert SECRET in response.content.decode()
    event = AuditEvent.objects.get(action=AuditAction.SENSITIVE_READ, pk__gt=before)
    assert event.actor == User.objects.get(email="admin@samskapa.test")
    assert event.fields == ["notes"]
    assert SECRET not in event.detail  # names, never values


def test_members_reads_leave_no_sensitive_read_event(as_role: Any, private_note: Note) -> None:
    before = _last_event_id()
    as_role("member").get(reverse("coaching:project", args=[project().pk]))
    assert not AuditEvent.objects.filter(action=AuditAction.SENSITIVE_READ, pk__gt=before).exists()


def test_coach_not_assigned_gets_404(as_role: Any, demo_user: Any) -> None:
    CoachAssignment.objects.filter(project=project(), coach=demo_user("coach")).delete()
    client = as_role("coach")
    assert client.get(reverse("coaching:project", args=[project().pk])).status_code == 404
    assert client.get(reverse("coaching:session-detail", args=[session().pk])).status_code == 404


# --- Forms ----------------------------------------------------------------------------------


def test_coach_logs_a_session_with_a_private_note(as_role: Any, demo_user: Any) -> None:
    day = (timezone.localdate() - datetime.timedelta(days=1)).isoformat()
    response = as_role("coach").post(
        reverse("coaching:session-create", args=[project().pk]),
        {
            "starts_at": f"{day}T10:00",
            "focus_areas": ["participation"],
            "note": "Projektledaren vill byta arbetssätt.",
            "visibility": "private",
        },
    )
    assert response.status_code == 302
    created = Session.objects.filter(project=project()).latest("created_at")
    assert created.focus_areas == ["participation"]
    note = created.notes.get()
    assert (note.visibility, note.author) == ("private", demo_user("coach"))


def test_note_without_a_choice_of_visibility_is_refused_and_kept(as_role: Any) -> None:
    day = timezone.localdate().isoformat()
    response = as_role("coach").post(
        reverse("coaching:session-create", args=[project().pk]),
        {"starts_at": f"{day}T10:00", "note": "En anteckning som inte får försvinna."},
    )
    assert response.status_code == 400
    content = response.content.decode()
    assert "Choose who may read the note." in content
    assert "En anteckning som inte får försvinna." in content


def test_private_note_cannot_be_a_lesson(as_role: Any) -> None:
    response = as_role("coach").post(
        reverse("coaching:note-add", args=[session().pk]),
        {"text": "Något privat.", "visibility": "private", "is_lesson": "on"},
    )
    assert response.status_code == 400
    content = response.content.decode()
    assert "A private note cannot be a lesson." in content
    assert "Något privat." in content
    assert not Note.objects.filter(text="Något privat.").exists()


def test_note_form_shows_the_privacy_reminder(as_role: Any) -> None:
    response = as_role("coach").get(reverse("coaching:session-detail", args=[session().pk]))
    assert "participants&#x27; names or health details" in response.content.decode()


def test_action_with_a_bad_date_is_refused_and_kept(as_role: Any) -> None:
    response = as_role("coach").post(
        reverse("coaching:action-add", args=[session().pk]),
        {"text": "Ring arbetsgivaren", "due_on": "31/31/2026"},
    )
    assert response.status_code == 400
    content = response.content.decode()
    assert "Enter a valid date." in content
    assert 'value="Ring arbetsgivaren"' in content


def test_member_marks_an_action_done(as_role: Any) -> None:
    action = Action.objects.filter(project=project(), status=ActionStatus.OPEN).first()
    assert action is not None
    response = as_role("member").post(
        reverse("coaching:action-status", args=[action.pk]), {"status": "done"}
    )
    assert response.status_code == 302
    action.refresh_from_db()
    assert action.status == ActionStatus.DONE


# --- Reminders ------------------------------------------------------------------------------


def test_reminder_is_sent_exactly_once(demo_user: Any) -> None:
    Action.objects.update(reminded_at=timezone.now())  # only the action below is due
    action = Action.objects.create(
        session=session(),
        project=project(),
        text="Skicka indikatorerna till coachen",
        owner=demo_user("member"),
        due_on=timezone.localdate() + datetime.timedelta(days=1),
    )
    call_command("send_reminders")
    call_command("send_reminders")
    sent = [m for m in mail.outbox if action.text in m.body]
    assert len(sent) == 1
    assert sent[0].to == ["projekt@samskapa.test"]
    action.refresh_from_db()
    assert action.reminded_at is not None


def test_no_reminder_for_done_or_far_off_actions(demo_user: Any) -> None:
    Action.objects.update(reminded_at=timezone.now())
    today = timezone.localdate()
    Action.objects.create(
        session=session(), project=project(), text="Klar redan", due_on=today,
        status=ActionStatus.DONE,
    )  # fmt: skip
    Action.objects.create(
        session=session(), project=project(), text="Långt bort",
        due_on=today + datetime.timedelta(days=30),
    )  # fmt: skip
    call_command("send_reminders")
    assert mail.outbox == []


def test_reminder_without_owner_goes_to_the_project_leads() -> None:
    Action.objects.update(reminded_at=timezone.now())
    Action.objects.create(
        session=session(), project=project(), text="Utan ansvarig", due_on=timezone.localdate()
    )
    call_command("send_reminders")
    assert [m.to for m in mail.outbox] == [["projekt@samskapa.test"]]


# --- Overview, dashboard, query counts ----------------------------------------------------


def test_coach_overview_lists_projects_sessions_and_overdue_actions(as_role: Any) -> None:
    response = as_role("coach").get(reverse("coaching:overview"))
    numbers = [p.number for p in response.context["projects"]]
    assert "23-012-S01" in numbers and "23-019-S01" in numbers
    assert response.context["sessions"]
    assert all(a.due_on < timezone.localdate() for a in response.context["overdue"])
    assert response.context["overdue"]


def test_dashboards_answer_what_needs_attention(as_role: Any) -> None:
    coach_home = as_role("coach").get(reverse("core:dashboard")).content.decode()
    assert "panel-coaching" in coach_home
    member_home = as_role("member").get(reverse("core:dashboard")).content.decode()
    assert "panel-coaching-actions" in member_home
    assert "panel-next-meeting" in member_home


def _coach_with_projects(count: int, coach: User) -> None:
    CoachAssignment.objects.filter(coach=coach).delete()
    for p in Project.objects.order_by("number")[:count]:
        CoachAssignment.objects.create(project=p, coach=coach)
        Session.objects.create(project=p, coach=coach, starts_at=timezone.now())


def test_overview_queries_are_constant(as_role: Any, demo_user: Any) -> None:
    coach = demo_user("coach")
    client = as_role("coach")
    counts = []
    for count in (1, 3):
        _coach_with_projects(count, coach)
        counts.append(count_queries(lambda: client.get(reverse("coaching:overview"))))
    assert counts[0] == counts[1]


def test_assignment_list_queries_are_constant(as_role: Any, demo_user: Any) -> None:
    client = as_role("admin")
    counts = []
    for count in (1, 3):
        CoachAssignment.objects.all().delete()
        for p in Project.objects.order_by("number")[:count]:
            CoachAssignment.objects.create(project=p, coach=demo_user("coach"))
        counts.append(count_queries(lambda: client.get(reverse("coaching:assignments"))))
    assert counts[0] == counts[1]


def test_project_coaching_queries_are_constant(as_role: Any, demo_user: Any) -> None:
    client = as_role("coach")
    counts = []
    for count in (1, 3):
        Session.objects.filter(project=project()).delete()
        for index in range(count):
            s = Session.objects.create(
                project=project(), coach=demo_user("coach"), starts_at=timezone.now()
            )
            Note.objects.create(session=s, text=f"n{index}", visibility="shared")
            Action.objects.create(
                session=s, project=project(), text=f"a{index}", due_on=timezone.localdate()
            )
        url = reverse("coaching:project", args=[project().pk])
        counts.append(count_queries(lambda url=url: client.get(url)))
    assert counts[0] == counts[1]


# --- Personal data --------------------------------------------------------------------------


def test_personal_data_export_and_erasure_of_a_coach(demo_user: Any, private_note: Note) -> None:
    from samskapa.coaching.services import erase_personal_data, export_personal_data

    coach = demo_user("coach")
    exported = export_personal_data(coach)
    assert any(SECRET in n["text"] for n in exported["coaching_notes_written"])
    erase_personal_data(coach)
    private_note.refresh_from_db()
    assert private_note.author is None
    assert not CoachAssignment.objects.filter(coach=coach).exists()


def test_admin_assigns_a_coach(as_role: Any, demo_user: Any) -> None:
    target = Project.objects.get(number="23-044-S01")
    response = as_role("admin").post(
        reverse("coaching:assignments"),
        {"project": target.number.lower(), "coach": demo_user("coach").pk},
    )
    assert response.status_code == 302
    assert CoachAssignment.objects.filter(project=target, coach=demo_user("coach")).exists()
    assert as_role("coach").get(reverse("coaching:project", args=[target.pk])).status_code == 200


def test_only_coaches_can_be_assigned(as_role: Any, demo_user: Any) -> None:
    response = as_role("admin").post(
        reverse("coaching:assignments"),
        {"project": project().number, "coach": demo_user("evaluator").pk},
    )
    assert response.status_code == 400
    assert not CoachAssignment.objects.filter(coach=demo_user("evaluator")).exists()


def test_unknown_project_number_is_refused_and_kept(as_role: Any, demo_user: Any) -> None:
    response = as_role("admin").post(
        reverse("coaching:assignments"), {"project": "99-999-S99", "coach": demo_user("coach").pk}
    )
    assert response.status_code == 400
    content = response.content.decode()
    assert "There is no project with that number." in content
    assert 'value="99-999-S99"' in content


def test_coach_moves_a_session(as_role: Any) -> None:
    target = session()
    response = as_role("coach").post(
        reverse("coaching:session-edit", args=[target.pk]),
        {"starts_at": "2030-02-03T14:30", "focus_areas": ["ecosystem"]},
    )
    assert response.status_code == 302
    target.refresh_from_db()
    assert timezone.localtime(target.starts_at).strftime("%Y-%m-%d %H:%M") == "2030-02-03 14:30"
    assert target.focus_areas == ["ecosystem"]


def test_navigation_shows_coaching_to_coaches_and_admin_only(as_role: Any) -> None:
    url = f'href="{reverse("coaching:overview")}"'
    assert url in as_role("coach").get(reverse("core:dashboard")).content.decode()
    assert url in as_role("admin").get(reverse("core:dashboard")).content.decode()
    assert url not in as_role("member").get(reverse("core:dashboard")).content.decode()
    assert url not in as_role("evaluator").get(reverse("core:dashboard")).content.decode()


def test_reminder_links_to_the_project_coaching_page(demo_user: Any) -> None:
    Action.objects.update(reminded_at=timezone.now())
    Action.objects.create(
        session=session(), project=project(), text="Med länk", due_on=timezone.localdate()
    )
    call_command("send_reminders", site_url="https://samskapa.example.se")
    url = "https://samskapa.example.se" + reverse("coaching:project", args=[project().pk])
    assert url in mail.outbox[0].body
