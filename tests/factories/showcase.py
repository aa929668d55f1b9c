"""The showcase: public cases (a case with its versions) and spread records."""

from __future__ import annotations

from datetime import date
from typing import Any

import factory
from django.utils import timezone

from samskapa.projects.models import Project
from samskapa.showcase.enums import SpreadKind, SpreadLevel, SpreadStatus, VersionStatus
from samskapa.showcase.models import Case, CaseVersion, SpreadRecord
from tests.factories.projects import ProjectFactory


class CaseVersionFactory(factory.django.DjangoModelFactory):
    """A draft version of a new case (for a new project unless `case=` is given)."""

    class Meta:
        model = CaseVersion

    case = factory.LazyFunction(lambda: Case.objects.create(project=ProjectFactory()))
    number = factory.LazyAttribute(lambda v: v.case.versions.count() + 1)
    status = VersionStatus.DRAFT
    title = factory.Sequence(lambda n: f"Innovation {n}")
    title_en = factory.LazyAttribute(lambda v: f"{v.title} (en)")
    summary = "En gemensam ingång för unga."
    summary_en = "One way in for young people."
    problem = "Unga får inte stöd i tid."
    focus_areas = factory.LazyFunction(lambda: ["participation"])
    target_groups = factory.LazyFunction(lambda: ["young_people"])
    project_number = factory.LazyAttribute(lambda v: v.case.project.number)
    owner_name = factory.LazyAttribute(lambda v: v.case.project.owner.name)
    call_reference = factory.LazyAttribute(
        lambda v: v.case.project.call.reference if v.case.project.call_id else ""
    )
    region = "orebro"
    nuts_region = "SE12"
    phase = "implementation"
    start = date(2026, 9, 1)
    end = date(2029, 8, 31)


def published_case(project: Project | None = None, **kwargs: Any) -> Case:
    """A case whose version 1 is published (as the service would leave it)."""
    case = Case.objects.create(project=project or ProjectFactory())
    version = CaseVersionFactory(
        case=case, status=VersionStatus.PUBLISHED, published_at=timezone.now(), **kwargs
    )
    case.public_version = version
    case.save(update_fields=["public_version"])
    return case


class SpreadRecordFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = SpreadRecord

    project = factory.SubFactory(ProjectFactory)
    kind = SpreadKind.REPLICATION
    organisation = factory.Sequence(lambda n: f"Kommun {n}")
    level = SpreadLevel.LOCAL
    status = SpreadStatus.ADOPTED
    date = date(2026, 10, 1)
    published = True
