"""Writes to coaching: assignments, sessions, notes, actions, reminders, personal data."""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from typing import Any

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation

from samskapa.accounts.models import User
from samskapa.coaching.enums import ActionStatus, NoteVisibility
from samskapa.coaching.models import Action, CoachAssignment, Note, Session
from samskapa.core.audit import record_event
from samskapa.core.models import AuditAction
from samskapa.projects.enums import MemberRole
from samskapa.projects.models import Project

# Actions due within this many days (or already overdue) get one reminder.
REMINDER_DAYS_AHEAD = 3


def language_of(user: Any) -> str:
    """The person's language for e-mail: their own choice where the account stores one."""
    chosen = getattr(user, "language", "") or ""
    return chosen if chosen in dict(settings.LANGUAGES) else settings.LANGUAGE_CODE


def _forget_cached(user: Any) -> None:
    user.__dict__.pop("_coach_of", None)


def assign_coach(*, project: Project, coach: User, by: User) -> CoachAssignment:
    assignment, _created = CoachAssignment.objects.get_or_create(project=project, coach=coach)
    record_event(action=AuditAction.CREATE, actor=by, obj=project, fields=["coach_assignments"])
    _forget_cached(coach)
    return assignment


def remove_assignment(*, assignment: CoachAssignment, by: User) -> None:
    project = assignment.project
    assignment.delete()
    record_event(action=AuditAction.DELETE, actor=by, obj=project, fields=["coach_assignments"])
    _forget_cached(assignment.coach)


@transaction.atomic
def create_session(
    *,
    project: Project,
    coach: User,
    starts_at: datetime.datetime,
    focus_areas: Iterable[str],
    note: str = "",
    visibility: str = "",
) -> Session:
    session = Session.objects.create(
        project=project, coach=coach, starts_at=starts_at, focus_areas=list(focus_areas)
    )
    if note.strip():
        add_note(session=session, text=note, visibility=visibility, by=coach)
    return session


def update_session(
    *, session: Session, starts_at: datetime.datetime, focus_areas: Iterable[str], by: User
) -> Session:
    session.starts_at = starts_at
    session.focus_areas = list(focus_areas)
    session.save(update_fields=["starts_at", "focus_areas", "updated_at"])
    record_event(
        action=AuditAction.CHANGE, actor=by, obj=session, fields=["starts_at", "focus_areas"]
    )
    return session


def add_note(
    *,
    session: Session,
    text: str,
    visibility: str,
    by: User,
    is_lesson: bool = False,
    focus_areas: Iterable[str] = (),
) -> Note:
    if visibility not in NoteVisibility.values:
        raise ValueError("A note is either shared or private.")
    return Note.objects.create(
        session=session,
        text=text.strip(),
        visibility=visibility,
        is_lesson=is_lesson and visibility == NoteVisibility.SHARED,
        focus_areas=list(focus_areas),
        author=by,
    )


def add_action(*, session: Session, text: str, owner: User | None, due_on: datetime.date) -> Action:
    return Action.objects.create(
        session=session, project=session.project, text=text, owner=owner, due_on=due_on
    )


def set_action_status(*, action: Action, status: str, by: User) -> Action:
    action.status = status
    action.save(update_fields=["status"])
    record_event(action=AuditAction.CHANGE, actor=by, obj=action, fields=["status"])
    return action


def record_private_read(*, user: User, notes: Iterable[Note], obj: Any, path: str) -> None:
    """Reads of private notes by anyone but their author go to the audit log (names only)."""
    count = sum(1 for note in notes if note.is_private and note.author_id != user.pk)
    if count:
        record_event(
            action=AuditAction.SENSITIVE_READ,
            actor=user,
            obj=obj,
            fields=["notes"],
            path=path,
            detail=f"private notes: {count}",
        )


# --- Reminders -------------------------------------------------------------------------------


def reminder_recipients(action: Action) -> list[User]:
    """The person responsible, or the project's leads when nobody is named."""
    if action.owner is not None and action.owner.is_active and action.owner.email:
        return [action.owner]
    return list(
        User.objects.filter(
            project_memberships__project_id=action.project_id,
            project_memberships__role=MemberRole.LEAD,
            is_active=True,
        )
    )


def send_reminder(*, action_id: int, site_url: str = "") -> bool:
    """Send the reminder for one action, exactly once.

    The action is claimed by setting `reminded_at` in one conditional UPDATE before anything is
    sent: two workers (or two runs of the command) can never both send it. A failing mail
    server therefore loses that reminder rather than repeating it.
    """
    claimed = Action.objects.filter(
        pk=action_id, reminded_at__isnull=True, status=ActionStatus.OPEN
    ).update(reminded_at=timezone.now())
    if not claimed:
        return False
    action = Action.objects.select_related("project", "owner").get(pk=action_id)
    for person in reminder_recipients(action):
        with translation.override(language_of(person)):
            context = {"action": action, "person": person, "site_url": site_url.rstrip("/")}
            subject = render_to_string("coaching/email/reminder_subject.txt", context).strip()
            body = render_to_string("coaching/email/reminder_body.txt", context)
        send_mail(
            settings.ACCOUNT_EMAIL_SUBJECT_PREFIX + subject,
            body,
            settings.DEFAULT_FROM_EMAIL,
            [person.email],
        )
    return True


# --- Personal data (registered in apps.py) ---------------------------------------------------


def export_personal_data(user: User) -> dict[str, Any]:
    return {
        "coaching_notes_written": [
            {
                "project": n.session.project.number,
                "session": n.session.starts_at.isoformat(),
                "visibility": n.visibility,
                "text": n.text,
            }
            for n in Note.objects.filter(author=user).select_related("session__project")
        ],
        "coaching_actions_responsible": [
            {"project": a.project.number, "action": a.text, "due": a.due_on.isoformat()}
            for a in Action.objects.filter(owner=user).select_related("project")
        ],
        "coach_of": [
            a.project.number
            for a in CoachAssignment.objects.filter(coach=user).select_related("project")
        ],
    }


def erase_personal_data(user: User) -> None:
    # The notes are about the project's work, not about the person: they stay, unsigned.
    Note.objects.filter(author=user).update(author=None)
    Action.objects.filter(owner=user).update(owner=None)
    Session.objects.filter(coach=user).update(coach=None)
    CoachAssignment.objects.filter(coach=user).delete()
