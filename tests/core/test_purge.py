from __future__ import annotations

from datetime import timedelta
from io import StringIO

import pytest
from django.core.management import call_command
from django.db import connection
from django.utils import timezone

from samskapa.core.audit import record_event
from samskapa.core.models import AuditAction, AuditEvent

pytestmark = pytest.mark.django_db


def _event_aged(days: int) -> AuditEvent:
    event = record_event(action=AuditAction.LOGIN)
    # The log refuses updates through the ORM; age the row the way time would, in SQL.
    with connection.cursor() as cursor:
        cursor.execute(
            "UPDATE core_auditevent SET at = %s WHERE id = %s",
            [timezone.now() - timedelta(days=days), event.pk],
        )
    return event


def test_purge_dry_run_deletes_nothing() -> None:
    old = _event_aged(91)
    out = StringIO()
    call_command("purge", "--dry-run", stdout=out)
    assert "core.audit_log: would delete" in out.getvalue()
    assert AuditEvent.objects.filter(pk=old.pk).exists()


def test_purge_deletes_security_log_older_than_90_days() -> None:
    old = _event_aged(91)
    recent = _event_aged(89)
    call_command("purge", stdout=StringIO())
    assert not AuditEvent.objects.filter(pk=old.pk).exists()
    assert AuditEvent.objects.filter(pk=recent.pk).exists()
