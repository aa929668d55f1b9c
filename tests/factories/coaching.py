"""Coaching: coaches assigned to projects, sessions, notes and agreed actions.

Dates are relative to the current time (fix it with time_machine when a test depends on it):
`SessionFactory(in_days=-7)` was a week ago; `ActionFactory(due_in_days=-1)` is overdue.
"""

from __future__ import annotations

from datetime import timedelta

import factory
from django.utils import timezone

from samskapa.accounts.enums import StaffRole
from samskapa.accounts.models import User
from samskapa.coaching.enums import ActionStatus, NoteVisibility
from samskapa.coaching.models import Action, CoachAssignment, Note, Session
from samskapa.projects.models import Project
from tests.factories.accounts import staff
from tests.factories.coalitions import at_nine
from tests.factories.projects import ProjectFactory


class CoachAssignmentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CoachAssignment
        django_get_or_create = ("project", "coach")  # a coach is assigned to a project once

    project = factory.SubFactory(ProjectFactory)
    coach = factory.LazyFunction(lambda: staff(StaffRole.COACH))


def coach_of(project: Project, user: User | None = None) -> User:
    """A coach (a new one unless given) assigned to `project`."""
    return CoachAssignmentFactory(project=project, coach=user or staff(StaffRole.COACH)).coach


class SessionFactory(factory.django.DjangoModelFactory):
    """A session at 09:00, `in_days` from today (-7 unless told: a week ago)."""

    class Meta:
        model = Session

    class Params:
        in_days = -7

    project = factory.SubFactory(ProjectFactory)
    coach = factory.LazyAttribute(lambda o: coach_of(o.project))
    starts_at = factory.LazyAttribute(lambda o: at_nine(o.in_days))
    focus_areas = factory.LazyFunction(lambda: ["collaboration"])


class NoteFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Note

    session = factory.SubFactory(SessionFactory)
    text = factory.Sequence(lambda n: f"Anteckning {n}")
    visibility = NoteVisibility.SHARED
    author = factory.SelfAttribute("session.coach")


class ActionFactory(factory.django.DjangoModelFactory):
    """An open action agreed at a session, due `due_in_days` from today (14 unless told)."""

    class Meta:
        model = Action

    class Params:
        due_in_days = 14

    session = factory.SubFactory(SessionFactory)
    project = factory.SelfAttribute("session.project")
    text = factory.Sequence(lambda n: f"Åtgärd {n}")
    due_on = factory.LazyAttribute(lambda o: timezone.localdate() + timedelta(days=o.due_in_days))
    status = ActionStatus.OPEN
