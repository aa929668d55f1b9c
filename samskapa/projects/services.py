"""Writes to calls, projects, partners and members. Keyword-only; one place to trace each."""

from __future__ import annotations

import secrets
from functools import partial
from typing import Any

from allauth.account.models import EmailAddress
from django.conf import settings
from django.core.mail import EmailMessage
from django.db import transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from samskapa.accounts.models import Organisation, User
from samskapa.accounts.personal_data import ErasureRefusal
from samskapa.core import mail
from samskapa.core.audit import record_event
from samskapa.core.history import blank_person, forget_author
from samskapa.core.models import AuditAction
from samskapa.projects.enums import MemberRole, OrganisationRole
from samskapa.projects.models import (
    Call,
    Invitation,
    Project,
    ProjectMember,
    ProjectOrganisation,
    TargetGroupCount,
)


def _forget_cached_roles(user: Any) -> None:
    user.__dict__.pop("_project_roles", None)


def apply_changes(obj: Any, values: dict[str, Any]) -> list[str]:
    """Set the values that differ and return their field names (nothing saved)."""
    changed = []
    for name, value in values.items():
        if getattr(obj, name) != value:
            setattr(obj, name, value)
            changed.append(name)
    return changed


def set_owner(*, project: Project, owner: Organisation) -> None:
    """The owner is a field of the project and also one of its organisation rows."""
    ProjectOrganisation.objects.filter(project=project, role=OrganisationRole.OWNER).exclude(
        organisation=owner
    ).delete()
    ProjectOrganisation.objects.get_or_create(
        project=project, organisation=owner, role=OrganisationRole.OWNER
    )


@transaction.atomic
def upsert_project(
    *, number: str, values: dict[str, Any], by: User | None = None
) -> tuple[Project, str, list[str]]:
    """Create the project or update it in place. Returns (project, action, changed fields),
    action being "create", "update" or "unchanged". Saving nothing when nothing changed keeps
    re-imports from filling the timeline with empty entries."""
    project = Project.objects.filter(number=number).first()
    if project is None:
        project = Project(number=number, **values)
        project.full_clean()
        project._change_reason = "import"  # type: ignore[attr-defined]
        project.save()
        set_owner(project=project, owner=project.owner)
        return project, "create", sorted(values)
    changed = apply_changes(project, values)
    if changed:
        project.full_clean()
        project.save()
        set_owner(project=project, owner=project.owner)
        record_event(action=AuditAction.CHANGE, actor=by, obj=project, fields=changed)
        return project, "update", changed
    return project, "unchanged", []


@transaction.atomic
def save_profile(
    *,
    project: Project,
    by: User,
    fields: list[str] | None = None,
    target_counts: dict[str, int] | None = None,
) -> Project:
    """Save a project changed by a form, with its target-group counts; the timeline records
    who did it and what."""
    project.save()
    set_owner(project=project, owner=project.owner)
    if target_counts is not None:
        set_target_counts(project=project, counts=target_counts)
    record_event(action=AuditAction.CHANGE, actor=by, obj=project, fields=fields or [])
    return project


def save_call(*, call: Call, by: User) -> Call:
    creating = call.pk is None
    call.save()
    record_event(action=AuditAction.CREATE if creating else AuditAction.CHANGE, actor=by, obj=call)
    return call


def set_target_counts(*, project: Project, counts: dict[str, int]) -> None:
    for category, count in counts.items():
        if count:
            TargetGroupCount.objects.update_or_create(
                project=project, category=category, defaults={"count": count}
            )
        else:
            TargetGroupCount.objects.filter(project=project, category=category).delete()


def add_partner(
    *, project: Project, organisation: Organisation, role: str, by: User
) -> ProjectOrganisation:
    link, _created = ProjectOrganisation.objects.get_or_create(
        project=project, organisation=organisation, role=role
    )
    record_event(action=AuditAction.CHANGE, actor=by, obj=project, fields=["partners"])
    return link


def remove_partner(*, link: ProjectOrganisation, by: User) -> None:
    project = link.project
    link.delete()
    record_event(action=AuditAction.CHANGE, actor=by, obj=project, fields=["partners"])


def add_member(*, project: Project, user: User, role: str) -> ProjectMember:
    member, created = ProjectMember.objects.get_or_create(
        project=project, user=user, defaults={"role": role}
    )
    if not created and role == MemberRole.LEAD and member.role != MemberRole.LEAD:
        member.role = MemberRole.LEAD
        member.save(update_fields=["role"])
    _forget_cached_roles(user)
    return member


@transaction.atomic
def make_lead(*, member: ProjectMember, by: User) -> ProjectMember:
    """Make a member a project lead: how a lead hands the project over (before leaving or
    erasing their account, which is refused while they are its only lead)."""
    if member.role != MemberRole.LEAD:
        member.role = MemberRole.LEAD
        member.save(update_fields=["role"])
        _forget_cached_roles(member.user)
        record_event(action=AuditAction.CHANGE, actor=by, obj=member.project, fields=["members"])
    return member


class LastLeadError(Exception):
    """A project must keep at least one project lead, who can invite the others."""


@transaction.atomic
def remove_member(*, member: ProjectMember, by: User) -> None:
    project = member.project
    other_leads = ProjectMember.objects.filter(project=project, role=MemberRole.LEAD).exclude(
        pk=member.pk
    )
    if member.role == MemberRole.LEAD and not other_leads.exists():
        raise LastLeadError
    member.delete()
    _forget_cached_roles(member.user)
    record_event(action=AuditAction.DELETE, actor=by, obj=project, fields=["members"])


def _invitation_message(invitation: Invitation, site_url: str, language: str) -> EmailMessage:
    with translation.override(language):  # the link in the recipient's language
        path = reverse("projects:invitation-accept", args=[invitation.token])
    link = site_url.rstrip("/") + path
    return mail.render_message(
        to=invitation.email,
        language=language,
        subject_template="projects/email/invitation_subject.txt",
        body_template="projects/email/invitation_body.txt",
        context={"invitation": invitation, "link": link, "project": invitation.project},
        subject_prefix=settings.ACCOUNT_EMAIL_SUBJECT_PREFIX,
    )


@transaction.atomic
def invite_member(
    *, project: Project, email: str, role: str, by: User | None, site_url: str
) -> Invitation:
    """Create an invitation and e-mail its link once the transaction has committed.

    `site_url` is the scheme and host the link starts with (from the request). `by` is None
    for an import from the command line: the mail then comes from the competence centre."""
    email = email.strip().lower()
    # A new invitation replaces an open one for the same address: only the latest link works.
    Invitation.objects.filter(project=project, email=email, accepted_at__isnull=True).delete()
    invitation = Invitation.objects.create(
        project=project,
        email=email,
        role=role,
        token=secrets.token_urlsafe(32),
        invited_by=by,
    )
    language = translation.get_language() or settings.LANGUAGE_CODE
    mail.send_later(partial(_invitation_message, invitation, site_url, language))
    record_event(action=AuditAction.CREATE, actor=by, obj=project, fields=["invitations"])
    return invitation


def revoke_invitation(*, invitation: Invitation, by: User) -> None:
    project = invitation.project
    invitation.delete()
    record_event(action=AuditAction.DELETE, actor=by, obj=project, fields=["invitations"])


@transaction.atomic
def accept_invitation(*, invitation: Invitation, user: User) -> ProjectMember:
    invitation.accepted_at = timezone.now()
    invitation.save(update_fields=["accepted_at"])
    return add_member(project=invitation.project, user=user, role=invitation.role)


@transaction.atomic
def create_account_from_invitation(
    *, invitation: Invitation, name: str, password: str, language: str = settings.LANGUAGE_CODE
) -> User:
    """The invitation proves the address, so the new account's e-mail is verified. `language`
    (of the page the person accepted on) becomes the account's language."""
    user = User.objects.create_user(invitation.email, password, name=name, language=language)
    EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
    accept_invitation(invitation=invitation, user=user)
    return user


# --- Personal data (registered in apps.py) ---------------------------------------------------


def export_personal_data(user: User) -> dict[str, Any]:
    return {
        "memberships": [
            {"project": m.project.number, "role": m.role, "joined": m.created_at.isoformat()}
            for m in ProjectMember.objects.filter(user=user).select_related("project")
        ],
        "invitations_sent": [
            {
                "project": i.project.number,
                "email": i.email,
                "sent": i.created_at.isoformat(),
                "accepted": i.accepted_at.isoformat() if i.accepted_at else None,
            }
            for i in Invitation.objects.filter(invited_by=user).select_related("project")
        ],
        "invitations_received": [
            {"project": i.project.number, "sent": i.created_at.isoformat()}
            for i in Invitation.objects.filter(email__iexact=user.email).select_related("project")
        ],
    }


def refuse_erasure(user: User) -> list[ErasureRefusal]:
    """The last lead of a project hands the project over before they can be erased."""
    refusals = []
    for membership in ProjectMember.objects.filter(user=user, role=MemberRole.LEAD).select_related(
        "project"
    ):
        project = membership.project
        if not project.members.filter(role=MemberRole.LEAD).exclude(user=user).exists():
            refusals.append(
                ErasureRefusal(
                    message=_(
                        "You are the only lead of the project %(project)s. Make another member "
                        "project lead first, so the project is not left without one."
                    )
                    % {"project": f"{project.number} {project.name}"},
                    url=reverse("projects:project-members", args=[project.pk]),
                    link_text=_("Members of %(project)s") % {"project": project.number},
                )
            )
    return refusals


def erase_personal_data(user: User) -> None:
    # The project's contact person, in the project and in every snapshot of its history.
    blank_person(Project, ["contact_email"], [user.email])
    if user.name:
        blank_person(Project, ["contact_name"], [user.name])
    forget_author(Project, user)
    ProjectMember.objects.filter(user=user).delete()
    Invitation.objects.filter(email__iexact=user.email).delete()
    Invitation.objects.filter(invited_by=user).update(invited_by=None)
    _forget_cached_roles(user)
