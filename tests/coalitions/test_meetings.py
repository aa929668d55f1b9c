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

from samskapa.coalitions.models import (
    Attendance,
    CalendarFeed,
    Coalition,
    FollowUp,
    Lesson,
    Meeting,
)
from samskapa.projects.models import Project

pytestmark = pytest.mark.django_db


def coalition() -> Coalition:
    return Coalition.objects.get(name="Vägar till arbete")


def first_meeting() -> Meeting:
    meeting = coalition().meetings.order_by("starts_at").first()
    assert meeting is not None
    return meeting


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
    as_role: Any, django_capture_on_commit_callbacks: Any
) -> None:
    client = as_role("process_leader")
    response = client.post(
        reverse("coalitions:meeting-create", args=[coalition().pk]), meeting_data()
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
    assert "projekt@samskapa.test" in recipients
    assert "processledare@samskapa.test" in recipients
    assert "projekt2@samskapa.test" not in recipients  # the other coalition
    message = next(m for m in mail.outbox if m.to == ["projekt@samskapa.test"])
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

    member = Project.objects.get(number="23-012-S01").members.first()
    assert member is not None
    leader = coalition().process_leaders.first()
    assert leader is not None
    response = client.post(
        reverse("coalitions:meeting-attendance", args=[meeting.pk]),
        {"present": [f"{member.user_id}:{member.project_id}", f"{leader.pk}:"]},
    )
    assert response.status_code == 302
    assert set(Attendance.objects.filter(meeting=meeting).values_list("user_id", "project_id")) == {
        (member.user_id, member.project_id),
        (leader.pk, None),
    }

    response = client.post(
        reverse("coalitions:meeting-document", args=[meeting.pk]),
        {"notes": "Vi gick igenom indikatorerna.", "key_insights": "Färre och bättre."},
    )
    assert response.status_code == 302
    project = Project.objects.get(number="23-012-S01")
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
    as_role: Any, django_capture_on_commit_callbacks: Any
) -> None:
    # The leader works in English; the recipients have not chosen, so they get Swedish.
    meeting = first_meeting()
    with django_capture_on_commit_callbacks(execute=True):
        as_role("process_leader").post(reverse("coalitions:meeting-invite", args=[meeting.pk]))
    assert mail.outbox
    assert all("Inbjudan" in m.subject for m in mail.outbox)


def test_no_mail_leaves_before_the_transaction_commits(as_role: Any) -> None:
    meeting = first_meeting()
    as_role("process_leader").post(reverse("coalitions:meeting-invite", args=[meeting.pk]))
    assert mail.outbox == []  # the test's transaction never commits


def test_meeting_that_ends_before_it_starts_keeps_the_input(as_role: Any) -> None:
    day = (timezone.localdate() + datetime.timedelta(days=5)).isoformat()
    data = meeting_data(starts_at=f"{day}T13:00", ends_at=f"{day}T12:00")
    response = as_role("process_leader").post(
        reverse("coalitions:meeting-create", args=[coalition().pk]), data
    )
    assert response.status_code == 400
    content = response.content.decode()
    assert "The meeting must end after it starts." in content
    assert 'value="Indikatorer som betyder något"' in content
    assert "Målgruppen som medbedömare" in content
    assert not Meeting.objects.filter(title="Indikatorer som betyder något").exists()


def test_meeting_needs_a_place_or_a_link(as_role: Any) -> None:
    response = as_role("process_leader").post(
        reverse("coalitions:meeting-create", args=[coalition().pk]),
        meeting_data(place="", online_link=""),
    )
    assert response.status_code == 400
    assert "Give a place or an online link." in response.content.decode()


def test_agenda_item_with_focus_areas_but_no_title_is_an_error(as_role: Any) -> None:
    response = as_role("process_leader").post(
        reverse("coalitions:meeting-create", args=[coalition().pk]),
        meeting_data(**{"agenda-2-focus_areas": ["ecosystem"]}),
    )
    assert response.status_code == 400
    assert "Give the agenda item a title" in response.content.decode()


def test_lesson_without_focus_area_is_refused_and_kept(as_role: Any) -> None:
    meeting = first_meeting()
    response = as_role("process_leader").post(
        reverse("coalitions:lesson-add", args=[meeting.pk]),
        {"text": "En lärdom utan fokusområde."},
    )
    assert response.status_code == 400
    content = response.content.decode()
    assert "Choose at least one focus area." in content
    assert "En lärdom utan fokusområde." in content


def test_editing_a_meeting_raises_its_calendar_sequence(as_role: Any) -> None:
    meeting = first_meeting()
    before = meeting.sequence
    data = meeting_data(title=meeting.title)
    response = as_role("process_leader").post(
        reverse("coalitions:meeting-edit", args=[meeting.pk]), data
    )
    assert response.status_code == 302
    meeting.refresh_from_db()
    assert meeting.sequence == before + 1


def test_other_process_leaders_coalition_is_read_only(as_role: Any) -> None:
    other = Coalition.objects.get(name="Arbetsgivare och arbetsliv")
    client = as_role("process_leader")
    assert client.get(other.get_absolute_url()).status_code == 200
    assert client.get(reverse("coalitions:meeting-create", args=[other.pk])).status_code == 404


# --- Calendar feeds -------------------------------------------------------------------------


def test_coalition_feed_lists_the_meetings(client: Any) -> None:
    response = client.get(reverse("coalitions:coalition-feed", args=[coalition().calendar_token]))
    assert response.status_code == 200
    events = Calendar.from_ical(response.content).walk("VEVENT")
    assert len(events) == coalition().meetings.count()


def test_feed_answers_404_for_an_unknown_or_odd_token(client: Any) -> None:
    for token in ["x" * 43, "short", "z" * 200]:
        url = reverse("coalitions:coalition-feed", args=[token])
        assert client.get(url).status_code == 404


def test_feed_tokens_are_long_and_random() -> None:
    tokens = {c.calendar_token for c in Coalition.objects.all()}
    assert len(tokens) == Coalition.objects.count()
    assert all(len(t) >= 43 for t in tokens)  # 32 bytes = 256 bits, URL-safe base64


def test_personal_feed_has_meetings_and_coaching_sessions(as_role: Any, demo_user: Any) -> None:
    client = as_role("member")
    client.get(reverse("coalitions:my-calendar"))
    feed = CalendarFeed.objects.get(user=demo_user("member"))
    response = client.get(reverse("coalitions:user-feed", args=[feed.token]))
    summaries = [str(e["summary"]) for e in Calendar.from_ical(response.content).walk("VEVENT")]
    assert any(s.startswith("Vägar till arbete:") for s in summaries)
    assert "Coaching: 23-012-S01" in summaries
    assert not any(s.startswith("Arbetsgivare och arbetsliv:") for s in summaries)


def test_replacing_the_personal_link_stops_the_old_one(as_role: Any, demo_user: Any) -> None:
    client = as_role("member")
    client.get(reverse("coalitions:my-calendar"))
    old = CalendarFeed.objects.get(user=demo_user("member")).token
    client.post(reverse("coalitions:my-calendar-reset"))
    assert client.get(reverse("coalitions:user-feed", args=[old])).status_code == 404


def test_meeting_ics_download_parses(as_role: Any) -> None:
    meeting = first_meeting()
    response = as_role("member").get(reverse("coalitions:meeting-ics", args=[meeting.pk]))
    event = Calendar.from_ical(response.content).walk("VEVENT")[0]
    assert str(event["uid"]) == f"coalition-meeting-{meeting.pk}@samskapa"


# --- Coalitions: staff form them and move projects between them -----------------------------


def test_admin_moves_a_project_to_another_coalition(as_role: Any) -> None:
    target = Coalition.objects.get(name="Arbetsgivare och arbetsliv")
    moving = Project.objects.get(number="23-027-S01")
    kept = list(target.members.values_list("project_id", flat=True))
    response = as_role("admin").post(
        reverse("coalitions:coalition-edit", args=[target.pk]),
        {
            "name": target.name,
            "call": target.call_id,
            "theme": target.theme,
            "description": "",
            "process_leaders": list(target.process_leaders.values_list("pk", flat=True)),
            "projects": [*kept, moving.pk],
        },
    )
    assert response.status_code == 302
    moving.refresh_from_db()
    assert moving.coalition_membership.coalition == target  # type: ignore[attr-defined]


def test_coalition_refuses_projects_of_another_call(as_role: Any) -> None:
    target = coalition()
    foreign = Project.objects.exclude(call=target.call).first()
    assert foreign is not None
    response = as_role("admin").post(
        reverse("coalitions:coalition-edit", args=[target.pk]),
        {"name": target.name, "call": target.call_id, "projects": [foreign.pk]},
    )
    assert response.status_code == 400
    assert "belong to another call" in response.content.decode()
    assert not target.members.filter(project=foreign).exists()


def test_member_sees_only_own_coalition_in_the_list(as_role: Any) -> None:
    response = as_role("member").get(reverse("coalitions:coalition-list"))
    assert [c.name for c in response.context["page"].object_list] == ["Vägar till arbete"]


def test_funder_has_no_coalition_pages(as_role: Any) -> None:
    assert as_role("funder").get(reverse("coalitions:coalition-list")).status_code == 403


def test_process_leader_marks_a_follow_up_done(as_role: Any) -> None:
    follow_up = FollowUp.objects.filter(meeting__coalition=coalition()).first()
    assert follow_up is not None
    follow_up.status = "open"
    follow_up.save()
    response = as_role("process_leader").post(
        reverse("coalitions:follow-up-status", args=[follow_up.pk]), {"status": "done"}
    )
    assert response.status_code == 302
    follow_up.refresh_from_db()
    assert follow_up.status == "done"


def test_unknown_follow_up_status_changes_nothing(as_role: Any) -> None:
    follow_up = FollowUp.objects.filter(meeting__coalition=coalition()).first()
    assert follow_up is not None
    before = follow_up.status
    as_role("process_leader").post(
        reverse("coalitions:follow-up-status", args=[follow_up.pk]), {"status": "deleted"}
    )
    follow_up.refresh_from_db()
    assert follow_up.status == before


def test_admin_creates_a_coalition_with_leader_and_projects(as_role: Any, demo_user: Any) -> None:
    CoalitionProject = Coalition.members.rel.related_model
    call = coalition().call
    free = Project.objects.filter(call=call).order_by("number")[:2]
    CoalitionProject.objects.filter(project__in=free).delete()
    response = as_role("admin").post(
        reverse("coalitions:coalition-create"),
        {
            "name": "Ny koalition",
            "call": call.pk,
            "theme": "",
            "description": "",
            "process_leaders": [demo_user("process_leader").pk],
            "projects": [p.pk for p in free],
        },
    )
    created = Coalition.objects.get(name="Ny koalition")
    assert response.status_code == 302
    assert list(created.process_leaders.all()) == [demo_user("process_leader")]
    assert set(created.members.values_list("project_id", flat=True)) == {p.pk for p in free}


def test_coalition_without_process_leader_is_refused(as_role: Any) -> None:
    response = as_role("admin").post(
        reverse("coalitions:coalition-create"),
        {"name": "Utan ledare", "call": coalition().call_id},
    )
    assert response.status_code == 400
    assert 'value="Utan ledare"' in response.content.decode()
    assert not Coalition.objects.filter(name="Utan ledare").exists()


def test_navigation_shows_coalitions_to_staff_and_members_with_a_coalition(
    as_role: Any, demo_user: Any
) -> None:
    url = f'href="{reverse("coalitions:coalition-list")}"'
    assert url in as_role("member").get(reverse("core:dashboard")).content.decode()
    assert url in as_role("evaluator").get(reverse("core:dashboard")).content.decode()
    Coalition.objects.all().delete()
    assert url not in as_role("member").get(reverse("core:dashboard")).content.decode()


def test_home_pages_answer_what_needs_attention(as_role: Any) -> None:
    leader_home = as_role("process_leader").get(reverse("core:dashboard"))
    panel = next(
        p["context"] for p in leader_home.context["panels"] if p["key"] == "coalitions-leader"
    )
    assert panel["next"] is not None and panel["next"].starts_at > timezone.now()
    assert [m.title for m in panel["undocumented"]] == ["Ekosystem och samverkan"]
    admin_home = as_role("admin").get(reverse("core:dashboard")).content.decode()
    assert "panel-process-support" in admin_home
    # Project members get no centre-wide figures (the funder gets them: see
    # test_funder_sees_process_support_in_figures_without_links).
    assert "panel-process-support" not in (
        as_role("member").get(reverse("core:dashboard")).content.decode()
    )


def test_replacing_the_coalition_link_stops_the_old_one(as_role: Any, client: Any) -> None:
    old = coalition().calendar_token
    as_role("process_leader").post(
        reverse("coalitions:coalition-feed-reset", args=[coalition().pk])
    )
    client.logout()
    assert client.get(reverse("coalitions:coalition-feed", args=[old])).status_code == 404
    new = coalition().calendar_token
    assert new != old
    assert client.get(reverse("coalitions:coalition-feed", args=[new])).status_code == 200
