"""Coalitions, their projects and process leaders, meetings and what is recorded at them.

Dates are relative to the current time (fix it with time_machine when a test depends on it):
`MeetingFactory(in_days=-7)` is a meeting a week ago, the default is two weeks ahead.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime, timedelta
from typing import Any

import factory
from django.utils import timezone

from samskapa.accounts.enums import StaffRole
from samskapa.accounts.models import User
from samskapa.coalitions.enums import FollowUpStatus, ReflectionTiming
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
from samskapa.projects.models import Project
from tests.factories.accounts import UserFactory, staff
from tests.factories.projects import CallFactory, ProjectFactory


def at_nine(in_days: int) -> datetime:
    """09:00 local time, `in_days` days from today."""
    day = timezone.localtime() + timedelta(days=in_days)
    return day.replace(hour=9, minute=0, second=0, microsecond=0)


class CoalitionFactory(factory.django.DjangoModelFactory):
    """A coalition of a call. `projects=[...]` puts projects in it, `process_leaders=[...]`
    gives it leaders (none unless told: `process_leader_of(coalition)` makes one)."""

    class Meta:
        model = Coalition
        skip_postgeneration_save = True

    name = factory.Sequence(lambda n: f"Koalition {n}")
    call = factory.SubFactory(CallFactory)
    theme = "Vägar till arbete"
    description = ""

    @factory.post_generation
    def process_leaders(self, create: bool, extracted: Iterable[User] | None, **kw: Any) -> None:
        if create and extracted:
            self.process_leaders.add(*extracted)

    @factory.post_generation
    def projects(self, create: bool, extracted: Iterable[Project] | None, **kw: Any) -> None:
        if create and extracted:
            for project in extracted:
                CoalitionProject.objects.create(coalition=self, project=project)


class CoalitionProjectFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CoalitionProject

    coalition = factory.SubFactory(CoalitionFactory)
    project = factory.SubFactory(ProjectFactory, call=factory.SelfAttribute("..coalition.call"))


def process_leader_of(coalition: Coalition, user: User | None = None) -> User:
    """A process leader (a new one unless given) who leads `coalition`."""
    leader = user or staff(StaffRole.PROCESS_LEADER)
    coalition.process_leaders.add(leader)
    return leader


def coalition_of(*projects: Project, **kwargs: Any) -> Coalition:
    """A coalition of the first project's call holding these projects."""
    return CoalitionFactory(call=projects[0].call, projects=projects, **kwargs)


class MeetingFactory(factory.django.DjangoModelFactory):
    """A two-hour meeting at 09:00, `in_days` from today (14 unless told; negative: past)."""

    class Meta:
        model = Meeting

    class Params:
        in_days = 14

    coalition = factory.SubFactory(CoalitionFactory)
    title = factory.Sequence(lambda n: f"Träff {n}")
    starts_at = factory.LazyAttribute(lambda o: at_nine(o.in_days))
    ends_at = factory.LazyAttribute(lambda o: o.starts_at + timedelta(hours=2))
    place = "Niagara, Malmö"


class AgendaItemFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = AgendaItem

    meeting = factory.SubFactory(MeetingFactory)
    order = factory.Sequence(int)
    title = factory.Sequence(lambda n: f"Punkt {n}")
    focus_areas = factory.LazyFunction(lambda: ["collaboration"])


class AttendanceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Attendance

    meeting = factory.SubFactory(MeetingFactory)
    user = factory.SubFactory(UserFactory)
    project = None


class LessonFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Lesson
        skip_postgeneration_save = True

    meeting = factory.SubFactory(MeetingFactory, in_days=-7)
    text = factory.Sequence(lambda n: f"Lärdom {n}")
    focus_areas = factory.LazyFunction(lambda: ["causes"])

    @factory.post_generation
    def projects(self, create: bool, extracted: Iterable[Project] | None, **kw: Any) -> None:
        if create and extracted:
            self.projects.set(extracted)


class FollowUpFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = FollowUp

    meeting = factory.SubFactory(MeetingFactory, in_days=-7)
    text = factory.Sequence(lambda n: f"Uppföljning {n}")
    status = FollowUpStatus.OPEN


class ReflectionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Reflection

    meeting = factory.SubFactory(MeetingFactory)
    project = factory.SubFactory(ProjectFactory)
    timing = ReflectionTiming.BEFORE
    text = factory.Sequence(lambda n: f"Reflektion {n}")


class CalendarFeedFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CalendarFeed

    user = factory.SubFactory(UserFactory)
