from __future__ import annotations

import datetime
import secrets
from typing import Any

from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from django.contrib.admin.models import LogEntry
from django.contrib.contenttypes.models import ContentType
from django.contrib.sessions.models import Session
from django.db import transaction
from django.utils import timezone

from samskapa.accounts import erasure_log, personal_data
from samskapa.accounts.models import Organisation, User
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
