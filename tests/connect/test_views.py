"""Contact between projects, and the pages of projects like this one."""

from __future__ import annotations

from typing import Any

import pytest
import time_machine
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from samskapa.accounts.enums import StaffRole
from samskapa.accounts.models import User
from samskapa.connect.enums import RequestStatus
from samskapa.connect.models import ContactRequest
from samskapa.connect.services import erase_personal_data, export_personal_data
from samskapa.core import ratelimit
from samskapa.core.models import AuditAction, AuditEvent
from samskapa.projects.models import Project, TargetGroupCount
from samskapa.toolkit.models import Actor
from tests.factories.accounts import UserFactory, staff
from tests.factories.connect import ContactRequestFactory
from tests.factories.projects import ProjectFactory, lead_of, member_of

pytestmark = pytest.mark.django_db


@pytest.fixture
def sender_project() -> Project:
    return ProjectFactory(contact_name="Sara Sändare", contact_email="sara@avsandare.example")


@pytest.fixture
def receiver_project() -> Project:
    return ProjectFactory(contact_name="Rut Mottagare", contact_email="rut@mottagare.example")


@pytest.fixture
def sender(sender_project: Project) -> User:
    return lead_of(sender_project, UserFactory(name="Sam Lead", email="sam@avsandare.example"))


@pytest.fixture
def receiver(receiver_project: Project) -> User:
    return lead_of(receiver_project, UserFactory(name="Rita Lead", email="rita@mottagare.example"))


SENDER_DETAILS = ["sara@avsandare.example", "sam@avsandare.example"]
RECEIVER_DETAILS = ["rut@mottagare.example", "rita@mottagare.example"]


def _send(client: Any, sender_project: Project, receiver_project: Project) -> Any:
    url = reverse("connect:request-create", args=[sender_project.pk, receiver_project.pk])
    return client.post(url, {"message": "Hej! Vi arbetar också med unga och vill ses."})


def test_a_request_is_sent_mailed_to_the_leads_and_audited(
    login: Any,
    sender: User,
    receiver: User,
    sender_project: Project,
    receiver_project: Project,
    django_capture_on_commit_callbacks: Any,
) -> None:
    member_of(receiver_project)  # not a lead: no mail
    with django_capture_on_commit_callbacks(execute=True):
        response = _send(login(sender), sender_project, receiver_project)
    request = ContactRequest.objects.get()
    assert response.status_code == 302
    assert response["Location"] == request.get_absolute_url()
    assert (request.from_project, request.to_project, request.sender) == (
        sender_project,
        receiver_project,
        sender,
    )
    assert [m.to for m in mail.outbox] == [[receiver.email]]
    body = mail.outbox[0].body
    assert "Hej! Vi arbetar också med unga" in body
    assert not any(detail in body for detail in SENDER_DETAILS)
    assert AuditEvent.objects.filter(
        action=AuditAction.CREATE, object_type="connect.contactrequest", actor=sender
    ).exists()


def test_an_empty_message_keeps_the_form_with_an_error(
    login: Any, sender: User, sender_project: Project, receiver_project: Project
) -> None:
    url = reverse("connect:request-create", args=[sender_project.pk, receiver_project.pk])
    response = login(sender).post(url, {"message": "  "})
    assert response.status_code == 200
    assert "Write a message to the other project." in response.content.decode()
    assert not ContactRequest.objects.exists()


def test_a_second_live_request_between_the_same_projects_is_refused(
    login: Any, sender: User, receiver: User, sender_project: Project, receiver_project: Project
) -> None:
    ContactRequestFactory(from_project=receiver_project, to_project=sender_project)
    response = _send(login(sender), sender_project, receiver_project)
    assert response.status_code == 200
    assert "already a request between these projects" in response.content.decode()
    assert ContactRequest.objects.count() == 1


def test_contact_details_stay_hidden_until_acceptance_on_both_sides_and_from_a_third(
    login: Any,
    sender: User,
    receiver: User,
    sender_project: Project,
    receiver_project: Project,
    django_capture_on_commit_callbacks: Any,
) -> None:
    third = lead_of(ProjectFactory())
    _send(login(sender), sender_project, receiver_project)
    request = ContactRequest.objects.get()
    url = request.get_absolute_url()
    for person in (sender, receiver):
        page = login(person).get(url).content.decode()
        assert not any(d in page for d in SENDER_DETAILS + RECEIVER_DETAILS), person
    assert login(third).get(url).status_code == 404

    answer = reverse("connect:request-answer", args=[request.pk])
    with django_capture_on_commit_callbacks(execute=True):
        assert login(receiver).post(answer, {"decision": "accept"}).status_code == 302
    request.refresh_from_db()
    assert request.status == RequestStatus.ACCEPTED
    for person in (sender, receiver):
        page = login(person).get(url).content.decode()
        assert all(d in page for d in SENDER_DETAILS + RECEIVER_DETAILS), person
    assert login(third).get(url).status_code == 404
    assert [m.to for m in mail.outbox] == [[sender.email]]
    assert "har accepterat" in mail.outbox[0].subject  # in the recipient's language


def test_a_declined_request_shares_nothing(
    login: Any, sender: User, receiver: User, sender_project: Project, receiver_project: Project
) -> None:
    request = ContactRequestFactory(
        from_project=sender_project, to_project=receiver_project, sender=sender
    )
    answer = reverse("connect:request-answer", args=[request.pk])
    login(receiver).post(answer, {"decision": "decline"})
    request.refresh_from_db()
    assert request.status == RequestStatus.DECLINED
    page = login(sender).get(request.get_absolute_url()).content.decode()
    assert not any(d in page for d in RECEIVER_DETAILS)
    # Answered once: a second answer changes nothing.
    login(receiver).post(answer, {"decision": "accept"})
    request.refresh_from_db()
    assert request.status == RequestStatus.DECLINED


def test_only_the_receiving_projects_leads_answer(
    login: Any, sender: User, receiver: User, sender_project: Project, receiver_project: Project
) -> None:
    request = ContactRequestFactory(from_project=sender_project, to_project=receiver_project)
    answer = reverse("connect:request-answer", args=[request.pk])
    plain_member = member_of(receiver_project)
    assert login(sender).post(answer, {"decision": "accept"}).status_code == 403
    assert login(plain_member).post(answer, {"decision": "accept"}).status_code == 403
    coach = staff(StaffRole.COACH)
    assert login(coach).post(answer, {"decision": "accept"}).status_code == 404
    request.refresh_from_db()
    assert request.is_pending


def test_requests_are_rate_limited_per_person(
    login: Any, sender: User, sender_project: Project
) -> None:
    client = login(sender)
    allowed = ratelimit.CONTACT_REQUEST.count
    targets = [ProjectFactory() for _ in range(allowed + 1)]
    with time_machine.travel(timezone.now(), tick=False):  # one window of the limit
        statuses = [_send(client, sender_project, t).status_code for t in targets]
    assert statuses == [302] * allowed + [429]
    assert ContactRequest.objects.count() == allowed


def test_after_acceptance_each_side_adds_the_other_to_its_ecosystem_map_once(
    login: Any, sender: User, receiver: User, sender_project: Project, receiver_project: Project
) -> None:
    request = ContactRequestFactory(from_project=sender_project, to_project=receiver_project)
    url = reverse("connect:request-add-to-map", args=[request.pk])
    assert login(sender).post(url).status_code == 403  # not accepted yet
    request.status = RequestStatus.ACCEPTED
    request.save()
    for _ in range(2):
        assert login(sender).post(url).status_code == 302
    assert login(receiver).post(url).status_code == 302
    on_sender_map = Actor.objects.filter(project=sender_project)
    assert list(on_sender_map.values_list("name", flat=True)) == [receiver_project.owner.name]
    on_receiver_map = Actor.objects.filter(project=receiver_project)
    assert list(on_receiver_map.values_list("name", flat=True)) == [sender_project.owner.name]
    assert (
        "is on your ecosystem map" in login(sender).get(request.get_absolute_url()).content.decode()
    )


def test_similar_page_explains_and_links_only_what_the_viewer_may_open(
    login: Any, sender: User, sender_project: Project, receiver_project: Project
) -> None:
    for project in (sender_project, receiver_project):
        TargetGroupCount.objects.create(project=project, category="young_people", count=5)
    response = login(sender).get(reverse("connect:similar", args=[sender_project.pk]))
    page = response.content.decode()
    found = response.context["suggestions"]
    assert [s.project for s in found] == [receiver_project]
    assert "Shared target groups" in page and "Young people (under 30)" in page
    assert receiver_project.get_absolute_url() not in page  # a card: no link to its page
    assert reverse("connect:request-create", args=[sender_project.pk, receiver_project.pk]) in page
    admin_page = login(staff(StaffRole.PROCESS_LEADER)).get(
        reverse("connect:similar", args=[sender_project.pk])
    )
    assert receiver_project.get_absolute_url() in admin_page.content.decode()


def test_the_project_page_links_to_connect(
    login: Any, sender: User, sender_project: Project
) -> None:
    ContactRequestFactory(to_project=sender_project)
    page = login(sender).get(sender_project.get_absolute_url()).content.decode()
    assert reverse("connect:similar", args=[sender_project.pk]) in page
    assert reverse("connect:requests", args=[sender_project.pk]) in page
    assert "1 waiting for your answer" in page


@pytest.mark.parametrize("count", [1, 3])
def test_requests_list_queries_are_constant(
    count: int, login: Any, sender: User, sender_project: Project, django_assert_num_queries: Any
) -> None:
    for _ in range(count):
        ContactRequestFactory(from_project=sender_project)
        ContactRequestFactory(to_project=sender_project)
    client = login(sender)
    url = reverse("connect:requests", args=[sender_project.pk])
    with django_assert_num_queries(10):
        response = client.get(url)
    assert len(response.context["inbox"]) == len(response.context["outbox"]) == count


@pytest.mark.parametrize("count", [1, 3])
def test_similar_page_queries_are_constant(
    count: int, login: Any, sender: User, sender_project: Project, django_assert_num_queries: Any
) -> None:
    TargetGroupCount.objects.create(project=sender_project, category="young_people", count=5)
    for _ in range(count):
        other = ProjectFactory()
        TargetGroupCount.objects.create(project=other, category="young_people", count=5)
    client = login(sender)
    url = reverse("connect:similar", args=[sender_project.pk])
    with django_assert_num_queries(18):
        response = client.get(url)
    assert len(response.context["suggestions"]) == count


def test_personal_data_export_and_erasure(sender: User, sender_project: Project) -> None:
    request = ContactRequestFactory(from_project=sender_project, sender=sender)
    exported = export_personal_data(sender)
    assert exported["contact_requests_sent"][0]["message"] == request.message
    erase_personal_data(sender)
    request.refresh_from_db()
    assert (request.sender, request.message) == (None, "")
