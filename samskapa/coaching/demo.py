"""Demo coaching: coach@ coaches the projects of projekt@ and projekt2@ (and one more), with
sessions, shared and private notes and agreed actions. Dates are relative to today so that
there is always a session ahead, an overdue action and one coming due. Made once per project."""

from __future__ import annotations

import datetime

from django.utils import timezone

from samskapa.accounts.models import User
from samskapa.coaching.models import Action, CoachAssignment, Note, Session
from samskapa.projects.models import Project, ProjectMember

PROJECTS = ["23-012-S01", "23-019-S01", "23-027-S01"]

# (days from today, focus areas, [(visibility, is_lesson, text)], [(text, due in days, status)])
SESSIONS: list[tuple[int, list[str], list[tuple[str, bool, str]], list[tuple[str, int, str]]]] = [
    (
        -100,
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
        -45,
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
    (18, ["results", "ecosystem"], [], []),
]


def _at(days: int, hour: int) -> datetime.datetime:
    day = timezone.localdate() + datetime.timedelta(days=days)
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour, 0)))


def load() -> None:
    coach = User.objects.filter(email="coach@samskapa.test").first()
    if coach is None:
        return
    for number_index, project in enumerate(Project.objects.filter(number__in=PROJECTS)):
        CoachAssignment.objects.get_or_create(project=project, coach=coach)
        if Session.objects.filter(project=project).exists():
            continue
        lead = (
            ProjectMember.objects.filter(project=project, role="lead")
            .select_related("user")
            .first()
        )
        for days, areas, notes, actions in SESSIONS:
            session = Session.objects.create(
                project=project,
                coach=coach,
                starts_at=_at(days + number_index, 13),
                focus_areas=areas,
            )
            for visibility, is_lesson, text in notes:
                Note.objects.create(
                    session=session,
                    text=text,
                    visibility=visibility,
                    is_lesson=is_lesson,
                    focus_areas=areas,
                    author=coach,
                )
            for text, due, status in actions:
                Action.objects.create(
                    session=session,
                    project=project,
                    text=text,
                    owner=lead.user if lead else None,
                    due_on=timezone.localdate() + datetime.timedelta(days=due),
                    status=status,
                    # Past actions were reminded already; only those ahead still get a reminder.
                    reminded_at=_at(due - 3, 7) if due < 0 else None,
                )
