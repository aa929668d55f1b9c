"""One waiting-list position (selectors.waiting_list_position): the manage page and the
e-mails tell the same number, and it follows the order in which places are given."""

from __future__ import annotations

import datetime
from typing import Any
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core import mail

from samskapa.conference import selectors, services
from samskapa.conference.enums import RegistrationStatus
from tests.conference.test_feedback_window import EditionFactory
from tests.fixtures import in_english

pytestmark = pytest.mark.django_db

TODAY = datetime.date(2031, 3, 2)


@pytest.fixture(autouse=True)
def _today() -> Any:
    with time_machine.travel(
        datetime.datetime(2031, 3, 2, 9, 0, tzinfo=ZoneInfo("Europe/Stockholm")), tick=False
    ):
        yield


def register(edition: Any, n: int, capture: Any) -> Any:
    with capture(execute=True):
        return services.register_participant(
            edition=edition,
            data={
                "name": f"Person {n}",
                "email": f"person{n}@example.se",
                "organisation": "Lunds kommun",
                "sector": "public",
                "category": "esf_project",
                "language": "en",
            },
            site_url="https://samskapa.se",
        )


@pytest.fixture
def edition() -> Any:
    return EditionFactory(
        capacity=1,
        registration_opens_on=TODAY - datetime.timedelta(days=1),
        registration_closes_on=TODAY + datetime.timedelta(days=30),
    )


def test_positions_follow_the_order_of_registration(
    edition: Any, django_capture_on_commit_callbacks: Any
) -> None:
    people = [register(edition, n, django_capture_on_commit_callbacks) for n in range(4)]
    assert people[0].status == RegistrationStatus.REGISTERED
    assert [selectors.waiting_list_position(p) for p in people] == [None, 1, 2, 3]
    assert list(selectors.waiting_list(edition)) == people[1:]


def test_page_and_e_mail_tell_the_same_position(
    edition: Any, client_for: Any, django_capture_on_commit_callbacks: Any
) -> None:
    for n in range(2):
        register(edition, n, django_capture_on_commit_callbacks)
    mail.outbox.clear()
    third = register(edition, 2, django_capture_on_commit_callbacks)
    (message,) = mail.outbox
    assert "You are number 2 on the waiting list." in message.body
    client = in_english(client_for(None))
    page = client.get(third.get_manage_url())
    assert "You are number 2 on the waiting list." in " ".join(page.content.decode().split())


def test_a_cancellation_moves_everyone_up_and_promotes_the_first(
    edition: Any, django_capture_on_commit_callbacks: Any
) -> None:
    people = [register(edition, n, django_capture_on_commit_callbacks) for n in range(3)]
    with django_capture_on_commit_callbacks(execute=True):
        services.cancel_registration(registration=people[0], site_url="")
    for person in people:
        person.refresh_from_db()
    assert people[1].status == RegistrationStatus.REGISTERED
    assert selectors.waiting_list_position(people[1]) is None
    assert selectors.waiting_list_position(people[2]) == 1
