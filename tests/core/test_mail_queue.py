"""E-mail goes through the task queue: requests succeed while the mail server is down, and the
worker (`manage.py db_worker`) sends the messages once it is back, retrying with back-off."""

from __future__ import annotations

import datetime as dt
import socket
from email.mime.text import MIMEText
from typing import Any

import pytest
import time_machine
from django.core import mail as django_mail
from django.core.mail import EmailMessage
from django.core.management import call_command
from django.urls import reverse
from django_tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from samskapa.conference.models import Edition, Registration
from samskapa.core import mail
from samskapa.projects.models import Invitation
from tests.factories.projects import ProjectFactory, lead_of

MORNING = dt.datetime(2030, 3, 4, 8, 0, tzinfo=dt.UTC)
DATABASE_QUEUE = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
LOCMEM = "django.core.mail.backends.locmem.EmailBackend"


def _closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.fixture
def mail_server_down(settings: Any) -> None:
    """Real SMTP, to a port where nothing listens; tasks on the database queue."""
    settings.TASKS = DATABASE_QUEUE
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = "127.0.0.1"
    settings.EMAIL_PORT = _closed_port()
    settings.EMAIL_TIMEOUT = 2


def _run_worker() -> None:
    call_command(
        "db_worker", batch=True, startup_delay=False, interval=0, reload=False, verbosity=0
    )


def _mail_tasks() -> Any:
    return DBTaskResult.objects.filter(task_path="samskapa.core.mail.deliver").order_by(
        "enqueued_at"
    )


def _edition_open_for_registration() -> Edition:
    today = MORNING.date()
    return Edition.objects.create(
        year=2030,
        title_sv="Kökonferensen",
        title_en="The queue conference",
        starts_on=today + dt.timedelta(days=60),
        ends_on=today + dt.timedelta(days=61),
        venue="Malmö",
        capacity=10,
        languages=["sv", "en"],
        registration_opens_on=today - dt.timedelta(days=1),
        registration_closes_on=today + dt.timedelta(days=50),
    )


@pytest.mark.django_db(transaction=True)
def test_registration_and_invitation_succeed_while_the_mail_server_is_down(
    mail_server_down: Any, settings: Any, client_for: Any
) -> None:
    with time_machine.travel(MORNING, tick=False) as clock:
        edition = _edition_open_for_registration()
        project = ProjectFactory()
        client = client_for(None)
        registered = client.post(
            reverse("conference:register", args=[edition.year]),
            {
                "name": "Alva Nyström",
                "email": "alva@example.se",
                "organisation": "Lunds kommun",
                "sector": "public",
                "country": "SE",
                "category": "esf_project",
                "language": "en",
            },
        )
        invited = client_for(lead_of(project)).post(
            reverse("projects:project-members", args=[project.pk]),
            {"email": "kollega@example.se", "role": "member"},
        )
        assert registered.status_code == 200
        assert invited.status_code == 302
        assert Registration.objects.filter(email="alva@example.se").exists()
        assert Invitation.objects.filter(email="kollega@example.se").exists()
        assert [task.status for task in _mail_tasks()] == [TaskResultStatus.READY] * 2

        _run_worker()  # the server is still down: each message is queued again for later
        assert django_mail.outbox == []
        retries = _mail_tasks().filter(status=TaskResultStatus.READY)
        assert retries.count() == 2
        assert {task.run_after for task in retries} == {MORNING + dt.timedelta(minutes=1)}
        assert {task.args_kwargs["args"][1] for task in retries} == {2}  # the second attempt

        settings.EMAIL_BACKEND = LOCMEM  # the mail server is back
        _run_worker()
        assert django_mail.outbox == []  # not before run_after
        clock.shift(dt.timedelta(minutes=1))
        _run_worker()

    sent = {message.to[0]: message for message in django_mail.outbox}
    assert set(sent) == {"alva@example.se", "kollega@example.se"}
    assert sent["alva@example.se"].subject == "You are registered: The queue conference"
    [(filename, _calendar, mimetype)] = sent["alva@example.se"].attachments
    assert filename.endswith(".ics") and mimetype == "text/calendar"
    invitation = Invitation.objects.get(email="kollega@example.se")
    assert invitation.token in sent["kollega@example.se"].body
    assert _mail_tasks().filter(status=TaskResultStatus.READY).count() == 0


def _queued() -> dict[str, Any]:
    return mail.serialise(EmailMessage("Ämne", "Text", "noreply@example.se", ["a@example.se"]))


def test_a_send_is_retried_with_growing_delays_then_given_up(
    db: Any, mail_server_down: Any
) -> None:
    message = _queued()
    with time_machine.travel(MORNING, tick=False):
        for attempt in range(1, mail.MAX_ATTEMPTS):
            assert mail.deliver.call(message, attempt) == "retrying"
        with pytest.raises(mail.MailNotSent):
            mail.deliver.call(message, mail.MAX_ATTEMPTS)
    queued = sorted(
        (task.args_kwargs["args"][1], (task.run_after - MORNING).total_seconds())
        for task in _mail_tasks()
    )
    # One later attempt queued per failure, none after the last; each waits longer.
    assert [attempt for attempt, _wait in queued] == list(range(2, mail.MAX_ATTEMPTS + 1))
    waits = [wait for _attempt, wait in queued]
    assert waits == list(mail.RETRY_DELAYS) == sorted(waits)
    assert all(task.args_kwargs["args"][0] == message for task in _mail_tasks())


def test_nothing_is_queued_when_the_transaction_rolls_back(
    db: Any, settings: Any, django_capture_on_commit_callbacks: Any
) -> None:
    settings.TASKS = DATABASE_QUEUE
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        mail.send_later(lambda: EmailMessage("Ämne", "Text", to=["a@example.se"]))
    assert _mail_tasks().count() == 0  # only once the transaction commits
    for callback in callbacks:
        callback()
    assert _mail_tasks().count() == 1


def test_the_queued_message_keeps_alternatives_and_attachments() -> None:
    message = django_mail.EmailMultiAlternatives(
        "Ämne", "Text", "noreply@example.se", ["a@example.se"], cc=["b@example.se"]
    )
    message.attach_alternative("<p>Text</p>", "text/html")
    message.attach("lista.csv", "a;b\n", "text/csv")
    message.attach("bild.png", b"\x89PNG\r\n", "image/png")
    part = MIMEText("BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n", "calendar", "utf-8")
    part.set_param("method", "PUBLISH")
    part.add_header("Content-Disposition", "attachment", filename="invitation.ics")
    message.attach(part)

    again = mail.deserialise(mail.serialise(message))

    assert (again.subject, again.body, again.to, again.cc) == (
        "Ämne",
        "Text",
        ["a@example.se"],
        ["b@example.se"],
    )
    assert again.alternatives == [("<p>Text</p>", "text/html")]
    csv, png, calendar = again.attachments
    assert tuple(csv) == ("lista.csv", "a;b\n", "text/csv")
    assert tuple(png) == ("bild.png", b"\x89PNG\r\n", "image/png")
    assert calendar.get_filename() == "invitation.ics"
    assert calendar.get_param("method") == "PUBLISH"
    assert calendar.get_payload(decode=True) == b"BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n"
    assert again.message().as_bytes()  # and it still renders as a whole
