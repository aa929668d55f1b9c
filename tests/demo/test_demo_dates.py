"""The demo world is always around today: run on three dates it has an open registration, a
call for input open or ahead, coalition meetings behind and ahead, and coaching actions overdue
and coming due; a run on a later day moves the story in place; without demo mode nothing runs."""

from __future__ import annotations

import datetime
from io import StringIO
from typing import Any
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core.management import call_command
from django.core.management.base import CommandError

from samskapa.accounts.models import Organisation, User
from samskapa.coaching.models import Action
from samskapa.coaching.models import Session as CoachingSession
from samskapa.coalitions.models import Attendance, Lesson, Meeting, Reflection
from samskapa.conference.models import Booking, Edition, Registration, Session, Submission
from samskapa.conference.selectors import current_edition
from samskapa.connect.models import ContactRequest
from samskapa.demo.conference import COMING, coming_year, conference_days
from samskapa.projects.models import Call, Project
from samskapa.toolkit.models import ProblemNode, SelfAssessment

pytestmark = [pytest.mark.demo, pytest.mark.django_db]

STOCKHOLM = ZoneInfo("Europe/Stockholm")
MODELS = [
    User,
    Organisation,
    Call,
    Project,
    ProblemNode,
    SelfAssessment,
    Meeting,
    Attendance,
    Reflection,
    Lesson,
    CoachingSession,
    Action,
    Edition,
    Session,
    Submission,
    Registration,
    Booking,
    ContactRequest,
]


def _counts() -> dict[str, int]:
    return {model.__name__: model.objects.count() for model in MODELS}


def _demo_on(day: datetime.date) -> dict[str, Any]:
    """Run `manage.py demo` with the clock at noon on `day`; what the story looks like then."""
    with time_machine.travel(
        datetime.datetime.combine(day, datetime.time(12), STOCKHOLM), tick=False
    ):
        call_command("demo", stdout=StringIO())
        now = datetime.datetime.now(tz=STOCKHOLM)
        edition = current_edition()
        return {
            "counts": _counts(),
            "registration_open": edition is not None and edition.registration_is_open(),
            "call_open_or_ahead": any(
                e.call_is_open() or (e.call_opens_on is not None and e.call_opens_on > day)
                for e in Edition.objects.all()
            ),
            "meetings_behind": Meeting.objects.filter(starts_at__lt=now).count(),
            "meetings_ahead": Meeting.objects.filter(starts_at__gt=now).count(),
            "actions_overdue": Action.objects.filter(status="open", due_on__lt=day).count(),
            "actions_coming": Action.objects.filter(status="open", due_on__gte=day).count(),
            "coming_edition": Edition.objects.get(title_sv__endswith=COMING).year,
            "meeting": Meeting.objects.filter(title="Ekosystem och samverkan")
            .order_by("coalition__name")
            .values_list("starts_at", flat=True)
            .first(),
            "call_opens": Call.objects.order_by("reference").first().opens,  # type: ignore[union-attr]
            "reflections_in_future": Reflection.objects.filter(created_at__gt=now).count(),
            "assessments_in_future": SelfAssessment.objects.filter(assessed_on__gt=day).count(),
        }


def test_without_demo_mode_the_command_refuses_and_writes_nothing(settings: Any) -> None:
    settings.SAMSKAPA_DEMO = False
    before = _counts()
    with pytest.raises(CommandError, match="Demo mode is off"):
        call_command("demo", stdout=StringIO())
    with pytest.raises(CommandError, match="Demo mode is off"):
        call_command("demo", "--reset", stdout=StringIO())
    assert _counts() == before


def test_the_conference_is_in_june_and_the_coming_one_follows_the_calendar() -> None:
    assert conference_days(2027) == (datetime.date(2027, 6, 8), datetime.date(2027, 6, 9))
    assert conference_days(2028) == (datetime.date(2028, 6, 13), datetime.date(2028, 6, 14))
    assert coming_year(datetime.date(2027, 6, 9)) == 2027
    assert coming_year(datetime.date(2027, 6, 10)) == 2028


def test_the_demo_is_around_now_on_any_date_and_moves_in_place(settings: Any) -> None:
    settings.SAMSKAPA_DEMO = True
    february = _demo_on(datetime.date(2027, 2, 10))
    june = _demo_on(datetime.date(2027, 6, 1))  # a week before the conference
    august = _demo_on(datetime.date(2027, 8, 20))  # after it: next year's call phase
    december = _demo_on(datetime.date(2027, 12, 6))  # next year's programme is out

    for story in (february, june, august, december):
        assert story["registration_open"]
        assert story["call_open_or_ahead"]
        assert story["meetings_behind"] > 0
        assert story["meetings_ahead"] > 0
        assert story["actions_overdue"] > 0
        assert story["actions_coming"] > 0
        assert story["reflections_in_future"] == 0
        assert story["assessments_in_future"] == 0
    # Later runs move the story: no second story next to the first.
    assert february["counts"] == june["counts"] == december["counts"]
    assert [s["coming_edition"] for s in (february, june, august, december)] == [
        2027,
        2027,
        2028,
        2028,
    ]
    moved = june["meeting"].astimezone(STOCKHOLM) - february["meeting"].astimezone(STOCKHOLM)
    assert moved.days == 7 * 16  # the same weekday and time, 16 weeks later
    assert december["call_opens"] - june["call_opens"] == datetime.timedelta(weeks=27)
    assert Edition.objects.filter(year__in=[2027, 2028, 2029]).count() == 3
