"""Benchmark data for coalitions: 100 coalitions per scale unit over the benchmark projects,
each with four meetings and three lessons a meeting."""

from __future__ import annotations

import datetime
import random

from django.utils import timezone

from samskapa.accounts.models import User
from samskapa.coalitions.models import Coalition, CoalitionProject, Lesson, Meeting
from samskapa.core.bench import BenchPage
from samskapa.core.enums import FocusArea
from samskapa.core.httpbench import FORM_OR_LOGGED_IN
from samskapa.projects.models import Call, Project

PREFIX = "Benchmark-koalition"
WORDS = ["samverkan", "målgruppen", "arbetsgivare", "ekosystem", "resultat", "orsaker", "lärdom"]


def seed(*, scale: int) -> None:
    call = Call.objects.filter(reference="2099/09999").first()
    if call is None or Coalition.objects.filter(name__startswith=PREFIX).exists():
        return
    rng = random.Random(17)
    leader = User.objects.process_leaders().first()
    coalitions = Coalition.objects.bulk_create(
        Coalition(name=f"{PREFIX} {i:04d}", call=call) for i in range(100 * scale)
    )
    if leader is not None:
        Coalition.process_leaders.through.objects.bulk_create(
            Coalition.process_leaders.through(coalition_id=c.pk, user_id=leader.pk)
            for c in coalitions
        )
    projects = list(
        Project.objects.filter(call=call, coalition_membership__isnull=True).values_list(
            "pk", flat=True
        )
    )
    per = max(1, len(projects) // len(coalitions))
    CoalitionProject.objects.bulk_create(
        CoalitionProject(coalition=c, project_id=pk)
        for index, c in enumerate(coalitions)
        for pk in projects[index * per : (index + 1) * per]
    )
    start = timezone.now() - datetime.timedelta(days=200)
    meetings = Meeting.objects.bulk_create(
        Meeting(
            coalition=c,
            title=f"Träff {n + 1}",
            starts_at=start + datetime.timedelta(days=60 * n),
            ends_at=start + datetime.timedelta(days=60 * n, hours=3),
            place="Malmö",
        )
        for c in coalitions
        for n in range(4)
    )
    areas = list(FocusArea.values)
    Lesson.objects.bulk_create(
        Lesson(
            meeting=m,
            text=" ".join(rng.choices(WORDS, k=25)),
            focus_areas=rng.sample(areas, 2),
        )
        for m in meetings
        for _n in range(3)
    )


def _lead_coalition_url() -> str:
    """The demo project lead's coalition (their project's), as they see it."""
    membership = CoalitionProject.objects.filter(project__number="23-012-S01").first()
    return membership.coalition.get_absolute_url() if membership else "/coalitions/"


def _coalition_url() -> str:
    coalition = Coalition.objects.filter(name__startswith=PREFIX).order_by("pk").first()
    return coalition.get_absolute_url() if coalition else "/coalitions/"


PAGES = [
    BenchPage("coalition list", "admin@samskapa.test", lambda: "/coalitions/"),
    BenchPage("coalition with its projects", "admin@samskapa.test", _coalition_url),
    BenchPage(
        "coalition (project lead)",
        "projekt@samskapa.test",
        _lead_coalition_url,
        http_target=FORM_OR_LOGGED_IN,
    ),
    BenchPage("lessons register", "utvarderare@samskapa.test", lambda: "/coalitions/lessons/"),
    BenchPage(
        "lessons register, search and focus area",
        "utvarderare@samskapa.test",
        lambda: "/coalitions/lessons/?q=ekosystem&focus_area=results",
    ),
]
