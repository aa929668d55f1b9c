"""Reads of coaching. Every read of notes goes through `visible_notes`, which leaves private
notes out for anyone who is not the assigned coach or an admin."""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import Any

from django.db import connection
from django.db.models import BooleanField, Count, ExpressionWrapper, Min, Prefetch, Q, QuerySet
from django.utils import timezone

from samskapa.accounts.models import User
from samskapa.accounts.rules import is_admin
from samskapa.coaching.enums import ActionStatus, NoteVisibility
from samskapa.coaching.models import Action, CoachAssignment, Note, Session
from samskapa.core.access import get_object_for_user
from samskapa.projects.models import Project


def has_focus_area(field: str, value: str) -> Q:
    """Rows whose JSON list `field` holds `value`: jsonb containment on PostgreSQL; on SQLite
    the list's JSON text is searched for the quoted value (values are plain enum keys)."""
    if connection.vendor == "postgresql":
        return Q(**{f"{field}__contains": [value]})
    return Q(**{f"{field}__icontains": f'"{value}"'})


def get_project_for_user(user: Any, pk: Any, perm: str, path: str = "") -> Project:
    return get_object_for_user(
        Project.objects.select_related("call", "owner"), user=user, perm=perm, path=path, pk=pk
    )


def get_session_for_user(user: Any, pk: Any, perm: str, path: str = "") -> Session:
    return get_object_for_user(
        Session.objects.select_related("project", "coach"), user=user, perm=perm, path=path, pk=pk
    )


def get_action_for_user(user: Any, pk: Any, perm: str, path: str = "") -> Action:
    return get_object_for_user(
        Action.objects.select_related("project", "session"), user=user, perm=perm, path=path, pk=pk
    )


def overdue(prefix: str = "", *, today: datetime.date | None = None) -> Q:
    """An action is overdue while it is open and its due date has passed (in the centre's time
    zone). The one definition: the coach's overview, the home panels, the project's coaching
    page and the session page all ask this, so the coach and the project see the same."""
    return Q(
        **{
            f"{prefix}status": ActionStatus.OPEN,
            f"{prefix}due_on__lt": today or timezone.localdate(),
        }
    )


def with_overdue(actions: QuerySet[Action]) -> QuerySet[Action]:
    """The actions, each with `is_overdue` computed in SQL by `overdue()`."""
    return actions.annotate(is_overdue=ExpressionWrapper(overdue(), output_field=BooleanField()))


def actions_of_session(session: Session) -> QuerySet[Action]:
    return with_overdue(session.actions.select_related("owner"))


def visible_notes(*, user: Any, project: Project) -> QuerySet[Note]:
    """The notes this person may read in this project's coaching."""
    notes = Note.objects.filter(session__project=project).select_related("author")
    if user.has_perm("coaching.view_private_notes", project):
        return notes
    return notes.filter(visibility=NoteVisibility.SHARED)


def sessions_for_project(*, user: Any, project: Project) -> QuerySet[Session]:
    return (
        Session.objects.filter(project=project)
        .select_related("coach")
        .prefetch_related(
            Prefetch("notes", queryset=visible_notes(user=user, project=project)),
            Prefetch("actions", queryset=with_overdue(Action.objects.select_related("owner"))),
        )
        .order_by("-starts_at")
    )


def coaches() -> QuerySet[User]:
    return User.objects.coaches()


def list_assignments() -> QuerySet[CoachAssignment]:
    return CoachAssignment.objects.select_related("project", "coach").order_by(
        "project__number", "coach__name"
    )


def coached_projects(*, user: Any) -> QuerySet[Project]:
    """The projects a coach is assigned to (all coached projects for the admin), with the next
    session and the number of overdue actions, counted in SQL."""
    now = timezone.now()
    today = timezone.localdate()
    projects = Project.objects.filter(coach_assignments__isnull=False)
    if not is_admin(user):
        projects = projects.filter(coach_assignments__coach_id=user.pk)
    return (
        projects.distinct()
        .select_related("owner")
        .annotate(
            next_session=Min(
                "coaching_sessions__starts_at", filter=Q(coaching_sessions__starts_at__gte=now)
            ),
            overdue=Count(
                "coaching_actions", filter=overdue("coaching_actions__", today=today), distinct=True
            ),
        )
        .order_by("number")
    )


def _coach_scope(user: Any) -> Q:
    if is_admin(user):
        return Q(project__coach_assignments__isnull=False)
    return Q(project__coach_assignments__coach_id=user.pk)


def upcoming_sessions(*, user: Any, limit: int = 10) -> QuerySet[Session]:
    return (
        Session.objects.filter(_coach_scope(user), starts_at__gte=timezone.now())
        .select_related("project", "coach")
        .distinct()
        .order_by("starts_at")[:limit]
    )


def overdue_actions(*, user: Any, limit: int = 20) -> QuerySet[Action]:
    return (
        with_overdue(Action.objects.filter(_coach_scope(user), overdue()))
        .select_related("project", "owner")
        .distinct()
        .order_by("due_on")[:limit]
    )


def open_actions_for_member(*, user: Any, limit: int = 10) -> QuerySet[Action]:
    return (
        with_overdue(
            Action.objects.filter(project__members__user_id=user.pk, status=ActionStatus.OPEN)
        )
        .select_related("project", "owner")
        .distinct()
        .order_by("due_on")[:limit]
    )


def coached_projects_of_member(*, user: Any) -> QuerySet[Project]:
    """The person's projects that have a coach: their way to the project's coaching page."""
    return (
        Project.objects.filter(members__user_id=user.pk, coach_assignments__isnull=False)
        .distinct()
        .order_by("number")
    )


def sessions_for_calendar(*, user: Any) -> QuerySet[Session]:
    """Sessions for a person's calendar feed: dates and projects only, never notes."""
    return (
        Session.objects.filter(
            Q(project__members__user_id=user.pk) | Q(project__coach_assignments__coach_id=user.pk)
        )
        .select_related("project")
        .only("pk", "starts_at", "updated_at", "project__number", "project__name")
        .distinct()
        .order_by("starts_at")
    )


def actions_due_for_reminder(*, today: datetime.date, days_ahead: int) -> QuerySet[Action]:
    return Action.objects.filter(
        status=ActionStatus.OPEN,
        reminded_at__isnull=True,
        due_on__lte=today + datetime.timedelta(days=days_ahead),
    ).order_by("due_on", "pk")


@dataclass(frozen=True)
class LessonFilters:
    q: str = ""
    focus_area: str = ""
    call: Any = None
    project: Any = None


def shared_lessons(filters: LessonFilters) -> QuerySet[Note]:
    """Shared coaching notes marked as lessons, for the centre's lessons register."""
    notes = Note.objects.filter(is_lesson=True, visibility=NoteVisibility.SHARED).select_related(
        "session__project"
    )
    if filters.q:
        notes = notes.filter(text__icontains=filters.q)
    if filters.focus_area:
        notes = notes.filter(has_focus_area("focus_areas", filters.focus_area))
    if filters.call is not None:
        notes = notes.filter(session__project__call=filters.call)
    if filters.project is not None:
        notes = notes.filter(session__project=filters.project)
    return notes.order_by("-created_at", "-pk")
