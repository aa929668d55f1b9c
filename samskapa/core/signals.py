from __future__ import annotations

from typing import Any

from django.contrib.auth.signals import user_logged_in, user_logged_out, user_login_failed
from django.dispatch import receiver
from django.http import HttpRequest

from samskapa.core.audit import record_event
from samskapa.core.models import AuditAction


@receiver(user_logged_in)
def audit_login(sender: Any, request: HttpRequest | None, user: Any, **kwargs: Any) -> None:
    record_event(action=AuditAction.LOGIN, actor=user, path=request.path if request else "")


@receiver(user_logged_out)
def audit_logout(sender: Any, request: HttpRequest | None, user: Any, **kwargs: Any) -> None:
    if user is not None:
        record_event(action=AuditAction.LOGOUT, actor=user, path=request.path if request else "")


@receiver(user_login_failed)
def audit_login_failed(
    sender: Any, credentials: dict[str, Any], request: HttpRequest | None = None, **kwargs: Any
) -> None:
    # Never log the attempted password, nor the e-mail (it may be a typo of someone else's).
    record_event(action=AuditAction.LOGIN_FAILED, path=request.path if request else "")
