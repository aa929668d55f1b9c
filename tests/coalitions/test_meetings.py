"""A process leader's meeting, end to end in the browser's forms: plan, invite (e-mail with
an .ics that parses), record attendance, document. Plus bad input, calendar feeds, access."""

from __future__ import annotations

import datetime
from typing import Any

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone
from icalendar import Calendar

from samskapa.accounts.enums import StaffRole
from samskapa.coalitions.models import (
    Attendance,
    CalendarFeed,
    Coalition,
    FollowUp,
    Lesson,
    Meeting,
)
from samskapa.projects.models import Project
from tests.factories.accounts import staff
from tests.factories.coaching import SessionFactory
from tests.factories.coalitions import CoalitionFactory, FollowUpFactory, MeetingFactory
from tests.factories.projects import ProjectFactory

pytestmark = pytest.mark.django_db


def meeting_data(**changes: Any) -> dict[str, Any]:
    day = timezone.localdate() + datetime.timedelta(days=40)
    data = {
        "title": "Indikatorer som betyder något",
        "starts_at": f"{day.isoformat()}T09:30",
        "ends_at": f"{day.isoformat()}T12:00",
        "place": "Niagara, Malmö",
        "online_link": "",
        "description": "",
        "agenda-TOTAL_FORMS": "3",
        "agenda-INITIAL_FORMS": "0",
        "agenda-MIN_NUM_FORMS": "0",
        "agenda-MAX_NUM_FORMS": "20",
        "agenda-0-title": "Indikatorer på kort sikt",
        "agenda-0-focus_areas": ["results"],
        "agenda-1-title": "Målgruppen som medbedömare",
        "agenda-1-focus_areas": ["participation", "results"],
        "agenda-2-title": "",
    }
    data.update(changes)
    return data


def test_process_leader_plans_invites_records_and_documents(
    login: Any,
    leader: Any,
    coalition: Coalition,
    project: Project,
    member: Any,
    other_member: Any,
    other_coalition: Coalition,
    django_capture_on_commit_callbacks: Any,
) -> None:
    client = login(leader)
    response = client.post(
        reverse("coalitions:meeting-create", args=[coalition.pk]), meeting_data()
    )
    meeting = Meeting.objects.get(title="Indikatorer som betyder något")
    assert response.status_code == 302
    assert response["Location"] == meeting.get_absolute_url()
    assert [(i.title, i.focus_areas) for i in meeting.agenda.all()] == [
        ("Indikatorer på kort sikt", ["results"]),
        ("Målgruppen som medbedömare", ["participation", "results"]),
    ]

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("coalitions:meeting-invite", args=[meeting.pk]))
    assert response.status_code == 302
    recipients = {m.to[0] for m in mail.outbox}
    assert member.email in recipients
    assert leader.email in recipients
    assert other_member.email not in recipients  # the other coalition
    message = next(m for m in mail.outbox if m.to == [member.email])
    part = message.attachments[0]
    assert part.get_filename() == "invitation.ics"
    assert part.get_content_type() == "text/calendar"
    assert part.get_param("method") == "PUBLISH"
    event = Calendar.from_ical(part.get_payload(decode=True)).walk("VEVENT")[0]
    assert str(event["summary"]) == "Vägar till arbete: Indikatorer som betyder något"
    assert event.decoded("dtstart") == meeting.starts_at
    assert event.decoded("dtend") == meeting.ends_at
    assert str(event["location"]) == "Niagara, Malmö"
    assert "Indikatorer på kort sikt" in str(event["description"])

    response = client.post(
        reverse("coalitions:meeting-attendance", args=[meeting.pk]),
        {"present": [f"{member.pk}:{project.pk}", f"{leader.pk}:"]},
    )
    assert response.status_code == 302
    assert set(Attendance.objects.filter(meeting=meeting).values_list("user_id", "project_id")) == {
        (member.pk, project.pk),
        (leader.pk, None),
    }

    response = client.post(
        reverse("coalitions:meeting-document", args=[meeting.pk]),
        {"notes": "Vi gick igenom indikatorerna.", "key_insights": "Färre och bättre."},
    )
    assert response.status_code == 302
    response = client.post(
        reverse("coalitions:lesson-add", args=[meeting.pk]),
        {
            "text": "Indikatorer som målgruppen själv valt används mer.",
            "focus_areas": ["results", "participation"],
            "projects": [project.pk],
        },
    )
    assert response.status_code == 302
    response = client.post(
        reverse("coalitions:follow-up-add", args=[meeting.pk]),
        {"text": "Dela indikatorlistan", "owner": "processledaren", "project": project.pk},
    )
    assert response.status_code == 302
    meeting.refresh_from_db()
    assert meeting.documented_at is not None
    lesson = Lesson.objects.get(meeting=meeting)
    assert lesson.focus_areas == ["results", "participation"]
    assert list(lesson.projects.all()) == [project]
    assert FollowUp.objects.filter(meeting=meeting, project=project).count() == 1

    page = client.get(meeting.get_absolute_url()).content.decode()
    assert "Färre och bättre." in page
    assert "Indikatorer som målgruppen själv valt används mer." in page


def test_invitation_is_in_the_recipients_language_not_the_senders(
    login: Any,
    leader: Any,
    member: Any,
    meeting: Meeting,
    django_capture_on_commit_callbacks: Any,
) -> None:
    # The leader works in English; the recipients' accounts say Swedish.
    with django_capture_on_commit_callbacks(execute=True):
        login(leader).post(reverse("coalitions:meeting-invite", args=[meeting.pk]))
    assert len(mail.outbox) == 3  # the two projects' leads and the process leader
    assert all("Inbjudan" in m.subject for m in mail.outbox)


def test_no_mail_leaves_before_the_transaction_commits(
    login: Any, leader: Any, meeting: Meeting
) -> None:
    response = login(leader).post(reverse("coalitions:meeting-invite", args=[meeting.pk]))
    assert response.status_code == 302
    assert mail.outbox == []  # the test's transaction never commits


def test_meeting_that_ends_before_it_starts_keeps_the_input(
    login: Any, leader: Any, coalition: Coalition
) -> None:
    day = (timezone.localdate() + datetime.timedelta(days=5)).isoformat()
    data = meeting_data(starts_at=f"{day}T13:00", ends_at=f"{day}T12:00")
    response = login(leader).post(reverse("coalitions:meeting-create", args=[coalition.pk]), data)
    assert response.status_code == 400
    content = response.content.decode()
    assert "The meeting must end after it starts." in content
    assert 'value="Indikatorer som betyder något"' in content
    assert "Målgruppen som medbedömare" in content
    assert not Meeting.objects.filter(title="Indikatorer som betyder något").exists()


def test_meeting_needs_a_place_or_a_link(login: Any, leader: Any, coalition: Coalition) -> None:
    response = login(leader).post(
        reverse("coalitions:meeting-create", args=[coalition.pk]),
        meeting_data(place="", online_link=""),
    )
    assert response.status_code == 400
    assert "Give a place or an online link." in response.content.decode()


def test_agenda_item_with_focus_areas_but_no_title_is_an_error(
    login: Any, leader: Any, coalition: Coalition
) -> None:
    response = login(leader).post(
        reverse("coalitions:meeting-create", args=[coalition.pk]),
        meeting_data(**{"agenda-2-focus_areas": ["ecosystem"]}),
    )
    assert response.status_code == 400
    assert "Give the agenda item a title" in response.content.decode()


def test_lesson_without_focus_area_is_refused_and_kept(
    login: Any, leader: Any, past_meeting: Meeting
) -> None:
    response = login(leader).post(
        reverse("coalitions:lesson-add", args=[past_meeting.pk]),
        {"text": "En lärdom utan fokusområde."},
    )
    assert response.status_code == 400
    content = response.content.decode()
    assert "Choose at least one focus area." in content
    assert "En lärdom utan fokusområde." in content
    assert not Lesson.objects.filter(meeting=past_meeting).exists()


def test_editing_a_meeting_raises_its_calendar_sequence(
    login: Any, leader: Any, meeting: Meeting
) -> None:
    before = meeting.sequence
    data = meeting_data(title=meeting.title)
    response = login(leader).post(reverse("coalitions:meeting-edit", args=[meeting.pk]), data)
    assert response.status_code == 302
    meeting.refresh_from_db()
    assert meeting.sequence == before + 1


def test_other_process_leaders_coalition_is_read_only(
    login: Any, leader: Any, other_coalition: Coalition
) -> None:
    client = login(leader)
    assert client.get(other_coalition.get_absolute_url()).status_code == 200
    url = reverse("coalitions:meeting-create", args=[other_coalition.pk])
    assert client.get(url).status_code == 404


# --- Calendar feeds -------------------------------------------------------------------------


def test_coalition_feed_lists_the_meetings(
    client: Any, coalition: Coalition, meeting: Meeting, past_meeting: Meeting
) -> None:
    MeetingFactory(title="En annan koalitions träff")  # not in this feed
    response = client.get(reverse("coalitions:coalition-feed", args=[coalition.calendar_token]))
    assert response.status_code == 200
    events = Calendar.from_ical(response.content).walk("VEVENT")
    assert sorted(str(e["summary"]) for e in events) == [
        "Vägar till arbete: Ekosystem och samverkan",
        "Vägar till arbete: Indikatorer och resultat",
    ]


def test_feed_answers_404_for_an_unknown_or_odd_token(client: Any, coalition: Coalition) -> None:
    for token in ["x" * 43, "short", "z" * 200]:
        url = reverse("coalitions:coalition-feed", args=[token])
        assert client.get(url).status_code == 404


def test_feed_tokens_are_long_and_random() -> None:
    tokens = {CoalitionFactory().calendar_token for _ in range(3)}
    assert len(tokens) == 3
    assert all(len(t) >= 43 for t in tokens)  # 32 bytes = 256 bits, URL-safe base64


def test_personal_feed_has_meetings_and_coaching_sessions(
    login: Any, member: Any, project: Project, meeting: Meeting, other_coalition: Coalition
) -> None:
    MeetingFactory(coalition=other_coalition)
    SessionFactory(project=project)
    client = login(member)
    client.get(reverse("coalitions:my-calendar"))
    feed = CalendarFeed.objects.get(user=member)
    response = client.get(reverse("coalitions:user-feed", args=[feed.token]))
    summaries = [str(e["summary"]) for e in Calendar.from_ical(response.content).walk("VEVENT")]
    assert sorted(summaries) == sorted(
        ["Vägar till arbete: Indikatorer och resultat", f"Coaching: {project.number}"]
    )


def test_replacing_the_personal_link_stops_the_old_one(
    login: Any, member: Any, coalition: Coalition
) -> None:
    client = login(member)
    client.get(reverse("coalitions:my-calendar"))
    old = CalendarFeed.objects.get(user=member).token
    client.post(reverse("coalitions:my-calendar-reset"))
    new = CalendarFeed.objects.get(user=member).token
    assert new != old
    assert client.get(reverse("coalitions:user-feed", args=[old])).status_code == 404
    assert client.get(reverse("coalitions:user-feed", args=[new])).status_code == 200


def test_meeting_ics_download_parses(login: Any, member: Any, meeting: Meeting) -> None:
    response = login(member).get(reverse("coalitions:meeting-ics", args=[meeting.pk]))
    event = Calendar.from_ical(response.content).walk("VEVENT")[0]
    assert str(event["uid"]) == f"coalition-meeting-{meeting.pk}@samskapa"


# --- Coalitions: staff form them and move projects between them -----------------------------


def coalition_form(target: Coalition, **changes: Any) -> dict[str, Any]:
    return {
        "name": target.name,
        "call": target.call_id,
        "theme": target.theme,
        "description": "",
        "process_leaders": list(target.process_leaders.values_list("pk", flat=True)),
        **changes,
    }


def test_admin_moves_a_project_to_another_coalition(
    login: Any,
    coalition: Coalition,
    project: Project,
    neighbour: Project,
    other_coalition: Coalition,
) -> None:
    kept = list(other_coalition.members.values_list("project_id", flat=True))
    response = login(staff(StaffRole.ADMIN)).post(
        reverse("coalitions:coalition-edit", args=[other_coalition.pk]),
        coalition_form(other_coalition, projects=[*kept, neighbour.pk]),
    )
    assert response.status_code == 302
    neighbour.refresh_from_db()
    assert neighbour.coalition_membership.coalition == other_coalition  # type: ignore[attr-defined]
    assert list(coalition.members.values_list("project_id", flat=True)) == [project.pk]


def test_coalition_refuses_projects_of_another_call(login: Any, coalition: Coalition) -> None:
    foreign = ProjectFactory()  # a call of its own
    response = login(staff(StaffRole.ADMIN)).post(
        reverse("coalitions:coalition-edit", args=[coalition.pk]),
        {"name": coalition.name, "call": coalition.call_id, "projects": [foreign.pk]},
    )
    assert response.status_code == 400
    assert "belong to another call" in response.content.decode()
    assert not coalition.members.filter(project=foreign).exists()


def test_member_sees_only_own_coalition_in_the_list(
    login: Any, member: Any, coalition: Coalition, other_coalition: Coalition
) -> None:
    response = login(member).get(reverse("coalitions:coalition-list"))
    assert [c.name for c in response.context["page"].object_list] == ["Vägar till arbete"]


def test_funder_has_no_coalition_pages(login: Any, coalition: Coalition) -> None:
    client = login(staff(StaffRole.FUNDER))
    assert client.get(reverse("coalitions:coalition-list")).status_code == 403


def test_process_leader_marks_a_follow_up_done(
    login: Any, leader: Any, past_meeting: Meeting
) -> None:
    follow_up = FollowUpFactory(meeting=past_meeting, status="open")
    response = login(leader).post(
        reverse("coalitions:follow-up-status", args=[follow_up.pk]), {"status": "done"}
    )
    assert response.status_code == 302
    follow_up.refresh_from_db()
    assert follow_up.status == "done"


def test_unknown_follow_up_status_changes_nothing(
    login: Any, leader: Any, past_meeting: Meeting
) -> None:
    follow_up = FollowUpFactory(meeting=past_meeting, status="open")
    login(leader).post(
        reverse("coalitions:follow-up-status", args=[follow_up.pk]), {"status": "deleted"}
    )
    follow_up.refresh_from_db()
    assert follow_up.status == "open"


def test_admin_creates_a_coalition_with_leader_and_projects(
    login: Any, leader: Any, call: Any
) -> None:
    free = [ProjectFactory(call=call), ProjectFactory(call=call)]
    response = login(staff(StaffRole.ADMIN)).post(
        reverse("coalitions:coalition-create"),
        {
            "name": "Ny koalition",
            "call": call.pk,
            "theme": "",
            "description": "",
            "process_leaders": [leader.pk],
            "projects": [p.pk for p in free],
        },
    )
    created = Coalition.objects.get(name="Ny koalition")
    assert response.status_code == 302
    assert list(created.process_leaders.all()) == [leader]
    assert set(created.members.values_list("project_id", flat=True)) == {p.pk for p in free}


def test_coalition_without_process_leader_is_refused(login: Any, call: Any) -> None:
    response = login(staff(StaffRole.ADMIN)).post(
        reverse("coalitions:coalition-create"), {"name": "Utan ledare", "call": call.pk}
    )
    assert response.status_code == 400
    assert 'value="Utan ledare"' in response.content.decode()
    assert not Coalition.objects.filter(name="Utan ledare").exists()


def test_navigation_shows_coalitions_to_staff_and_members_with_a_coalition(
    login: Any, member: Any, coalition: Coalition
) -> None:
    url = f'href="{reverse("coalitions:coalition-list")}"'
    assert url in login(member).get(reverse("core:dashboard")).content.decode()
    evaluator = staff(StaffRole.EVALUATOR)
    assert url in login(evaluator).get(reverse("core:dashboard")).content.decode()
    coalition.delete()
    assert url not in login(member).get(reverse("core:dashboard")).content.decode()


def test_home_pages_answer_what_needs_attention(
    login: Any, leader: Any, member: Any, meeting: Meeting, past_meeting: Meeting
) -> None:
    MeetingFactory(coalition=meeting.coalition, in_days=-30, documented_at=timezone.now())
    MeetingFactory(coalition=meeting.coalition, in_days=60)
    leader_home = login(leader).get(reverse("core:dashboard"))
    panel = next(
        p["context"] for p in leader_home.context["panels"] if p["key"] == "coalitions-leader"
    )
    assert panel["next"] == meeting
    assert [m.title for m in panel["undocumented"]] == ["Ekosystem och samverkan"]
    admin_home = login(staff(StaffRole.ADMIN)).get(reverse("core:dashboard")).content.decode()
    assert "panel-process-support" in admin_home
    # Project members get no centre-wide figures (the funder gets them: see
    # test_funder_sees_process_support_in_figures_without_links).
    member_home = login(member).get(reverse("core:dashboard")).content.decode()
    assert "panel-process-support" not in member_home
    assert "Indikatorer och resultat" in member_home  # the member's next meeting


def test_replacing_the_coalition_link_stops_the_old_one(
    login: Any, leader: Any, coalition: Coalition
) -> None:
    old = coalition.calendar_token
    login(leader).post(reverse("coalitions:coalition-feed-reset", args=[coalition.pk]))
    client = login(None)
    assert client.get(reverse("coalitions:coalition-feed", args=[old])).status_code == 404
    coalition.refresh_from_db()
    assert coalition.calendar_token != old
    url = reverse("coalitions:coalition-feed", args=[coalition.calendar_token])
    assert client.get(url).status_code == 200
