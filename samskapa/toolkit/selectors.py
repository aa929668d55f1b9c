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
from dataclasses import dataclass
from datetime import date, datetime, time
from typing import Any

from django.db.models import Model, OuterRef, QuerySet, Subquery
from django.utils import timezone

from samskapa.accounts.models import Organisation
from samskapa.core.access import get_object_for_user
from samskapa.core.enums import FocusArea
from samskapa.library.models import Material
from samskapa.library.selectors import list_guides_for_tool
from samskapa.projects.enums import OrganisationRole
from samskapa.projects.models import Project, ProjectOrganisation
from samskapa.toolkit import registry
from samskapa.toolkit.models import (
    ParticipationProfile,
    SelfAssessment,
    SelfAssessmentRating,
    ToolkitSettings,
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


@dataclass(frozen=True)
class FocusAreaTrend:
    """One focus area across projects: the mean of each project's latest rating and of the
    rating before it, and how many projects went up, stayed or went down."""

    focus_area: str
    label: str
    projects: int
    latest: float | None
    previous: float | None
    up: int
    same: int
    down: int

    @property
    def change(self) -> float | None:
        if self.latest is None or self.previous is None:
            return None
        return round(self.latest - self.previous, 1)


def self_assessment_trends(
    *, projects: Iterable[Project] | QuerySet[Project] | None = None
) -> list[FocusAreaTrend]:
    """Per focus area, every project's latest self-assessment against its previous one (only
    projects with at least two). Two queries whatever the number of projects: the latest two
    assessments of each project by subquery, then their ratings."""
    ordered = SelfAssessment.objects.filter(project=OuterRef("pk")).order_by("-assessed_on", "-id")
    scope = (
        Project.objects.all()
        if projects is None
        else Project.objects.filter(pk__in=[p.pk for p in projects])
    )
    pairs = list(
        scope.annotate(
            latest_pk=Subquery(ordered.values("pk")[:1]),
            previous_pk=Subquery(ordered.values("pk")[1:2]),
        )
        .filter(previous_pk__isnull=False)
        .values_list("latest_pk", "previous_pk")
    )
    ratings: dict[tuple[int, str], int] = {
        (assessment_id, focus_area): rating
        for assessment_id, focus_area, rating in SelfAssessmentRating.objects.filter(
            assessment_id__in=[pk for pair in pairs for pk in pair]
        ).values_list("assessment_id", "focus_area", "rating")
    }
    trends = []
    for value, label in FocusArea.choices:
        both = [
            (ratings[(latest, value)], ratings[(previous, value)])
            for latest, previous in pairs
            if (latest, value) in ratings and (previous, value) in ratings
        ]
        trends.append(
            FocusAreaTrend(
                focus_area=value,
                label=str(label),
                projects=len(both),
                latest=round(sum(a for a, _b in both) / len(both), 1) if both else None,
                previous=round(sum(b for _a, b in both) / len(both), 1) if both else None,
                up=sum(1 for a, b in both if a > b),
                same=sum(1 for a, b in both if a == b),
                down=sum(1 for a, b in both if a < b),
            )
        )
    return trends


# --- Tool state ---------------------------------------------------------------------------


class ToolState:
    """Every tool of one project, live (`at` is None) or as it was at `at`.

    Each part of a registered tool is an attribute (`state.problem_nodes`, `state.theory`):
    a list of rows, or the one row or None for a part kept once per project. A part that was
    not loaded reads as empty.
    """

    def __init__(self, project: Project, at: datetime | None = None, **rows: Any) -> None:
        self.project = project
        self.at = at
        self.rows: dict[str, Any] = rows

    def __getattr__(self, name: str) -> Any:
        if name == "rows":  # not set yet (while unpickling or copying)
            raise AttributeError(name)
        if name in self.rows:
            return self.rows[name]
        part = registry.part_for_attr(name)
        if part is None:
            raise AttributeError(name)
        return part.empty


def _rows(model: type[Model], project: Project, at: datetime | None) -> list[Any]:
    manager: Any = model.history if at is not None else model._default_manager  # type: ignore[attr-defined]
    queryset = manager.as_of(at) if at is not None else manager.all()
    return sorted(queryset.filter(project_id=project.pk), key=lambda row: row.pk)


def load_state(
    project: Project, *, at: datetime | None = None, tools: Iterable[str] | None = None
) -> ToolState:
    state = ToolState(project=project, at=at)
    keys = tools if tools is not None else [tool.key for tool in registry.state_tools()]
    for key in keys:
        for attr in registry.get(key).attrs():
            part = registry.part_for_attr(attr)
            if attr in state.rows or part is None:
                continue
            rows = _rows(part.model, project, at)
            state.rows[attr] = (rows[0] if rows else None) if part.single else rows
    return state


def participation_scale(project_id: int) -> str:
    """The scale of the project's participation profile, or the centre's for a new one."""
    profile = ParticipationProfile.objects.filter(project_id=project_id).first()
    return profile.scale if profile else ToolkitSettings.load().participation_scale


def guides_for(tool_key: str, language: str) -> list[Material]:
    """The library's guides for a tool, at most five."""
    return list(list_guides_for_tool(tool_key, language)[:5])


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
