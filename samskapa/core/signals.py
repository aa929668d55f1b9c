from __future__ import annotations

import time
from typing import Any

from django.contrib.auth.signals import user_logged_in, user_logged_out, user_login_failed
from django.dispatch import receiver
from django.http import HttpRequest

from samskapa.core.audit import record_event, record_failed_login
from samskapa.core.models import AuditAction

LOGIN_AT_SESSION_KEY = "samskapa_login_at"


@receiver(user_logged_in)
def audit_login(sender: Any, request: HttpRequest | None, user: Any, **kwargs: Any) -> None:
    record_event(action=AuditAction.LOGIN, actor=user, path=request.path if request else "")
    if request is not None and hasattr(request, "session"):
        # The start of the session's absolute lifetime (StaffSessionTimeoutMiddleware).
        request.session[LOGIN_AT_SESSION_KEY] = int(time.time())


@receiver(user_logged_out)
def audit_logout(sender: Any, request: HttpRequest | None, user: Any, **kwargs: Any) -> None:
    if user is not None:
        record_event(action=AuditAction.LOGOUT, actor=user, path=request.path if request else "")


@receiver(user_login_failed)
def audit_login_failed(
    sender: Any, credentials: dict[str, Any], request: HttpRequest | None = None, **kwargs: Any
) -> None:
    # Never the attempted password; the account it targets and the source address.
    login = credentials.get("email") or credentials.get("username") or ""
    record_failed_login(request=request, login=str(login), locked_out=False)
