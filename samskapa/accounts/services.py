from __future__ import annotations

import secrets
from typing import Any

from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from django.contrib.sessions.models import Session
from django.db import transaction
from django.utils import timezone

from samskapa.accounts import personal_data
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


@transaction.atomic
def erase_user(*, user: User, by: User) -> User:
    """Irreversibly anonymise a person: account fields, e-mail addresses, MFA and every
    registered app's personal data. The row stays so that history keeps its shape."""
    for source in personal_data.sources():
        source.erase(user)
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
    user.erased_at = timezone.now()
    user.set_unusable_password()
    user.save()
    record_event(
        action=AuditAction.ERASURE,
        actor=by if by.pk != user.pk else None,
        obj=user,
        fields=["email", "name", "job_title", "organisation", "password"],
    )
    return user
