"""What `/healthz` reports: each check answers without raising, so the health page itself
never fails. The database and the shared cache are required (503 when either is down); the
task queue's backlog and the mail configuration are reported for monitoring."""

from __future__ import annotations

import logging
import uuid
from typing import Any

from django.conf import settings
from django.core.cache import cache
from django.db import connection, transaction
from django.db.models import Min
from django.utils import timezone
from django_tasks_db.models import DBTaskResult, get_date_max

logger = logging.getLogger("samskapa.health")

# E-mail backends that deliver nothing to anyone: with one of these, mail is not configured.
_UNDELIVERED_MAIL_BACKENDS = (
    "django.core.mail.backends.console.EmailBackend",
    "django.core.mail.backends.locmem.EmailBackend",
    "django.core.mail.backends.dummy.EmailBackend",
    "django.core.mail.backends.filebased.EmailBackend",
)


def database_ok() -> bool:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except Exception:  # a health check reports failure rather than raising
        logger.exception("Health check: database unreachable")
        return False
    return True


def cache_ok() -> bool:
    """Writes and reads back a value in the cache every process shares (rate limits)."""
    value = uuid.uuid4().hex
    try:
        # A savepoint: with the cache in the database, a failure must not spoil the connection.
        with transaction.atomic():
            cache.set("healthz", value, timeout=30)
            return bool(cache.get("healthz") == value)
    except Exception:
        logger.exception("Health check: cache unreachable")
        return False


def oldest_waiting_task_seconds() -> int | None:
    """Seconds the oldest task ready to run has waited (since it was queued, or since its
    retry became due); None when nothing waits or the queue cannot be read."""
    try:
        with transaction.atomic():
            ready = DBTaskResult.objects.ready()
            queued = ready.filter(run_after=get_date_max()).aggregate(t=Min("enqueued_at"))["t"]
            retried = ready.exclude(run_after=get_date_max()).aggregate(t=Min("run_after"))["t"]
    except Exception:
        logger.exception("Health check: task queue unreadable")
        return None
    since = min((t for t in (queued, retried) if t is not None), default=None)
    if since is None:
        return None
    return max(0, int((timezone.now() - since).total_seconds()))


def mail_configured() -> bool:
    return settings.EMAIL_BACKEND not in _UNDELIVERED_MAIL_BACKENDS and bool(settings.EMAIL_HOST)


def report() -> tuple[dict[str, Any], bool]:
    """The health report and whether the site can serve (database and cache up)."""
    database = database_ok()
    cache_up = cache_ok()
    healthy = database and cache_up
    body = {
        "status": "ok" if healthy else "error",
        "database": "ok" if database else "error",
        "cache": "ok" if cache_up else "error",
        "tasks": {
            "oldest_waiting_seconds": oldest_waiting_task_seconds() if database else None,
        },
        "mail": {"configured": mail_configured()},
        "time": timezone.now().isoformat(),
    }
    return body, healthy
