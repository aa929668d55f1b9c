"""The audit service: the one way code writes to the append-only audit log."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime, timedelta
from typing import Any

from django.db import models

from samskapa.core.models import AuditAction, AuditEvent


def record_event(
    *,
    action: AuditAction | str,
    actor: Any = None,
    obj: models.Model | None = None,
    fields: Iterable[str] = (),
    path: str = "",
    detail: str = "",
) -> AuditEvent:
    """Record one event. `fields` are field *names*: the log never holds the values."""
    authenticated = actor is not None and getattr(actor, "is_authenticated", False)
    return AuditEvent.objects.create(
        action=str(action),
        actor=actor if authenticated else None,
        object_type=obj._meta.label_lower if obj is not None else "",
        object_id=str(obj.pk) if obj is not None else "",
        fields=sorted(fields),
        path=path[:300],
        detail=detail[:300],
    )


SECURITY_LOG_DAYS = 90


def purge_security_log(*, now: datetime, dry_run: bool) -> int:
    """Retention rule (registered in CoreConfig.ready()): audit entries older than 90 days."""
    cutoff = now - timedelta(days=SECURITY_LOG_DAYS)
    if dry_run:
        return AuditEvent.objects.filter(at__lt=cutoff).count()
    return AuditEvent.objects.purge_older_than(cutoff)
