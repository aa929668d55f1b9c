"""One feedback window: the invitation, the link in it, the link on the manage page, the form
and the organisers' invite button all open and close on the same days (Edition.feedback_is_open).
"""

from __future__ import annotations

import datetime
import re
from typing import Any

import factory
import pytest
import time_machine
from django.core import mail

from samskapa.accounts.enums import StaffRole
from samskapa.conference import services
from samskapa.conference.enums import RegistrationStatus
from samskapa.conference.models import Edition, Registration
from tests.factories.accounts import staff

pytestmark = pytest.mark.django_db

STARTS = datetime.date(2031, 6, 10)
ENDS = datetime.date(2031, 6, 11)
CLOSES = ENDS + datetime.timedelta(days=60)


class EditionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Edition

    year = factory.Sequence(lambda n: 2031 + n)
    title_sv = factory.Sequence(lambda n: f"Konferensen {n}")
    title_en = factory.Sequence(lambda n: f"The conference {n}")
    starts_on = STARTS
    ends_on = ENDS
    venue = "Malmö"
    capacity = 10


class RegistrationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Registration

    edition = factory.SubFactory(EditionFactory)
    name = factory.Sequence(lambda n: f"Deltagare {n}")
    email = factory.Sequence(lambda n: f"deltagare{n}@example.se")
    organisation = "Lunds kommun"
    sector = "public"
    category = "esf_project"
    status = RegistrationStatus.REGISTERED


def at(day: datetime.date) -> Any:
    return time_machine.travel(datetime.datetime.combine(day, datetime.time(12, 0)), tick=False)


DAYS = [
    (STARTS - datetime.timedelta(days=1), False),
    (STARTS, True),
    (ENDS, True),
    (CLOSES, True),
    (CLOSES + datetime.timedelta(days=1), False),
]


@pytest.mark.parametrize(("day", "open_"), DAYS)
def test_invitation_is_sent_exactly_when_its_link_works(
    day: datetime.date, open_: bool, client_for: Any, django_capture_on_commit_callbacks: Any
) -> None:
    registration = RegistrationFactory()
    edition = registration.edition
    organiser = staff(StaffRole.ADMIN)
    with at(day):
        client = client_for(organiser)
        results = client.get(f"/conference/organise/{edition.year}/feedback/")
        assert (b"/feedback/invite/" in results.content) is open_
        with django_capture_on_commit_callbacks(execute=True):
            client.post(f"/conference/organise/{edition.year}/feedback/invite/")
        assert len(mail.outbox) == (1 if open_ else 0)
        registration.refresh_from_db()
        assert (registration.feedback_invited_at is not None) is open_
        link = client_for(None).get(registration.get_feedback_url())
        assert link.status_code == (200 if open_ else 404)
        manage = client_for(None).get(registration.get_manage_url())
        if manage.status_code == 200:  # the manage page itself closes after the conference
            assert (registration.get_feedback_url().encode() in manage.content) is open_


def test_the_link_in_the_invitation_opens_the_form(
    client_for: Any, django_capture_on_commit_callbacks: Any
) -> None:
    registration = RegistrationFactory()
    with at(ENDS):
        with django_capture_on_commit_callbacks(execute=True):
            services.invite_feedback(edition=registration.edition, site_url="https://samskapa.se")
        (message,) = mail.outbox
        url = re.search(r"https://samskapa\.se(\S+)", message.body)
        assert url is not None
        assert url.group(1) == registration.get_feedback_url()
        assert client_for(None).get(url.group(1)).status_code == 200


def test_invite_service_refuses_outside_the_window() -> None:
    registration = RegistrationFactory()
    with at(CLOSES + datetime.timedelta(days=1)), pytest.raises(services.FeedbackClosed):
        services.invite_feedback(edition=registration.edition, site_url="https://samskapa.se")
    registration.refresh_from_db()
    assert registration.feedback_invited_at is None


def test_an_invitation_delivered_after_the_window_is_dropped(
    django_capture_on_commit_callbacks: Any,
) -> None:
    registration = RegistrationFactory()
    with at(CLOSES), django_capture_on_commit_callbacks() as queued:
        assert services.invite_feedback(edition=registration.edition, site_url="") == 1
    with at(CLOSES + datetime.timedelta(days=1)):
        for send in queued:
            send()
    assert mail.outbox == []


@pytest.mark.parametrize("status", [RegistrationStatus.WAITLISTED, RegistrationStatus.CANCELLED])
def test_only_people_with_a_place_get_the_form(
    status: str, client_for: Any, django_capture_on_commit_callbacks: Any
) -> None:
    registration = RegistrationFactory(status=status)
    with at(ENDS):
        with django_capture_on_commit_callbacks(execute=True):
            assert services.invite_feedback(edition=registration.edition, site_url="") == 0
        assert mail.outbox == []
        assert client_for(None).get(registration.get_feedback_url()).status_code == 404


def test_the_form_saves_while_open_and_not_after(client_for: Any) -> None:
    registration = RegistrationFactory()
    answer = {"overall": 4, "relevance": 5, "comment": "Bra"}
    with at(CLOSES):
        assert client_for(None).post(registration.get_feedback_url(), answer).status_code == 200
    with at(CLOSES + datetime.timedelta(days=1)):
        assert client_for(None).post(registration.get_feedback_url(), answer).status_code == 404
    assert registration.feedback.overall == 4
