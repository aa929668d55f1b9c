from __future__ import annotations

import json
from typing import Any

import pytest
from allauth.mfa.models import Authenticator
from django.test import Client

from samskapa.accounts.enums import Sector, StaffRole
from samskapa.accounts.models import Organisation, User
from samskapa.accounts.services import export_personal_data
from samskapa.core.models import AuditAction, AuditEvent
from samskapa.demo.accounts import DEMO_PASSWORD
from samskapa.projects.enums import MemberRole
from samskapa.projects.models import ProjectMember
from tests.conftest import DEMO_EMAILS, load_demo
from tests.factories.accounts import PASSWORD, OrganisationFactory, UserFactory, staff
from tests.factories.projects import lead_of, member_of
from tests.queries import count_queries

pytestmark = pytest.mark.django_db


@pytest.mark.demo
def test_every_demo_account_logs_in_with_the_demo_password(client: Client) -> None:
    for email in DEMO_EMAILS.values():
        client.logout()
        response = client.post("/accounts/login/", {"login": email, "password": DEMO_PASSWORD})
        assert response.status_code == 302, email
        assert response["Location"] == "/home/"


@pytest.mark.demo
def test_demo_loader_is_idempotent() -> None:
    counts = (User.objects.count(), Organisation.objects.count())
    load_demo()
    assert (User.objects.count(), Organisation.objects.count()) == counts


def test_staff_without_mfa_must_set_it_up_when_required(client_for: Any, settings: Any) -> None:
    settings.SAMSKAPA_REQUIRE_STAFF_MFA = True
    response = client_for(staff(StaffRole.COACH)).get("/home/")
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/2fa/totp/activate")


def test_staff_with_totp_passes_when_mfa_required(client_for: Any, settings: Any) -> None:
    settings.SAMSKAPA_REQUIRE_STAFF_MFA = True
    coach = staff(StaffRole.COACH)
    Authenticator.objects.create(user=coach, type=Authenticator.Type.TOTP, data={"secret": "x"})
    assert client_for(coach).get("/home/").status_code == 200


def test_project_members_need_no_mfa(client_for: Any, settings: Any) -> None:
    settings.SAMSKAPA_REQUIRE_STAFF_MFA = True
    assert client_for(lead_of()).get("/home/").status_code == 200


def test_home_says_when_mfa_is_off(client_for: Any, settings: Any) -> None:
    settings.SAMSKAPA_REQUIRE_STAFF_MFA = False
    page = client_for(staff(StaffRole.COACH)).get("/home/").content.decode()
    assert "tvåfaktorsinloggning krävs inte" in page


def test_staff_session_ends_after_idle_time(client_for: Any) -> None:
    client = client_for(staff(StaffRole.ADMIN))
    assert client.get("/home/").status_code == 200
    session = client.session
    session["samskapa_last_seen"] = int(session["samskapa_last_seen"]) - 31 * 60
    session.save()
    response = client.get("/home/")
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]


def test_profile_cannot_change_role_or_email(client_for: Any) -> None:
    user = lead_of()
    email = user.email
    response = client_for(user).post(
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
    user.refresh_from_db()
    assert (user.name, user.job_title) == ("Petra L", "Projektledare")
    assert user.staff_role == ""
    assert user.email == email
    assert not user.is_superuser


def test_personal_data_export_contains_the_account_and_is_audited(client_for: Any) -> None:
    user = lead_of()
    response = client_for(user).get("/me/data/download/")
    assert response["Content-Disposition"].startswith("attachment;")
    data = json.loads(response.content)
    assert data["account"]["email"] == user.email
    assert data["account"]["email_addresses"][0]["verified"] is True
    assert AuditEvent.objects.filter(action=AuditAction.PERSONAL_DATA_EXPORT).count() == 1


def test_erasure_needs_the_right_email_and_keeps_what_was_typed(client_for: Any) -> None:
    user = UserFactory()
    response = client_for(user).post(
        "/me/data/erase/", {"confirm_email": "fel@example.org", "password": "fel"}
    )
    assert response.status_code == 400
    page = response.content.decode()
    assert "Det här är inte ditt kontos e-postadress." in page
    assert "Lösenordet är inte rätt." in page
    assert 'value="fel@example.org"' in page
    assert User.objects.filter(email=user.email).exists()


def test_erasure_anonymises_the_account(client_for: Any) -> None:
    user = lead_of(user=UserFactory(organisation=OrganisationFactory(), job_title="Samordnare"))
    lead_of(user.project_memberships.get().project)  # the project keeps a lead
    email = user.email
    client = client_for(user)
    response = client.post("/me/data/erase/", {"confirm_email": email, "password": PASSWORD})
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
    assert email not in json.dumps(export_personal_data(user=user))


def test_erasure_needs_the_password_checked_on_the_server(client_for: Any) -> None:
    user = UserFactory()
    response = client_for(user).post(
        "/me/data/erase/", {"confirm_email": user.email, "password": "not-the-password"}
    )
    assert response.status_code == 400
    assert "Lösenordet är inte rätt." in response.content.decode()
    user.refresh_from_db()
    assert user.erased_at is None and user.is_active


def test_the_last_lead_of_a_project_hands_over_before_erasure(client_for: Any) -> None:
    user = lead_of()
    project = user.project_memberships.get().project
    member = member_of(project)
    client = client_for(user)
    page = client.get("/me/data/").content.decode()
    assert f'href="/projects/{project.pk}/members/"' in page
    assert "/me/data/erase/" not in page  # no erasure form while the project needs its lead
    response = client.post("/me/data/erase/", {"confirm_email": user.email, "password": PASSWORD})
    assert response.status_code == 400
    assert "enda projektledare" in response.content.decode()
    user.refresh_from_db()
    assert user.erased_at is None
    # Once another member leads the project, erasure goes ahead.
    ProjectMember.objects.filter(user=member).update(role=MemberRole.LEAD)
    response = client.post("/me/data/erase/", {"confirm_email": user.email, "password": PASSWORD})
    assert response.status_code == 302
    user.refresh_from_db()
    assert user.erased_at is not None


def test_organisation_form_rejects_bad_org_number_and_keeps_input(client_for: Any) -> None:
    response = client_for(staff(StaffRole.ADMIN)).post(
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


def test_organisation_form_creates_with_normalised_number(client_for: Any) -> None:
    response = client_for(staff(StaffRole.ADMIN)).post(
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


def test_foreign_organisation_needs_no_number(client_for: Any) -> None:
    response = client_for(staff(StaffRole.ADMIN)).post(
        "/organisations/new/", {"name": "Fundación X", "country": "ES", "sector": "civil_society"}
    )
    assert response.status_code == 302


def test_organisation_list_filters_by_sector(client_for: Any) -> None:
    OrganisationFactory(name="Mittuniversitetet", sector=Sector.ACADEMIA)
    OrganisationFactory(name="Vänersborgs kommun", sector=Sector.PUBLIC)
    page = client_for(staff(StaffRole.COACH)).get("/organisations/?sector=academia")
    html = page.content.decode()
    assert "Mittuniversitetet" in html
    assert "Vänersborgs kommun" not in html


def test_organisation_list_query_count_is_constant(client_for: Any) -> None:
    client = client_for(staff(StaffRole.ADMIN))
    url = "/organisations/?q=Zqx"
    client.get(url)
    Organisation.objects.create(name="Zqx A", country="ES", sector="public")
    one = count_queries(lambda: client.get(url))
    Organisation.objects.create(name="Zqx B", country="ES", sector="private")
    Organisation.objects.create(name="Zqx C", country="FI", sector="academia")
    assert count_queries(lambda: client.get(url)) == one


def test_language_switch_is_remembered_in_the_account(client_for: Any) -> None:
    coach = staff(StaffRole.COACH)
    client_for(coach).get("/en/home/?lang=en")
    coach.refresh_from_db()
    assert coach.language == "en"
    # In a new browser the account's choice applies: the Swedish address leads to English.
    fresh = Client()
    fresh.force_login(coach)
    assert '<html lang="en">' in fresh.get("/home/", follow=True).content.decode()


def test_profile_sets_the_language(client_for: Any) -> None:
    user = lead_of()
    client = client_for(user)
    response = client.post(
        "/me/profile/", {"name": "Petra Lind", "job_title": "", "language": "en"}
    )
    # The next page speaks the new language, and says so in it; no cookie is needed.
    assert response["Location"] == "/en/me/profile/"
    assert "samskapa_language" not in response.cookies
    user.refresh_from_db()
    assert user.language == "en"
    page = client.get(response["Location"]).content.decode()
    assert '<html lang="en">' in page
    assert "Your profile has been saved." in page


def test_a_lead_hands_over_on_the_members_page_and_can_then_be_erased(client_for: Any) -> None:
    user = lead_of()
    project = user.project_memberships.get().project
    member = member_of(project)
    client = client_for(user)
    page = client.get(f"/projects/{project.pk}/members/").content.decode()
    membership = ProjectMember.objects.get(user=member)
    assert f'action="/projects/{project.pk}/members/{membership.pk}/lead/"' in page
    response = client.post(f"/projects/{project.pk}/members/{membership.pk}/lead/")
    assert response.status_code == 302
    membership.refresh_from_db()
    assert membership.is_lead
    assert "/me/data/erase/" in client.get("/me/data/").content.decode()
