"""The results pages. Object pages point at the member's project (`world.project`) and its
call's first reporting period; other_member's project is in the same call, so other_member
gets 404 on the member's figures and report."""

from __future__ import annotations

from typing import Any

from samskapa.coalitions.models import Coalition
from samskapa.evaluation import services
from samskapa.evaluation.cycles import Code, CycleStatus, EvaluationCycle, Excerpt
from samskapa.evaluation.enums import ValueStatus
from samskapa.evaluation.findings import Finding, Recommendation, RecommendationOwner, Theme
from samskapa.evaluation.models import Indicator, ProjectIndicator, ReportingPeriod
from samskapa.evaluation.reports import ReportVersion
from samskapa.evaluation.surveys import Survey, Wave
from tests.access.matrix import CENTRE_TEAM, EVERYONE, Page
from tests.access.world import World
from tests.factories.coaching import coach_of
from tests.factories.coalitions import coalition_of
from tests.factories.evaluation import (
    CodeFactory,
    CycleFactory,
    ExcerptFactory,
    FindingFactory,
    IndicatorFactory,
    PeriodFactory,
    ProjectIndicatorFactory,
    QuestionFactory,
    RecommendationFactory,
    SurveyFactory,
    ThemeFactory,
    ValueFactory,
    link_to,
    open_wave,
    with_questions,
)

ADMIN = frozenset({"admin"})
REVIEWERS = frozenset({"admin", "evaluator"})
READERS = CENTRE_TEAM | {"funder"}
OWN = CENTRE_TEAM | {"member"}
REPORTERS = frozenset({"admin", "member"})
FOUND = frozenset({302})


def _period(world: World) -> ReportingPeriod:
    def build() -> ReportingPeriod:
        existing = ReportingPeriod.objects.filter(call=world.call).order_by("-starts").first()
        return existing or PeriodFactory(call=world.call)

    return world.get("period", build)


def _indicator(world: World) -> Indicator:
    return world.get(
        "indicator",
        lambda: Indicator.objects.filter(code="EECO01").first() or IndicatorFactory(),
    )


def _call(world: World) -> dict[str, Any]:
    _period(world)
    return {"pk": world.call.pk}


def _coalition(world: World) -> dict[str, Any]:
    def build() -> Coalition:
        existing = Coalition.objects.filter(members__project=world.project).first()
        return existing or coalition_of(world.project)

    return {"pk": world.get("coalition", build).pk}


def _project(world: World) -> dict[str, Any]:
    return {"pk": world.project.pk}


def _targets(world: World) -> dict[str, Any]:
    def build() -> ProjectIndicator:
        existing = ProjectIndicator.objects.filter(project=world.project).first()
        return existing or ProjectIndicatorFactory(
            project=world.project, indicator=_indicator(world)
        )

    _period(world)
    return {"pk": world.project.pk, "link_pk": world.get("project_indicator", build).pk}


def _report(world: World) -> dict[str, Any]:
    return {"pk": world.project.pk, "period_pk": _period(world).pk}


def _submitted(world: World) -> dict[str, Any]:
    value = ValueFactory(
        project=world.project,
        indicator=IndicatorFactory(),
        period=_period(world),
        status=ValueStatus.SUBMITTED,
    )
    return {"pk": value.pk}


def _indicator_pk(world: World) -> dict[str, Any]:
    return {"pk": _indicator(world).pk}


PAGES = [
    Page("evaluation:overview", READERS),
    Page("evaluation:call", READERS, kwargs=_call),
    Page("evaluation:coalition", READERS, kwargs=_coalition),
    Page("evaluation:reveal", REVIEWERS, kwargs=_call),
    Page("evaluation:periods", ADMIN, kwargs=_call),
    Page("evaluation:project", OWN, kwargs=_project, denied=404),
    Page("evaluation:targets", REPORTERS, kwargs=_targets, denied=404),
    Page("evaluation:report", REPORTERS, kwargs=_report, denied=404),
    Page("evaluation:queue", REVIEWERS),
    Page(
        "evaluation:review",
        REVIEWERS,
        kwargs=_submitted,
        method="POST",
        ok=FOUND,
        data=lambda: {"action": "approve"},
        scan=False,
    ),
    Page("evaluation:catalogue", READERS | {"member", "other_member"}),
    Page("evaluation:indicator-create", ADMIN),
    Page("evaluation:indicator-edit", ADMIN, kwargs=_indicator_pk),
    Page("evaluation:export", READERS, kwargs=lambda w: {"fmt": "xlsx"}, scan=False),
    Page(
        "evaluation:export",
        READERS,
        kwargs=lambda w: {"fmt": "csv"},
        scan=False,
        variant="csv",
    ),
    Page("evaluation:export-raw", REVIEWERS, kwargs=lambda w: {"fmt": "xlsx"}, scan=False),
    Page(
        "evaluation:export-raw",
        REVIEWERS,
        kwargs=lambda w: {"fmt": "csv"},
        scan=False,
        variant="csv",
    ),
]

PAGES += [
    Page("evaluation:import", ADMIN),
    Page("evaluation:import-example", ADMIN, scan=False),
    # Without an upload in the session, preview and confirm send the person back to the upload.
    Page("evaluation:import-preview", ADMIN, ok=FOUND, scan=False),
    Page("evaluation:import-confirm", ADMIN, method="POST", ok=FOUND, scan=False),
]


# Evaluation cycles: the centre team reads them, the funder reads published ones only; admins
# and the cycle's assigned evaluators (the world's evaluator) change them. Everyone else gets
# 404 on a cycle. On the demo world the unpublished cycle is the demo's own.
CYCLE_EDITORS = frozenset({"admin", "evaluator"})
NOT_FOUND = 404


def _cycle(world: World) -> dict[str, Any]:
    def build() -> EvaluationCycle:
        evaluator = world.users["evaluator"]
        existing = (
            EvaluationCycle.objects.filter(evaluators=evaluator)
            .exclude(status=CycleStatus.PUBLISHED)
            .first()
        )
        if existing:
            return existing
        cycle = CycleFactory(projects=[world.project], evaluators=[evaluator])
        QuestionFactory(cycle=cycle)
        return cycle

    return {"pk": world.get("cycle", build).pk}


def _published_cycle(world: World) -> dict[str, Any]:
    def build() -> EvaluationCycle:
        return CycleFactory(
            status=CycleStatus.PUBLISHED,
            projects=[world.project],
            evaluators=[world.users["evaluator"]],
        )

    return {"pk": world.get("published_cycle", build).pk}


def _fresh_cycle(world: World) -> dict[str, Any]:
    """A cycle of its own for the status change, so the demo's cycle keeps its status."""
    return {"pk": CycleFactory(evaluators=[world.users["evaluator"]]).pk}


PAGES += [
    Page("evaluation:cycles", READERS),
    Page("evaluation:cycle-create", ADMIN),
    Page("evaluation:cycle", CENTRE_TEAM, kwargs=_cycle, denied=NOT_FOUND),
    Page(
        "evaluation:cycle",
        READERS,
        kwargs=_published_cycle,
        denied=NOT_FOUND,
        variant="published",
    ),
    Page("evaluation:cycle-edit", CYCLE_EDITORS, kwargs=_cycle, denied=NOT_FOUND),
    Page(
        "evaluation:cycle-status",
        CYCLE_EDITORS,
        kwargs=_fresh_cycle,
        method="POST",
        ok=FOUND,
        data=lambda: {"status": CycleStatus.COLLECTING},
        denied=NOT_FOUND,
        scan=False,
    ),
]


def _code(world: World) -> dict[str, Any]:
    def build() -> Code:
        cycle = EvaluationCycle.objects.get(pk=_cycle(world)["pk"])
        return cycle.codes.first() or CodeFactory(cycle=cycle)

    return {"pk": world.get("code", build).pk}


def _copy_source(world: World) -> dict[str, Any]:
    """A fresh cycle to copy into (the demo's codebook stays as it is)."""
    CodeFactory()  # an earlier codebook to copy from
    return {"pk": CycleFactory(evaluators=[world.users["evaluator"]]).pk}


PAGES += [
    Page("evaluation:codebook", CENTRE_TEAM, kwargs=_cycle, denied=NOT_FOUND),
    Page("evaluation:code-edit", CYCLE_EDITORS, kwargs=_code, denied=NOT_FOUND),
    Page(
        "evaluation:codebook-copy",
        CYCLE_EDITORS,
        kwargs=_copy_source,
        method="POST",
        ok=FOUND,
        denied=NOT_FOUND,
        scan=False,
    ),
]


def _excerpt(world: World) -> dict[str, Any]:
    def build() -> Excerpt:
        cycle = EvaluationCycle.objects.get(pk=_cycle(world)["pk"])
        return cycle.excerpts.first() or ExcerptFactory(cycle=cycle, project=world.project)

    return {"pk": world.get("excerpt", build).pk}


PAGES += [
    Page("evaluation:excerpts", CYCLE_EDITORS, kwargs=_cycle, denied=NOT_FOUND),
    Page("evaluation:excerpt-new", CYCLE_EDITORS, kwargs=_cycle, denied=NOT_FOUND),
    Page("evaluation:excerpt-edit", CYCLE_EDITORS, kwargs=_excerpt, denied=NOT_FOUND),
]


# Themes, findings and recommendations. The cycle's world: its project is in a coalition led by
# the world's process leader and the world's coach coaches it (the demo's cycle is the demo
# coalition's, which process@ leads and coach@ coaches in), so both read the findings; the
# member of the cluster's project reads the shared ones; other_member's project is not in the
# cycle, and the funder reads no findings: 404.
CLUSTER_READERS = frozenset({"admin", "evaluator", "process_leader", "coach", "member"})
SHARED_FINDINGS_READERS = CENTRE_TEAM | {"member", "other_member"}


def _cluster_cycle(world: World) -> dict[str, Any]:
    def build() -> EvaluationCycle:
        cycle = EvaluationCycle.objects.get(pk=_cycle(world)["pk"])
        coalition = world.get(
            "coalition",
            lambda: (
                Coalition.objects.filter(members__project=world.project).first()
                or coalition_of(world.project)
            ),
        )
        coalition.process_leaders.add(world.users["process_leader"])
        coach_of(world.project, world.users["coach"])
        return cycle

    return {"pk": world.get("cluster_cycle", build).pk}


def _theme(world: World) -> dict[str, Any]:
    def build() -> Theme:
        cycle = EvaluationCycle.objects.get(pk=_cycle(world)["pk"])
        return cycle.themes.first() or ThemeFactory(cycle=cycle)

    return {"pk": world.get("theme", build).pk}


def _finding(world: World) -> Finding:
    def build() -> Finding:
        cycle = EvaluationCycle.objects.get(pk=_cluster_cycle(world)["pk"])
        return cycle.findings.filter(shared=True).first() or FindingFactory(
            cycle=cycle, shared=True
        )

    return world.get("finding", build)


def _recommendation(world: World, owner: str) -> dict[str, Any]:
    def build() -> Recommendation:
        finding = _finding(world)
        existing = Recommendation.objects.filter(finding__cycle=finding.cycle, owner=owner)
        existing = existing.filter(finding__shared=True)
        return existing.first() or RecommendationFactory(finding=finding, owner=owner)

    return {"pk": world.get(f"recommendation-{owner}", build).pk}


PAGES += [
    Page("evaluation:my-findings", SHARED_FINDINGS_READERS),
    Page("evaluation:themes", CYCLE_EDITORS, kwargs=_cycle, denied=NOT_FOUND),
    Page("evaluation:theme-edit", CYCLE_EDITORS, kwargs=_theme, denied=NOT_FOUND),
    Page("evaluation:findings", CLUSTER_READERS, kwargs=_cluster_cycle, denied=NOT_FOUND),
    Page("evaluation:finding-new", CYCLE_EDITORS, kwargs=_cycle, denied=NOT_FOUND),
    Page(
        "evaluation:finding-edit",
        CYCLE_EDITORS,
        kwargs=lambda w: {"pk": _finding(w).pk},
        denied=NOT_FOUND,
    ),
    Page(
        "evaluation:recommendation-new",
        CYCLE_EDITORS,
        kwargs=lambda w: {"pk": _finding(w).pk},
        method="POST",
        ok=FOUND,
        data=lambda: {"text_sv": "Fler träffar leds av deltagarna.", "owner": "projects"},
        denied=NOT_FOUND,
        scan=False,
    ),
    Page(
        "evaluation:recommendation-answer",
        frozenset({"admin", "member"}),
        kwargs=lambda w: _recommendation(w, RecommendationOwner.PROJECTS),
        denied=NOT_FOUND,
    ),
    Page(
        "evaluation:recommendation-answer",
        frozenset({"admin", "process_leader"}),
        kwargs=lambda w: _recommendation(w, RecommendationOwner.CENTRE),
        denied=NOT_FOUND,
        variant="centre",
    ),
]


# The yearly report: the cycle's editors edit and publish it; published versions, their PDF
# and annex are public; a project's lead (or an admin) states its consent to be named.
def _version(world: World) -> dict[str, Any]:
    def build() -> ReportVersion:
        existing = ReportVersion.objects.order_by("pk").first()
        if existing:
            return existing
        cycle = CycleFactory(
            status=CycleStatus.PUBLISHED,
            projects=[world.project],
            evaluators=[world.users["evaluator"]],
        )
        FindingFactory(cycle=cycle, shared=True)
        return services.publish_report(cycle=cycle, by=world.users["evaluator"])

    return {"pk": world.get("version", build).pk}


def _publishable(world: World) -> dict[str, Any]:
    """A cycle of its own with a shared finding, so each publication is a fresh version."""
    cycle = CycleFactory(projects=[world.project], evaluators=[world.users["evaluator"]])
    FindingFactory(cycle=cycle, shared=True)
    return {"pk": cycle.pk}


PAGES += [
    Page("evaluation:report-edit", CYCLE_EDITORS, kwargs=_cycle, denied=NOT_FOUND),
    Page(
        "evaluation:report-publish",
        CYCLE_EDITORS,
        kwargs=_publishable,
        method="POST",
        ok=FOUND,
        denied=NOT_FOUND,
        scan=False,
    ),
    Page("evaluation:published-reports", EVERYONE),
    Page("evaluation:published-report", EVERYONE, kwargs=_version),
    Page("evaluation:published-report-pdf", EVERYONE, kwargs=_version, scan=False),
    Page("evaluation:published-report-annex", EVERYONE, kwargs=_version, scan=False),
    Page(
        "evaluation:naming-consent",
        frozenset({"admin", "member"}),
        kwargs=_project,
        denied=NOT_FOUND,
    ),
]


# Surveys of a cycle (issue 15): the centre team reads them, admins and the cycle's evaluators
# create, change, import and export them; everyone else gets 404.


def _survey(world: World) -> dict[str, Any]:
    def build() -> Survey:
        cycle = EvaluationCycle.objects.get(pk=_cycle(world)["pk"])
        existing = cycle.surveys.first()
        if existing:
            return existing
        survey = SurveyFactory(cycle=cycle)
        with_questions(survey)
        return survey

    return {"pk": world.get("survey", build).pk}


def _survey_question(world: World) -> dict[str, Any]:
    survey = Survey.objects.get(pk=_survey(world)["pk"])
    version = survey.versions.order_by("-number").first()
    return {"pk": version.questions.order_by("-position").first().pk}


def _fresh_survey(world: World) -> dict[str, Any]:
    """A survey of its own for POSTs that change it (the demo's survey stays as it is)."""
    cycle = EvaluationCycle.objects.get(pk=_cycle(world)["pk"])
    survey = SurveyFactory(cycle=cycle)
    with_questions(survey)
    return {"pk": survey.pk}


def _fresh_question(world: World) -> dict[str, Any]:
    survey = Survey.objects.get(pk=_fresh_survey(world)["pk"])
    return {"pk": survey.versions.get().questions.get(name="meetings").pk}


PAGES += [
    Page("evaluation:surveys", CENTRE_TEAM, kwargs=_cycle, denied=NOT_FOUND),
    Page("evaluation:survey-import", CYCLE_EDITORS, kwargs=_cycle, denied=NOT_FOUND),
    Page(
        "evaluation:survey-import-preview",
        CYCLE_EDITORS,
        kwargs=_cycle,
        denied=NOT_FOUND,
        ok=FOUND,
        scan=False,
    ),
    Page(
        "evaluation:survey-import-confirm",
        CYCLE_EDITORS,
        kwargs=_cycle,
        denied=NOT_FOUND,
        method="POST",
        ok=FOUND,
        scan=False,
    ),
    Page("evaluation:survey", CENTRE_TEAM, kwargs=_survey, denied=NOT_FOUND),
    Page("evaluation:survey-edit", CYCLE_EDITORS, kwargs=_survey, denied=NOT_FOUND),
    Page("evaluation:section-new", CYCLE_EDITORS, kwargs=_survey, denied=NOT_FOUND),
    Page("evaluation:question-new", CYCLE_EDITORS, kwargs=_survey, denied=NOT_FOUND),
    Page("evaluation:question-edit", CYCLE_EDITORS, kwargs=_survey_question, denied=NOT_FOUND),
    Page("evaluation:survey-export", CYCLE_EDITORS, kwargs=_survey, denied=NOT_FOUND, scan=False),
    Page(
        "evaluation:survey-freeze",
        CYCLE_EDITORS,
        kwargs=_fresh_survey,
        method="POST",
        ok=FOUND,
        denied=NOT_FOUND,
        scan=False,
    ),
    Page(
        "evaluation:question-delete",
        CYCLE_EDITORS,
        kwargs=_fresh_question,
        method="POST",
        ok=FOUND,
        denied=NOT_FOUND,
        scan=False,
    ),
]


# Waves: the centre team reads a wave and the results; the cycle's editors change it and send
# reminders; a lead of one of the cycle's projects (member) also sends links; members of the
# cycle's projects answer logged in; anyone with a link answers without an account.
WAVE_INVITERS = CYCLE_EDITORS | {"member"}


def _wave(world: World) -> dict[str, Any]:
    def build() -> Wave:
        survey = Survey.objects.get(pk=_survey(world)["pk"])
        return survey.waves.first() or open_wave(survey)

    return {"pk": world.get("wave", build).pk}


def _link(world: World) -> dict[str, Any]:
    """A fresh single-use link of an open wave for every request (a GET does not spend it)."""
    wave = Wave.objects.get(pk=_wave(world)["pk"])
    if not wave.is_open():
        wave = world.get("open_wave", lambda: open_wave(wave.survey, name_sv="Öppen"))
    return {"token": link_to(wave, world.project)}


def _results_export(world: World) -> dict[str, Any]:
    return {**_survey(world), "fmt": "csv"}


PAGES += [
    Page("evaluation:wave-new", CYCLE_EDITORS, kwargs=_survey, denied=NOT_FOUND),
    Page("evaluation:wave", CENTRE_TEAM, kwargs=_wave, denied=NOT_FOUND),
    Page("evaluation:wave-edit", CYCLE_EDITORS, kwargs=_wave, denied=NOT_FOUND),
    Page("evaluation:wave-invite", WAVE_INVITERS, kwargs=_wave, denied=NOT_FOUND),
    Page(
        "evaluation:wave-remind",
        CYCLE_EDITORS,
        kwargs=_wave,
        method="POST",
        ok=FOUND,
        denied=NOT_FOUND,
        scan=False,
    ),
    Page("evaluation:wave-answer", frozenset({"member"}), kwargs=_wave, denied=NOT_FOUND),
    Page("evaluation:answer-link", EVERYONE, kwargs=_link),
    Page("evaluation:survey-results", CENTRE_TEAM, kwargs=_survey, denied=NOT_FOUND),
    Page(
        "evaluation:survey-results-export",
        CENTRE_TEAM,
        kwargs=_results_export,
        denied=NOT_FOUND,
        scan=False,
    ),
]
