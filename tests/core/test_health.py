"""/healthz: the database, the shared cache, the task backlog and the mail configuration; 503
when the database or the cache is down (samskapa.core.health)."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

import pytest
import time_machine
from django.core.mail import EmailMessage
from django.test import Client
from django_tasks_db.models import DBTaskResult

from samskapa.core import mail

pytestmark = pytest.mark.django_db

MORNING = dt.datetime(2030, 3, 4, 8, 0, tzinfo=dt.UTC)
DATABASE_QUEUE = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


def _health(client: Client) -> tuple[int, dict[str, Any]]:
    response = client.get("/healthz")
    assert response["Content-Type"] == "application/json"
    assert "no-cache" in response["Cache-Control"]
    return response.status_code, json.loads(response.content)


def test_a_healthy_site_reports_every_check(client: Client) -> None:
    status, body = _health(client)
    assert status == 200
    assert body["status"] == "ok"
    assert body["database"] == "ok"
    assert body["cache"] == "ok"
    assert body["tasks"] == {"oldest_waiting_seconds": None}
    assert body["mail"] == {"configured": False}  # the tests' in-memory mailbox sends nothing


def test_a_cache_that_cannot_be_written_answers_503_and_the_rest_still_reports(
    client: Client, settings: Any
) -> None:
    settings.CACHES = {
        **settings.CACHES,
        "default": {
            "BACKEND": "samskapa.core.cache.DatabaseCache",
            "LOCATION": "no_such_cache_table",
        },
    }
    status, body = _health(client)
    assert status == 503
    assert body["status"] == "error"
    assert body["cache"] == "error"
    assert body["database"] == "ok"
    # The failed cache query did not spoil the connection for the checks after it.
    assert body["tasks"] == {"oldest_waiting_seconds": None}


def test_mail_counts_as_configured_with_a_delivering_backend(client: Client, settings: Any) -> None:
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = "smtp.example.org"
    assert _health(client)[1]["mail"] == {"configured": True}
    settings.EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
    assert _health(client)[1]["mail"] == {"configured": False}


def test_the_age_of_the_oldest_waiting_task(client: Client, settings: Any) -> None:
    settings.TASKS = DATABASE_QUEUE
    with time_machine.travel(MORNING, tick=False):
        mail.enqueue(EmailMessage("First", "Body", to=["a@example.org"]))
    with time_machine.travel(MORNING + dt.timedelta(minutes=2), tick=False):
        mail.enqueue(EmailMessage("Second", "Body", to=["b@example.org"]))
        # A retry due in an hour is not waiting yet.
        later = DBTaskResult.objects.get(args_kwargs__args__0__subject="Second")
        later.run_after = MORNING + dt.timedelta(hours=1)
        later.save(update_fields=["run_after"])
    with time_machine.travel(MORNING + dt.timedelta(minutes=5), tick=False):
        assert _health(client)[1]["tasks"] == {"oldest_waiting_seconds": 300}
        DBTaskResult.objects.filter(args_kwargs__args__0__subject="First").delete()
        assert _health(client)[1]["tasks"] == {"oldest_waiting_seconds": None}
    with time_machine.travel(MORNING + dt.timedelta(hours=1, minutes=1), tick=False):
        # Once its retry is due, it waits from that time on.
        assert _health(client)[1]["tasks"] == {"oldest_waiting_seconds": 60}
