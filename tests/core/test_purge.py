from __future__ import annotations

import os
from datetime import timedelta
from io import StringIO
from pathlib import Path
from typing import Any

import pytest
from django.core.management import call_command
from django.db import connection
from django.utils import timezone

from samskapa.conference.enums import RegistrationStatus
from samskapa.conference.models import ParticipantNeeds
from samskapa.core import uploads
from samskapa.core.audit import record_event
from samskapa.core.models import AuditAction, AuditEvent
from tests.factories.conference import EditionFactory, ParticipantNeedsFactory, RegistrationFactory

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


def test_purge_removes_import_uploads_older_than_a_day(settings: Any, tmp_path: Path) -> None:
    settings.MEDIA_ROOT = tmp_path
    old, fresh = uploads.store(b"namn;e-post\n", "csv"), uploads.store(b"namn\n", "csv")
    # File times on the test's clock (the suite also runs with the clock moved ahead).
    now = timezone.now()
    a_day_ago = (now - timedelta(days=1, minutes=1)).timestamp()
    os.utime(uploads.path(old, "csv"), (a_day_ago, a_day_ago))
    os.utime(uploads.path(fresh, "csv"), (now.timestamp(), now.timestamp()))
    out = StringIO()
    call_command("purge", stdout=out)
    assert "core.import_uploads: deleted 1" in out.getvalue()
    assert not uploads.path(old, "csv").exists()
    assert uploads.path(fresh, "csv").exists()


def test_purge_removes_the_needs_of_cancelled_registrations() -> None:
    edition = EditionFactory()  # the conference is ahead: the 30-day rule does not apply yet
    kept = ParticipantNeedsFactory(registration=RegistrationFactory(edition=edition))
    cancelled = ParticipantNeedsFactory(
        registration=RegistrationFactory(edition=edition, status=RegistrationStatus.CANCELLED)
    )
    call_command("purge", stdout=StringIO())
    assert ParticipantNeeds.objects.filter(pk=kept.pk).exists()
    assert not ParticipantNeeds.objects.filter(pk=cancelled.pk).exists()
