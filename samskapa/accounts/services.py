from __future__ import annotations

import datetime
import secrets
from datetime import timedelta
from functools import partial
from typing import Any

from allauth.account.forms import default_token_generator
from allauth.account.models import EmailAddress
from allauth.account.utils import user_pk_to_url_str
from allauth.mfa.models import Authenticator
from django.conf import settings
from django.contrib.admin.models import LogEntry
from django.contrib.contenttypes.models import ContentType
from django.contrib.sessions.models import Session
from django.core.mail import EmailMessage
from django.db import transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from samskapa.accounts import erasure_log, personal_data
from samskapa.accounts.enums import StaffRole
from samskapa.accounts.models import Organisation, User
from samskapa.core import mail
from samskapa.core.audit import record_event
from samskapa.core.models import AuditAction, AuditEvent


def save_organisation(*, organisation: Organisation, by: User) -> Organisation:
    creating = organisation.pk is None
    organisation.save()
    record_event(
        action=AuditAction.CREATE if creating else AuditAction.CHANGE, actor=by, obj=organisation
    )
    return organisation


def save_profile(*, user: User, fields: list[str]) -> User:
    """A person's own changes to their profile."""
    user.save()
    record_event(action=AuditAction.CHANGE, actor=user, obj=user, fields=fields)
    return user


def set_language(*, user: User, language: str) -> None:
    """The language of pages and e-mails, kept with the account when it changes."""
    if user.language != language:
        user.language = language
        user.save(update_fields=["language"])


# --- People and staff roles (the administrators' people page) --------------------------------


class PeopleRuleError(Exception):
    """A change to a person's role or account that the centre's rules forbid; the message
    says why, in the language of the request."""


def _other_active_admins(person: User) -> bool:
    return (
        User.objects.filter(staff_role=StaffRole.ADMIN, is_active=True, erased_at__isnull=True)
        .exclude(pk=person.pk)
        .exists()
    )


def _check_admin_kept(*, person: User, by: User, removing: str) -> None:
    """An administrator never takes away their own administration, and the centre always
    keeps one active administrator. `removing` names what is taken away: "role" or "account"."""
    if person.pk == by.pk:
        if removing == "role":
            raise PeopleRuleError(
                _("You cannot remove your own administrator role. Ask another administrator.")
            )
        raise PeopleRuleError(
            _("You cannot deactivate your own account. Ask another administrator.")
        )
    if (
        person.staff_role == StaffRole.ADMIN
        and person.is_active
        and not _other_active_admins(person)
    ):
        raise PeopleRuleError(
            _(
                "%(name)s is the last active administrator. Make someone else an administrator "
                "first."
            )
            % {"name": person.get_full_name()}
        )


@transaction.atomic
def set_staff_role(*, person: User, role: str, by: User) -> User:
    """Give `person` a staff role ("" for none). Leaving the administrator role also ends
    superuser status, so that nothing of the administrator's rights remains."""
    if person.staff_role == role:
        return person
    if person.staff_role == StaffRole.ADMIN:
        _check_admin_kept(person=person, by=by, removing="role")
    fields = ["staff_role"]
    person.staff_role = role
    if role != StaffRole.ADMIN and person.is_superuser:
        person.is_superuser = False
        fields.append("is_superuser")
    person.save(update_fields=fields)
    record_event(action=AuditAction.CHANGE, actor=by, obj=person, fields=fields)
    return person


@transaction.atomic
def deactivate_person(*, person: User, by: User) -> User:
    """The person can no longer log in (their sessions stop working at their next request);
    everything they did stays."""
    if not person.is_active:
        return person
    _check_admin_kept(person=person, by=by, removing="account")
    person.is_active = False
    person.save(update_fields=["is_active"])
    record_event(action=AuditAction.CHANGE, actor=by, obj=person, fields=["is_active"])
    return person


@transaction.atomic
def reactivate_person(*, person: User, by: User) -> User:
    if person.is_active or person.erased_at is not None:
        return person
    person.is_active = True
    person.save(update_fields=["is_active"])
    record_event(action=AuditAction.CHANGE, actor=by, obj=person, fields=["is_active"])
    return person


def _staff_invitation_message(
    person_pk: int, role: str, link: str, invited_by: str, language: str
) -> EmailMessage:
    person = User.objects.get(pk=person_pk)
    days = max(1, settings.PASSWORD_RESET_TIMEOUT // 86400)
    return mail.render_message(
        to=person.email,
        language=language,
        subject_template="accounts/email/staff_invitation_subject.txt",
        body_template="accounts/email/staff_invitation_body.txt",
        context={
            "person": person,
            "role": StaffRole(role).label,
            "link": link,
            "invited_by": invited_by,
            "expires_at": timezone.now() + timedelta(days=days),
        },
        subject_prefix=settings.ACCOUNT_EMAIL_SUBJECT_PREFIX,
    )


@transaction.atomic
def invite_staff(*, email: str, name: str, role: str, by: User, site_url: str) -> User:
    """Create the account of a new staff member and e-mail them, once the transaction has
    committed, a link to choose their password (allauth's password-reset link: one use, valid
    for PASSWORD_RESET_TIMEOUT; after that "Forgot your password?" sends a new one). The
    e-mail counts as verified: nobody can log in without the link sent to it."""
    language = translation.get_language() or settings.LANGUAGE_CODE
    person = User.objects.create_user(
        email, None, name=name, staff_role=role, language=language[:2]
    )
    EmailAddress.objects.create(user=person, email=person.email, verified=True, primary=True)
    key = default_token_generator.make_token(person)
    path = reverse(
        "account_reset_password_from_key",
        kwargs={"uidb36": user_pk_to_url_str(person), "key": key},
    )
    link = site_url.rstrip("/") + path
    mail.send_later(
        partial(_staff_invitation_message, person.pk, role, link, by.get_full_name(), language)
    )
    record_event(
        action=AuditAction.CREATE, actor=by, obj=person, fields=["email", "name", "staff_role"]
    )
    return person


def _account_data(user: User) -> dict[str, Any]:
    return {
        "email": user.email,
        "name": user.name,
        "job_title": user.job_title,
        "organisation": str(user.organisation) if user.organisation else None,
        "staff_role": user.staff_role,
        "language": user.language,
        "date_joined": user.date_joined.isoformat(),
        "last_login": user.last_login.isoformat() if user.last_login else None,
        "email_addresses": [
            {"email": e.email, "verified": e.verified, "primary": e.primary}
            for e in EmailAddress.objects.filter(user=user)
        ],
        "mfa_methods": sorted(
            Authenticator.objects.filter(user=user).values_list("type", flat=True)
        ),
        "audit_events": [
            {"at": e.at.isoformat(), "action": e.action, "path": e.path}
            for e in AuditEvent.objects.filter(actor=user).order_by("at")
        ],
    }


def export_personal_data(*, user: User) -> dict[str, Any]:
    """Everything Samskapa holds about `user`, as JSON-ready data. The export is audited."""
    record_event(action=AuditAction.PERSONAL_DATA_EXPORT, actor=user, obj=user)
    data: dict[str, Any] = {
        "format": "samskapa-personal-data/1",
        "exported_at": timezone.now().isoformat(),
        "account": _account_data(user),
    }
    for source in personal_data.sources():
        data[source.key] = source.export(user)
    return data


def _end_sessions(user: User) -> None:
    # Database sessions hold the user id in their encoded data; decode to find them.
    for session in Session.objects.filter(expire_date__gt=timezone.now()):
        if str(session.get_decoded().get("_auth_user_id")) == str(user.pk):
            session.delete()


class ErasureRefused(Exception):
    """Erasure would leave something without a responsible person (see `refusals`)."""

    def __init__(self, refusals: list[personal_data.ErasureRefusal]) -> None:
        super().__init__("; ".join(refusal.message for refusal in refusals))
        self.refusals = refusals


def _forget_in_admin_log(user: User) -> None:
    # Django's admin log names the changed object by its text (the person's name or address).
    LogEntry.objects.filter(
        content_type=ContentType.objects.get_for_model(User), object_id=str(user.pk)
    ).update(object_repr=f"#{user.pk}", change_message="")


@transaction.atomic
def erase_user(*, user: User, by: User) -> User:
    """Irreversibly anonymise a person: account fields, e-mail addresses, MFA and every
    registered app's personal data (each app's `erase`: its rows, contact fields, history
    snapshots, queued tasks and files). The row stays so that history keeps its shape: it is
    the stable pseudonym that audit events and history rows keep pointing at.

    Refused (ErasureRefused) while a registered source still needs the person, e.g. as the
    last lead of a project. The erasure is written to the erasure log first (outside the
    database), so that restoring an older backup erases the person again."""
    refusals = personal_data.refusals(user)
    if refusals:
        raise ErasureRefused(refusals)
    erased_at = timezone.now()
    erasure_log.append(email=user.email, at=erased_at)
    _erase(user, erased_at)
    record_event(
        action=AuditAction.ERASURE,
        actor=by if by.pk != user.pk else None,
        obj=user,
        fields=_ERASED_FIELDS,
    )
    return user


_ERASED_FIELDS = ["email", "name", "job_title", "organisation", "password"]


def _erase(user: User, erased_at: datetime.datetime) -> None:
    for source in personal_data.sources():
        source.erase(user)
    _forget_in_admin_log(user)
    EmailAddress.objects.filter(user=user).delete()
    Authenticator.objects.filter(user=user).delete()
    _end_sessions(user)
    user.email = f"erased-{user.pk}-{secrets.token_hex(4)}@erased.invalid"
    user.name = ""
    user.job_title = ""
    user.organisation = None
    user.staff_role = ""
    user.is_active = False
    user.is_superuser = False
    user.last_login = None
    user.erased_at = erased_at
    user.set_unusable_password()
    user.save()


@transaction.atomic
def reapply_erasures() -> list[User]:
    """After a restore: erase again everyone the erasure log says was erased after their
    account was created, i.e. after the backup was taken (an address erased before the backup
    is no longer in it; a later account with the same address is newer than the erasure).
    Returns those erased."""
    latest: dict[str, datetime.datetime] = {}
    for entry in erasure_log.entries():
        latest[entry.email_hash] = max(entry.at, latest.get(entry.email_hash, entry.at))
    erased = []
    if latest:
        for user in User.objects.filter(erased_at__isnull=True):
            at = latest.get(erasure_log.email_hash(user.email))
            if at is not None and at > user.date_joined:
                # No hand-over check: the person asked for this once, and it was done then.
                _erase(user, at)
                record_event(
                    action=AuditAction.ERASURE,
                    obj=user,
                    fields=_ERASED_FIELDS,
                    detail="re-applied after a restore",
                )
                erased.append(user)
    return erased
