"""A project's tools: small builders with unsurprising defaults, and factories for the tools'
records (self-assessments with their ratings, partners to collaborate with, ...)."""

from __future__ import annotations

from typing import Any

import factory
from django.utils import timezone

from samskapa.accounts.models import Organisation
from samskapa.core.enums import FocusArea
from samskapa.evaluation.models import ReportingPeriod, Value
from samskapa.projects.enums import OrganisationRole
from samskapa.projects.models import Project, ProjectOrganisation
from samskapa.toolkit import services
from samskapa.toolkit.enums import HorizontalPrinciple
from samskapa.toolkit.models import (
    Actor,
    ActorRelation,
    ChangeElement,
    ChangeLink,
    Indicator,
    ParticipationActivity,
    PartnerCollaboration,
    PrincipleWork,
    ProblemLink,
    ProblemNode,
    ProblemTree,
    SelfAssessment,
    SelfAssessmentRating,
    TheoryOfChange,
)
from tests.factories.accounts import OrganisationFactory
from tests.factories.evaluation import PeriodFactory
from tests.factories.projects import ProjectFactory


def cause(project: Project, text: str = "En orsak", **kwargs: Any) -> ProblemNode:
    values = {"level": "organisational", "within_influence": True, **kwargs}
    return ProblemNode.objects.create(project=project, kind="cause", text=text, **values)


def effect(project: Project, text: str = "En effekt", **kwargs: Any) -> ProblemNode:
    return ProblemNode.objects.create(project=project, kind="effect", text=text, **kwargs)


def problem_link(source: ProblemNode, target: ProblemNode) -> ProblemLink:
    return ProblemLink.objects.create(project=source.project, cause=source, effect=target)


def element(
    project: Project, kind: str = "outcome", text: str = "Ett resultat", **kwargs: Any
) -> ChangeElement:
    if kind == "outcome":
        kwargs.setdefault("horizon", "short")
    return ChangeElement.objects.create(project=project, kind=kind, text=text, **kwargs)


def change_link(source: ChangeElement, target: ChangeElement) -> ChangeLink:
    return ChangeLink.objects.create(project=source.project, source=source, target=target)


def indicator(project: Project, code: str = "T1", **kwargs: Any) -> Indicator:
    """A toolkit indicator, saved through the service, which links it to the results
    catalogue (the entry with its code, or the project's own)."""
    values = {"name": "Deltagare", "kind": "output", "unit": "participant", "target": 10, **kwargs}
    obj = Indicator(project=project, code=code, **values)
    return services.save_tool_object(obj=obj, by=None)


def actor(project: Project, name: str = "En aktör", **kwargs: Any) -> Actor:
    values = {"sector": "public", "role": "funder", "level": "local", **kwargs}
    return Actor.objects.create(project=project, name=name, **values)


def relation(source: Actor, target: Actor, **kwargs: Any) -> ActorRelation:
    values = {"kind": "collaboration", "strength": 2, **kwargs}
    return ActorRelation.objects.create(
        project=source.project, source=source, target=target, **values
    )


# --- Factories ------------------------------------------------------------------------------


def partner(project: Project, organisation: Organisation | None = None) -> Organisation:
    """An organisation that works with `project` as a partner (besides its owner)."""
    organisation = organisation or OrganisationFactory()
    ProjectOrganisation.objects.create(
        project=project, organisation=organisation, role=OrganisationRole.PARTNER
    )
    return organisation


class ProblemTreeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ProblemTree

    project = factory.SubFactory(ProjectFactory)
    focal_problem = "Unga står utanför arbete och studier"


class TheoryOfChangeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = TheoryOfChange

    project = factory.SubFactory(ProjectFactory)
    long_term_goal = "Alla unga har en väg till arbete eller studier"


def reported_value(
    tool_indicator: Indicator, value: int = 3, period: Any = None, **fields: Any
) -> Value:
    """A value of a toolkit indicator: its catalogue indicator's value in the results app's
    one store, for `period` (default: a half-year of the project's call, made if need be)."""
    project = tool_indicator.project
    if period is None:
        period = ReportingPeriod.objects.filter(call_id=project.call_id).order_by(
            "starts"
        ).first() or PeriodFactory(call=project.call)
    return Value.objects.create(
        project=project,
        indicator=tool_indicator.catalogue,
        period=period,
        value=value,
        **fields,
    )


class ParticipationActivityFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ParticipationActivity

    project = factory.SubFactory(ProjectFactory)
    held_on = factory.LazyFunction(timezone.localdate)
    title = factory.Sequence(lambda n: f"Verkstad {n}")
    level = 2


class PartnerCollaborationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PartnerCollaboration

    project = factory.SubFactory(ProjectFactory)
    organisation = factory.LazyAttribute(lambda o: partner(o.project))
    depth = 2


class PrincipleWorkFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PrincipleWork

    project = factory.SubFactory(ProjectFactory)
    principle = HorizontalPrinciple.GENDER_EQUALITY


class SelfAssessmentFactory(factory.django.DjangoModelFactory):
    """A self-assessment with a rating for every focus area: `ratings=4` gives 4 everywhere,
    `ratings={"causes": 5}` 5 for causes and 3 elsewhere."""

    class Meta:
        model = SelfAssessment
        skip_postgeneration_save = True

    project = factory.SubFactory(ProjectFactory)
    assessed_on = factory.LazyFunction(timezone.localdate)
    context = ""

    @factory.post_generation
    def ratings(self, create: bool, extracted: int | dict[str, int] | None, **kwargs: Any) -> None:
        if not create:
            return
        chosen = extracted if isinstance(extracted, dict) else {}
        default = extracted if isinstance(extracted, int) else 3
        SelfAssessmentRating.objects.bulk_create(
            SelfAssessmentRating(assessment=self, focus_area=area, rating=chosen.get(area, default))
            for area in FocusArea.values
        )
