"""Reads of the showcase. The one place that says what the public may see:

- `published_cases()`: cases with a published version, each with that version
  (`case.public_version`). Every public surface (list, page, picture, open data) starts here.
- `published_spread_records()`: spread records the project has published, of projects whose case
  is public (a withdrawn case takes its records off every public surface with it).

Other apps (the API, the European catalogue) import these two rather than filtering themselves.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import ObjectDoesNotExist
from django.db.models import Count, Max, Q, QuerySet

from samskapa.library.selectors import has_key
from samskapa.projects.enums import ParticipantCategory
from samskapa.projects.models import Project
from samskapa.showcase.enums import Scaling, SpreadLevel, SpreadStatus, VersionStatus
from samskapa.showcase.models import Case, CaseVersion, SpreadRecord


def published_cases() -> QuerySet[Case]:
    """Cases the public may read, with their published version, newest publication first."""
    return (
        Case.objects.public()
        .select_related("public_version")
        .order_by("-public_version__published_at", "pk")
    )


def published_spread_records() -> QuerySet[SpreadRecord]:
    """Published spread records of projects whose case is public, newest first."""
    return (
        SpreadRecord.objects.filter(published=True, project__case__public_version__isnull=False)
        .select_related("project__case")
        .order_by("-date", "-pk")
    )


@dataclass(frozen=True)
class CaseFilters:
    query: str = ""
    focus_area: str = ""
    target_group: str = ""
    region: str = ""  # a NUTS-2 code
    call: str = ""  # a call's reference number
    phase: str = ""


def list_public_cases(*, filters: CaseFilters) -> QuerySet[Case]:
    cases = published_cases()
    if filters.focus_area:
        cases = cases.filter(has_key("public_version__focus_areas", filters.focus_area))
    if filters.target_group:
        cases = cases.filter(has_key("public_version__target_groups", filters.target_group))
    if filters.region:
        cases = cases.filter(public_version__nuts_region=filters.region)
    if filters.call:
        cases = cases.filter(public_version__call_reference=filters.call)
    if filters.phase:
        cases = cases.filter(public_version__phase=filters.phase)
    if filters.query:
        match = Q()
        for name in ("title", "title_en", "summary", "summary_en", "owner_name", "project_number"):
            match |= Q(**{f"public_version__{name}__icontains": filters.query})
        cases = cases.filter(match)
    return cases


def public_call_choices() -> list[tuple[str, str]]:
    """The calls that published cases belong to (for the list's filter)."""
    references = (
        published_cases()
        .exclude(public_version__call_reference="")
        .values_list("public_version__call_reference", flat=True)
        .distinct()
    )
    return [(reference, reference) for reference in sorted(set(references))]


def public_case(*, pk: Any) -> Case | None:
    return published_cases().filter(pk=pk).first()


def public_spread_records_of(case: Case) -> list[SpreadRecord]:
    return list(published_spread_records().filter(project_id=case.project_id))


# --- The project's workspace -----------------------------------------------------------------


def case_of(project: Project) -> Case | None:
    return Case.objects.filter(project=project).select_related("public_version").first()


def working_version(case: Case | None) -> CaseVersion | None:
    """The version being prepared or reviewed (a draft or in review), if any."""
    if case is None:
        return None
    return (
        case.versions.filter(status__in=[VersionStatus.DRAFT, VersionStatus.REVIEW])
        .order_by("-number")
        .first()
    )


def versions_of(case: Case | None) -> list[CaseVersion]:
    if case is None:
        return []
    return list(case.versions.select_related("submitted_by", "reviewed_by").order_by("-number"))


def next_version_number(case: Case) -> int:
    return (case.versions.aggregate(n=Max("number"))["n"] or 0) + 1


def _join(*parts: str) -> str:
    return "\n\n".join(part.strip() for part in parts if part and part.strip())


def prefill(project: Project) -> dict[str, Any]:
    """A new case's texts and register fields from the project's innovation profile and its
    toolkit (participation profile, sustainability plan, self-assessed focus areas)."""
    owner = project.owner
    participation = _related(project, "participation")
    plan = _related(project, "sustainability_plan")
    categories = list(project.target_counts.values_list("category", flat=True))
    return {
        "title": project.name,
        "summary": project.summary or project.innovation[:600],
        "summary_en": project.summary_en,
        "problem": project.challenge,
        "target_group": project.target_group,
        "approach": project.innovation,
        "co_creation": participation.description if participation else "",
        "results": project.expected_results,
        "scaling": _join(plan.takeover, plan.implementation, plan.dissemination) if plan else "",
        "target_groups": [c for c in ParticipantCategory.values if c in categories],
        "focus_areas": [],
        "project_number": project.number,
        "owner_name": owner.name,
        "owner_org_number": owner.org_number,
        "call_reference": project.call.reference if project.call else "",
        "programme_area": project.programme_area,
        "specific_objective": project.specific_objective,
        "region": project.region,
        "nuts_region": project.nuts_region,
        "phase": project.phase,
        "start": project.start,
        "end": project.end,
        "total_budget": project.total_budget,
        "cofinancing_rate": project.cofinancing_rate,
    }


def _related(project: Project, relation: str) -> Any:
    """The project's one-to-one toolkit row, or None where the tool has not been used."""
    try:
        return getattr(project, relation)
    except ObjectDoesNotExist:
        return None


# --- Review ----------------------------------------------------------------------------------


def review_queue() -> QuerySet[CaseVersion]:
    """Versions waiting for review, oldest submission first."""
    return (
        CaseVersion.objects.filter(status=VersionStatus.REVIEW)
        .select_related("case__project", "submitted_by")
        .order_by("submitted_at", "pk")
    )


def public_cases_for_staff() -> QuerySet[Case]:
    return published_cases().select_related("project")


# --- Spread records --------------------------------------------------------------------------


def spread_records_of(project: Project) -> list[SpreadRecord]:
    return list(project.spread_records.order_by("-date", "-pk"))


def still_applied_count(*, project_ids: list[int] | None = None) -> int:
    """How many spread records say the innovation is still applied six months after the
    project ended: the count behind the results catalogue's SAM03 ("methods still applied six
    months after the project ended"). All records, published or not: this is for the centre's
    reporting, not the public. `project_ids` narrows it to some projects."""
    records = SpreadRecord.objects.filter(status=SpreadStatus.STILL_APPLIED)
    if project_ids is not None:
        records = records.filter(project_id__in=project_ids)
    return records.count()


@dataclass(frozen=True)
class SpreadOverview:
    total: int
    adopted: int  # adopted or still applied
    still_applied: int
    by_scaling: list[tuple[str, int]]
    by_level: list[tuple[str, int]]
    by_year: list[tuple[int, int]]
    projects: int


def spread_overview() -> SpreadOverview:
    """Adoptions (records with status adopted or still applied) by way of scaling, level and
    year, for the centre's and the funder's dashboard."""
    adopted_statuses = [SpreadStatus.ADOPTED, SpreadStatus.STILL_APPLIED]
    rows = list(
        SpreadRecord.objects.values_list("scaling", "level", "status", "date", "project_id")
    )
    adopted = [row for row in rows if row[2] in adopted_statuses]
    scaling = Counter(row[0] for row in adopted)
    level = Counter(row[1] for row in adopted)
    year = Counter(row[3].year for row in adopted)
    return SpreadOverview(
        total=len(rows),
        adopted=len(adopted),
        still_applied=sum(1 for row in rows if row[2] == SpreadStatus.STILL_APPLIED),
        by_scaling=[(str(label), scaling[value]) for value, label in Scaling.choices],
        by_level=[(str(label), level[value]) for value, label in SpreadLevel.choices],
        by_year=sorted(year.items()),
        projects=len({row[4] for row in rows}),
    )


@dataclass(frozen=True)
class MemberCase:
    project: Project
    case: Case | None
    working: CaseVersion | None
    spread_records: int


def cases_for_member(user: Any) -> list[MemberCase]:
    """The public case of each project the person is a member of, for their home page."""
    projects = list(
        Project.objects.filter(members__user=user)
        .select_related("case__public_version")
        .annotate(spread=Count("spread_records"))
        .order_by("number")
    )
    working = {
        version.case.project_id: version
        for version in CaseVersion.objects.filter(
            case__project__in=projects, status__in=[VersionStatus.DRAFT, VersionStatus.REVIEW]
        ).select_related("case")
    }
    return [
        MemberCase(
            project=project,
            case=_related(project, "case"),
            working=working.get(project.pk),
            spread_records=project.spread,
        )
        for project in projects
    ]
