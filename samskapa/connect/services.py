"""Writes of the connect app: contact requests between projects, their answers, and adding the
other project to one's ecosystem map (docs/connect.md, "Contact between projects")."""

from __future__ import annotations

import datetime
from datetime import timedelta
from functools import partial
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.mail import EmailMessage
from django.db import transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from samskapa.accounts.models import User
from samskapa.connect import selectors
from samskapa.connect.enums import RequestStatus
from samskapa.connect.models import ContactRequest, Counterpart
from samskapa.core import mail, pagecache
from samskapa.core.audit import record_event
from samskapa.core.models import AuditAction
from samskapa.europe.models import Initiative
from samskapa.projects.enums import MemberRole
from samskapa.projects.models import Project, ProjectMember
from samskapa.showcase.models import Case
from samskapa.showcase.services import AREA as SHOWCASE_AREA
from samskapa.toolkit import services as toolkit_services
from samskapa.toolkit.enums import ActorLevel, ActorRole
from samskapa.toolkit.models import Actor

# Retention (docs/quality.md, Retention): a request never answered goes half a year after it was
# sent and a declined one three months after the answer; an accepted one stays (it is the two
# projects' connection, which the contacts page shows), its message cleared after a year.
UNANSWERED_DAYS = 180
DECLINED_DAYS = 90
ACCEPTED_MESSAGE_DAYS = 365


def purge_old_requests(*, now: datetime.datetime | None = None, dry_run: bool = False) -> int:
    """The retention rule `connect.contact_requests` (`manage.py purge`)."""
    now = now or timezone.now()
    stale = ContactRequest.objects.filter(
        Q(status=RequestStatus.PENDING, created_at__lt=now - timedelta(days=UNANSWERED_DAYS))
        | Q(status=RequestStatus.DECLINED, answered_at__lt=now - timedelta(days=DECLINED_DAYS))
    )
    old_messages = ContactRequest.objects.filter(
        status=RequestStatus.ACCEPTED,
        answered_at__lt=now - timedelta(days=ACCEPTED_MESSAGE_DAYS),
    ).exclude(message="")
    count = stale.count() + old_messages.count()
    if not dry_run:
        stale.delete()
        old_messages.update(message="")
    return count


def _link(request: ContactRequest, site_url: str, language: str) -> str:
    with translation.override(language):  # the link in the recipient's language
        return site_url.rstrip("/") + reverse("connect:request-detail", args=[request.pk])


def _message(request_pk: int, user_pk: int, site_url: str, template: str) -> EmailMessage | None:
    """One notification, built after the commit from what the database then holds."""
    request = (
        ContactRequest.objects.select_related("from_project", "to_project")
        .filter(pk=request_pk)
        .first()
    )
    user = User.objects.filter(pk=user_pk, is_active=True).first()
    if request is None or user is None:
        return None
    language = mail.language_of(user)
    return mail.render_message(
        to=user.email,
        language=language,
        subject_template=f"connect/email/{template}_subject.txt",
        body_template=f"connect/email/{template}_body.txt",
        context={"request": request, "person": user, "link": _link(request, site_url, language)},
        subject_prefix=settings.ACCOUNT_EMAIL_SUBJECT_PREFIX,
    )


@transaction.atomic
def send_request(
    *, from_project: Project, to_project: Project, message: str, by: User, site_url: str
) -> ContactRequest:
    """Send a contact request; the receiving project's leads get an e-mail after the commit."""
    if from_project.pk == to_project.pk:
        raise ValidationError(_("Choose another project than your own."))
    if selectors.live_request_between(from_project, to_project) is not None:
        raise ValidationError(
            _("There is already a request between these projects that is waiting or accepted.")
        )
    request = ContactRequest.objects.create(
        from_project=from_project, to_project=to_project, sender=by, message=message.strip()
    )
    leads = ProjectMember.objects.filter(project=to_project, role=MemberRole.LEAD)
    for user_pk in leads.values_list("user_id", flat=True):
        mail.send_later(partial(_message, request.pk, user_pk, site_url, "request"))
    record_event(action=AuditAction.CREATE, actor=by, obj=request, fields=["message"])
    return request


@transaction.atomic
def answer_request(
    *, request: ContactRequest, accept: bool, by: User, site_url: str
) -> ContactRequest:
    """Accept or decline a waiting request; the sender gets an e-mail after the commit."""
    request = ContactRequest.objects.select_for_update().get(pk=request.pk)
    if not request.is_pending:
        raise ValidationError(_("This request has already been answered."))
    request.status = RequestStatus.ACCEPTED if accept else RequestStatus.DECLINED
    request.answered_at = timezone.now()
    request.answered_by = by
    request.save(update_fields=["status", "answered_at", "answered_by"])
    if request.sender_id is not None:
        template = "accepted" if accept else "declined"
        mail.send_later(partial(_message, request.pk, request.sender_id, site_url, template))
    record_event(action=AuditAction.CHANGE, actor=by, obj=request, fields=["status"])
    return request


def map_actor_for(request: ContactRequest, project: Project) -> Actor | None:
    """The actor for the other project's owner on `project`'s ecosystem map, if it is there."""
    owner = request.other_project(project).owner
    key = selectors.organisation_key(owner.name)
    for actor in Actor.objects.filter(project=project):
        if selectors.organisation_key(actor.name) == key:
            return actor
    return None


@transaction.atomic
def add_to_ecosystem_map(*, request: ContactRequest, project: Project, by: User) -> Actor:
    """Put the other project's owner on `project`'s ecosystem map (once): through the
    toolkit's own service, so the map's history and audit record it."""
    if not request.is_accepted:
        raise ValidationError(_("Only an accepted request lets you add the other project."))
    existing = map_actor_for(request, project)
    if existing is not None:
        return existing
    owner = request.other_project(project).owner
    actor = Actor(
        project=project,
        name=owner.name,
        sector=owner.sector,
        role=ActorRole.PROJECT_PROMOTER,
        level=ActorLevel.REGIONAL,
    )
    return toolkit_services.save_tool_object(obj=actor, by=by)


# --- Personal data (registered in apps.py) ---------------------------------------------------


def export_personal_data(user: User) -> dict[str, Any]:
    return {
        "contact_requests_sent": [
            {
                "from": r.from_project.number,
                "to": r.to_project.number,
                "sent": r.created_at.isoformat(),
                "status": r.status,
                "message": r.message,
            }
            for r in ContactRequest.objects.filter(sender=user).select_related(
                "from_project", "to_project"
            )
        ],
        "contact_requests_answered": [
            {
                "request": r.pk,
                "status": r.status,
                "answered": r.answered_at.isoformat() if r.answered_at else None,
            }
            for r in ContactRequest.objects.filter(answered_by=user).exclude(answered_at=None)
        ],
        "counterparts_linked": [
            {"case": c.case_id, "initiative": c.initiative_id, "linked": c.created_at.isoformat()}
            for c in Counterpart.objects.filter(created_by=user)
        ],
    }


def erase_personal_data(user: User) -> None:
    """The person's messages are blanked and their name taken off the requests."""
    ContactRequest.objects.filter(sender=user).update(sender=None, message="")
    ContactRequest.objects.filter(answered_by=user).update(answered_by=None)
    Counterpart.objects.filter(created_by=user).update(created_by=None)


# --- Counterparts in Europe --------------------------------------------------------------------


@transaction.atomic
def link_counterpart(*, case: Case, initiative: Initiative, by: Any) -> Counterpart:
    """Link a case to its counterpart in the European catalogue (audited; the public case page
    shows it at once)."""
    if Counterpart.objects.filter(case=case, initiative=initiative).exists():
        raise ValidationError(_("The case is already linked to this initiative."))
    counterpart = Counterpart.objects.create(case=case, initiative=initiative, created_by=by)
    record_event(action=AuditAction.CREATE, actor=by, obj=counterpart)
    pagecache.touch(SHOWCASE_AREA)
    return counterpart


@transaction.atomic
def unlink_counterpart(*, counterpart: Counterpart, by: Any) -> None:
    record_event(action=AuditAction.DELETE, actor=by, obj=counterpart)
    counterpart.delete()
    pagecache.touch(SHOWCASE_AREA)
