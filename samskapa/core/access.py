"""Object lookups that respect permissions: other people's objects answer 404, never data."""

from __future__ import annotations

from typing import Any, TypeVar

from django.core.exceptions import ObjectDoesNotExist
from django.db import models
from django.http import Http404

from samskapa.core.audit import record_event
from samskapa.core.models import AuditAction

M = TypeVar("M", bound=models.Model)


def get_object_for_user(
    queryset: models.QuerySet[M], *, user: Any, perm: str, path: str = "", **lookup: Any
) -> M:
    """Fetch one object and check `perm` on it for `user`.

    A missing object and a forbidden one look the same from outside (404), so nobody can probe
    which objects exist; the forbidden case is recorded in the audit log.
    """
    try:
        obj = queryset.get(**lookup)
    except (ObjectDoesNotExist, ValueError, TypeError):
        raise Http404 from None
    if not user.has_perm(perm, obj):
        record_event(action=AuditAction.ACCESS_DENIED, actor=user, obj=obj, path=path, detail=perm)
        raise Http404
    return obj
