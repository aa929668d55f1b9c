"""A project lead removes members and withdraws invitations; the last lead stays."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from samskapa.accounts.enums import StaffRole
from samskapa.accounts.models import User
from samskapa.core.models import AuditAction, AuditEvent
from samskapa.projects.models import Invitation, Project, ProjectMember
from tests.factories.accounts import UserFactory, staff
from tests.factories.projects import (
    InvitationFactory,
    ProjectFactory,
    ProjectMemberFactory,
    lead_of,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def project() -> Project:
    return ProjectFactory()


@pytest.fixture
def lead(project: Project) -> User:
    return lead_of(project)


def _colleague(project: Project) -> ProjectMember:
    return ProjectMemberFactory(project=project, user=UserFactory(name="Kim Kollega"))


def test_lead_removes_a_member_who_then_loses_access(
    client_for: Any, lead: User, project: Project
) -> None:
    colleague = _colleague(project)
    response = client_for(lead).post(
        reverse("projects:member-remove", args=[project.pk, colleague.pk]), follow=True
    )
    assert "Kim Kollega är inte längre medlem." in response.content.decode()
    assert not ProjectMember.objects.filter(pk=colleague.pk).exists()
    assert AuditEvent.objects.filter(action=AuditAction.DELETE, fields=["members"]).exists()
    other = Client()
    other.force_login(colleague.user)
    assert other.get(project.get_absolute_url()).status_code == 404


def test_the_only_lead_cannot_be_removed(client_for: Any, lead: User, project: Project) -> None:
    membership = project.members.get(user=lead)
    response = client_for(staff(StaffRole.ADMIN)).post(
        reverse("projects:member-remove", args=[project.pk, membership.pk]), follow=True
    )
    assert "enda projektledare" in response.content.decode()
    assert ProjectMember.objects.filter(pk=membership.pk).exists()


def test_a_plain_member_cannot_remove_anyone(client_for: Any, lead: User, project: Project) -> None:
    colleague = _colleague(project)
    membership = project.members.get(user=lead)
    response = client_for(colleague.user).post(
        reverse("projects:member-remove", args=[project.pk, membership.pk])
    )
    assert response.status_code == 404
    assert ProjectMember.objects.filter(pk=membership.pk).exists()


def test_member_of_another_project_cannot_be_removed_through_this_one(
    client_for: Any, lead: User, project: Project
) -> None:
    other_project = ProjectFactory()
    stranger = other_project.members.get(user=lead_of(other_project))
    response = client_for(lead).post(
        reverse("projects:member-remove", args=[project.pk, stranger.pk])
    )
    assert response.status_code == 404
    assert ProjectMember.objects.filter(pk=stranger.pk).exists()


def test_withdrawn_invitation_link_stops_working(
    client_for: Any, lead: User, project: Project
) -> None:
    invitation = InvitationFactory(project=project, invited_by=lead)
    page = client_for(lead).get(reverse("projects:project-members", args=[project.pk]))
    assert "Dra tillbaka" in page.content.decode()
    response = client_for(lead).post(
        reverse("projects:invitation-revoke", args=[project.pk, invitation.pk])
    )
    assert response.status_code == 302
    assert not Invitation.objects.filter(pk=invitation.pk).exists()
    link = reverse("projects:invitation-accept", args=[invitation.token])
    assert client_for(None).get(link).status_code == 404
