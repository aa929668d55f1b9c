"""The results pages: reporting, approval and corrections, permissions (another project's
values answer 404; the funder reads and changes nothing), the audited reveal, and constant
query counts on the list pages."""

from __future__ import annotations

from typing import Any

import pytest
from django.urls import reverse

from samskapa.accounts.enums import StaffRole
from samskapa.accounts.models import User
from samskapa.coaching.models import CoachAssignment
from samskapa.core.models import AuditEvent
from samskapa.evaluation import pseudonyms
from samskapa.evaluation.enums import ValueStatus
from samskapa.evaluation.models import Value
from samskapa.projects.models import Project
from tests.factories.accounts import staff
from tests.factories.coalitions import coalition_of
from tests.factories.evaluation import (
    IndicatorFactory,
    ProjectIndicatorFactory,
    half_years,
    report,
)
from tests.factories.projects import ProjectFactory
from tests.queries import count_queries

pytestmark = pytest.mark.django_db


@pytest.fixture
def setup(project: Project) -> dict[str, Any]:
    indicator = IndicatorFactory(by_gender=True)
    ProjectIndicatorFactory(project=project, indicator=indicator)
    (period,) = half_years(project.call, 1)
    return {"indicator": indicator, "period": period}


def _report_url(project: Project, period: Any) -> str:
    return reverse("evaluation:report", args=[project.pk, period.pk])


def test_member_reports_saves_and_submits(
    project: Project, member: User, setup: Any, login: Any
) -> None:
    client = login(member)
    prefix = f"i{setup['indicator'].pk}"
    url = _report_url(project, setup["period"])
    response = client.post(url, {f"{prefix}-value": "12", f"{prefix}-women": "7", "save": ""})
    assert response.status_code == 302
    value = Value.objects.get(project=project)
    assert (value.value, value.women, value.status) == (12, 7, ValueStatus.DRAFT)
    client.post(url, {f"{prefix}-value": "12", f"{prefix}-women": "7", "submit": ""})
    value.refresh_from_db()
    assert value.status == ValueStatus.SUBMITTED


def test_a_breakdown_above_the_total_is_refused_and_the_input_kept(
    project: Project, member: User, setup: Any, login: Any
) -> None:
    prefix = f"i{setup['indicator'].pk}"
    response = login(member).post(
        _report_url(project, setup["period"]),
        {f"{prefix}-value": "5", f"{prefix}-women": "4", f"{prefix}-men": "3", "save": ""},
    )
    assert response.status_code == 200
    assert "exceeds the total" in response.content.decode()
    assert 'value="4"' in response.content.decode()
    assert not Value.objects.exists()


def test_a_personal_identity_number_is_refused(project: Project, member: User, login: Any) -> None:
    text = IndicatorFactory(measure="qualitative")
    ProjectIndicatorFactory(project=project, indicator=text)
    (period,) = half_years(project.call, 1)
    response = login(member).post(
        _report_url(project, period),
        {f"i{text.pk}-text": "Deltagare 19811218-9876 fick jobb.", "save": ""},
    )
    assert response.status_code == 200
    assert "personal identity number" in response.content.decode()
    assert not Value.objects.exists()


def test_another_projects_values_answer_404(
    project: Project, other_member: User, setup: Any, login: Any
) -> None:
    client = login(other_member)
    assert client.get(reverse("evaluation:project", args=[project.pk])).status_code == 404
    assert client.get(_report_url(project, setup["period"])).status_code == 404
    assert client.post(_report_url(project, setup["period"]), {"save": ""}).status_code == 404


def test_the_funder_reads_aggregates_and_changes_nothing(
    project: Project, funder: User, setup: Any, login: Any
) -> None:
    value = report(project, setup["indicator"], setup["period"], 10, status=ValueStatus.SUBMITTED)
    client = login(funder)
    assert client.get(reverse("evaluation:overview")).status_code == 200
    assert client.post(reverse("evaluation:review", args=[value.pk])).status_code == 403
    assert client.get(_report_url(project, setup["period"])).status_code == 404
    assert client.post(reverse("evaluation:indicator-create"), {}).status_code == 403
    value.refresh_from_db()
    assert value.status == ValueStatus.SUBMITTED


def test_approve_lock_and_correct_as_a_new_version(
    project: Project, member: User, evaluator: User, setup: Any, login: Any
) -> None:
    value = report(project, setup["indicator"], setup["period"], 10, status=ValueStatus.SUBMITTED)
    login(evaluator).post(reverse("evaluation:review", args=[value.pk]), {"action": "approve"})
    value.refresh_from_db()
    assert value.status == ValueStatus.APPROVED and value.is_locked
    prefix = f"i{setup['indicator'].pk}"
    login(member).post(_report_url(project, setup["period"]), {f"{prefix}-value": "11", "save": ""})
    value.refresh_from_db()
    assert (value.value, value.version, value.status) == (11, 2, ValueStatus.DRAFT)
    approved = [h for h in value.history.all() if h.status == ValueStatus.APPROVED]
    assert approved and approved[0].value == 10  # the approved version is kept


def test_return_needs_a_comment(project: Project, evaluator: User, setup: Any, login: Any) -> None:
    value = report(project, setup["indicator"], setup["period"], 10, status=ValueStatus.SUBMITTED)
    client = login(evaluator)
    client.post(reverse("evaluation:review", args=[value.pk]), {"action": "return", "comment": ""})
    value.refresh_from_db()
    assert value.status == ValueStatus.SUBMITTED
    client.post(
        reverse("evaluation:review", args=[value.pk]),
        {"action": "return", "comment": "Kontrollera summan."},
    )
    value.refresh_from_db()
    assert (value.status, value.comment) == (ValueStatus.RETURNED, "Kontrollera summan.")


def test_a_locked_period_refuses_changes(project: Project, member: User, login: Any) -> None:
    indicator = IndicatorFactory()
    ProjectIndicatorFactory(project=project, indicator=indicator)
    (locked,) = half_years(project.call, 1, first=2025)  # locked since September 2025
    response = login(member).post(
        _report_url(project, locked), {f"i{indicator.pk}-value": "3", "save": ""}
    )
    assert response.status_code == 403
    assert not Value.objects.exists()


def test_a_reveal_needs_a_reason_and_is_audited(
    project: Project, other_project: Project, evaluator: User, setup: Any, login: Any, now: Any
) -> None:
    ProjectIndicatorFactory(project=other_project, indicator=setup["indicator"])
    codes = pseudonyms.pseudonyms(project.call_id, now.year, [project.pk, other_project.pk])
    url = reverse("evaluation:reveal", args=[project.call_id])
    client = login(evaluator)
    response = client.post(url, {"pseudonym": codes[project.pk], "reason": ""})
    assert project.number not in response.content.decode()
    assert not AuditEvent.objects.filter(detail__contains="revealed").exists()
    response = client.post(
        url, {"pseudonym": codes[project.pk], "reason": "Fallstudie om arbetsgivare"}
    )
    assert project.number in response.content.decode()
    event = AuditEvent.objects.get(detail__contains="revealed")
    assert event.actor == evaluator and event.object_id == str(project.pk)
    assert "Fallstudie om arbetsgivare" in event.detail


def test_pseudonyms_are_stable_within_a_call_and_year() -> None:
    first = pseudonyms.pseudonyms(1, 2027, [5, 9, 12])
    assert first == pseudonyms.pseudonyms(1, 2027, [12, 5, 9])
    assert sorted(first.values()) == ["P-01", "P-02", "P-03"]


@pytest.mark.parametrize(
    "name", ["evaluation:queue", "evaluation:catalogue", "evaluation:overview"]
)
def test_list_pages_cost_the_same_queries_for_one_and_three_items(
    name: str, admin: User, login: Any, now: Any, call: Any
) -> None:
    client = login(admin)
    url = reverse(name)
    indicator = IndicatorFactory()
    (period,) = half_years(call, 1)
    counts = []
    for _round in range(2):
        while Value.objects.count() < (1 if not counts else 3):
            report(ProjectFactory(call=call), indicator, period, 10, status=ValueStatus.SUBMITTED)
            IndicatorFactory()
        counts.append(count_queries(lambda: client.get(url)))
    assert counts[0] == counts[1]


def test_the_report_page_shows_earlier_versions(
    project: Project, member: User, setup: Any, login: Any
) -> None:
    value = report(project, setup["indicator"], setup["period"], 10, status=ValueStatus.SUBMITTED)
    value.status = ValueStatus.APPROVED
    value.save()
    page = login(member).get(_report_url(project, setup["period"])).content.decode()
    assert "Earlier versions" in page
    assert "Submitted" in page


def test_the_call_page_costs_the_same_queries_for_one_and_three_projects(
    call: Any, evaluator: User, login: Any
) -> None:
    client = login(evaluator)
    indicator = IndicatorFactory()
    (period,) = half_years(call, 1)
    url = reverse("evaluation:call", args=[call.pk])
    counts = []
    for size in (1, 3):
        while Value.objects.count() < size:
            report(ProjectFactory(call=call), indicator, period, 10)
        counts.append(count_queries(lambda: client.get(url)))
    assert counts[0] == counts[1]


def test_evaluators_see_completeness_as_counts_so_pseudonyms_hold(
    project: Project, evaluator: User, admin: User, setup: Any, login: Any
) -> None:
    half_years(project.call, 1, first=2026)  # due in August 2026: late at NOW
    url = reverse("evaluation:call", args=[project.call_id])
    assert project.number not in login(evaluator).get(url).content.decode()
    assert project.number in login(admin).get(url).content.decode()


def test_the_measure_of_an_indicator_with_values_cannot_change(
    project: Project, admin: User, setup: Any, login: Any
) -> None:
    indicator = setup["indicator"]
    report(project, indicator, setup["period"], 10)
    data = {
        "code": indicator.code,
        "kind": indicator.kind,
        "name_sv": indicator.name_sv,
        "name_en": indicator.name_en,
        "level": indicator.level,
        "unit": indicator.unit,
        "measure": "percentage",
        "aggregation": indicator.aggregation,
        "higher_is_better": "on",
        "active": "on",
    }
    response = login(admin).post(reverse("evaluation:indicator-edit", args=[indicator.pk]), data)
    assert response.status_code == 200
    assert "cannot change" in response.content.decode()
    indicator.refresh_from_db()
    assert indicator.measure == "count"


def test_no_form_accepts_a_personal_identity_number(admin: User, login: Any, call: Any) -> None:
    response = login(admin).post(
        reverse("evaluation:indicator-create"),
        {
            "code": "ZZ99",
            "kind": "centre",
            "name_sv": "Deltagare 19811218-9876",
            "name_en": "Participants",
            "level": "output",
            "unit": "participants",
            "measure": "count",
            "aggregation": "sum",
        },
    )
    assert response.status_code == 200
    assert "personal identity number" in response.content.decode()
    response = login(admin).post(
        reverse("evaluation:periods", args=[call.pk]),
        {
            "name": "198112189876",
            "starts": "2027-01-01",
            "ends": "2027-06-30",
            "due": "2027-08-15",
            "locks": "2027-09-15",
        },
    )
    assert response.status_code == 200
    assert "personal identity number" in response.content.decode()


def test_process_leaders_and_coaches_find_their_coalitions(
    project: Project, other_project: Project, login: Any
) -> None:
    leader, coach = staff(StaffRole.PROCESS_LEADER), staff(StaffRole.COACH)
    mine = coalition_of(project, name="Ledarens koalition", process_leaders=[leader])
    coalition_of(other_project, name="Coachens koalition")
    CoachAssignment.objects.create(project=other_project, coach=coach)
    leader_page = login(leader).get(reverse("evaluation:overview")).content.decode()
    assert "Ledarens koalition" in leader_page and "Coachens koalition" not in leader_page
    coach_page = login(coach).get(reverse("evaluation:overview")).content.decode()
    assert "Coachens koalition" in coach_page and mine.name not in coach_page


def test_the_call_page_shows_its_projects_a_page_at_a_time_in_pseudonym_order(
    call: Any, evaluator: User, login: Any
) -> None:
    client = login(evaluator)
    indicator = IndicatorFactory()
    (period,) = half_years(call, 1)
    for _ in range(52):
        ProjectIndicatorFactory(project=ProjectFactory(call=call), indicator=indicator)
    report(Project.objects.filter(call=call).first(), indicator, period, 10)
    url = reverse("evaluation:call", args=[call.pk])
    first = client.get(url)
    labels = [row.label for row in first.context["project_rows"]]
    assert labels == [f"P-{n:02d}" for n in range(1, 51)]
    assert "Projects 1–50 of 52" in first.content.decode()
    second = [row.label for row in client.get(url, {"page": 2}).context["project_rows"]]
    assert second == ["P-51", "P-52"]
    assert client.get(url, {"page": "x"}).status_code == 200
