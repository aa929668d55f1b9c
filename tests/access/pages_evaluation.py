"""The results pages. Object pages point at the member's project (`world.project`) and its
call's first reporting period; other_member's project is in the same call, so other_member
gets 404 on the member's figures and report."""

from __future__ import annotations

from typing import Any

from samskapa.coalitions.models import Coalition
from samskapa.evaluation.enums import ValueStatus
from samskapa.evaluation.models import Indicator, ProjectIndicator, ReportingPeriod
from tests.access.matrix import CENTRE_TEAM, Page
from tests.access.world import World
from tests.factories.coalitions import coalition_of
from tests.factories.evaluation import (
    IndicatorFactory,
    PeriodFactory,
    ProjectIndicatorFactory,
    ValueFactory,
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
