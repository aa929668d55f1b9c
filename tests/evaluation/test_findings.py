"""Themes, findings and recommendations: a theme's cross-confirmation (distinct projects and
kinds of source) and the theme × project matrix under pseudonyms; findings with excerpts and
the cluster's figures through disclosure control; who reads findings (drafts only for the
cycle's editors, excerpts never for the cluster); recommendations answered by the projects and
the centre; audited reads; erasure; query counts."""

from __future__ import annotations

from typing import Any

import pytest
from django.urls import reverse

from samskapa.accounts.enums import StaffRole
from samskapa.accounts.models import User
from samskapa.coaching.enums import NoteVisibility
from samskapa.core.models import AuditAction, AuditEvent
from samskapa.evaluation import selectors, services
from samskapa.evaluation.cycles import ExcerptSource
from samskapa.evaluation.findings import (
    Finding,
    RecommendationOwner,
    RecommendationResponse,
    ResponseStatus,
    Theme,
)
from samskapa.projects.models import Project
from tests.factories.accounts import staff
from tests.factories.coaching import NoteFactory, SessionFactory, coach_of
from tests.factories.coalitions import coalition_of
from tests.factories.evaluation import (
    CodeFactory,
    CycleFactory,
    ExcerptFactory,
    FindingFactory,
    IndicatorFactory,
    PeriodFactory,
    RecommendationFactory,
    ThemeFactory,
    report,
)
from tests.factories.projects import ProjectFactory
from tests.queries import count_queries

pytestmark = pytest.mark.django_db


def _cluster(evaluator: User, *projects: Project) -> Any:
    return CycleFactory(projects=list(projects), evaluators=[evaluator])


def test_an_evaluator_adds_a_theme_of_the_cycles_codes(
    evaluator: User, project: Project, login: Any
) -> None:
    cycle = _cluster(evaluator, project)
    own, foreign = CodeFactory(cycle=cycle), CodeFactory()
    url = reverse("evaluation:themes", args=[cycle.pk])
    client = login(evaluator)
    response = client.post(url, {"name_sv": "Ägarskap", "codes": [own.pk, foreign.pk]})
    assert response.status_code == 400
    assert "Ägarskap" in response.content.decode()  # the form keeps what was typed
    response = client.post(url, {"name_sv": "Ägarskap", "codes": [own.pk]})
    assert response.status_code == 302
    theme = Theme.objects.get(cycle=cycle)
    assert list(theme.codes.all()) == [own]


def test_cross_confirmation_counts_distinct_projects_and_kinds_of_source(
    evaluator: User, project: Project, other_project: Project, neighbour: Project
) -> None:
    cycle = _cluster(evaluator, project, other_project, neighbour)
    code = CodeFactory(cycle=cycle)
    sub = CodeFactory(cycle=cycle, parent=code)
    theme = ThemeFactory(cycle=cycle, codes=[code])
    other_theme = ThemeFactory(cycle=cycle)
    twice = ExcerptFactory(cycle=cycle, project=project)
    twice.codes.add(code, sub)  # coded with the code and its sub-code: counted once
    ExcerptFactory(cycle=cycle, project=project).codes.add(sub)
    note = NoteFactory(
        session=SessionFactory(project=other_project),
        visibility=NoteVisibility.SHARED,
        text="Projektet delar beslut med deltagarna.",
    )
    ExcerptFactory(
        cycle=cycle,
        project=other_project,
        kind=ExcerptSource.COACHING_NOTE,
        reflection=None,
        note=note,
    ).codes.add(code)
    ExcerptFactory(cycle=cycle, project=neighbour)  # not coded: no evidence
    themes = selectors.themes_of(cycle)
    evidence = selectors.theme_evidence(cycle, themes)
    assert len(evidence[theme.pk].excerpts) == 3
    assert evidence[theme.pk].project_count == 2
    assert evidence[theme.pk].kind_count == 2
    assert evidence[other_theme.pk].project_count == 0


def test_the_theme_matrix_shows_projects_under_pseudonyms(
    evaluator: User, project: Project, other_project: Project, login: Any
) -> None:
    cycle = _cluster(evaluator, project, other_project)
    code = CodeFactory(cycle=cycle)
    ThemeFactory(cycle=cycle, codes=[code], name_sv="Delaktighet")
    ExcerptFactory(cycle=cycle, project=project).codes.add(code)
    page = login(evaluator).get(reverse("evaluation:themes", args=[cycle.pk])).content.decode()
    assert 'id="theme-matrix"' in page
    assert "P-01" in page and "P-02" in page
    assert project.number not in page and project.name not in page


def test_an_evaluator_states_a_finding_with_its_evidence(
    evaluator: User, project: Project, login: Any
) -> None:
    cycle = _cluster(evaluator, project)
    excerpt = ExcerptFactory(cycle=cycle, project=project)
    indicator = IndicatorFactory()
    report(project, indicator, PeriodFactory(call=project.call), 12)
    client = login(evaluator)
    url = reverse("evaluation:finding-new", args=[cycle.pk])
    data = {
        "focus_area": "participation",
        "claim_sv": "Deltagarna tar över ledningen av träffarna.",
        "strength": "moderate",
        "excerpts": [excerpt.pk],
        "indicators": [indicator.pk],
    }
    response = client.post(url, data)  # no audience
    assert response.status_code == 400
    assert "Deltagarna tar över" in response.content.decode()
    response = client.post(url, {**data, "audiences": ["projects", "council"]})
    assert response.status_code == 302
    finding = Finding.objects.get(cycle=cycle)
    assert finding.audiences == ["projects", "council"]
    page = client.get(reverse("evaluation:findings", args=[cycle.pk])).content.decode()
    assert "Deltagarna tar över ledningen" in page
    assert excerpt.text in page  # the evaluator sees the excerpt
    assert "12" in page  # the cluster's figure, unsuppressed for the evaluator
    assert "Not for publication" in page


def test_a_finding_cites_excerpts_of_its_own_cycle_only(evaluator: User, project: Project) -> None:
    cycle = _cluster(evaluator, project)
    foreign = ExcerptFactory()
    finding = Finding(cycle=cycle, focus_area="participation", claim_sv="x", strength="strong")
    with pytest.raises(Exception, match="own cycle"):
        services.save_finding(finding=finding, excerpts=[foreign], indicators=[], by=evaluator)


def test_the_cluster_reads_shared_findings_without_excerpts_and_figures_protected(
    evaluator: User, project: Project, member: User, login: Any
) -> None:
    cycle = _cluster(evaluator, project)
    excerpt = ExcerptFactory(cycle=cycle, project=project)
    indicator = IndicatorFactory()
    report(project, indicator, PeriodFactory(call=project.call), 12)
    FindingFactory(
        cycle=cycle,
        shared=True,
        claim_sv="Delat fynd",
        claim_en="",
        excerpts=[excerpt],
        indicators=[indicator],
    )
    FindingFactory(cycle=cycle, claim_sv="Utkast till fynd", claim_en="")
    page = login(member).get(reverse("evaluation:findings", args=[cycle.pk])).content.decode()
    assert "Delat fynd" in page
    assert "Utkast till fynd" not in page
    assert excerpt.text not in page
    assert ">12<" not in page and "suppressed" in page  # one project: never published
    assert not AuditEvent.objects.filter(action=AuditAction.SENSITIVE_READ).exists()


def test_members_of_another_cluster_and_the_funder_get_404(
    evaluator: User, project: Project, other_member: User, funder: User, login: Any
) -> None:
    cycle = _cluster(evaluator, project)
    FindingFactory(cycle=cycle, shared=True)
    url = reverse("evaluation:findings", args=[cycle.pk])
    assert login(other_member).get(url).status_code == 404
    assert login(funder).get(url).status_code == 404


def test_process_leaders_and_coaches_read_their_coalitions_findings(
    evaluator: User, project: Project, other_project: Project, login: Any
) -> None:
    cycle = _cluster(evaluator, project)
    FindingFactory(cycle=cycle, shared=True, claim_sv="Koalitionens fynd", claim_en="")
    leader = staff(StaffRole.PROCESS_LEADER)
    coalition_of(project, process_leaders=[leader])
    coach = coach_of(project)
    stranger = staff(StaffRole.PROCESS_LEADER)
    coalition_of(other_project, process_leaders=[stranger])
    url = reverse("evaluation:findings", args=[cycle.pk])
    assert "Koalitionens fynd" in login(leader).get(url).content.decode()
    assert login(coach).get(url).status_code == 200
    assert login(stranger).get(url).status_code == 404
    listed = login(leader).get(reverse("evaluation:my-findings")).content.decode()
    assert cycle.title_en in listed
    assert (
        cycle.title_en
        not in login(stranger).get(reverse("evaluation:my-findings")).content.decode()
    )


def test_reading_findings_with_excerpts_outside_the_evaluators_is_audited(
    admin: User, evaluator: User, project: Project, login: Any
) -> None:
    cycle = _cluster(evaluator, project)
    FindingFactory(cycle=cycle, excerpts=[ExcerptFactory(cycle=cycle, project=project)])
    url = reverse("evaluation:findings", args=[cycle.pk])
    reads = AuditEvent.objects.filter(action=AuditAction.SENSITIVE_READ)
    login(evaluator).get(url)
    assert not reads.exists()
    login(admin).get(url)
    assert reads.filter(actor=admin).count() == 1


def test_a_project_answers_a_recommendation_and_the_history_is_kept(
    evaluator: User, project: Project, member: User, other_member: User, login: Any
) -> None:
    cycle = _cluster(evaluator, project)
    recommendation = RecommendationFactory(finding=FindingFactory(cycle=cycle, shared=True))
    url = reverse("evaluation:recommendation-answer", args=[recommendation.pk])
    assert login(other_member).get(url).status_code == 404
    client = login(member)
    response = client.post(url, {"project": project.pk, "status": "nonsense", "comment": "Hej"})
    assert response.status_code == 400 and "Hej" in response.content.decode()
    client.post(url, {"project": project.pk, "status": "accepted", "comment": "Vi börjar i vår."})
    client.post(url, {"project": project.pk, "status": "done", "comment": "Klart."})
    assert RecommendationResponse.objects.filter(recommendation=recommendation).count() == 2
    findings = selectors.findings_of(cycle, drafts=False)
    latest = selectors.latest_responses(findings[0].recommendations.all()[0])
    assert [(r.project, r.status) for r in latest] == [(project, ResponseStatus.DONE)]
    page = client.get(reverse("evaluation:findings", args=[cycle.pk])).content.decode()
    assert "Klart." in page and "Vi börjar i vår." not in page


def test_the_centre_answers_its_own_recommendations(
    evaluator: User, project: Project, member: User, login: Any
) -> None:
    cycle = _cluster(evaluator, project)
    leader = staff(StaffRole.PROCESS_LEADER)
    coalition_of(project, process_leaders=[leader])
    recommendation = RecommendationFactory(
        finding=FindingFactory(cycle=cycle, shared=True), owner=RecommendationOwner.CENTRE
    )
    url = reverse("evaluation:recommendation-answer", args=[recommendation.pk])
    assert login(member).get(url).status_code == 404
    response = login(leader).post(url, {"status": "in_progress", "comment": ""})
    assert response.status_code == 302
    answer = RecommendationResponse.objects.get()
    assert answer.project is None and answer.status == ResponseStatus.IN_PROGRESS


def test_a_recommendation_of_a_draft_finding_cannot_be_answered(
    evaluator: User, project: Project, member: User, login: Any
) -> None:
    cycle = _cluster(evaluator, project)
    recommendation = RecommendationFactory(finding=FindingFactory(cycle=cycle, shared=False))
    url = reverse("evaluation:recommendation-answer", args=[recommendation.pk])
    assert login(member).get(url).status_code == 404


def test_an_evaluator_adds_a_recommendation(evaluator: User, project: Project, login: Any) -> None:
    cycle = _cluster(evaluator, project)
    finding = FindingFactory(cycle=cycle)
    url = reverse("evaluation:recommendation-new", args=[finding.pk])
    client = login(evaluator)
    assert client.post(url, {"text_sv": "Gör så"}).status_code == 400  # no owner
    assert client.post(url, {"text_sv": "Gör så", "owner": "centre"}).status_code == 302
    assert finding.recommendations.get().owner == RecommendationOwner.CENTRE


def test_erasure_forgets_who_wrote_findings_and_answers(
    evaluator: User, project: Project, member: User
) -> None:
    cycle = _cluster(evaluator, project)
    finding = FindingFactory(cycle=cycle, shared=True, created_by=evaluator)
    answer = services.answer_recommendation(
        recommendation=RecommendationFactory(finding=finding),
        project=project,
        status=ResponseStatus.ACCEPTED,
        comment="",
        by=member,
    )
    services.erase_personal_data(evaluator)
    services.erase_personal_data(member)
    finding.refresh_from_db()
    answer.refresh_from_db()
    assert finding.created_by is None and answer.created_by is None


@pytest.mark.parametrize("page", ["themes", "findings"])
def test_theme_and_finding_pages_cost_the_same_queries_for_one_and_three(
    page: str, evaluator: User, project: Project, login: Any
) -> None:
    cycle = _cluster(evaluator, project)
    code = CodeFactory(cycle=cycle)
    indicator = IndicatorFactory()
    client = login(evaluator)
    url = reverse(f"evaluation:{page}", args=[cycle.pk])
    counts = []
    for wanted in (1, 3):
        while cycle.themes.count() < wanted:
            other = ProjectFactory(call=project.call)
            cycle.projects.add(other)
            excerpt = ExcerptFactory(cycle=cycle, project=other)
            excerpt.codes.add(code)
            ThemeFactory(cycle=cycle, codes=[code])
            finding = FindingFactory(
                cycle=cycle, shared=True, excerpts=[excerpt], indicators=[indicator]
            )
            RecommendationFactory(finding=finding)
        counts.append(count_queries(lambda: client.get(url)))
    assert counts[0] == counts[1]


def test_the_list_of_shared_findings_costs_the_same_queries_for_one_and_three(
    evaluator: User, project: Project, member: User, login: Any
) -> None:
    client = login(member)
    url = reverse("evaluation:my-findings")
    counts = []
    for wanted in (1, 3):
        while Finding.objects.count() < wanted:
            FindingFactory(cycle=_cluster(evaluator, project), shared=True)
        counts.append(count_queries(lambda: client.get(url)))
    assert counts[0] == counts[1]


def test_the_findings_page_in_swedish(evaluator: User, project: Project, client_for: Any) -> None:
    cycle = _cluster(evaluator, project)
    FindingFactory(cycle=cycle, shared=True)
    page = client_for(evaluator).get(f"/evaluation/cycles/{cycle.pk}/findings/").content.decode()
    assert "Styrka i underlaget" in page
