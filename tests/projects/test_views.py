"""Pages of calls and projects: access, forms with bad input, query counts, export, search."""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterator
from typing import Any

import pytest
import time_machine
from django.core import mail
from django.core.cache import cache
from django.urls import reverse
from django.utils import timezone, translation
from openpyxl import load_workbook

from samskapa.accounts.enums import Sector, StaffRole
from samskapa.accounts.models import User
from samskapa.core import ratelimit
from samskapa.core.models import AuditEvent
from samskapa.projects.enums import Phase
from samskapa.projects.models import Call, Invitation, Project, ProjectMember
from tests.factories.accounts import OrganisationFactory, staff
from tests.factories.projects import (
    CallFactory,
    InvitationFactory,
    ProjectFactory,
    lead_of,
    member_of,
)

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _english(client: Any) -> Iterator[None]:
    # Messages are asserted in English: the test speaks English, so the addresses it reverses
    # are the English ones (/en/…) and the pages it requests speak English.
    with translation.override("en"):
        yield


@pytest.fixture
def as_user(client_for: Any) -> Any:
    """client_for; the test's addresses are the English ones (/en/…)."""

    def login(user: User | None) -> Any:
        return client_for(user)

    return login


@pytest.fixture
def project() -> Project:
    return ProjectFactory(name="Vägar in i Fyrbodal", granted_support=7450000)


@pytest.fixture
def lead(project: Project) -> User:
    return lead_of(project)


@pytest.fixture
def other_project() -> Project:
    return ProjectFactory(name="Växtkraft")


@pytest.fixture
def other_lead(other_project: Project) -> User:
    return lead_of(other_project)


@pytest.fixture
def admin() -> User:
    return staff(StaffRole.ADMIN)


# --- Members see only their own projects --------------------------------------------------


def test_member_lists_only_own_projects(
    as_user: Any, lead: User, project: Project, other_project: Project
) -> None:
    response = as_user(lead).get(reverse("projects:project-list"))
    assert [p.number for p in response.context["page"].object_list] == [project.number]


def test_staff_list_every_project(as_user: Any, project: Project, other_project: Project) -> None:
    response = as_user(staff(StaffRole.FUNDER)).get(reverse("projects:project-list"))
    assert response.context["page"].paginator.count == 2


def test_member_edits_own_profile_and_the_timeline_shows_it(
    as_user: Any, lead: User, project: Project
) -> None:
    client = as_user(lead)
    url = reverse("projects:project-edit", args=[project.pk])
    data = {
        "name": project.name,
        "phase": project.phase,
        "challenge": "En ny beskrivning av utmaningen.",
        "novelty": ["what"],
        "count_unemployed": "12",
    }
    response = client.post(url, data)
    assert response.status_code == 302
    project.refresh_from_db()
    assert project.challenge == "En ny beskrivning av utmaningen."
    assert project.target_counts.get(category="unemployed").count == 12
    assert not project.target_counts.filter(category="newly_arrived").exists()
    page = client.get(project.get_absolute_url())
    first = page.context["timeline"][0]
    assert first["who"] == lead
    with translation.override("en"):  # the middleware deactivates our language per request
        assert "societal challenge" in [str(c["field"]) for c in first["changes"]]


def test_member_cannot_change_grant_facts(as_user: Any, lead: User, project: Project) -> None:
    as_user(lead).post(
        reverse("projects:project-edit", args=[project.pk]),
        {"name": project.name, "phase": project.phase, "granted_support": "1"},
    )
    project.refresh_from_db()
    assert project.granted_support == 7450000


def test_profile_form_keeps_input_and_explains_bad_dates(
    as_user: Any, lead: User, project: Project
) -> None:
    response = as_user(lead).post(
        reverse("projects:project-edit", args=[project.pk]),
        {"name": "Nytt namn", "phase": project.phase, "start": "2025-01-01", "end": "2024-01-01"},
    )
    assert response.status_code == 200
    with translation.override("en"):
        assert response.context["form"].errors["end"] == [
            "The project cannot end before it starts."
        ]
    assert 'value="Nytt namn"' in response.content.decode()


def test_other_project_answers_404_and_is_audited(
    as_user: Any, lead: User, other_project: Project
) -> None:
    response = as_user(lead).get(other_project.get_absolute_url())
    assert response.status_code == 404
    assert AuditEvent.objects.filter(action="access_denied", object_id=str(other_project.pk))


# --- Invitations ----------------------------------------------------------------------------


def test_lead_invites_and_the_new_person_joins_and_works(
    as_user: Any,
    lead: User,
    project: Project,
    other_project: Project,
    django_capture_on_commit_callbacks: Any,
) -> None:
    client = as_user(lead)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("projects:project-members", args=[project.pk]),
            {"email": "Kollega@Example.se", "role": "member"},
        )
    assert response.status_code == 302
    assert len(mail.outbox) == 1
    link = re.search(r"http://testserver(/en/projects/invitations/\S+/)", mail.outbox[0].body)
    assert link is not None
    invitation = Invitation.objects.get(email="kollega@example.se")
    assert len(invitation.token) >= 43  # 32 random bytes
    assert invitation.expires_at > timezone.now() + timezone.timedelta(days=13)

    client.logout()
    response = client.post(
        link[1],
        {
            "name": "Kim Kollega",
            "password1": "ett långt lösenord 42",
            "password2": "ett långt lösenord 42",
        },
    )
    assert response.status_code == 302
    user = User.objects.get(email="kollega@example.se")
    assert user.emailaddress_set.get().verified
    assert user.language == "en"  # accepted on the English page: English pages and e-mail
    assert ProjectMember.objects.get(project=project, user=user).role == "member"
    assert client.get(project.get_absolute_url()).status_code == 200
    assert client.get(other_project.get_absolute_url()).status_code == 404
    # The link works once.
    client.logout()
    assert client.get(link[1]).status_code == 404


def test_expired_invitation_shows_a_clear_page(client: Any) -> None:
    invitation = InvitationFactory(expires_at=timezone.now() - timezone.timedelta(minutes=1))
    response = client.get(reverse("projects:invitation-accept", args=[invitation.token]))
    assert response.status_code == 404
    assert "Invitations work for 14 days" in response.content.decode()


def test_logged_in_invitee_joins_with_one_click(
    as_user: Any, lead: User, project: Project, other_lead: User
) -> None:
    invitation = InvitationFactory(project=project, email=other_lead.email, invited_by=lead)
    client = as_user(other_lead)
    url = reverse("projects:invitation-accept", args=[invitation.token])
    assert client.get(url).status_code == 200
    assert client.post(url).status_code == 302
    assert client.get(project.get_absolute_url()).status_code == 200


def test_invitation_for_another_address_is_refused(
    as_user: Any, lead: User, project: Project, other_lead: User
) -> None:
    invitation = InvitationFactory(project=project, email="someone@example.se", invited_by=lead)
    response = as_user(other_lead).post(
        reverse("projects:invitation-accept", args=[invitation.token])
    )
    assert response.status_code == 403
    assert not ProjectMember.objects.filter(project=project, user=other_lead)


def test_accept_form_rejects_short_and_differing_passwords(client: Any) -> None:
    invitation = InvitationFactory(email="ny@example.se")
    url = reverse("projects:invitation-accept", args=[invitation.token])
    response = client.post(url, {"name": "Ny Person", "password1": "kort", "password2": "kort"})
    assert response.status_code == 200
    with translation.override("en"):
        assert "at least 12 characters" in " ".join(response.context["form"].errors["password1"])
    response = client.post(
        url, {"name": "Ny Person", "password1": "ett långt lösenord 42", "password2": "annat"}
    )
    assert response.context["form"].errors["password2"]
    assert 'value="Ny Person"' in response.content.decode()
    assert not User.objects.filter(email="ny@example.se").exists()


def test_invite_form_rejects_bad_address_and_existing_member(
    as_user: Any, lead: User, project: Project
) -> None:
    url = reverse("projects:project-members", args=[project.pk])
    client = as_user(lead)
    response = client.post(url, {"email": "inte-en-adress", "role": "member"})
    assert response.status_code == 200
    assert response.context["form"].errors["email"]
    response = client.post(url, {"email": lead.email, "role": "member"})
    with translation.override("en"):
        assert response.context["form"].errors["email"] == [
            "This person is already a member of the project."
        ]


def test_plain_member_cannot_invite(as_user: Any, project: Project) -> None:
    response = as_user(member_of(project)).post(
        reverse("projects:project-members", args=[project.pk]), {"email": "x@example.se"}
    )
    assert response.status_code == 404
    assert not Invitation.objects.filter(email="x@example.se").exists()


# --- Partners -------------------------------------------------------------------------------


def test_member_adds_a_partner_and_the_sector_table_counts_it(
    as_user: Any, lead: User, project: Project
) -> None:
    organisation = OrganisationFactory(name="Mittuniversitetet", sector=Sector.ACADEMIA)
    client = as_user(lead)
    response = client.post(
        reverse("projects:project-partners", args=[project.pk]),
        {"organisation": organisation.pk, "role": "co_financer"},
    )
    assert response.status_code == 302
    page = client.get(project.get_absolute_url())
    group = next(g for g in page.context["sector_groups"] if g["sector"] == organisation.sector)
    assert organisation in [link.organisation for link in group["links"]]
    html = page.content.decode()
    assert 'src="data:image/svg+xml;base64,' in html
    assert "style=" not in html


def test_partner_form_requires_a_role(as_user: Any, lead: User, project: Project) -> None:
    response = as_user(lead).post(
        reverse("projects:project-partners", args=[project.pk]), {"organisation": "", "role": ""}
    )
    assert response.status_code == 200
    assert set(response.context["form"].errors) == {"organisation", "role"}


# --- Calls ----------------------------------------------------------------------------------


def test_call_form_explains_errors(as_user: Any, admin: User) -> None:
    CallFactory(reference="2023/00187")
    response = as_user(admin).post(
        reverse("projects:call-create"),
        {"reference": "2023/00187", "title": "Dubblett", "programme_area": "E",
         "call_type": "pre_study", "national": "on", "region": "skane",
         "opens": "2025-05-01", "closes": "2025-04-01"},
    )  # fmt: skip
    errors = response.context["form"].errors
    assert set(errors) == {"reference", "region", "closes"}


def test_call_detail_key_figures(as_user: Any) -> None:
    call = CallFactory()
    ProjectFactory(call=call, granted_support=1000000)
    ProjectFactory(call=call, granted_support=2500000)
    ProjectFactory(granted_support=9000000)  # in another call
    response = as_user(staff(StaffRole.COACH)).get(call.get_absolute_url())
    figures = response.context["figures"]
    assert figures["project_count"] == 2
    assert figures["granted_total"] == 3500000


# --- Search, sorting, export ----------------------------------------------------------------


def test_search_ranks_name_matches_first(as_user: Any, admin: User, project: Project) -> None:
    other = ProjectFactory(name="Aaa först i bokstavsordning")
    other.summary = "Något om Fyrbodal i texten."
    other.save()
    ProjectFactory(name="Inte med")
    response = as_user(admin).get(reverse("projects:project-list"), {"q": "Fyrbodal"})
    numbers = [p.number for p in response.context["page"].object_list]
    assert numbers == [project.number, other.number]


def test_filters_and_sorting(as_user: Any, admin: User) -> None:
    for support in (1000, 3000, 2000):
        ProjectFactory(phase=Phase.CLOSURE, granted_support=support)
    ProjectFactory(phase=Phase.IMPLEMENTATION, granted_support=5000)
    response = as_user(admin).get(
        reverse("projects:project-list"), {"phase": "closure", "sort": "-support"}
    )
    projects = list(response.context["page"].object_list)
    assert {p.phase for p in projects} == {"closure"}
    assert [p.granted_support for p in projects] == [3000, 2000, 1000]


def test_csv_export_is_safe_against_formula_injection(
    as_user: Any, admin: User, project: Project
) -> None:
    project.name = '=HYPERLINK("http://evil")'
    project.save()
    response = as_user(admin).get(reverse("projects:project-export-csv"), {"q": project.number})
    text = response.content.decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text), delimiter=";"))
    assert rows[1][1] == '\'=HYPERLINK("http://evil")'
    assert AuditEvent.objects.filter(action="export", actor=admin)


def test_xlsx_export_is_safe_and_filtered(as_user: Any, admin: User, project: Project) -> None:
    project.name = "@SUM(1)"
    project.phase = Phase.IMPLEMENTATION
    project.save()
    ProjectFactory(phase=Phase.IMPLEMENTATION)
    ProjectFactory(phase=Phase.CLOSURE)
    response = as_user(admin).get(
        reverse("projects:project-export-xlsx"), {"phase": "implementation"}
    )
    sheet = load_workbook(io.BytesIO(response.content), read_only=True).worksheets[0]
    rows = list(sheet.iter_rows(values_only=True))
    assert len(rows) - 1 == 2
    assert "'@SUM(1)" in [row[1] for row in rows]


# --- Query counts ---------------------------------------------------------------------------
# Each page must cost the same number of queries for 1 and 3 items.


def _call_with_projects(count: int) -> Call:
    call = CallFactory()
    for _ in range(count):
        ProjectFactory(call=call, granted_support=1000)
    return call


@pytest.mark.parametrize("count", [1, 3])
def test_project_list_queries_are_constant(
    count: int, as_user: Any, admin: User, django_assert_num_queries: Any
) -> None:
    call = _call_with_projects(count)
    client = as_user(admin)
    # The filter form's call choices are one query; the list itself is a count and a page.
    with django_assert_num_queries(9):
        response = client.get(reverse("projects:project-list"), {"call": call.pk})
    assert len(response.context["page"].object_list) == count


@pytest.mark.parametrize("count", [1, 3])
def test_call_list_queries_are_constant(
    count: int, as_user: Any, admin: User, django_assert_num_queries: Any
) -> None:
    for _ in range(count):
        _call_with_projects(1)
    client = as_user(admin)
    with django_assert_num_queries(7):
        response = client.get(reverse("projects:call-list"))
    assert len(response.context["page"].object_list) == count


@pytest.mark.parametrize("count", [1, 3])
def test_call_detail_queries_are_constant(
    count: int, as_user: Any, admin: User, django_assert_num_queries: Any
) -> None:
    call = _call_with_projects(count)
    client = as_user(admin)
    with django_assert_num_queries(11):
        response = client.get(call.get_absolute_url())
    assert len(response.context["projects"]) == count


def test_a_bad_filter_value_drops_only_that_filter(as_user: Any, admin: User) -> None:
    ProjectFactory(phase=Phase.CLOSURE)
    ProjectFactory(phase=Phase.IMPLEMENTATION)
    response = as_user(admin).get(
        reverse("projects:project-list"), {"call": "inte-ett-id", "phase": "closure"}
    )
    assert response.status_code == 200
    assert [p.phase for p in response.context["page"].object_list] == ["closure"]


def test_exports_are_rate_limited(as_user: Any, admin: User) -> None:
    cache.clear()
    client = as_user(admin)
    url = reverse("projects:project-export-csv")
    with time_machine.travel(timezone.now(), tick=False):  # one window of the limit
        allowed = ratelimit.EXPORT.count
        statuses = [client.get(url).status_code for _ in range(allowed + 1)]
    assert statuses == [200] * allowed + [429]


def test_admin_edits_grant_facts_and_the_number_is_validated(
    as_user: Any, admin: User, project: Project
) -> None:
    url = reverse("projects:project-edit", args=[project.pk])
    data = {
        "number": "23-912-s01",
        "owner": project.owner_id,
        "name": project.name,
        "phase": project.phase,
        "granted_support": "7500000",
    }
    assert as_user(admin).post(url, data).status_code == 302
    project.refresh_from_db()
    assert (project.number, project.granted_support) == ("23-912-S01", 7500000)
    response = as_user(admin).post(url, {**data, "number": "2301"})
    with translation.override("en"):
        assert response.context["form"].errors["number"] == [
            "Enter the project number as YY-NNN-Sxx, for example 23-012-S01."
        ]
