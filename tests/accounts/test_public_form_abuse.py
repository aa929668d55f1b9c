"""Abuse of public forms: mail floods to third parties, failed logins, long staff sessions,
link tokens in logs."""

from __future__ import annotations

import logging
import time
from datetime import timedelta
from types import SimpleNamespace
from typing import Any

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse

from samskapa.accounts.enums import StaffRole
from samskapa.conference.services import register_participant
from samskapa.core.audit import record_event
from samskapa.core.logs import GunicornLogger, RouteOnlyFilter, route_of
from samskapa.core.models import AuditAction, AuditEvent
from samskapa.core.signals import LOGIN_AT_SESSION_KEY
from tests.conference.conftest import registration_data
from tests.factories.accounts import UserFactory, staff
from tests.factories.conference import EditionFactory

pytestmark = pytest.mark.django_db


def test_a_third_party_address_gets_one_password_reset_mail_a_day(
    client: Client, django_capture_on_commit_callbacks: Any
) -> None:
    person = UserFactory()
    for _ in range(3):
        with django_capture_on_commit_callbacks(execute=True):
            client.post(reverse("account_reset_password"), {"email": person.email})
    assert [m.to for m in mail.outbox] == [[person.email]]


def test_a_third_party_address_gets_one_already_registered_mail_a_day(
    django_capture_on_commit_callbacks: Any,
) -> None:
    edition = EditionFactory(capacity=10)
    data = registration_data(email="anna@example.se", name="Anna")
    with django_capture_on_commit_callbacks(execute=True):
        for _ in range(4):
            register_participant(edition=edition, data=data, site_url="http://testserver/")
    assert len(mail.outbox) == 2  # the confirmation, then one "already registered"


def test_failed_logins_are_audited_with_the_account_and_the_address(
    django_capture_on_commit_callbacks: Any,
) -> None:
    person = UserFactory()
    client = Client(REMOTE_ADDR="203.0.113.7")
    for _ in range(6):  # the sixth is refused by the lockout (5 per account, settings)
        client.post(reverse("account_login"), {"login": person.email, "password": "fel"})
    client.post(reverse("account_login"), {"login": "nobody@example.se", "password": "fel"})
    events = AuditEvent.objects.filter(action=AuditAction.LOGIN_FAILED).order_by("pk")
    targeted = [e for e in events if e.object_id == str(person.pk)]
    assert len(targeted) == 6
    assert all(e.object_type == "accounts.user" for e in targeted)
    assert all("203.0.113.7" in e.detail for e in targeted)
    assert [("lockout" in e.detail) for e in targeted] == [False] * 5 + [True]
    unknown = events.last()
    assert unknown is not None and unknown.object_id == "" and "nobody" not in unknown.detail


def test_staff_sessions_have_an_absolute_lifetime(client_for: Any, settings: Any) -> None:
    client = client_for(staff(StaffRole.ADMIN))
    assert client.get("/home/").status_code == 200
    session = client.session
    assert int(session[LOGIN_AT_SESSION_KEY]) <= int(time.time())
    # Active all along (seen a minute ago), but logged in more than eight hours ago.
    session[LOGIN_AT_SESSION_KEY] = (
        int(time.time()) - settings.SAMSKAPA_STAFF_SESSION_MAX_SECONDS - 1
    )
    session["samskapa_last_seen"] = int(time.time()) - 60
    session.save()
    response = client.get("/home/")
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_a_staff_session_inside_both_limits_goes_on(client_for: Any, settings: Any) -> None:
    client = client_for(staff(StaffRole.ADMIN))
    client.get("/home/")
    session = client.session
    session[LOGIN_AT_SESSION_KEY] = int(time.time()) - int(timedelta(hours=7).total_seconds())
    session.save()
    assert client.get("/home/").status_code == 200


TOKEN = "Zq3cYV8pZ0kqM2l1cmFuZG9tLXRva2Vu"


def test_link_tokens_become_their_route_and_other_paths_stay() -> None:
    assert route_of(f"/projects/invitations/{TOKEN}/") == "/projects/invitations/<str:token>/"
    assert route_of(f"/conference/r/{TOKEN}/cancel/?x=1") == "/conference/r/<str:token>/cancel/"
    assert route_of("/projects/12/") == "/projects/12/"


def test_log_records_and_the_audit_log_never_hold_a_token() -> None:
    record = logging.LogRecord(
        "django.security.csrf",
        logging.WARNING,
        __file__,
        1,
        "Forbidden (%s): %s",
        ("CSRF token missing.", f"/conference/r/{TOKEN}/cancel/"),
        None,
    )
    RouteOnlyFilter().filter(record)
    assert TOKEN not in record.getMessage()
    event = record_event(action=AuditAction.ACCESS_DENIED, path=f"/conference/feedback/{TOKEN}/")
    assert TOKEN not in event.path


def test_the_gunicorn_access_log_names_the_route() -> None:
    from gunicorn.config import Config

    logger = GunicornLogger(Config())
    environ = {
        "REQUEST_METHOD": "GET",
        "RAW_URI": f"/coalitions/feed/{TOKEN}.ics?x=1",
        "PATH_INFO": f"/coalitions/feed/{TOKEN}.ics",
        "QUERY_STRING": "x=1",
        "SERVER_PROTOCOL": "HTTP/1.1",
        "HTTP_REFERER": f"https://samskapa.test/conference/r/{TOKEN}/",
    }
    response = SimpleNamespace(status="200 OK", sent=10, headers=[])
    atoms = logger.atoms(response, SimpleNamespace(headers=[]), environ, timedelta(seconds=1))
    assert TOKEN not in " ".join(str(value) for value in atoms.values())
    assert atoms["r"] == "GET /coalitions/feed/<str:token>.ics HTTP/1.1"
