"""Benchmark data for the showcase: a published case for each of the projects' benchmark
projects (2,000 per scale unit, seeded by samskapa.projects.bench before this module)."""

from __future__ import annotations

from django.utils import timezone

from samskapa.core.bench import BenchPage
from samskapa.core.enums import FocusArea
from samskapa.projects.models import Project
from samskapa.showcase.enums import VersionStatus
from samskapa.showcase.models import Case, CaseVersion


def seed(*, scale: int) -> None:
    projects = list(
        Project.objects.filter(number__startswith="9", case__isnull=True).select_related(
            "owner", "call"
        )
    )
    if not projects:
        return
    now = timezone.now()
    focus = list(FocusArea.values)
    cases = Case.objects.bulk_create(Case(project=p) for p in projects)
    versions = CaseVersion.objects.bulk_create(
        CaseVersion(
            case=case,
            number=1,
            status=VersionStatus.PUBLISHED,
            title=project.name,
            summary=project.summary[:600],
            problem=project.challenge,
            focus_areas=[focus[i % len(focus)]],
            project_number=project.number,
            owner_name=project.owner.name,
            call_reference=project.call.reference if project.call else "",
            region=project.region,
            nuts_region=project.nuts_region,
            phase=project.phase,
            start=project.start,
            end=project.end,
            published_at=now,
        )
        for i, (case, project) in enumerate(zip(cases, projects, strict=True))
    )
    for case, version in zip(cases, versions, strict=True):
        case.public_version = version
    Case.objects.bulk_update(cases, ["public_version"], batch_size=500)


# Anonymous visitors get the list from the public cache after the first request; a logged-in
# person gets it rendered each time, which is what the first entry times.
PAGES = [
    BenchPage("public case list (2,000 cases), rendered", "admin@samskapa.test", lambda: "/cases/"),
    BenchPage("public case list (2,000 cases), anonymous", None, lambda: "/cases/"),
    BenchPage("public case list, search", None, lambda: "/cases/?q=unga"),
    BenchPage("public case list, filter", None, lambda: "/cases/?focus_area=participation"),
]
