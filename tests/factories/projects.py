"""Calls, projects and their members."""

from __future__ import annotations

import secrets
from datetime import date

import factory

from samskapa.accounts.models import User
from samskapa.projects.enums import MemberRole, OrganisationRole
from samskapa.projects.models import Call, Invitation, Project, ProjectMember, ProjectOrganisation
from tests.factories.accounts import OrganisationFactory, UserFactory


class CallFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Call

    reference = factory.Sequence(lambda n: f"2026/{n:05d}")
    title = factory.Sequence(lambda n: f"Utlysning {n}")
    title_en = factory.Sequence(lambda n: f"Call {n}")
    programme_area = "E"
    opens = date(2026, 1, 15)
    closes = date(2026, 3, 15)


class ProjectFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Project
        skip_postgeneration_save = True

    number = factory.Sequence(lambda n: f"26-{n % 1000:03d}-S{n // 1000 + 1:02d}")
    name = factory.Sequence(lambda n: f"Projekt {n}")
    call = factory.SubFactory(CallFactory)
    owner = factory.SubFactory(OrganisationFactory)
    start = date(2026, 9, 1)
    end = date(2029, 8, 31)
    region = "orebro"
    challenge = "Unga som varken arbetar eller studerar får inte stöd i tid."
    target_group = "Unga vuxna 16–29 år"
    innovation = "En gemensam ingång där kommun, region och civilsamhälle möter unga."

    @factory.post_generation
    def owner_link(self, create: bool, extracted: object, **kwargs: object) -> None:
        if create:
            ProjectOrganisation.objects.get_or_create(
                project=self, organisation=self.owner, role=OrganisationRole.OWNER
            )


class PartOfAProject(factory.django.DjangoModelFactory):
    """Something that belongs to a project: a new project unless one is given."""

    class Meta:
        abstract = True

    project = factory.SubFactory(ProjectFactory)


class PartnerFactory(PartOfAProject):
    """An organisation taking part in a project in another role than owner."""

    class Meta:
        model = ProjectOrganisation

    organisation = factory.SubFactory(OrganisationFactory)
    role = OrganisationRole.PARTNER


class InvitationFactory(PartOfAProject):
    """An open invitation to a project (expires in 14 days, as the service makes them)."""

    class Meta:
        model = Invitation

    email = factory.Sequence(lambda n: f"inbjuden{n}@example.se")
    token = factory.LazyFunction(lambda: secrets.token_urlsafe(32))
    invited_by = factory.SubFactory(UserFactory)


class ProjectMemberFactory(PartOfAProject):
    class Meta:
        model = ProjectMember

    user = factory.SubFactory(UserFactory)
    role = MemberRole.MEMBER


def lead_of(project: Project | None = None, user: User | None = None) -> User:
    """A person who leads `project` (a new project when none is given)."""
    member = ProjectMemberFactory(
        project=project or ProjectFactory(),
        user=user or UserFactory(),
        role=MemberRole.LEAD,
    )
    return member.user


def member_of(project: Project, user: User | None = None) -> User:
    return ProjectMemberFactory(project=project, user=user or UserFactory()).user
