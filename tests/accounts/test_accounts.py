from __future__ import annotations

import json
from typing import Any

import pytest
from allauth.mfa.models import Authenticator
from django.test import Client

from samskapa.accounts.models import Organisation, User
from samskapa.core.models import AuditAction, AuditEvent
from tests.queries import count_queries

pytestmark = pytest.mark.django_db


def test_every_demo_account_logs_in_with_the_demo_password(client: Client) -> None:
    for email in [
        "admin@samskapa.test",
        "processledare@samskapa.test",
        "coach@samskapa.test",
        "utvarderare@samskapa.test",
        "finansiar@samskapa.test",
        "projekt@samskapa.test",
        "projekt2@samskapa.test",
    ]:
        client.logout()
        response = client.post("/accounts/login/", {"login": email, "password": "samskapa-demo"})
        assert response.status_code == 302, email
        assert response["Location"] == "/home/"


def test_demo_loader_is_idempotent() -> None:
    from samskapa.demo import load_demo

    counts = (User.objects.count(), Organisation.objects.count())
    load_demo()
    assert (User.objects.count(), Organisation.objects.count()) == counts


def test_staff_without_mfa_must_set_it_up_when_required(client_as: Any, settings: Any) -> None:
    settings.SAMSKAPA_REQUIRE_STAFF_MFA = True
    response = client_as("coach").get("/home/")
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/2fa/totp/activate")


def test_staff_with_totp_passes_when_mfa_required(
    client_as: Any, demo_user: Any, settings: Any
) -> None:
    settings.SAMSKAPA_REQUIRE_STAFF_MFA = True
    Authenticator.objects.create(
        user=demo_user("coach"), type=Authenticator.Type.TOTP, data={"secret": "x"}
    )
    assert client_as("coach").get("/home/").status_code == 200


def test_project_members_need_no_mfa(client_as: Any, settings: Any) -> None:
    settings.SAMSKAPA_REQUIRE_STAFF_MFA = True
    assert client_as("member").get("/home/").status_code == 200


def test_demo_shows_that_mfa_is_off(client_as: Any, settings: Any) -> None:
    settings.SAMSKAPA_REQUIRE_STAFF_MFA = False
    page = client_as("coach").get("/home/").content.decode()
    assert "tvåfaktorsinloggning krävs inte" in page


def test_staff_session_ends_after_idle_time(client_as: Any) -> None:
    client = client_as("admin")
    assert client.get("/home/").status_code == 200
    session = client.session
    session["samskapa_last_seen"] = int(session["samskapa_last_seen"]) - 31 * 60
    session.save()
    response = client.get("/home/")
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]


def test_profile_cannot_change_role_or_email(client_as: Any, demo_user: Any) -> None:
    response = client_as("member").post(
        "/me/profile/",
        {
            "name": "Petra L",
            "job_title": "Projektledare",
            "language": "sv",
            "staff_role": "admin",
            "email": "x@example.org",
            "is_superuser": "on",
        },
    )
    assert response.status_code == 302
    user = demo_user("member")
    assert (user.name, user.job_title) == ("Petra L", "Projektledare")
    assert user.staff_role == ""
    assert user.email == "projekt@samskapa.test"
    assert not user.is_superuser


def test_personal_data_export_contains_the_account_and_is_audited(client_as: Any) -> None:
    response = client_as("member").get("/me/data/download/")
    assert response["Content-Disposition"].startswith("attachment;")
    data = json.loads(response.content)
    assert data["account"]["email"] == "projekt@samskapa.test"
    assert data["account"]["email_addresses"][0]["verified"] is True
    assert AuditEvent.objects.filter(action=AuditAction.PERSONAL_DATA_EXPORT).count() == 1


def test_erasure_needs_the_right_email_and_keeps_what_was_typed(client_as: Any) -> None:
    response = client_as("member").post("/me/data/erase/", {"confirm_email": "fel@example.org"})
    assert response.status_code == 400
    page = response.content.decode()
    assert "Det här är inte ditt kontos e-postadress." in page
    assert 'value="fel@example.org"' in page
    assert User.objects.filter(email="projekt@samskapa.test").exists()


def test_erasure_anonymises_the_account(client_as: Any, demo_user: Any) -> None:
    user = demo_user("member")
    client = client_as("member")
    response = client.post("/me/data/erase/", {"confirm_email": "projekt@samskapa.test"})
    assert response.status_code == 302
    user.refresh_from_db()
    assert user.email.endswith("@erased.invalid")
    assert user.name == "" and user.job_title == "" and user.organisation is None
    assert not user.is_active and not user.has_usable_password()
    assert user.erased_at is not None
    assert not user.emailaddress_set.exists()
    assert AuditEvent.objects.filter(action=AuditAction.ERASURE, object_id=str(user.pk)).exists()
    # The session is gone: the person is logged out.
    assert client.get("/home/").status_code == 302
    # Nothing of the old identity is left in the account's export either.
    assert "projekt@samskapa.test" not in json.dumps(
        __import__("samskapa.accounts.services", fromlist=["x"]).export_personal_data(user=user)
    )


def test_organisation_form_rejects_bad_org_number_and_keeps_input(client_as: Any) -> None:
    response = client_as("admin").post(
        "/organisations/new/",
        {
            "name": "Testföreningen",
            "country": "SE",
            "org_number": "802000-0000",
            "sector": "civil_society",
        },
    )
    assert response.status_code == 200
    page = response.content.decode()
    assert "kontrollsiffra" in page
    assert 'value="Testföreningen"' in page
    assert not Organisation.objects.filter(name="Testföreningen").exists()


def test_organisation_form_creates_with_normalised_number(client_as: Any) -> None:
    response = client_as("admin").post(
        "/organisations/new/",
        {
            "name": "Testföreningen",
            "country": "SE",
            "org_number": "8020001239",
            "sector": "civil_society",
        },
    )
    assert response.status_code == 302
    assert Organisation.objects.get(name="Testföreningen").org_number == "802000-1239"


def test_foreign_organisation_needs_no_number(client_as: Any) -> None:
    response = client_as("admin").post(
        "/organisations/new/", {"name": "Fundación X", "country": "ES", "sector": "civil_society"}
    )
    assert response.status_code == 302


def test_organisation_list_filters_by_sector(client_as: Any) -> None:
    page = client_as("coach").get("/organisations/?sector=academia").content.decode()
    assert "Mittuniversitetet" in page
    assert "Vänersborgs kommun" not in page


def test_organisation_list_query_count_is_constant(client_as: Any) -> None:
    client = client_as("admin")
    url = "/organisations/?q=Zqx"
    client.get(url)
    Organisation.objects.create(name="Zqx A", country="ES", sector="public")
    one = count_queries(lambda: client.get(url))
    Organisation.objects.create(name="Zqx B", country="ES", sector="private")
    Organisation.objects.create(name="Zqx C", country="FI", sector="academia")
    assert count_queries(lambda: client.get(url)) == one


def test_language_switch_is_remembered_in_the_account(client_as: Any, demo_user: Any) -> None:
    client = client_as("coach")
    client.post("/i18n/setlang/", {"language": "en", "next": "/home/"})
    assert demo_user("coach").language == "en"
    # In a new browser (no cookie) the account's choice applies.
    fresh = Client()
    fresh.force_login(demo_user("coach"))
    assert '<html lang="en">' in fresh.get("/home/").content.decode()


def test_profile_sets_the_language(client_as: Any, demo_user: Any) -> None:
    response = client_as("member").post(
        "/me/profile/", {"name": "Petra Lind", "job_title": "", "language": "en"}
    )
    assert response.cookies["samskapa_language"].value == "en"
    assert demo_user("member").language == "en"
