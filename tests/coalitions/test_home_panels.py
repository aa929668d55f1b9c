"""The evaluator's and the funder's first page (issue 12, point 4), and the lessons register
grouped and counted by focus area, coalition and meeting."""

from __future__ import annotations

import datetime
import re
from typing import Any

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from samskapa.accounts.enums import StaffRole
from samskapa.coaching.enums import NoteVisibility
from samskapa.coaching.models import Note
from samskapa.coalitions import selectors
from samskapa.coalitions.enums import ReflectionTiming
from samskapa.coalitions.models import Coalition, Lesson, Meeting
from samskapa.projects.enums import Phase
from samskapa.projects.models import Project
from samskapa.toolkit.selectors import self_assessment_trends
from tests.factories.accounts import staff
from tests.factories.coaching import NoteFactory, SessionFactory, coach_of
from tests.factories.coalitions import LessonFactory, MeetingFactory, ReflectionFactory
from tests.factories.projects import ProjectFactory
from tests.factories.toolkit import SelfAssessmentFactory
from tests.queries import count_queries

pytestmark = pytest.mark.django_db

HOME = "core:dashboard"


@pytest.fixture
def evaluator(db: Any) -> Any:
    return staff(StaffRole.EVALUATOR)


@pytest.fixture
def lessons(
    project: Project, other_project: Project, past_meeting: Meeting, other_coalition: Coalition
) -> dict[str, Any]:
    """Two lessons at the coalition's past meeting (one with two focus areas), one in the other
    coalition, a shared coaching lesson, and a private note and a plain shared note that are
    no lessons."""
    other_meeting = MeetingFactory(coalition=other_coalition, in_days=-3, title="Andra träffen")
    LessonFactory(
        meeting=past_meeting, text="Orsaker och samverkan", focus_areas=["causes", "collaboration"]
    )
    LessonFactory(meeting=past_meeting, text="Bara orsaker", focus_areas=["causes"])
    LessonFactory(meeting=other_meeting, text="Resultat", focus_areas=["results"])
    session = SessionFactory(project=project)
    NoteFactory(session=session, text="Delad lärdom", is_lesson=True, focus_areas=["participation"])
    NoteFactory(
        session=session, text="PRIVAT", visibility=NoteVisibility.PRIVATE, focus_areas=["causes"]
    )
    NoteFactory(session=session, text="Ingen lärdom", focus_areas=["causes"])
    return {"other_meeting": other_meeting}


def _counts(rows: list[dict[str, Any]]) -> dict[Any, int]:
    return {row["key"]: row["count"] for row in rows}


def test_lesson_counts_by_focus_area(lessons: Any) -> None:
    rows = selectors.lesson_counts(selectors.LessonFilters(), selectors.LessonGroup.FOCUS_AREA)
    assert _counts(rows) == {
        "causes": 2,
        "collaboration": 1,
        "participation": 1,
        "ecosystem": 0,
        "results": 1,
    }
    assert selectors.lesson_total(selectors.LessonFilters()) == 4


def test_lesson_counts_by_coalition_and_meeting(
    lessons: Any, coalition: Coalition, other_coalition: Coalition, past_meeting: Meeting
) -> None:
    by_coalition = selectors.lesson_counts(
        selectors.LessonFilters(), selectors.LessonGroup.COALITION
    )
    # The coaching lesson belongs to the coalition of its project.
    assert _counts(by_coalition) == {coalition.pk: 3, other_coalition.pk: 1}

    by_meeting = selectors.lesson_counts(selectors.LessonFilters(), selectors.LessonGroup.MEETING)
    assert _counts(by_meeting) == {lessons["other_meeting"].pk: 1, past_meeting.pk: 2, None: 1}


def test_lesson_counts_keep_the_filters(lessons: Any, coalition: Coalition) -> None:
    filters = selectors.LessonFilters(q="orsaker")
    assert (
        _counts(selectors.lesson_counts(filters, selectors.LessonGroup.FOCUS_AREA))["causes"] == 2
    )
    assert selectors.lesson_total(filters) == 2
    only_ours = selectors.LessonFilters(coalition=coalition)
    assert sum(_counts(selectors.lesson_counts(only_ours, "meeting")).values()) == 3


def test_lessons_page_groups_and_counts(
    login: Any, evaluator: Any, lessons: Any, coalition: Coalition
) -> None:
    client = login(evaluator)
    response = client.get(reverse("coalitions:lessons"), {"group": "coalition"})
    content = response.content.decode()
    assert response.status_code == 200
    assert "Lessons by coalition" in content
    assert re.search(rf"{coalition.name}</a></td><td class=\"num\">3</td>", content)
    assert "Orsaker och samverkan" not in content  # the counts replace the list

    # Filters still apply; a group links to the list filtered to it, the other filters kept.
    content = client.get(
        reverse("coalitions:lessons"), {"group": "focus_area", "q": "orsaker"}
    ).content.decode()
    assert re.search(
        r'q=orsaker&amp;focus_area=causes">[^<]+</a></td><td class="num">2</td>', content
    )
    assert re.search(r'focus_area=results">[^<]+</a></td><td class="num">0</td>', content)


def test_lessons_page_refuses_an_unknown_grouping(login: Any, evaluator: Any) -> None:
    response = login(evaluator).get(reverse("coalitions:lessons"), {"group": "person"})
    assert response.status_code == 200
    assert response.context["page"] is None
    assert "Select a valid choice" in response.content.decode()


@pytest.mark.parametrize("group", ["focus_area", "coalition", "meeting"])
def test_grouped_lessons_queries_are_constant(
    group: str, login: Any, evaluator: Any, project: Project, coalition: Coalition
) -> None:
    client = login(evaluator)
    counts = []
    for count in (1, 3):
        Lesson.objects.all().delete()
        Note.objects.all().delete()
        for index in range(count):
            meeting = MeetingFactory(coalition=coalition, in_days=-10 - index)
            LessonFactory(meeting=meeting, text=f"L{index}", focus_areas=["causes", "results"])
            NoteFactory(session=SessionFactory(project=project), text=f"N{index}", is_lesson=True)
        counts.append(
            count_queries(lambda: client.get(reverse("coalitions:lessons"), {"group": group}))
        )
    assert counts[0] == counts[1]


# --- The evaluator's home -----------------------------------------------------------------


def test_evaluator_home_counts_lessons_as_the_lessons_page_does(
    login: Any, evaluator: Any, lessons: Any
) -> None:
    client = login(evaluator)
    home = client.get(reverse(HOME)).content.decode()
    page = client.get(reverse("coalitions:lessons"), {"group": "focus_area"}).content.decode()
    row = re.compile(r'focus_area=causes">[^<]+</a></td><td class="num">(\d+)</td>')
    assert row.search(home).group(1) == row.search(page).group(1) == "2"  # type: ignore[union-attr]
    assert "4 lessons from meetings and shared coaching notes." in home
    assert "4 lessons in all" in page


def test_evaluator_home_shows_trends_and_recent_reflections(
    login: Any, evaluator: Any, project: Project, neighbour: Project, past_meeting: Meeting
) -> None:
    ReflectionFactory(
        meeting=past_meeting,
        project=project,
        timing=ReflectionTiming.AFTER,
        text="Vi lärde oss mycket",
    )
    today = datetime.date(2026, 11, 10)
    SelfAssessmentFactory(
        project=project, assessed_on=today - datetime.timedelta(days=90), ratings=2
    )
    SelfAssessmentFactory(project=project, assessed_on=today, ratings={"causes": 4})

    home = login(evaluator).get(reverse(HOME)).content.decode()

    assert "Self-assessment trends" in home
    assert "Based on 1 project that has rated itself at least twice." in home
    assert "Recent reflections" in home
    assert "Vi lärde oss mycket" in home


def test_self_assessment_trends(
    project: Project, neighbour: Project, other_project: Project
) -> None:
    today = datetime.date(2026, 11, 10)
    earlier = today - datetime.timedelta(days=120)
    before = today - datetime.timedelta(days=60)
    # project: 2 → 4 in causes (3 → 3 elsewhere); neighbour: 4 → 3 in causes; the oldest
    # assessment of `project` is not its previous one.
    SelfAssessmentFactory(project=project, assessed_on=earlier, ratings=1)
    SelfAssessmentFactory(project=project, assessed_on=before, ratings={"causes": 2})
    SelfAssessmentFactory(project=project, assessed_on=today, ratings={"causes": 4})
    SelfAssessmentFactory(project=neighbour, assessed_on=before, ratings={"causes": 4})
    SelfAssessmentFactory(project=neighbour, assessed_on=today, ratings={"causes": 3})
    # Only one assessment: no trend yet.
    SelfAssessmentFactory(project=other_project, assessed_on=today, ratings=5)

    trends = {t.focus_area: t for t in self_assessment_trends()}

    causes = trends["causes"]
    assert (causes.projects, causes.previous, causes.latest) == (2, 3.0, 3.5)
    assert (causes.up, causes.same, causes.down, causes.change) == (1, 0, 1, 0.5)
    results = trends["results"]
    assert (results.projects, results.previous, results.latest, results.same) == (2, 3.0, 3.0, 2)
    assert self_assessment_trends(projects=[other_project])[0].projects == 0


def test_evaluator_panels_are_for_the_evaluator(login: Any, lessons: Any) -> None:
    for role in (StaffRole.COACH, StaffRole.FUNDER, StaffRole.PROCESS_LEADER):
        home = login(staff(role)).get(reverse(HOME)).content.decode()
        assert "Lessons learned by focus area" not in home, role
        assert "Recent reflections" not in home, role
        assert "Self-assessment trends" not in home, role


# --- The funder's home --------------------------------------------------------------------


def test_call_progress(project: Project, neighbour: Project, call: Any) -> None:
    today = datetime.date(2026, 11, 10)
    project.innovation = "Arbetsgivare och deltagare möts i korta praktikperioder.\nMer text."
    project.phase = Phase.IMPLEMENTATION
    project.start = today - datetime.timedelta(days=100)
    project.end = today + datetime.timedelta(days=300)
    project.save()
    coach_of(project)
    SessionFactory(project=project, in_days=-7)
    SessionFactory(project=project, in_days=-30)
    SessionFactory(project=project, in_days=7)  # planned, not held
    SelfAssessmentFactory(project=project, assessed_on=today)
    ProjectFactory(call=call, phase=Phase.CLOSURE)

    [entry] = selectors.call_progress(today=today)

    rows = {row["project"].pk: row for row in entry["projects"]}
    ours = rows[project.pk]
    assert ours["innovation"] == "Arbetsgivare och deltagare möts i korta praktikperioder."
    assert ours["time_passed"] == 25
    assert ours["project"].sessions_held == 2
    assert ours["project"].assessment_count == 1
    assert ours["project"].latest_assessment == today
    assert rows[neighbour.pk]["project"].sessions_held == 0
    assert entry["coached"] == 1 and entry["assessed"] == 1
    assert dict(entry["phases"])["Closure"] == 1


def test_funder_home_shows_the_calls_projects_but_nothing_private(
    login: Any, project: Project, past_meeting: Meeting
) -> None:
    project.innovation = "Korta praktikperioder hos arbetsgivare."
    project.save()
    session = SessionFactory(project=project)
    NoteFactory(session=session, text="HEMLIG-ANTECKNING", visibility=NoteVisibility.PRIVATE)
    past_meeting.notes = "MÖTESANTECKNING"
    past_meeting.save()
    ReflectionFactory(meeting=past_meeting, project=project, text="REFLEKTIONSTEXT")

    home = login(staff(StaffRole.FUNDER)).get(reverse(HOME)).content.decode()

    assert 'id="panel-calls"' in home
    assert "Korta praktikperioder hos arbetsgivare." in home
    assert project.get_absolute_url() in home
    for secret in ("HEMLIG-ANTECKNING", "MÖTESANTECKNING", "REFLEKTIONSTEXT"):
        assert secret not in home
    assert reverse("coalitions:coalition-list") not in home
    assert past_meeting.get_absolute_url() not in home


def test_funder_panel_is_for_the_funder(login: Any, project: Project) -> None:
    for role in (StaffRole.ADMIN, StaffRole.EVALUATOR, StaffRole.COACH):
        home = login(staff(role)).get(reverse(HOME)).content.decode()
        assert "how far they have come" not in home, role


def test_home_figures_cost_the_same_for_1_and_3_projects(call: Any) -> None:
    counts = []
    for number in (1, 3):
        Project.objects.all().delete()
        for _ in range(number):
            project = ProjectFactory(call=call)
            coach_of(project)
            SessionFactory(project=project, in_days=-3)
            SelfAssessmentFactory(project=project, assessed_on=datetime.date(2026, 1, 1))
            SelfAssessmentFactory(project=project, assessed_on=datetime.date(2026, 6, 1))
        with CaptureQueriesContext(connection) as context:
            assert len(selectors.call_progress()[0]["projects"]) == number
            assert self_assessment_trends()[0].projects == number
        counts.append(len(context.captured_queries))
    assert counts[0] == counts[1]
