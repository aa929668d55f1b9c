"""Benchmark data for coaching: the demo coach coaches 50 benchmark projects per scale unit,
each with six sessions, two notes and two actions a session."""

from __future__ import annotations

import datetime

from django.utils import timezone

from samskapa.accounts.models import User
from samskapa.coaching.models import Action, CoachAssignment, Note, Session
from samskapa.core.bench import BenchPage
from samskapa.projects.models import Project


def seed(*, scale: int) -> None:
    coach = User.objects.filter(email="coach@samskapa.test").first()
    projects = list(Project.objects.filter(number__startswith="9").order_by("pk")[: 50 * scale])
    if coach is None or not projects:
        return
    if CoachAssignment.objects.filter(project=projects[0]).exists():
        return
    CoachAssignment.objects.bulk_create(CoachAssignment(project=p, coach=coach) for p in projects)
    now = timezone.now()
    sessions = Session.objects.bulk_create(
        Session(project=p, coach=coach, starts_at=now + datetime.timedelta(days=30 * n - 120))
        for p in projects
        for n in range(6)
    )
    Note.objects.bulk_create(
        Note(session=s, text="Anteckning " * 20, visibility=visibility, author=coach)
        for s in sessions
        for visibility in ("shared", "private")
    )
    today = timezone.localdate()
    Action.objects.bulk_create(
        Action(
            session=s,
            project_id=s.project_id,
            text="Åtgärd",
            due_on=today + datetime.timedelta(days=offset),
        )
        for s in sessions
        for offset in (-10, 10)
    )


def _project_url() -> str:
    assignment = CoachAssignment.objects.filter(project__number__startswith="9").first()
    return f"/coaching/projects/{assignment.project_id}/" if assignment else "/coaching/"


PAGES = [
    BenchPage("coach's overview", "coach@samskapa.test", lambda: "/coaching/"),
    BenchPage("coach assignments", "admin@samskapa.test", lambda: "/coaching/coaches/"),
    BenchPage("a project's coaching", "coach@samskapa.test", _project_url),
]
