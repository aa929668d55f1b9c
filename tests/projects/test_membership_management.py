"""A project lead removes members and withdraws invitations; the last lead stays."""

from __future__ import annotations

import secrets
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from samskapa.accounts.models import User
from samskapa.core.models import AuditAction, AuditEvent
from samskapa.projects.models import Invitation, Project, ProjectMember

pytestmark = pytest.mark.django_db


def own_project() -> Project:
    return Project.objects.get(number="23-012-S01")


def _colleague(project: Project) -> ProjectMember:
    user = User.objects.create_user("kollega@example.se", "ett-langt-losenord", name="Kim Kollega")
    return ProjectMember.objects.create(project=project, user=user, role="member")


def test_lead_removes_a_member_who_then_loses_access(client_as: Any) -> None:
    project = own_project()
    colleague = _colleague(project)
    response = client_as("member").post(
        reverse("projects:member-remove", args=[project.pk, colleague.pk]), follow=True
    )
    assert "Kim Kollega är inte längre medlem." in response.content.decode()
    assert not ProjectMember.objects.filter(pk=colleague.pk).exists()
    assert AuditEvent.objects.filter(action=AuditAction.DELETE, fields=["members"]).exists()
    other = Client()
    other.force_login(colleague.user)
    assert other.get(project.get_absolute_url()).status_code == 404


def test_the_only_lead_cannot_be_removed(client_as: Any) -> None:
    project = own_project()
    lead = project.members.get(user__email="projekt@samskapa.test")
    response = client_as("admin").post(
        reverse("projects:member-remove", args=[project.pk, lead.pk]), follow=True
    )
    assert "enda projektledare" in response.content.decode()
    assert ProjectMember.objects.filter(pk=lead.pk).exists()


def test_a_plain_member_cannot_remove_anyone() -> None:
    project = own_project()
    colleague = _colleague(project)
    lead = project.members.get(user__email="projekt@samskapa.test")
    client = Client()
    client.force_login(colleague.user)
    response = client.post(reverse("projects:member-remove", args=[project.pk, lead.pk]))
    assert response.status_code == 404
    assert ProjectMember.objects.filter(pk=lead.pk).exists()


def test_member_of_another_project_cannot_be_removed_through_this_one(client_as: Any) -> None:
    other_project = Project.objects.get(number="23-019-S01")
    stranger = other_project.members.get(user__email="projekt2@samskapa.test")
    response = client_as("member").post(
        reverse("projects:member-remove", args=[own_project().pk, stranger.pk])
    )
    assert response.status_code == 404
    assert ProjectMember.objects.filter(pk=stranger.pk).exists()


def test_withdrawn_invitation_link_stops_working(client_as: Any) -> None:
    project = own_project()
    invitation = Invitation.objects.create(
        project=project,
        email="ny@example.se",
        token=secrets.token_urlsafe(32),
        invited_by=User.objects.get(email="projekt@samskapa.test"),
    )
    page = client_as("member").get(reverse("projects:project-members", args=[project.pk]))
    assert "Dra tillbaka" in page.content.decode()
    response = client_as("member").post(
        reverse("projects:invitation-revoke", args=[project.pk, invitation.pk])
    )
    assert response.status_code == 302
    assert not Invitation.objects.filter(pk=invitation.pk).exists()
    link = reverse("projects:invitation-accept", args=[invitation.token])
    assert client_as("anonymous").get(link).status_code == 404
