"""Reads of calls and projects that follow relations or aggregate."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.db import connection
from django.db.models import (
    Case,
    Count,
    IntegerField,
    Max,
    Prefetch,
    Q,
    QuerySet,
    Sum,
    Value,
    When,
)

from samskapa.accounts.enums import Sector
from samskapa.accounts.models import Organisation
from samskapa.accounts.rules import is_centre_staff
from samskapa.core.access import get_object_for_user
from samskapa.projects.models import (
    Call,
    Invitation,
    Project,
    ProjectMember,
    ProjectOrganisation,
)

SORTS = {
    "name": ("name", "number"),
    "-name": ("-name", "number"),
    "number": ("number",),
    "-number": ("-number",),
    "start": ("start", "number"),
    "-start": ("-start", "number"),
    "support": ("granted_support", "number"),
    "-support": ("-granted_support", "number"),
}


def list_projects_for_user(*, user: Any) -> QuerySet[Project]:
    """Staff see every project; members see the projects they belong to."""
    projects = Project.objects.select_related("call", "owner")
    if is_centre_staff(user):
        return projects
    return projects.filter(members__user_id=user.pk)


def get_project_for_user(user: Any, pk: Any, perm: str, path: str = "") -> Project:
    return get_object_for_user(
        Project.objects.select_related("call", "owner"), user=user, perm=perm, path=path, pk=pk
    )


def _search(projects: QuerySet[Project], q: str) -> QuerySet[Project]:
    if connection.vendor == "postgresql":
        # Imported here: django.contrib.postgres needs psycopg, which a SQLite installation
        # (development, tests) need not have.
        from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVector

        vector = (
            SearchVector("name", weight="A", config="swedish")
            + SearchVector("number", weight="A", config="simple")
            + SearchVector("summary", "innovation", weight="B", config="swedish")
            + SearchVector("challenge", "target_group", weight="C", config="swedish")
        )
        query = SearchQuery(q, config="swedish", search_type="websearch")
        return (
            projects.annotate(rank=SearchRank(vector, query))
            .filter(Q(rank__gt=0) | Q(name__icontains=q) | Q(number__icontains=q))
            .order_by("-rank", "number")
        )
    # SQLite: a match in the name or number ranks above one in the texts.
    in_name = Q(name__icontains=q) | Q(number__icontains=q)
    in_text = (
        Q(summary__icontains=q)
        | Q(innovation__icontains=q)
        | Q(challenge__icontains=q)
        | Q(target_group__icontains=q)
    )
    return (
        projects.filter(in_name | in_text)
        .annotate(
            rank=Case(When(in_name, then=Value(2)), default=Value(1), output_field=IntegerField())
        )
        .order_by("-rank", "number")
    )


@dataclass(frozen=True)
class ProjectFilters:
    q: str = ""
    call: Call | None = None
    region: str = ""
    phase: str = ""
    sector: str = ""
    process_element: str = ""
    sort: str = ""


def filter_projects(projects: QuerySet[Project], filters: ProjectFilters) -> QuerySet[Project]:
    if filters.call is not None:
        projects = projects.filter(call=filters.call)
    if filters.region:
        projects = projects.filter(region=filters.region)
    if filters.phase:
        projects = projects.filter(phase=filters.phase)
    if filters.sector:
        projects = projects.filter(owner__sector=filters.sector)
    if filters.process_element:
        projects = projects.filter(process_element=filters.process_element)
    if filters.sort in SORTS:
        projects = projects.order_by(*SORTS[filters.sort])
    if filters.q:
        projects = _search(projects, filters.q)
        if filters.sort in SORTS:
            projects = projects.order_by(*SORTS[filters.sort])
    return projects


def list_calls() -> QuerySet[Call]:
    return Call.objects.annotate(
        project_count=Count("projects"), granted_total=Sum("projects__granted_support")
    ).order_by("-opens", "reference")


def call_key_figures(call: Call) -> dict[str, Any]:
    projects = Project.objects.filter(call=call)
    totals = projects.aggregate(count=Count("id"), granted=Sum("granted_support"))
    regions = list(
        projects.exclude(region="").values("region").annotate(count=Count("id")).order_by("region")
    )
    sectors = list(
        projects.values("owner__sector").annotate(count=Count("id")).order_by("owner__sector")
    )
    region_labels = dict(Project._meta.get_field("region").choices or [])
    sector_labels = dict(Sector.choices)
    return {
        "project_count": totals["count"],
        "granted_total": totals["granted"] or 0,
        "regions": [
            {"label": region_labels.get(r["region"], r["region"]), "count": r["count"]}
            for r in regions
        ],
        "sectors": [
            {"label": sector_labels.get(s["owner__sector"], ""), "count": s["count"]}
            for s in sectors
        ],
    }


def partners_by_sector(project: Project) -> list[dict[str, Any]]:
    """Each sector with its organisations in the project (the owner included), in helix order."""
    links = (
        ProjectOrganisation.objects.filter(project=project)
        .select_related("organisation")
        .order_by("organisation__name", "role")
    )
    by_sector: dict[str, list[ProjectOrganisation]] = {s.value: [] for s in Sector}
    for link in links:
        by_sector.setdefault(link.organisation.sector, []).append(link)
    groups = []
    for sector in Sector:
        rows = by_sector[sector.value]
        organisations = {link.organisation_id for link in rows}
        groups.append({"sector": sector, "links": rows, "count": len(organisations)})
    return groups


def list_members(project: Project) -> QuerySet[ProjectMember]:
    return ProjectMember.objects.filter(project=project).select_related("user")


def list_open_invitations(project: Project) -> QuerySet[Invitation]:
    return Invitation.objects.filter(project=project, accepted_at__isnull=True).select_related(
        "invited_by"
    )


def project_timeline(project: Project, limit: int = 50) -> list[dict[str, Any]]:
    """The profile's history, newest first: who changed which fields, from what to what."""
    records = list(
        project.history.select_related("history_user").order_by("-history_date")[: limit + 1]
    )
    entries = []
    for index, record in enumerate(records[:limit]):
        previous = records[index + 1] if index + 1 < len(records) else None
        changes = []
        if previous is not None and record.history_type == "~":
            delta = record.diff_against(previous)
            for change in delta.changes:
                field: Any = Project._meta.get_field(change.field)
                changes.append(
                    {
                        "field": field.verbose_name,
                        "old": _display(field, change.old),
                        "new": _display(field, change.new),
                    }
                )
        entries.append(
            {
                "when": record.history_date,
                "who": record.history_user,
                "type": record.history_type,
                "changes": changes,
            }
        )
    return entries


def _display(field: Any, value: Any) -> str:
    if value in (None, "", []):
        return ""
    choices = dict(field.choices or [])
    if choices and value in choices:
        return str(choices[value])
    if field.name == "owner":
        return str(Organisation.objects.filter(pk=value).first() or value)
    if field.name == "call":
        return str(Call.objects.filter(pk=value).first() or value)
    text = ", ".join(str(v) for v in value) if isinstance(value, list) else str(value)
    return text if len(text) <= 200 else text[:200] + "…"


def my_projects(user: Any) -> QuerySet[Project]:
    return (
        # A subquery, not a join: filtering on the join would make the counts below see only
        # this person's membership.
        Project.objects.filter(
            pk__in=ProjectMember.objects.filter(user_id=user.pk).values("project_id")
        )
        .select_related("call")
        .annotate(
            member_count=Count("members", distinct=True),
            my_role=Max("members__role", filter=Q(members__user_id=user.pk)),
        )
        .prefetch_related(
            Prefetch(
                "invitations",
                queryset=Invitation.objects.filter(accepted_at__isnull=True),
                to_attr="open_invitations",
            )
        )
        .order_by("number")
    )


def call_year_overview() -> list[dict[str, Any]]:
    return list(
        Call.objects.annotate(
            project_count=Count("projects"), granted_total=Sum("projects__granted_support")
        )
        .order_by("-opens")
        .values("pk", "reference", "title", "project_count", "granted_total")
    )
