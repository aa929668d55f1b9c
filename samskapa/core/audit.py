"""The audit service: the one way code writes to the append-only audit log."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime, timedelta
from typing import Any

from django.contrib.auth import get_user_model
from django.db import models
from django.http import HttpRequest

from samskapa.core.logs import route_of
from samskapa.core.models import AuditAction, AuditEvent
from samskapa.core.ratelimit import client_ip


def record_event(
    *,
    action: AuditAction | str,
    actor: Any = None,
    obj: models.Model | None = None,
    fields: Iterable[str] = (),
    path: str = "",
    detail: str = "",
) -> AuditEvent:
    """Record one event. `fields` are field *names*: the log never holds the values; `path` is
    stored as its route, so no link token reaches the log (samskapa.core.logs)."""
    authenticated = actor is not None and getattr(actor, "is_authenticated", False)
    return AuditEvent.objects.create(
        action=str(action),
        actor=actor if authenticated else None,
        object_type=obj._meta.label_lower if obj is not None else "",
        object_id=str(obj.pk) if obj is not None else "",
        fields=sorted(fields),
        path=route_of(path)[:300],
        detail=detail[:300],
    )


def record_failed_login(*, request: HttpRequest | None, login: str, locked_out: bool) -> None:
    """A failed login, with the targeted account (when `login` is the address of one, as the
    object; a typed address that matches no account is never stored, it may be a typo of
    someone else's) and the source address; `locked_out` when the lockout refused the attempt
    before the password was even checked."""
    target = get_user_model().objects.filter(email__iexact=login.strip()).first() if login else None
    source = client_ip(request) if request is not None else ""
    detail = f"from {source or 'unknown address'}" + (
        "; refused by the lockout" if locked_out else ""
    )
    record_event(
        action=AuditAction.LOGIN_FAILED,
        obj=target,
        path=request.path if request is not None else "",
        detail=detail,
    )


SECURITY_LOG_DAYS = 90


def purge_security_log(*, now: datetime, dry_run: bool) -> int:
    """Retention rule (registered in CoreConfig.ready()): audit entries older than 90 days."""
    cutoff = now - timedelta(days=SECURITY_LOG_DAYS)
    if dry_run:
        return AuditEvent.objects.filter(at__lt=cutoff).count()
    return AuditEvent.objects.purge_older_than(cutoff)
