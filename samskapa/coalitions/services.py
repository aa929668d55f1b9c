"""Writes to coalitions and meetings. E-mails leave only after the transaction commits."""

from __future__ import annotations

import secrets
from collections.abc import Iterable
from email.mime.text import MIMEText
from functools import partial
from typing import Any

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import transaction
from django.utils import timezone, translation

from samskapa.accounts.models import User
from samskapa.coalitions import ics, selectors
from samskapa.coalitions.models import (
    AgendaItem,
    Attendance,
    CalendarFeed,
    Coalition,
    CoalitionProject,
    FollowUp,
    Lesson,
    Meeting,
    Reflection,
)
from samskapa.core import mail
from samskapa.core.audit import record_event
from samskapa.core.mail import language_of
from samskapa.core.models import AuditAction
from samskapa.projects.models import Project


@transaction.atomic
def save_coalition(
    *,
    coalition: Coalition,
    process_leaders: Iterable[User],
    projects: Iterable[Project],
    by: User,
) -> Coalition:
    """Save a new or changed coalition, its process leaders and its projects together: either
    all of it is stored or none of it."""
    creating = coalition.pk is None
    coalition.save()
    before = set() if creating else set(coalition.process_leaders.values_list("pk", flat=True))
    leaders = list(process_leaders)
    coalition.process_leaders.set(leaders)
    if before - {leader.pk for leader in leaders}:
        replace_calendar_links(coalition_ids=[coalition.pk])
    record_event(
        action=AuditAction.CREATE if creating else AuditAction.CHANGE, actor=by, obj=coalition
    )
    set_projects(coalition=coalition, projects=projects, by=by)
    return coalition


@transaction.atomic
def set_projects(*, coalition: Coalition, projects: Iterable[Project], by: User) -> None:
    """Make these the coalition's projects. A project in another coalition moves here."""
    wanted = {p.pk for p in projects}
    leaving = CoalitionProject.objects.filter(coalition=coalition).exclude(project_id__in=wanted)
    moving = CoalitionProject.objects.filter(project_id__in=wanted).exclude(coalition=coalition)
    left = {coalition.pk} if leaving.exists() else set()
    left |= set(moving.values_list("coalition_id", flat=True))
    leaving.delete()
    replace_calendar_links(coalition_ids=left)
    for project_id in wanted:
        CoalitionProject.objects.update_or_create(
            project_id=project_id, defaults={"coalition": coalition}
        )
    record_event(action=AuditAction.CHANGE, actor=by, obj=coalition, fields=["projects"])


@transaction.atomic
def save_meeting(*, meeting: Meeting, agenda: list[dict[str, Any]], by: User) -> Meeting:
    """Save a new or changed meeting with its agenda (replaced as a whole)."""
    creating = meeting.pk is None
    if creating:
        meeting.created_by = by
    else:
        meeting.sequence += 1  # calendars that imported it replace the old version
    meeting.save()
    AgendaItem.objects.filter(meeting=meeting).delete()
    AgendaItem.objects.bulk_create(
        AgendaItem(
            meeting=meeting, order=index, title=item["title"], focus_areas=item["focus_areas"]
        )
        for index, item in enumerate(agenda)
    )
    record_event(
        action=AuditAction.CREATE if creating else AuditAction.CHANGE, actor=by, obj=meeting
    )
    return meeting


def _invitation_message(meeting_id: int, user_id: int, site_url: str) -> EmailMessage:
    meeting = Meeting.objects.select_related("coalition").get(pk=meeting_id)
    person = User.objects.get(pk=user_id)
    language = language_of(person)
    with translation.override(language):  # the link in the recipient's language
        url = site_url.rstrip("/") + meeting.get_absolute_url()
    message = mail.render_message(
        to=person.email,
        language=language,
        subject_template="coalitions/email/invitation_subject.txt",
        body_template="coalitions/email/invitation_body.txt",
        context={"meeting": meeting, "person": person, "url": url},
        subject_prefix=settings.ACCOUNT_EMAIL_SUBJECT_PREFIX,
    )
    with translation.override(language):
        message.attach(_calendar_part(ics.meeting_invitation(meeting, url=url)))
    return message


def _calendar_part(calendar: bytes) -> MIMEText:
    """The .ics as text/calendar with METHOD=PUBLISH, which calendar programs import."""
    part = MIMEText(calendar.decode("utf-8"), "calendar", "utf-8")
    part.set_param("method", "PUBLISH")
    part.add_header("Content-Disposition", "attachment", filename="invitation.ics")
    return part


class MeetingOver(Exception):
    """The meeting has ended: there is nobody left to invite."""


@transaction.atomic
def send_invitations(*, meeting: Meeting, by: User, site_url: str) -> int:
    """E-mail each invitee, in their own language, with the meeting as an .ics attachment.
    A meeting that has ended invites nobody (MeetingOver)."""
    if meeting.has_ended:
        raise MeetingOver
    people = selectors.invitees(meeting)
    for person in people:
        mail.send_later(partial(_invitation_message, meeting.pk, person.pk, site_url))
    meeting.invited_at = timezone.now()
    meeting.save(update_fields=["invited_at"])
    record_event(action=AuditAction.CHANGE, actor=by, obj=meeting, fields=["invited_at"])
    return len(people)


@transaction.atomic
def record_attendance(
    *, meeting: Meeting, present: Iterable[tuple[int, int | None]], by: User
) -> int:
    """Replace the attendance list: (user id, project id or None) for everyone present."""
    Attendance.objects.filter(meeting=meeting).delete()
    rows = [
        Attendance(meeting=meeting, user_id=user_id, project_id=project_id)
        for user_id, project_id in dict(present).items()
    ]
    Attendance.objects.bulk_create(rows)
    record_event(action=AuditAction.CHANGE, actor=by, obj=meeting, fields=["attendance"])
    return len(rows)


def document_meeting(*, meeting: Meeting, notes: str, key_insights: str, by: User) -> Meeting:
    meeting.notes = notes
    meeting.key_insights = key_insights
    meeting.documented_at = meeting.documented_at or timezone.now()
    meeting.save(update_fields=["notes", "key_insights", "documented_at", "updated_at"])
    record_event(action=AuditAction.CHANGE, actor=by, obj=meeting, fields=["notes", "key_insights"])
    return meeting


@transaction.atomic
def add_lesson(
    *, meeting: Meeting, text: str, focus_areas: list[str], projects: Iterable[Project], by: User
) -> Lesson:
    lesson = Lesson.objects.create(meeting=meeting, text=text, focus_areas=focus_areas, author=by)
    lesson.projects.set(projects)
    return lesson


def add_follow_up(*, meeting: Meeting, by: User, **values: Any) -> FollowUp:
    follow_up = FollowUp.objects.create(meeting=meeting, **values)
    record_event(action=AuditAction.CHANGE, actor=by, obj=meeting, fields=["follow_ups"])
    return follow_up


def set_follow_up_status(*, follow_up: FollowUp, status: str, by: User) -> FollowUp:
    follow_up.status = status
    follow_up.save(update_fields=["status"])
    record_event(action=AuditAction.CHANGE, actor=by, obj=follow_up.meeting, fields=["follow_ups"])
    return follow_up


def save_reflection(
    *, meeting: Meeting, project: Project, timing: str, text: str, by: User
) -> Reflection:
    reflection, _created = Reflection.objects.update_or_create(
        meeting=meeting, project=project, timing=timing, defaults={"text": text, "author": by}
    )
    return reflection


def calendar_feed_for(*, user: User) -> CalendarFeed:
    feed, _created = CalendarFeed.objects.get_or_create(user=user)
    return feed


def reset_calendar_feed(*, user: User) -> CalendarFeed:
    """A new secret link: the old one stops working at once."""
    feed = calendar_feed_for(user=user)
    feed.token = secrets.token_urlsafe(32)
    feed.save(update_fields=["token"])
    return feed


def replace_calendar_links(*, coalition_ids: Iterable[int]) -> None:
    """Someone who could see these coalitions' calendar links has left (a process leader, a
    project, a member of one of its projects): each coalition gets a new link, so the old one,
    which the person may have kept, stops working. Called by the services and signal receivers
    (samskapa.coalitions.signals) where people leave."""
    for coalition in Coalition.objects.filter(pk__in=set(coalition_ids)):
        coalition.calendar_token = secrets.token_urlsafe(32)
        coalition.save(update_fields=["calendar_token"])
        record_event(action=AuditAction.CHANGE, obj=coalition, fields=["calendar_token"])


def reset_coalition_feed(*, coalition: Coalition, by: User) -> None:
    coalition.calendar_token = secrets.token_urlsafe(32)
    coalition.save(update_fields=["calendar_token"])
    record_event(action=AuditAction.CHANGE, actor=by, obj=coalition, fields=["calendar_token"])


# --- Personal data (registered in apps.py) ---------------------------------------------------


def export_personal_data(user: User) -> dict[str, Any]:
    return {
        "meeting_attendance": [
            {
                "meeting": a.meeting.title,
                "coalition": a.meeting.coalition.name,
                "date": a.meeting.starts_at.isoformat(),
                "project": a.project.number if a.project else None,
            }
            for a in Attendance.objects.filter(user=user).select_related(
                "meeting__coalition", "project"
            )
        ],
        "lessons_written": [
            {"meeting": lesson.meeting.title, "text": lesson.text}
            for lesson in Lesson.objects.filter(author=user).select_related("meeting")
        ],
        "reflections_written": [
            {"meeting": r.meeting.title, "project": r.project.number, "text": r.text}
            for r in Reflection.objects.filter(author=user).select_related("meeting", "project")
        ],
        "calendar_feed": CalendarFeed.objects.filter(user=user).exists(),
    }


def erase_personal_data(user: User) -> None:
    Attendance.objects.filter(user=user).delete()
    CalendarFeed.objects.filter(user=user).delete()
    # Lessons and reflections belong to the coalition's record; they stay, unsigned.
    Lesson.objects.filter(author=user).update(author=None)
    Reflection.objects.filter(author=user).update(author=None)
    Meeting.objects.filter(created_by=user).update(created_by=None)
    led = list(Coalition.objects.filter(process_leaders=user))
    for coalition in led:
        coalition.process_leaders.remove(user)
    replace_calendar_links(coalition_ids=[coalition.pk for coalition in led])
    if user.name:  # a follow-up's owner is a name typed in the meeting notes
        FollowUp.objects.filter(owner__iexact=user.name).update(owner="")
