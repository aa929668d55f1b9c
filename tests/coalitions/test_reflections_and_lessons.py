"""Reflections with the toolkit's self-assessment, the development chart, the lessons
register, list query counts and personal data."""

from __future__ import annotations

from typing import Any

import pytest
from django.urls import reverse
from django.utils import timezone

from samskapa.coaching.models import Note, Session
from samskapa.coalitions.models import (
    Attendance,
    Coalition,
    CoalitionProject,
    Lesson,
    Meeting,
    Reflection,
)
from samskapa.projects.models import Call, Project
from samskapa.toolkit.selectors import latest_self_assessments
from tests.queries import count_queries

pytestmark = pytest.mark.django_db

AREAS = ["causes", "collaboration", "participation", "ecosystem", "results"]


def coalition() -> Coalition:
    return Coalition.objects.get(name="Vägar till arbete")


def meeting() -> Meeting:
    found = coalition().meetings.order_by("-starts_at").first()
    assert found is not None
    return found


def own_project() -> Project:
    return Project.objects.get(number="23-012-S01")


def reflection_url(project: Project | None = None) -> str:
    return reverse("coalitions:reflection", args=[meeting().pk, (project or own_project()).pk])


def test_member_records_reflection_and_self_assessment(as_role: Any) -> None:
    data: dict[str, Any] = {"timing": "before", "text": "Vi vill prata om regionens roll."}
    for index, area in enumerate(AREAS):
        data[f"rating_{area}"] = str(index + 1)
    data["comment_results"] = "Indikatorerna saknas."
    response = as_role("member").post(reflection_url(), data)
    assert response.status_code == 302
    reflection = Reflection.objects.get(meeting=meeting(), project=own_project(), timing="before")
    assert reflection.text == "Vi vill prata om regionens roll."
    latest = latest_self_assessments(projects=[own_project()])[own_project().pk]
    assert latest.assessed_on == timezone.localdate()
    assert {r.focus_area: r.rating for r in latest.ratings.all()} == {
        area: index + 1 for index, area in enumerate(AREAS)
    }


def test_half_a_self_assessment_is_refused_and_kept(as_role: Any) -> None:
    response = as_role("member").post(
        reflection_url(),
        {"timing": "after", "text": "Bra träff.", "rating_causes": "3"},
    )
    assert response.status_code == 400
    content = response.content.decode()
    assert "Rate all five focus areas, or none of them." in content
    assert "Bra träff." in content
    assert not Reflection.objects.filter(
        meeting=meeting(), timing="after", text="Bra träff."
    ).exists()


def test_reflection_without_text_is_refused(as_role: Any) -> None:
    response = as_role("member").post(reflection_url(), {"timing": "before", "text": ""})
    assert response.status_code == 400
    assert "This field is required." in response.content.decode()


def test_member_cannot_reflect_for_another_project(as_role: Any) -> None:
    other = Project.objects.get(number="23-027-S01")  # same coalition, not the member's
    assert as_role("member").get(reflection_url(other)).status_code == 404


def test_members_see_only_their_own_projects_reflections(as_role: Any) -> None:
    other = Project.objects.get(number="23-027-S01")
    Reflection.objects.create(
        meeting=meeting(), project=other, timing="after", text="ANDRA-PROJEKTETS-REFLEKTION"
    )
    member_page = as_role("member").get(meeting().get_absolute_url()).content.decode()
    assert "ANDRA-PROJEKTETS-REFLEKTION" not in member_page
    leader_page = as_role("process_leader").get(meeting().get_absolute_url()).content.decode()
    assert "ANDRA-PROJEKTETS-REFLEKTION" in leader_page


def test_coalition_page_charts_the_development_with_a_table(as_role: Any) -> None:
    response = as_role("process_leader").get(coalition().get_absolute_url())
    content = response.content.decode()
    assert '<img class="chart-image" src="data:image/svg+xml;base64,' in content
    assert "<svg" not in content  # never inline SVG: the CSP forbids its style attributes
    assert response.context["development_rows"]
    assert "development-caption" in content
    assert len(response.context["assessment_cards"]) == coalition().members.count()


def test_meeting_page_links_each_project_to_its_tools_on_the_meeting_date(as_role: Any) -> None:
    response = as_role("member").get(meeting().get_absolute_url())
    day = timezone.localdate(meeting().starts_at).isoformat()
    url = reverse("toolkit:overview", kwargs={"project_pk": own_project().pk})
    assert f'href="{url}?at={day}"' in response.content.decode()


# --- Lessons register -----------------------------------------------------------------------


def test_register_holds_meeting_lessons_and_shared_coaching_lessons(as_role: Any) -> None:
    response = as_role("evaluator").get(reverse("coalitions:lessons"))
    sources = {entry["source"] for entry in response.context["page"].object_list}
    assert sources == {"meeting", "coaching"}


def test_register_never_shows_private_coaching_notes(as_role: Any) -> None:
    session = Session.objects.filter(project=own_project()).first()
    assert session is not None
    Note.objects.create(session=session, text="PRIVAT-I-REGISTRET", visibility="private")
    content = as_role("admin").get(reverse("coalitions:lessons")).content.decode()
    assert "PRIVAT-I-REGISTRET" not in content


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"focus_area": "participation"}, "Målgruppen medverkar mer"),
        ({"q": "referensgrupp"}, "En referensgrupp ur målgruppen"),
        ({"coalition": "__coalition__"}, "Ett innovationskort blir tydligare"),
    ],
)
def test_register_filters(params: dict[str, str], expected: str, as_role: Any) -> None:
    if params.get("coalition") == "__coalition__":
        params = {"coalition": str(coalition().pk)}
    response = as_role("evaluator").get(reverse("coalitions:lessons"), params)
    texts = [entry["text"] for entry in response.context["page"].object_list]
    assert texts
    assert any(expected in text for text in texts)
    if "focus_area" in params:
        assert all("participation" in str(e["focus_areas"]) or e["focus_areas"] for e in
                   response.context["page"].object_list)  # fmt: skip


def test_register_filter_by_project_and_call(as_role: Any) -> None:
    project = Project.objects.get(number="23-031-S01")
    response = as_role("evaluator").get(reverse("coalitions:lessons"), {"project": project.number})
    entries = response.context["page"].object_list
    assert entries
    assert all(project in entry["projects"] for entry in entries)
    other_call = Call.objects.exclude(pk=project.call_id).first()
    assert other_call is not None
    response = as_role("evaluator").get(reverse("coalitions:lessons"), {"call": other_call.pk})
    assert list(response.context["page"].object_list) == []


def _lessons(count: int) -> None:
    Lesson.objects.all().delete()
    Note.objects.filter(is_lesson=True).update(is_lesson=False)
    for index in range(count):
        lesson = Lesson.objects.create(meeting=meeting(), text=f"L{index}", focus_areas=["causes"])
        lesson.projects.set([own_project()])
        Note.objects.create(
            session=Session.objects.filter(project=own_project()).first(),  # type: ignore[misc]
            text=f"N{index}",
            visibility="shared",
            is_lesson=True,
        )


def test_register_queries_are_constant(as_role: Any) -> None:
    client = as_role("evaluator")
    counts = []
    for count in (1, 3):
        _lessons(count)
        counts.append(count_queries(lambda: client.get(reverse("coalitions:lessons"))))
    assert counts[0] == counts[1]


def test_coalition_list_queries_are_constant(as_role: Any) -> None:
    client = as_role("admin")
    call = coalition().call
    counts = []
    for count in (1, 3):
        Coalition.objects.all().delete()
        for index in range(count):
            Coalition.objects.create(name=f"K{index}", call=call)
        counts.append(count_queries(lambda: client.get(reverse("coalitions:coalition-list"))))
    assert counts[0] == counts[1]


def test_coalition_page_queries_do_not_grow_with_meetings(as_role: Any) -> None:
    client = as_role("admin")
    target = coalition()
    first = meeting()
    counts = []
    for count in (1, 3):
        Meeting.objects.filter(coalition=target).exclude(pk=first.pk).delete()
        for index in range(count - 1):
            Meeting.objects.create(
                coalition=target, title=f"M{index}", starts_at=first.starts_at,
                ends_at=first.ends_at, place="Malmö",
            )  # fmt: skip
        counts.append(count_queries(lambda: client.get(target.get_absolute_url())))
    assert counts[0] == counts[1]


def test_coalition_page_queries_do_not_grow_with_its_projects(as_role: Any) -> None:
    """Cards, latest self-assessments and the development chart: one query each, not one per
    project."""
    client = as_role("admin")
    target = coalition()
    keep = own_project()
    others = list(
        Project.objects.filter(call=target.call).exclude(pk=keep.pk).order_by("number")[:2]
    )
    counts = []
    for extra in (others[:0], others[:2]):
        CoalitionProject.objects.filter(coalition=target).exclude(project=keep).delete()
        for project in extra:
            CoalitionProject.objects.update_or_create(
                project=project, defaults={"coalition": target}
            )
        counts.append(count_queries(lambda: client.get(target.get_absolute_url())))
    assert counts[0] == counts[1]


# --- Personal data --------------------------------------------------------------------------


def test_attendance_is_exported_and_erased(demo_user: Any) -> None:
    from samskapa.coalitions.services import erase_personal_data, export_personal_data

    member = demo_user("member")
    exported = export_personal_data(member)
    assert exported["meeting_attendance"]
    erase_personal_data(member)
    assert not Attendance.objects.filter(user=member).exists()


def test_meeting_page_queries_do_not_grow_with_its_documentation(as_role: Any) -> None:
    client = as_role("process_leader")
    target = meeting()
    counts = []
    for count in (1, 3):
        Lesson.objects.filter(meeting=target).delete()
        Reflection.objects.filter(meeting=target).delete()
        target.follow_ups.all().delete()
        projects = list(Project.objects.filter(coalition_membership__coalition=target.coalition))
        for index in range(count):
            lesson = Lesson.objects.create(meeting=target, text=f"L{index}", focus_areas=["causes"])
            lesson.projects.set(projects[:2])
            target.follow_ups.create(text=f"F{index}", project=projects[index])
            Reflection.objects.create(
                meeting=target, project=projects[index], timing="before", text=f"R{index}"
            )
        counts.append(count_queries(lambda: client.get(target.get_absolute_url())))
    assert counts[0] == counts[1]


def test_register_with_an_unknown_project_number_says_so(as_role: Any) -> None:
    response = as_role("evaluator").get(reverse("coalitions:lessons"), {"project": "99-999-S99"})
    content = response.content.decode()
    assert "There is no project with that number." in content
    assert response.context["page"] is None


def test_funder_sees_process_support_in_figures_without_links(as_role: Any) -> None:
    page = as_role("funder").get(reverse("core:dashboard")).content.decode()
    assert 'id="panel-process-support"' in page
    assert reverse("coalitions:coalition-list") not in page
    admin_page = as_role("admin").get(reverse("core:dashboard")).content.decode()
    assert reverse("coalitions:coalition-list") in admin_page
