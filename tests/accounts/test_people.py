"""The administrators' people page: the list, inviting staff, staff roles and deactivation,
with the guard rails that keep the centre administered."""

from __future__ import annotations

import re
from typing import Any

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import translation

from samskapa.accounts import services
from samskapa.accounts.enums import StaffRole
from samskapa.accounts.models import User
from samskapa.core.models import AuditAction, AuditEvent
from tests.factories.accounts import OrganisationFactory, UserFactory, staff
from tests.queries import count_queries

pytestmark = pytest.mark.django_db

PEOPLE = reverse("accounts:people")
INVITE = reverse("accounts:person-invite")


def _audited(person: User, by: User, action: str) -> list[list[str]]:
    return [
        e.fields
        for e in AuditEvent.objects.filter(actor=by, action=action, object_id=str(person.pk))
    ]


@pytest.mark.parametrize("role", [*(r for r in StaffRole if r != StaffRole.ADMIN), None])
def test_only_administrators_reach_the_people_pages(client_for: Any, role: str | None) -> None:
    person = UserFactory()
    user = staff(role) if role else UserFactory()
    client = client_for(user)
    for url in (
        PEOPLE,
        INVITE,
        reverse("accounts:person", args=[person.pk]),
    ):
        assert client.get(url).status_code == 403
    for name in ("accounts:person-deactivate", "accounts:person-reactivate"):
        assert client.post(reverse(name, args=[person.pk])).status_code == 403
    assert (
        client.post(
            reverse("accounts:person", args=[person.pk]), {"staff_role": "admin"}
        ).status_code
        == 403
    )
    person.refresh_from_db()
    assert person.is_active and person.staff_role == ""


def test_list_filters_by_role_and_searches_name_and_email(client_for: Any) -> None:
    admin = staff(StaffRole.ADMIN, name="Åsa Admin")
    coach = staff(StaffRole.COACH, name="Cecilia Coach", email="cecilia@example.se")
    member = UserFactory(name="Maja Medlem", email="maja@kommun.se")
    erased = UserFactory(name="Borta Person")
    services.erase_user(user=erased, by=admin)
    client = client_for(admin)

    listed = list(client.get(PEOPLE).context["page"].object_list)
    assert set(listed) == {admin, coach, member}
    assert list(client.get(PEOPLE, {"role": "coach"}).context["page"].object_list) == [coach]
    assert list(client.get(PEOPLE, {"role": "none"}).context["page"].object_list) == [member]
    assert list(client.get(PEOPLE, {"q": "KOMMUN"}).context["page"].object_list) == [member]
    assert list(client.get(PEOPLE, {"q": "cecilia c"}).context["page"].object_list) == [coach]
    response = client.get(PEOPLE, {"q": "ingen sådan"})
    assert "Ingen matchar" in response.content.decode()


def test_list_is_a_stacked_table_with_labels(client_for: Any) -> None:
    admin = staff(StaffRole.ADMIN)
    with translation.override("sv"):
        html = client_for(admin).get(PEOPLE).content.decode()
    assert 'class="table-stack"' in html
    assert 'data-label="Roll i centret"' in html or 'data-label="Personalroll"' in html


def test_list_query_count_does_not_grow_with_people(client_for: Any) -> None:
    admin = staff(StaffRole.ADMIN, organisation=OrganisationFactory())
    client = client_for(admin)
    one = count_queries(lambda: client.get(PEOPLE))
    for role in (StaffRole.COACH, StaffRole.FUNDER, ""):
        UserFactory(staff_role=role, organisation=OrganisationFactory())
    assert count_queries(lambda: client.get(PEOPLE)) == one


def test_invitation_creates_the_account_and_mails_after_commit(
    client_for: Any, django_capture_on_commit_callbacks: Any
) -> None:
    admin = staff(StaffRole.ADMIN, name="Åsa Admin")
    client = client_for(admin)
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        response = client.post(
            INVITE, {"name": "Ny Coach", "email": "Ny.Coach@Example.se", "staff_role": "coach"}
        )
        assert response.status_code == 302
        assert mail.outbox == []  # nothing is sent before the transaction commits
    for callback in callbacks:
        callback()
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["ny.coach@example.se"]
    assert "Coach" in message.subject
    assert "Åsa Admin" in message.body

    person = User.objects.get(email="ny.coach@example.se")
    assert person.staff_role == StaffRole.COACH
    assert not person.has_usable_password()
    assert _audited(person, admin, AuditAction.CREATE) == [["email", "name", "staff_role"]]

    # The link lets the new person choose a password, once.
    link = re.search(r"http://testserver(/\S+/)", message.body)
    assert link is not None
    client.logout()
    response = client.get(link[1], follow=True)
    assert response.status_code == 200
    form_url = response.redirect_chain[-1][0]
    password = "ett långt lösenord 42"
    response = client.post(form_url, {"password1": password, "password2": password})
    assert response.status_code == 302
    person.refresh_from_db()
    assert person.check_password(password)
    assert person.emailaddress_set.get().verified


def test_invitation_refuses_an_address_that_has_an_account(client_for: Any) -> None:
    admin = staff(StaffRole.ADMIN)
    existing = UserFactory(email="finns@example.se")
    response = client_for(admin).post(
        INVITE, {"name": "Dubblett", "email": "FINNS@example.se", "staff_role": "coach"}
    )
    assert response.status_code == 200
    assert response.context["form"].errors["email"]
    assert 'value="Dubblett"' in response.content.decode()
    existing.refresh_from_db()
    assert existing.staff_role == ""


def test_invitation_needs_a_chosen_role(client_for: Any) -> None:
    admin = staff(StaffRole.ADMIN)
    response = client_for(admin).post(
        INVITE, {"name": "Utan Roll", "email": "utan@example.se", "staff_role": ""}
    )
    assert response.status_code == 200
    assert response.context["form"].errors["staff_role"]
    assert not User.objects.filter(email="utan@example.se").exists()
    assert mail.outbox == []


def test_admin_changes_a_role_with_an_audit_event(client_for: Any) -> None:
    admin = staff(StaffRole.ADMIN)
    person = UserFactory()
    url = reverse("accounts:person", args=[person.pk])
    response = client_for(admin).post(url, {"staff_role": "evaluator"})
    assert response.status_code == 302
    person.refresh_from_db()
    assert person.staff_role == StaffRole.EVALUATOR
    assert _audited(person, admin, AuditAction.CHANGE) == [["staff_role"]]
    # Leaving the administrator role ends superuser status too.
    other_admin = staff(StaffRole.ADMIN)
    assert other_admin.is_superuser
    client_for(admin).post(reverse("accounts:person", args=[other_admin.pk]), {"staff_role": ""})
    other_admin.refresh_from_db()
    assert other_admin.staff_role == "" and not other_admin.is_superuser
    assert _audited(other_admin, admin, AuditAction.CHANGE) == [["is_superuser", "staff_role"]]


def test_admin_cannot_remove_their_own_admin_role(client_for: Any) -> None:
    admin = staff(StaffRole.ADMIN)
    staff(StaffRole.ADMIN)  # not the last one: the rule is about oneself
    response = client_for(admin).post(
        reverse("accounts:person", args=[admin.pk]), {"staff_role": "coach"}
    )
    assert response.status_code == 200
    # The error is in the person's language (Swedish here).
    assert response.context["form"].errors["staff_role"] == [
        "Du kan inte ta bort din egen administratörsroll. Be en annan administratör."
    ]
    admin.refresh_from_db()
    assert admin.staff_role == StaffRole.ADMIN
    assert not _audited(admin, admin, AuditAction.CHANGE)


def test_the_last_active_admin_cannot_be_demoted_or_deactivated() -> None:
    # Through the service: in the pages an admin acting on another admin always leaves one.
    acting = staff(StaffRole.ADMIN)
    last = staff(StaffRole.ADMIN, name="Sista Admin")
    services.deactivate_person(person=acting, by=last)
    with pytest.raises(services.PeopleRuleError, match="Sista Admin"):
        services.set_staff_role(person=last, role=StaffRole.COACH, by=acting)
    with pytest.raises(services.PeopleRuleError):
        services.deactivate_person(person=last, by=acting)
    last.refresh_from_db()
    assert last.staff_role == StaffRole.ADMIN and last.is_active


def test_demoting_the_last_admin_shows_a_form_error(client_for: Any) -> None:
    # A superuser without the admin role still has every permission (Django's superuser).
    superuser = UserFactory(is_superuser=True)
    last = staff(StaffRole.ADMIN, name="Sista Admin")
    response = client_for(superuser).post(
        reverse("accounts:person", args=[last.pk]), {"staff_role": "coach"}
    )
    assert response.status_code == 200
    assert response.context["form"].errors["staff_role"] == [
        "Sista Admin är den sista aktiva administratören. Gör någon annan till administratör först."
    ]
    last.refresh_from_db()
    assert last.staff_role == StaffRole.ADMIN


def test_admin_cannot_deactivate_themselves(client_for: Any) -> None:
    admin = staff(StaffRole.ADMIN)
    staff(StaffRole.ADMIN)
    response = client_for(admin).post(reverse("accounts:person-deactivate", args=[admin.pk]))
    assert response.status_code == 200
    assert response.context["account_error"] == (
        "Du kan inte inaktivera ditt eget konto. Be en annan administratör."
    )
    assert "Kontot ändrades inte" in response.content.decode()
    admin.refresh_from_db()
    assert admin.is_active


def test_deactivated_person_is_logged_out_and_can_be_reactivated(client_for: Any) -> None:
    admin = staff(StaffRole.ADMIN)
    coach = staff(StaffRole.COACH)
    coach_client = client_for(coach)
    assert coach_client.get(reverse("core:dashboard")).status_code == 200

    from django.test import Client

    admin_client = Client()
    admin_client.force_login(admin)
    response = admin_client.post(reverse("accounts:person-deactivate", args=[coach.pk]))
    assert response.status_code == 302
    coach.refresh_from_db()
    assert not coach.is_active
    # The coach's session no longer works.
    assert coach_client.get(reverse("core:dashboard")).status_code == 302

    admin_client.post(reverse("accounts:person-reactivate", args=[coach.pk]))
    coach.refresh_from_db()
    assert coach.is_active
    assert _audited(coach, admin, AuditAction.CHANGE) == [["is_active"], ["is_active"]]


def test_erased_accounts_are_not_found(client_for: Any) -> None:
    admin = staff(StaffRole.ADMIN)
    erased = UserFactory()
    services.erase_user(user=erased, by=admin)
    client = client_for(admin)
    assert client.get(reverse("accounts:person", args=[erased.pk])).status_code == 404
    assert client.post(reverse("accounts:person-reactivate", args=[erased.pk])).status_code == 404
    erased.refresh_from_db()
    assert not erased.is_active


def test_navigation_shows_people_to_administrators_only(client_for: Any) -> None:
    admin = staff(StaffRole.ADMIN)
    assert PEOPLE in client_for(admin).get(reverse("core:dashboard")).content.decode()
    coach = staff(StaffRole.COACH)
    assert PEOPLE not in client_for(coach).get(reverse("core:dashboard")).content.decode()
