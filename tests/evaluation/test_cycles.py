"""Evaluation cycles: the status transitions, who reads and changes a cycle, the form (its
cluster, questions and key dates, keeping input on error), and Swedish and English pages."""

from __future__ import annotations

import datetime
from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import translation

from samskapa.accounts.models import User
from samskapa.core.enums import FocusArea
from samskapa.core.models import AuditEvent
from samskapa.evaluation import services
from samskapa.evaluation.cycles import TRANSITIONS, ClusterSource, CycleStatus, EvaluationCycle
from samskapa.projects.models import Call, Project
from tests.factories.coalitions import coalition_of
from tests.factories.evaluation import CycleFactory, QuestionFactory
from tests.factories.projects import ProjectFactory
from tests.queries import count_queries

pytestmark = pytest.mark.django_db


def _form_data(**overrides: Any) -> dict[str, Any]:
    data: dict[str, Any] = {
        "year": "2027",
        "title_sv": "Klusterutvärdering av koalitionen",
        "title_en": "Cluster evaluation of the coalition",
        "source": ClusterSource.MANUAL,
        "call": "",
        "coalition": "",
        "projects": [],
        "evaluators": [],
        "questions-TOTAL_FORMS": "3",
        "questions-INITIAL_FORMS": "0",
        "dates-TOTAL_FORMS": "2",
        "dates-INITIAL_FORMS": "0",
    }
    data.update(overrides)
    return data


# --- Transitions ------------------------------------------------------------------------------


def test_a_cycle_walks_from_planning_to_published(admin: User) -> None:
    cycle = CycleFactory()
    for status in ("collecting", "analysing", "reporting", "published"):
        cycle = services.change_cycle_status(cycle=cycle, to=status, by=admin)
        assert cycle.status == status
    cycle.refresh_from_db()
    assert cycle.is_published
    changes = AuditEvent.objects.filter(object_id=str(cycle.pk), detail__contains="→")
    assert changes.count() == 4


@pytest.mark.parametrize(
    ("start", "to"),
    [
        (CycleStatus.PLANNING, CycleStatus.ANALYSING),  # skips a step
        (CycleStatus.PLANNING, CycleStatus.PUBLISHED),
        (CycleStatus.PUBLISHED, CycleStatus.REPORTING),  # published is final
        (CycleStatus.COLLECTING, "finished"),  # no such status
    ],
)
def test_a_transition_that_is_not_allowed_is_refused(admin: User, start: str, to: str) -> None:
    cycle = CycleFactory(status=start)
    with pytest.raises(ValidationError):
        services.change_cycle_status(cycle=cycle, to=to, by=admin)
    cycle.refresh_from_db()
    assert cycle.status == start


def test_one_step_back_is_allowed_before_publication(admin: User) -> None:
    cycle = CycleFactory(status=CycleStatus.ANALYSING)
    assert services.change_cycle_status(cycle=cycle, to="collecting", by=admin).status == (
        "collecting"
    )


def test_every_status_has_its_transitions() -> None:
    assert set(TRANSITIONS) == set(CycleStatus.values)
    for targets in TRANSITIONS.values():
        assert set(targets) <= set(CycleStatus.values)


def test_the_status_page_moves_the_cycle_and_refuses_a_jump(evaluator: User, login: Any) -> None:
    cycle = CycleFactory(evaluators=[evaluator])
    client = login(evaluator)
    url = reverse("evaluation:cycle-status", args=[cycle.pk])
    response = client.post(url, {"status": "published"}, follow=True)
    assert "cannot go from “Planning” to “Published”" in response.content.decode()
    cycle.refresh_from_db()
    assert cycle.status == CycleStatus.PLANNING
    response = client.post(url, {"status": "collecting"}, follow=True)
    assert "now in the status “Collecting”" in response.content.decode()
    cycle.refresh_from_db()
    assert cycle.status == CycleStatus.COLLECTING


# --- Who reads and changes ----------------------------------------------------------------


def test_the_funder_lists_and_reads_published_cycles_only(funder: User, login: Any) -> None:
    published = CycleFactory(status=CycleStatus.PUBLISHED, title_en="Published cycle")
    planned = CycleFactory(title_en="Planned cycle")
    client = login(funder)
    page = client.get(reverse("evaluation:cycles")).content.decode()
    assert "Published cycle" in page
    assert "Planned cycle" not in page
    assert client.get(published.get_absolute_url()).status_code == 200
    assert client.get(planned.get_absolute_url()).status_code == 404


def test_only_assigned_evaluators_change_a_cycle(evaluator: User, login: Any) -> None:
    theirs = CycleFactory(evaluators=[evaluator])
    other = CycleFactory()
    client = login(evaluator)
    assert client.get(reverse("evaluation:cycle-edit", args=[theirs.pk])).status_code == 200
    assert client.get(reverse("evaluation:cycle-edit", args=[other.pk])).status_code == 404
    # Every evaluator reads every cycle; only the assigned one sees the edit link.
    page = client.get(other.get_absolute_url()).content.decode()
    assert reverse("evaluation:cycle-edit", args=[other.pk]) not in page
    response = client.post(
        reverse("evaluation:cycle-status", args=[other.pk]), {"status": "collecting"}
    )
    assert response.status_code == 404
    other.refresh_from_db()
    assert other.status == CycleStatus.PLANNING


def test_project_members_do_not_see_cycles(member: User, project: Project, login: Any) -> None:
    cycle = CycleFactory(projects=[project], status=CycleStatus.PUBLISHED)
    client = login(member)
    assert client.get(reverse("evaluation:cycles")).status_code == 403
    assert client.get(cycle.get_absolute_url()).status_code == 404


# --- The form -----------------------------------------------------------------------------


def test_admin_creates_a_cycle_of_a_coalition_with_questions_and_dates(
    admin: User, evaluator: User, project: Project, other_project: Project, login: Any
) -> None:
    coalition = coalition_of(project, other_project)
    outside = ProjectFactory(call=project.call)
    data = _form_data(
        source=ClusterSource.COALITION,
        coalition=str(coalition.pk),
        projects=[str(outside.pk)],  # ignored: the coalition decides
        evaluators=[str(evaluator.pk)],
        **{
            "questions-0-focus_area": FocusArea.PARTICIPATION,
            "questions-0-text_sv": "Hur deltar målgruppen i besluten?",
            "questions-0-text_en": "How does the target group take part in decisions?",
            "questions-1-focus_area": FocusArea.ECOSYSTEM,
            "questions-1-text_sv": "Vilka förändringar i ekosystemet ser vi?",
            "dates-0-date": "2027-03-31",
            "dates-0-label_sv": "Datainsamlingen stänger",
            "dates-0-label_en": "Data collection closes",
        },
    )
    response = login(admin).post(reverse("evaluation:cycle-create"), data)
    cycle = EvaluationCycle.objects.get()
    assert response.status_code == 302
    assert response["Location"] == cycle.get_absolute_url()
    assert cycle.coalition == coalition
    assert set(cycle.projects.all()) == {project, other_project}
    assert list(cycle.evaluators.all()) == [evaluator]
    assert [q.text_sv for q in cycle.questions.all()] == [
        "Hur deltar målgruppen i besluten?",
        "Vilka förändringar i ekosystemet ser vi?",
    ]
    assert [(d.date, d.label_en) for d in cycle.dates.all()] == [
        (datetime.date(2027, 3, 31), "Data collection closes")
    ]
    assert AuditEvent.objects.filter(object_id=str(cycle.pk), action="create").exists()


def test_a_cycle_of_a_call_takes_all_its_projects(
    admin: User, call: Call, project: Project, other_project: Project, login: Any
) -> None:
    ProjectFactory()  # another call's
    data = _form_data(source=ClusterSource.CALL, call=str(call.pk))
    login(admin).post(reverse("evaluation:cycle-create"), data)
    assert set(EvaluationCycle.objects.get().projects.all()) == {project, other_project}


def test_editing_replaces_questions_and_keeps_the_rest(
    evaluator: User, project: Project, login: Any
) -> None:
    cycle = CycleFactory(evaluators=[evaluator], projects=[project])
    QuestionFactory(cycle=cycle, text_sv="Gammal fråga")
    client = login(evaluator)
    form = client.get(reverse("evaluation:cycle-edit", args=[cycle.pk])).content.decode()
    assert "Gammal fråga" in form
    data = _form_data(
        title_sv="Ny titel",
        projects=[str(project.pk)],
        evaluators=[str(evaluator.pk)],
        **{
            "questions-0-focus_area": FocusArea.RESULTS,
            "questions-0-text_sv": "Vilka resultat består?",
        },
    )
    response = client.post(reverse("evaluation:cycle-edit", args=[cycle.pk]), data)
    assert response.status_code == 302
    cycle.refresh_from_db()
    assert cycle.title_sv == "Ny titel"
    assert [q.text_sv for q in cycle.questions.all()] == ["Vilka resultat består?"]


def test_the_form_keeps_the_input_on_error(admin: User, login: Any) -> None:
    data = _form_data(
        title_sv="Utvärdering som ska behållas",
        source=ClusterSource.COALITION,  # but no coalition chosen
        **{
            "questions-0-text_sv": "En fråga utan fokusområde",
            "questions-1-text_en": "Only in English",
            "dates-0-label_sv": "Ett datum som saknas",
        },
    )
    response = login(admin).post(reverse("evaluation:cycle-create"), data)
    page = response.content.decode()
    assert response.status_code == 400
    assert EvaluationCycle.objects.count() == 0
    assert "Utvärdering som ska behållas" in page
    assert "En fråga utan fokusområde" in page
    assert "Only in English" in page
    assert "Ett datum som saknas" in page
    assert "Choose the coalition whose projects are evaluated." in page
    assert "Choose the focus area the question belongs to." in page
    assert "Write the question in Swedish, or empty the row." in page
    assert "Give the date, or empty the row." in page


def test_a_hand_picked_cluster_needs_projects(admin: User, login: Any) -> None:
    response = login(admin).post(reverse("evaluation:cycle-create"), _form_data())
    assert response.status_code == 400
    assert "Tick the projects that are evaluated." in response.content.decode()


def test_only_evaluators_can_be_assigned(admin: User, login: Any, project: Project) -> None:
    data = _form_data(projects=[str(project.pk)], evaluators=[str(admin.pk)])
    response = login(admin).post(reverse("evaluation:cycle-create"), data)
    assert response.status_code == 400
    assert EvaluationCycle.objects.count() == 0


# --- Languages and query counts -----------------------------------------------------------


def test_the_cycle_page_in_swedish_and_english(admin: User, client_for: Any) -> None:
    cycle = CycleFactory(
        title_sv="Klusterutvärdering 2027",
        title_en="Cluster evaluation 2027",
        status=CycleStatus.COLLECTING,
    )
    QuestionFactory(
        cycle=cycle,
        focus_area=FocusArea.PARTICIPATION,
        text_sv="Hur deltar målgruppen?",
        text_en="How does the target group take part?",
    )
    cycle.dates.create(
        date=datetime.date(2027, 4, 21), label_sv="Rapportutkast", label_en="Report draft"
    )
    client = client_for(admin)
    with translation.override("sv"):
        page = client.get(cycle.get_absolute_url()).content.decode()
    assert "Klusterutvärdering 2027" in page
    assert "Hur deltar målgruppen?" in page
    assert "21 april 2027" in page
    assert "Rapportutkast" in page
    assert "Målgruppsmedverkan" in page  # the focus area, in Swedish
    assert "Datainsamling" in page  # the status, in Swedish
    with translation.override("en"):
        page = client.get(cycle.get_absolute_url()).content.decode()
    assert "Cluster evaluation 2027" in page
    assert "How does the target group take part?" in page
    assert "21 April 2027" in page
    assert "Report draft" in page
    assert "Collecting" in page


def test_an_english_page_falls_back_to_the_swedish_text(admin: User, login: Any) -> None:
    cycle = CycleFactory(title_sv="Bara på svenska", title_en="")
    assert "Bara på svenska" in login(admin).get(cycle.get_absolute_url()).content.decode()


def test_the_list_costs_the_same_queries_for_one_and_three_cycles(
    admin: User, evaluator: User, login: Any
) -> None:
    client = login(admin)
    url = reverse("evaluation:cycles")
    counts = []
    for wanted in (1, 3):
        while EvaluationCycle.objects.count() < wanted:
            CycleFactory(projects=[ProjectFactory()], evaluators=[evaluator])
        counts.append(count_queries(lambda: client.get(url)))
    assert counts[0] == counts[1]


def test_the_cycle_page_costs_the_same_queries_for_one_and_three_questions(
    admin: User, evaluator: User, login: Any
) -> None:
    cycle = CycleFactory(evaluators=[evaluator])
    client = login(admin)
    counts = []
    for wanted in (1, 3):
        while cycle.questions.count() < wanted:
            QuestionFactory(cycle=cycle)
            cycle.projects.add(ProjectFactory())
        counts.append(count_queries(lambda: client.get(cycle.get_absolute_url())))
    assert counts[0] == counts[1]
