"""Demo coaching: coach@ coaches the projects of projekt@ and projekt2@ (and one more), with
sessions, shared and private notes and agreed actions. Sessions fall on weekdays around this
week and actions fall due around today, so there is always a session ahead, an overdue action
and one coming due. Idempotent and moving: a session is found by its project, coach and focus
areas, a note or an action by its session and text, and their dates are set again."""

from __future__ import annotations

import datetime
from typing import Any

from samskapa.accounts.models import User
from samskapa.coaching.models import Action, CoachAssignment, Note, Session
from samskapa.demo.clock import DemoCalendar
from samskapa.projects.models import Project, ProjectMember

PROJECTS = ["23-012-S01", "23-019-S01", "23-027-S01"]

# (days from this week's Monday (+ the project's index: always a weekday), focus areas, [(visibility, is_lesson, text)], [(text, due in days, status)])
SESSIONS: list[tuple[int, list[str], list[tuple[str, bool, str]], list[tuple[str, int, str]]]] = [
    (
        -98,
        ["causes"],
        [
            (
                "shared",
                False,
                "Vi gick igenom problemträdet. Orsakerna på organisationsnivå är tydliga; de "
                "strukturella behöver beskrivas bättre.",
            ),
            (
                "private",
                False,
                "Styrgruppen verkar oenig om projektets inriktning. Följ upp försiktigt med "
                "projektledaren.",
            ),
        ],
        [("Skriv om problemträdets strukturella orsaker", -70, "done")],
    ),
    (
        -47,
        ["participation", "collaboration"],
        [
            (
                "shared",
                True,
                "En referensgrupp ur målgruppen som får ersättning för sin tid ger både bättre "
                "underlag och större förtroende.",
            ),
            (
                "shared",
                False,
                "Projektet vill pröva två nya arbetsgivarträffar under våren.",
            ),
        ],
        [
            ("Bjud in målgruppen till en första referensgruppsträff", -5, "open"),
            ("Kontakta två nya arbetsgivare", 2, "open"),
        ],
    ),
    (
        -7,
        ["results"],
        [
            (
                "shared",
                False,
                "Förändringsteorin har ett tydligt långsiktigt mål. Indikatorerna för kort sikt "
                "saknas ännu.",
            ),
            (
                "private",
                False,
                "Projektledaren har hög arbetsbelastning. Föreslå att dela upp ansvaret för "
                "indikatorerna.",
            ),
        ],
        [("Föreslå tre indikatorer för kort sikt", 21, "open")],
    ),
    (15, ["results", "ecosystem"], [], []),
]


def _session(
    project: Project,
    coach: User,
    starts_at: datetime.datetime,
    areas: list[str],
) -> Session:
    session = Session.objects.filter(project=project, coach=coach, focus_areas=areas).first()
    if session is None:
        return Session.objects.create(
            project=project, coach=coach, starts_at=starts_at, focus_areas=areas
        )
    Session.objects.filter(pk=session.pk).update(starts_at=starts_at)
    return session


def _written(model: Any, written: datetime.datetime, **lookup: Any) -> None:
    """Update or create a note or an action (found by `lookup`), written at `written`."""
    row, _created = model.objects.update_or_create(**lookup)
    model.objects.filter(pk=row.pk).update(created_at=written)


def load(calendar: DemoCalendar | None = None) -> None:
    calendar = calendar or DemoCalendar.for_today()
    coach = User.objects.filter(email="coach@samskapa.test").first()
    if coach is None:
        return
    projects = Project.objects.filter(number__in=PROJECTS).order_by("number")
    for number_index, project in enumerate(projects):
        CoachAssignment.objects.get_or_create(project=project, coach=coach)
        lead = (
            ProjectMember.objects.filter(project=project, role="lead")
            .select_related("user")
            .first()
        )
        for days, areas, notes, actions in SESSIONS:
            starts_at = calendar.at(calendar.weekday(days + number_index), 13)
            session = _session(project, coach, starts_at, areas)
            written = starts_at + datetime.timedelta(hours=2)
            for visibility, is_lesson, text in notes:
                _written(
                    Note,
                    written,
                    session=session,
                    text=text,
                    defaults={
                        "visibility": visibility,
                        "is_lesson": is_lesson,
                        "focus_areas": areas,
                        "author": coach,
                    },
                )
            for text, due, status in actions:
                _written(
                    Action,
                    written,
                    session=session,
                    text=text,
                    defaults={
                        "project": project,
                        "owner": lead.user if lead else None,
                        "due_on": calendar.days(due),
                        "status": status,
                        # Past actions were reminded already; those ahead still get a reminder.
                        "reminded_at": calendar.at(calendar.days(due - 3), 7) if due < 0 else None,
                    },
                )
