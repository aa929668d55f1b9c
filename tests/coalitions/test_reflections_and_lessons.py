"""Reflections with the toolkit's self-assessment, the development chart, the lessons
register, list query counts and personal data."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
import time_machine
from django.urls import reverse
from django.utils import formats, timezone, translation

from samskapa.accounts.enums import StaffRole
from samskapa.coaching.models import Note
from samskapa.coalitions.models import (
    Attendance,
    Coalition,
    CoalitionProject,
    Lesson,
    Meeting,
    Reflection,
)
from samskapa.coalitions.services import erase_personal_data, export_personal_data
from samskapa.projects.models import Project
from samskapa.toolkit.selectors import latest_self_assessments
from tests.factories.accounts import staff
from tests.factories.coaching import NoteFactory, SessionFactory
from tests.factories.coalitions import (
    AttendanceFactory,
    CoalitionFactory,
    FollowUpFactory,
    LessonFactory,
    MeetingFactory,
    ReflectionFactory,
)
from tests.factories.projects import CallFactory, ProjectFactory
from tests.factories.toolkit import SelfAssessmentFactory
from tests.queries import count_queries

pytestmark = pytest.mark.django_db

AREAS = ["causes", "collaboration", "participation", "ecosystem", "results"]


def reflection_url(meeting: Meeting, project: Project) -> str:
    return reverse("coalitions:reflection", args=[meeting.pk, project.pk])


def test_member_records_reflection_and_self_assessment(
    login: Any, member: Any, project: Project, meeting: Meeting
) -> None:
    data: dict[str, Any] = {"timing": "before", "text": "Vi vill prata om regionens roll."}
    for index, area in enumerate(AREAS):
        data[f"rating_{area}"] = str(index + 1)
    data["comment_results"] = "Indikatorerna saknas."
    response = login(member).post(reflection_url(meeting, project), data)
    assert response.status_code == 302
    reflection = Reflection.objects.get(meeting=meeting, project=project, timing="before")
    assert reflection.text == "Vi vill prata om regionens roll."
    assert reflection.author == member
    latest = latest_self_assessments(projects=[project])[project.pk]
    assert latest.assessed_on == timezone.localdate()
    assert {r.focus_area: r.rating for r in latest.ratings.all()} == {
        area: index + 1 for index, area in enumerate(AREAS)
    }


def test_half_a_self_assessment_is_refused_and_kept(
    login: Any, member: Any, project: Project, meeting: Meeting
) -> None:
    response = login(member).post(
        reflection_url(meeting, project),
        {"timing": "after", "text": "Bra träff.", "rating_causes": "3"},
    )
    assert response.status_code == 400
    content = response.content.decode()
    assert "Rate all five focus areas, or none of them." in content
    assert "Bra träff." in content
    assert not Reflection.objects.filter(meeting=meeting).exists()


def test_reflection_without_text_is_refused(
    login: Any, member: Any, project: Project, meeting: Meeting
) -> None:
    response = login(member).post(
        reflection_url(meeting, project), {"timing": "before", "text": ""}
    )
    assert response.status_code == 400
    assert "This field is required." in response.content.decode()


def test_member_cannot_reflect_for_another_project(
    login: Any, member: Any, neighbour: Project, meeting: Meeting
) -> None:
    # The neighbour is in the same coalition, but not the member's project.
    assert login(member).get(reflection_url(meeting, neighbour)).status_code == 404


def test_members_see_only_their_own_projects_reflections(
    login: Any, member: Any, leader: Any, neighbour: Project, meeting: Meeting
) -> None:
    ReflectionFactory(
        meeting=meeting, project=neighbour, timing="after", text="ANDRA-PROJEKTETS-REFLEKTION"
    )
    member_page = login(member).get(meeting.get_absolute_url()).content.decode()
    assert "ANDRA-PROJEKTETS-REFLEKTION" not in member_page
    leader_page = login(leader).get(meeting.get_absolute_url()).content.decode()
    assert "ANDRA-PROJEKTETS-REFLEKTION" in leader_page


def test_coalition_page_charts_the_development_with_a_table(
    login: Any, leader: Any, coalition: Coalition, project: Project, neighbour: Project
) -> None:
    today = timezone.localdate()
    SelfAssessmentFactory(project=project, assessed_on=today.replace(month=1), ratings=2)
    SelfAssessmentFactory(project=project, assessed_on=today, ratings=4)
    SelfAssessmentFactory(project=neighbour, assessed_on=today, ratings=3)
    response = login(leader).get(coalition.get_absolute_url())
    content = response.content.decode()
    assert '<img class="chart-image" src="data:image/svg+xml;base64,' in content
    assert "<svg" not in content  # never inline SVG: the CSP forbids its style attributes
    assert response.context["development_rows"]
    assert "development-caption" in content


def test_coalition_page_shows_the_latest_ratings_as_a_heatmap_with_the_table_behind_a_disclosure(
    login: Any, leader: Any, coalition: Coalition, project: Project, neighbour: Project
) -> None:
    with time_machine.travel(date(2026, 11, 20), tick=False):
        SelfAssessmentFactory(project=project, assessed_on=date(2026, 3, 10), ratings=2)
        SelfAssessmentFactory(
            project=project, assessed_on=date(2026, 9, 15), ratings={"causes": 4, "results": 1}
        )
        response = login(leader).get(coalition.get_absolute_url())
    content = response.content.decode()
    heat = response.context["development_heatmap"]
    assert [row.header.key for row in heat.rows] == [project.pk, neighbour.pk]
    causes, collaboration, *_, results = heat.rows[0].cells
    assert (causes.value, causes.on, causes.trend) == (4, date(2026, 9, 15), "up")
    assert (collaboration.value, collaboration.trend) == (3, "up")
    assert (results.value, results.trend) == (1, "down")
    assert all(cell.is_empty for cell in heat.rows[1].cells)  # the neighbour has not rated
    assert 'class="heatmap"' in content and 'class="heat-4"' in content
    with translation.override("en"):  # the leader reads English
        latest, before = (formats.date_format(d) for d in (date(2026, 9, 15), date(2026, 3, 10)))
    assert latest in content
    assert f", up from 2 on {before}" in content  # the trend's text alternative
    assert '<details class="full-table">' in content
    details = content.split('<details class="full-table">')[1].split("</details>")[0]
    assert "development-caption" in details


def test_meeting_page_links_each_project_to_its_tools_on_the_meeting_date(
    login: Any, member: Any, project: Project, past_meeting: Meeting
) -> None:
    response = login(member).get(past_meeting.get_absolute_url())
    day = timezone.localdate(past_meeting.starts_at).isoformat()
    url = reverse("toolkit:overview", kwargs={"project_pk": project.pk})
    assert f'href="{url}?at={day}"' in response.content.decode()


# --- Lessons register -----------------------------------------------------------------------


@pytest.fixture
def evaluator(db: Any) -> Any:
    return staff(StaffRole.EVALUATOR)


def register(client: Any, **params: Any) -> list[dict[str, Any]]:
    response = client.get(reverse("coalitions:lessons"), params)
    return list(response.context["page"].object_list)


def test_register_holds_meeting_lessons_and_shared_coaching_lessons(
    login: Any, evaluator: Any, project: Project, past_meeting: Meeting
) -> None:
    LessonFactory(meeting=past_meeting, text="Från träffen")
    NoteFactory(session=SessionFactory(project=project), text="Från coachningen", is_lesson=True)
    NoteFactory(session=SessionFactory(project=project), text="Ingen lärdom")
    entries = register(login(evaluator), call=project.call_id)
    assert sorted((e["source"], e["text"]) for e in entries) == [
        ("coaching", "Från coachningen"),
        ("meeting", "Från träffen"),
    ]


def test_register_never_shows_private_coaching_notes(
    login: Any, project: Project, past_meeting: Meeting
) -> None:
    session = SessionFactory(project=project)
    NoteFactory(session=session, text="PRIVAT-I-REGISTRET", visibility="private")
    NoteFactory(session=session, text="DELAD-LÄRDOM", is_lesson=True)
    content = login(staff(StaffRole.ADMIN)).get(reverse("coalitions:lessons")).content.decode()
    assert "DELAD-LÄRDOM" in content
    assert "PRIVAT-I-REGISTRET" not in content


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"focus_area": "participation"}, ["Målgruppen medverkar mer"]),
        ({"q": "referensgrupp"}, ["En referensgrupp ur målgruppen"]),
        ({"coalition": "other"}, ["Ett innovationskort blir tydligare"]),
    ],
)
def test_register_filters(
    params: dict[str, str],
    expected: list[str],
    login: Any,
    evaluator: Any,
    past_meeting: Meeting,
    other_coalition: Coalition,
) -> None:
    LessonFactory(
        meeting=past_meeting, text="Målgruppen medverkar mer", focus_areas=["participation"]
    )
    LessonFactory(meeting=past_meeting, text="En referensgrupp ur målgruppen")
    LessonFactory(
        meeting=MeetingFactory(coalition=other_coalition, in_days=-3),
        text="Ett innovationskort blir tydligare",
        focus_areas=["results"],
    )
    ours = {
        lesson.text
        for lesson in Lesson.objects.filter(meeting__coalition__call=past_meeting.coalition.call)
    }
    if params.get("coalition") == "other":
        params = {"coalition": str(other_coalition.pk)}
    found = [e["text"] for e in register(login(evaluator), **params)]
    assert [text for text in found if text in ours] == expected


def test_register_filter_by_project_and_call(
    login: Any, evaluator: Any, project: Project, neighbour: Project, past_meeting: Meeting
) -> None:
    LessonFactory(meeting=past_meeting, text="Om projektet", projects=[project])
    LessonFactory(meeting=past_meeting, text="Om grannen", projects=[neighbour])
    NoteFactory(session=SessionFactory(project=project), text="Coachad", is_lesson=True)
    client = login(evaluator)
    entries = register(client, project=project.number)
    assert sorted(e["text"] for e in entries) == ["Coachad", "Om projektet"]
    assert all(project in entry["projects"] for entry in entries)
    assert register(client, call=project.call_id) != []
    assert register(client, call=CallFactory().pk) == []


def _lessons(count: int, meeting: Meeting, project: Project) -> None:
    session = SessionFactory(project=project)
    for index in range(count):
        LessonFactory(meeting=meeting, text=f"L{index}", projects=[project])
        NoteFactory(session=session, text=f"N{index}", is_lesson=True)


def test_register_queries_are_constant(
    login: Any, evaluator: Any, project: Project, past_meeting: Meeting
) -> None:
    client = login(evaluator)
    counts = []
    for count in (1, 3):
        Lesson.objects.all().delete()
        Note.objects.all().delete()
        _lessons(count, past_meeting, project)
        entries = register(client)
        assert len(entries) == 2 * count
        counts.append(count_queries(lambda: client.get(reverse("coalitions:lessons"))))
    assert counts[0] == counts[1]


def test_coalition_list_queries_are_constant(login: Any, call: Any) -> None:
    client = login(staff(StaffRole.ADMIN))
    counts = []
    for count in (1, 3):
        Coalition.objects.all().delete()
        for _index in range(count):
            MeetingFactory(
                coalition=CoalitionFactory(call=call, process_leaders=[staff("process_leader")])
            )
        response = client.get(reverse("coalitions:coalition-list"))
        assert len(response.context["page"].object_list) == count
        counts.append(count_queries(lambda: client.get(reverse("coalitions:coalition-list"))))
    assert counts[0] == counts[1]


def test_coalition_page_queries_do_not_grow_with_meetings(login: Any, coalition: Coalition) -> None:
    client = login(staff(StaffRole.ADMIN))
    counts = []
    for count in (1, 3):
        Meeting.objects.filter(coalition=coalition).delete()
        for index in range(count):
            MeetingFactory(coalition=coalition, in_days=index * 7 - 7)
        counts.append(count_queries(lambda: client.get(coalition.get_absolute_url())))
    assert counts[0] == counts[1]


def test_coalition_page_queries_do_not_grow_with_its_projects(
    login: Any, call: Any, project: Project
) -> None:
    """Cards, latest self-assessments and the development chart: one query each, not one per
    project."""
    client = login(staff(StaffRole.ADMIN))
    target = CoalitionFactory(call=call, projects=[project])
    SelfAssessmentFactory(project=project)
    others = [ProjectFactory(call=call) for _ in range(2)]
    for other in others:
        SelfAssessmentFactory(project=other)
    counts = []
    for extra in (others[:0], others[:2]):
        CoalitionProject.objects.filter(coalition=target).exclude(project=project).delete()
        for other in extra:
            CoalitionProject.objects.create(project=other, coalition=target)
        counts.append(count_queries(lambda: client.get(target.get_absolute_url())))
    assert counts[0] == counts[1]


def test_coalition_page_queries_do_not_grow_with_the_assessments_in_the_heatmap(
    login: Any, call: Any, project: Project
) -> None:
    client = login(staff(StaffRole.ADMIN))
    target = CoalitionFactory(call=call, projects=[project])
    SelfAssessmentFactory(project=project, assessed_on=date(2026, 1, 10))
    one = count_queries(lambda: client.get(target.get_absolute_url()))
    for day in (date(2026, 3, 10), date(2026, 6, 10)):
        SelfAssessmentFactory(project=project, assessed_on=day)
    for _ in range(2):
        other = ProjectFactory(call=call)
        CoalitionProject.objects.create(project=other, coalition=target)
        SelfAssessmentFactory(project=other, assessed_on=date(2026, 2, 1))
        SelfAssessmentFactory(project=other, assessed_on=date(2026, 5, 1))
    assert count_queries(lambda: client.get(target.get_absolute_url())) == one


# --- Personal data --------------------------------------------------------------------------


def test_attendance_is_exported_and_erased(
    member: Any, project: Project, past_meeting: Meeting
) -> None:
    AttendanceFactory(meeting=past_meeting, user=member, project=project)
    other = AttendanceFactory(meeting=past_meeting)
    exported = export_personal_data(member)
    assert len(exported["meeting_attendance"]) == 1
    erase_personal_data(member)
    assert not Attendance.objects.filter(user=member).exists()
    assert Attendance.objects.filter(pk=other.pk).exists()


def test_meeting_page_queries_do_not_grow_with_its_documentation(
    login: Any, leader: Any, project: Project, neighbour: Project, past_meeting: Meeting
) -> None:
    client = login(leader)
    projects = [project, neighbour, ProjectFactory(call=project.call)]
    CoalitionProject.objects.create(coalition=past_meeting.coalition, project=projects[2])
    counts = []
    for count in (1, 3):
        Lesson.objects.filter(meeting=past_meeting).delete()
        Reflection.objects.filter(meeting=past_meeting).delete()
        past_meeting.follow_ups.all().delete()
        for index in range(count):
            LessonFactory(meeting=past_meeting, projects=projects[:2])
            FollowUpFactory(meeting=past_meeting, project=projects[index])
            ReflectionFactory(meeting=past_meeting, project=projects[index])
        counts.append(count_queries(lambda: client.get(past_meeting.get_absolute_url())))
    assert counts[0] == counts[1]


def test_register_with_an_unknown_project_number_says_so(login: Any, evaluator: Any) -> None:
    response = login(evaluator).get(reverse("coalitions:lessons"), {"project": "99-999-S99"})
    content = response.content.decode()
    assert "There is no project with that number." in content
    assert response.context["page"] is None


def test_funder_sees_process_support_in_figures_without_links(
    login: Any, coalition: Coalition, past_meeting: Meeting
) -> None:
    page = login(staff(StaffRole.FUNDER)).get(reverse("core:dashboard")).content.decode()
    assert 'id="panel-process-support"' in page
    assert reverse("coalitions:coalition-list") not in page
    admin_page = login(staff(StaffRole.ADMIN)).get(reverse("core:dashboard")).content.decode()
    assert reverse("coalitions:coalition-list") in admin_page
