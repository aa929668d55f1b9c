from __future__ import annotations

import json
import logging
from typing import Any

import pytest
from django.contrib.auth.decorators import login_not_required
from django.test import Client, override_settings
from django.urls import path
from django.utils import timezone

from samskapa import urls as samskapa_urls
from samskapa.accounts.enums import StaffRole
from samskapa.core.audit import record_event
from samskapa.core.models import AppendOnlyError, AuditAction, AuditEvent
from tests.factories.accounts import PASSWORD, UserFactory, staff
from tests.factories.projects import lead_of
from tests.queries import count_queries

pytestmark = pytest.mark.django_db


def test_healthz_reports_the_database(client: Client) -> None:
    response = client.get("/healthz")
    assert response.status_code == 200
    body = json.loads(response.content)
    assert body["status"] == "ok"
    assert body["database"] == "ok"


def test_home_is_public_and_swedish_by_default(client: Client) -> None:
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9")
    assert response.status_code == 200
    assert response["Content-Language"] == "sv"
    assert "Centrets fyra verksamheter" in response.content.decode()


def test_language_switch_gives_english(client: Client) -> None:
    swedish = client.get("/about/").content.decode()
    assert 'href="/en/about/" hreflang="en" lang="en">In English</a>' in swedish
    page = client.get("/en/about/").content.decode()
    assert '<html lang="en">' in page
    assert "What the EU means by social innovation" in page


def test_security_headers_and_csp_without_inline_script(client: Client) -> None:
    response = client.get("/")
    csp = response["Content-Security-Policy"]
    assert "script-src 'self'" in csp
    assert "unsafe-inline" not in csp
    assert "frame-ancestors 'none'" in csp
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["X-Frame-Options"] == "DENY"
    assert response["Referrer-Policy"] == "same-origin"


def test_pages_have_no_inline_script_or_style(client_for: Any) -> None:
    admin = staff(StaffRole.ADMIN)
    for user, url in [(None, "/"), (admin, "/home/"), (admin, "/organisations/")]:
        html = client_for(user).get(url).content.decode()
        assert "<script>" not in html and "<script >" not in html
        assert " style=" not in html
        assert " onclick=" not in html


def test_logged_in_pages_are_not_stored(client_for: Any) -> None:
    response = client_for(lead_of()).get("/home/")
    assert "no-store" in response["Cache-Control"]


def test_anonymous_is_sent_to_login(client: Client) -> None:
    response = client.get("/home/")
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")


def test_unknown_page_answers_404_page(client: Client) -> None:
    response = client.get("/does-not-exist/")
    assert response.status_code == 404
    assert "Sidan finns inte" in response.content.decode()


def _boom(request: Any) -> Any:
    raise RuntimeError("secret detail that must not be shown")


handler500 = "samskapa.core.views.error_500"
urlpatterns = [path("boom/", login_not_required(_boom)), *samskapa_urls.urlpatterns]


@override_settings(ROOT_URLCONF=__name__, DEBUG=False)
def test_server_error_shows_incident_id_and_logs_it(caplog: Any) -> None:
    client = Client(raise_request_exception=False)
    with caplog.at_level(logging.ERROR, logger="samskapa.incidents"):
        response = client.get("/boom/")
    assert response.status_code == 500
    page = response.content.decode()
    assert "secret detail" not in page
    assert "Traceback" not in page
    incident = page.split('class="incident">')[1].split("<")[0]
    assert len(incident) == 12
    assert any(incident in record.getMessage() for record in caplog.records)


def test_security_txt(client: Client) -> None:
    response = client.get("/.well-known/security.txt")
    assert response.status_code == 200
    assert "Contact: mailto:" in response.content.decode()


def test_audit_log_is_append_only() -> None:
    event = record_event(action=AuditAction.EXPORT, actor=staff(StaffRole.ADMIN), fields=["name"])
    event.detail = "changed"
    with pytest.raises(AppendOnlyError):
        event.save()
    with pytest.raises(AppendOnlyError):
        event.delete()
    with pytest.raises(AppendOnlyError):
        AuditEvent.objects.filter(pk=event.pk).update(detail="x")
    with pytest.raises(AppendOnlyError):
        AuditEvent.objects.filter(pk=event.pk).delete()


def test_login_and_failed_login_are_audited(client: Client) -> None:
    coach = staff(StaffRole.COACH)
    client.post("/accounts/login/", {"login": coach.email, "password": "wrong-password"})
    assert AuditEvent.objects.filter(action=AuditAction.LOGIN_FAILED).count() == 1
    client.post("/accounts/login/", {"login": coach.email, "password": PASSWORD})
    login = AuditEvent.objects.get(action=AuditAction.LOGIN)
    assert login.actor == coach


def test_denied_access_is_audited(client_for: Any) -> None:
    client_for(lead_of()).get("/audit/")
    event = AuditEvent.objects.get(action=AuditAction.ACCESS_DENIED)
    assert event.path == "/audit/"


def test_audit_log_page_lists_events_for_admin(client_for: Any) -> None:
    client_for(lead_of()).get("/audit/")
    page = client_for(staff(StaffRole.ADMIN)).get("/audit/").content.decode()
    assert "/audit/" in page
    assert "Åtkomst nekad" in page


def test_audit_log_query_count_is_constant(client_for: Any) -> None:
    client = client_for(staff(StaffRole.ADMIN))
    client.get("/audit/")  # warm the session
    AuditEvent.objects.purge_older_than(timezone.now())
    record_event(action=AuditAction.EXPORT, actor=staff(StaffRole.COACH))
    one = count_queries(lambda: client.get("/audit/"))
    for person in (staff(StaffRole.FUNDER), UserFactory()):
        record_event(action=AuditAction.EXPORT, actor=person)
    assert count_queries(lambda: client.get("/audit/")) == one
