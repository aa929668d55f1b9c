"""Reads of a project's development tools, live or as they were at the end of a date.

For other apps (the coalitions app compares a coalition's projects)::

    latest_self_assessments(projects=qs_or_list) -> {project_id: SelfAssessment}
        each with `.ratings.all()` prefetched; two queries whatever the number of projects.
    self_assessment_series(project=project) -> [RatingPoint(...), ...]
        every rating of the project, oldest first, for a trend chart.
    load_state(project, at=None, tools=None) -> ToolState
        every tool (or only `tools`, a set of tool keys) live, or as of `at` (an aware
        datetime) from django-simple-history; one query per model, constant in size.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime, time
from typing import Any

from django.db.models import Model, OuterRef, QuerySet, Subquery
from django.utils import timezone

from samskapa.accounts.models import Organisation
from samskapa.core.access import get_object_for_user
from samskapa.core.enums import FocusArea
from samskapa.projects.enums import OrganisationRole
from samskapa.projects.models import Project, ProjectOrganisation
from samskapa.toolkit.models import (
    Actor,
    ActorRelation,
    ChangeElement,
    ChangeLink,
    Indicator,
    IndicatorValue,
    ParticipationActivity,
    ParticipationProfile,
    PartnerCollaboration,
    PrincipleWork,
    ProblemLink,
    ProblemNode,
    ProblemTree,
    SelfAssessment,
    SelfAssessmentRating,
    SustainabilityPlan,
    TheoryOfChange,
)


def get_project(user: Any, pk: Any, *, change: bool = False, path: str = "") -> Project:
    """The project whose tools the person reads (or changes); 404 for anyone else."""
    perm = "toolkit.change_tool" if change else "projects.view_project"
    return get_object_for_user(
        Project.objects.select_related("owner"), user=user, perm=perm, path=path, pk=pk
    )


def end_of_day(day: date) -> datetime:
    return timezone.make_aware(datetime.combine(day, time.max))


# --- Self-assessments ---------------------------------------------------------------------


def latest_self_assessments(
    *, projects: Iterable[Project] | QuerySet[Project]
) -> dict[int, SelfAssessment]:
    latest = SelfAssessment.objects.filter(project=OuterRef("project")).order_by(
        "-assessed_on", "-id"
    )
    rows = (
        SelfAssessment.objects.filter(project__in=projects, pk=Subquery(latest.values("pk")[:1]))
        .select_related("created_by")
        .prefetch_related("ratings")
    )
    return {row.project_id: row for row in rows}


def list_self_assessments(*, project: Project, until: date | None = None) -> list[SelfAssessment]:
    rows = SelfAssessment.objects.filter(project=project)
    if until is not None:
        rows = rows.filter(assessed_on__lte=until)
    return list(rows.select_related("created_by").prefetch_related("ratings"))


@dataclass(frozen=True)
class RatingPoint:
    assessment_id: int
    assessed_on: date
    context: str
    focus_area: str
    focus_area_label: str
    rating: int
    comment: str


def _rating_points(rows: Iterable[Any]) -> list[RatingPoint]:
    labels = dict(FocusArea.choices)
    order = {value: index for index, value in enumerate(FocusArea.values)}
    points = [
        RatingPoint(
            assessment_id=r.assessment_id,
            assessed_on=r.assessment.assessed_on,
            context=r.assessment.context,
            focus_area=r.focus_area,
            focus_area_label=str(labels.get(r.focus_area, r.focus_area)),
            rating=r.rating,
            comment=r.comment,
        )
        for r in rows
    ]
    return sorted(points, key=lambda p: (p.assessed_on, p.assessment_id, order[p.focus_area]))


def self_assessment_series(*, project: Project, until: date | None = None) -> list[RatingPoint]:
    """Every rating of the project, oldest first (one query)."""

    rows = SelfAssessmentRating.objects.filter(assessment__project=project).select_related(
        "assessment"
    )
    if until is not None:
        rows = rows.filter(assessment__assessed_on__lte=until)
    return _rating_points(rows)


def self_assessment_series_for_projects(
    *, projects: Iterable[Project]
) -> dict[int, list[RatingPoint]]:
    """Every rating of each project, oldest first: one query for any number of projects."""

    rows = SelfAssessmentRating.objects.filter(
        assessment__project__in=[p.pk for p in projects]
    ).select_related("assessment")
    by_project: dict[int, list[Any]] = defaultdict(list)
    for row in rows:
        by_project[row.assessment.project_id].append(row)
    return {project_id: _rating_points(rows) for project_id, rows in by_project.items()}


# --- Tool state ---------------------------------------------------------------------------


@dataclass
class ToolState:
    """Every tool of one project, live (`at` is None) or as it was at `at`."""

    project: Project
    at: datetime | None = None
    problem_tree: ProblemTree | None = None
    problem_nodes: list[ProblemNode] = field(default_factory=list)
    problem_links: list[ProblemLink] = field(default_factory=list)
    theory: TheoryOfChange | None = None
    change_elements: list[ChangeElement] = field(default_factory=list)
    change_links: list[ChangeLink] = field(default_factory=list)
    indicators: list[Indicator] = field(default_factory=list)
    indicator_values: list[IndicatorValue] = field(default_factory=list)
    actors: list[Actor] = field(default_factory=list)
    relations: list[ActorRelation] = field(default_factory=list)
    collaborations: list[PartnerCollaboration] = field(default_factory=list)
    participation: ParticipationProfile | None = None
    activities: list[ParticipationActivity] = field(default_factory=list)
    principles: list[PrincipleWork] = field(default_factory=list)
    sustainability: SustainabilityPlan | None = None


# Which attributes of ToolState each tool reads, and from which model.
STATE_MODELS: dict[str, list[tuple[str, type[Model], bool]]] = {
    "problem_tree": [
        ("problem_tree", ProblemTree, True),
        ("problem_nodes", ProblemNode, False),
        ("problem_links", ProblemLink, False),
    ],
    "theory_of_change": [
        ("theory", TheoryOfChange, True),
        ("change_elements", ChangeElement, False),
        ("change_links", ChangeLink, False),
    ],
    "indicators": [
        ("indicators", Indicator, False),
        ("indicator_values", IndicatorValue, False),
        ("change_elements", ChangeElement, False),
    ],
    "ecosystem_map": [("actors", Actor, False), ("relations", ActorRelation, False)],
    "collaboration": [("collaborations", PartnerCollaboration, False)],
    "participation": [
        ("participation", ParticipationProfile, True),
        ("activities", ParticipationActivity, False),
    ],
    "horizontal_principles": [("principles", PrincipleWork, False)],
    "sustainability_plan": [("sustainability", SustainabilityPlan, True)],
}


def _rows(model: type[Model], project: Project, at: datetime | None) -> list[Any]:
    manager: Any = model.history if at is not None else model._default_manager  # type: ignore[attr-defined]
    queryset = manager.as_of(at) if at is not None else manager.all()
    return sorted(queryset.filter(project_id=project.pk), key=lambda row: row.pk)


def load_state(
    project: Project, *, at: datetime | None = None, tools: Iterable[str] | None = None
) -> ToolState:
    state = ToolState(project=project, at=at)
    loaded: set[str] = set()
    for key in tools if tools is not None else STATE_MODELS:
        for attr, model, single in STATE_MODELS[key]:
            if attr in loaded:
                continue
            loaded.add(attr)
            rows = _rows(model, project, at)
            setattr(state, attr, (rows[0] if rows else None) if single else rows)
    return state


def first_history_date(project: Project) -> date | None:
    """The earliest day any tool of the project was written (for the date pickers)."""
    dates = []
    for entries in STATE_MODELS.values():
        for _attr, model, _single in entries:
            first = (
                model.history.filter(project_id=project.pk)  # type: ignore[attr-defined]
                .order_by("history_date")
                .values_list("history_date", flat=True)
                .first()
            )
            if first is not None:
                dates.append(timezone.localdate(first))
    return min(dates) if dates else None


# --- Partners -----------------------------------------------------------------------------


def partner_organisations(project: Project) -> list[Organisation]:
    """The organisations the project works with, the owner excepted, each once, by name."""
    links = (
        ProjectOrganisation.objects.filter(project=project)
        .exclude(role=OrganisationRole.OWNER)
        .exclude(organisation_id=project.owner_id)
        .select_related("organisation")
        .order_by("organisation__name")
    )
    seen: dict[int, Organisation] = {}
    for link in links:
        seen.setdefault(link.organisation_id, link.organisation)
    return list(seen.values())


def organisations_by_id(ids: Iterable[int]) -> dict[int, Organisation]:
    return Organisation.objects.in_bulk(list(set(ids)))
