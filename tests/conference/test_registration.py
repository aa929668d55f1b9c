"""Registration without an account: confirmation with .ics, waiting lists, cancellation."""

from __future__ import annotations

import datetime
from typing import Any

import pytest
from django.core import mail
from django.urls import reverse
from icalendar import Calendar

from samskapa.conference import services
from samskapa.conference.enums import BookingStatus, RegistrationStatus
from samskapa.conference.models import Booking, ParticipantNeeds, Registration
from tests.conference.conftest import form_data, make_registration
from tests.factories.conference import at
from tests.fixtures import in_english

pytestmark = pytest.mark.django_db


def _register(client: Any, edition: Any, **changes: Any) -> Any:
    return client.post(reverse("conference:register", args=[edition.year]), form_data(**changes))


def test_anonymous_visitor_registers_and_gets_a_confirmation_with_a_valid_ics(
    client: Any, edition: Any, django_capture_on_commit_callbacks: Any
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        response = _register(client, edition)
    registration = Registration.objects.get(edition=edition)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Vi har skickat ett mejl till <strong>alva.nystrom@example.se</strong>" in html
    assert registration.token not in html  # the link only goes to the e-mail address
    assert registration.status == RegistrationStatus.REGISTERED
    assert len(registration.token) >= 43  # 32 random bytes, base64
    [message] = mail.outbox
    assert message.to == ["alva.nystrom@example.se"]
    assert message.subject == "Du är anmäld: Testkonferensen"
    assert registration.token in message.body
    [(filename, content, mimetype)] = message.attachments
    assert filename.endswith(".ics") and mimetype == "text/calendar"
    calendar = Calendar.from_ical(content)
    [event] = calendar.walk("VEVENT")
    assert str(event["summary"]) == "Testkonferensen"
    assert event.decoded("dtstart") == edition.starts_on
    assert event.decoded("dtend") == edition.ends_on + datetime.timedelta(days=1)


def test_confirmation_is_in_the_chosen_language(
    client: Any, edition: Any, django_capture_on_commit_callbacks: Any
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        _register(client, edition, language="en")
    assert mail.outbox[0].subject == "You are registered: The test conference"


def test_registration_beyond_capacity_goes_to_the_waiting_list(
    edition: Any, django_capture_on_commit_callbacks: Any
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        for email in ("a@example.se", "b@example.se", "c@example.se"):
            make_registration(edition, email)
    statuses = list(Registration.objects.filter(edition=edition).values_list("status", flat=True))
    assert statuses == ["registered", "registered", "waitlisted"]
    assert mail.outbox[2].subject == "Du står på väntelistan: Testkonferensen"
    assert mail.outbox[2].attachments == []


def test_cancelling_promotes_the_first_on_the_waiting_list_and_tells_everyone(
    client: Any, edition: Any, django_capture_on_commit_callbacks: Any
) -> None:
    first = make_registration(edition, "a@example.se")
    make_registration(edition, "b@example.se")
    waiting_first = make_registration(edition, "c@example.se")
    waiting_second = make_registration(edition, "d@example.se")
    mail.outbox.clear()
    url = reverse("conference:registration-cancel", args=[first.token])
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url)
    assert response.status_code == 302
    first.refresh_from_db()
    waiting_first.refresh_from_db()
    waiting_second.refresh_from_db()
    assert first.status == RegistrationStatus.CANCELLED
    assert waiting_first.status == RegistrationStatus.REGISTERED
    assert waiting_first.promoted_at is not None
    assert waiting_second.status == RegistrationStatus.WAITLISTED
    subjects = {m.to[0]: m.subject for m in mail.outbox}
    assert subjects == {
        "a@example.se": "Anmälan avbokad: Testkonferensen",
        "c@example.se": "Du har fått en plats: Testkonferensen",
    }
    promoted = next(m for m in mail.outbox if m.to == ["c@example.se"])
    Calendar.from_ical(promoted.attachments[0][1])  # a valid calendar
    # The cancelled link stops working.
    assert (
        client.get(reverse("conference:registration-manage", args=[first.token])).status_code == 404
    )


def test_full_session_has_its_own_waiting_list_that_moves_on_cancellation(
    edition: Any, make_session: Any, django_capture_on_commit_callbacks: Any
) -> None:
    edition.capacity = 10
    edition.save()
    workshop = make_session(seats=1)
    first = make_registration(edition, "a@example.se", sessions=[workshop])
    second = make_registration(edition, "b@example.se", sessions=[workshop])
    assert Booking.objects.get(registration=first).status == BookingStatus.CONFIRMED
    assert Booking.objects.get(registration=second).status == BookingStatus.WAITLISTED
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.cancel_registration(site_url="http://testserver/", registration=first)
    assert Booking.objects.get(registration=second).status == BookingStatus.CONFIRMED
    assert [(m.to, m.subject) for m in mail.outbox] == [
        (["a@example.se"], "Anmälan avbokad: Testkonferensen"),
        (["b@example.se"], "Du har fått en plats på programpunkten: Workshop"),
    ]
    assert workshop.bookings.filter(status=BookingStatus.CONFIRMED).count() == 1


def test_dropping_a_session_on_the_manage_page_gives_the_seat_to_the_next(
    client: Any, edition: Any, make_session: Any
) -> None:
    edition.capacity = 10
    edition.save()
    workshop = make_session(seats=1)
    talk = make_session(title="Talk")
    first = make_registration(edition, "a@example.se", sessions=[workshop])
    second = make_registration(edition, "b@example.se", sessions=[workshop])
    url = reverse("conference:registration-manage", args=[first.token])
    response = client.post(url, {"sessions": [talk.pk]})
    assert response.status_code == 302
    assert list(first.bookings.values_list("session__title", flat=True)) == ["Talk"]
    assert Booking.objects.get(registration=second).status == BookingStatus.CONFIRMED


def test_waitlisted_participants_do_not_take_session_seats(edition: Any, make_session: Any) -> None:
    edition.capacity = 1
    edition.save()
    workshop = make_session(seats=5)
    make_registration(edition, "a@example.se")
    waiting = make_registration(edition, "b@example.se", sessions=[workshop])
    assert waiting.status == RegistrationStatus.WAITLISTED
    assert Booking.objects.get(registration=waiting).status == BookingStatus.WAITLISTED


def test_manage_page_shows_the_place_on_the_waiting_list(client: Any, edition: Any) -> None:
    make_registration(edition, "a@example.se")
    make_registration(edition, "b@example.se")
    make_registration(edition, "c@example.se")
    waiting = make_registration(edition, "d@example.se")
    response = client.get(reverse("conference:registration-manage", args=[waiting.token]))
    assert "Du är nummer 2 på väntelistan" in response.content.decode()


def test_manage_link_answers_404_for_unknown_tokens_and_after_the_conference(
    client: Any, edition: Any, time_machine: Any
) -> None:
    registration = make_registration(edition, "a@example.se")
    url = reverse("conference:registration-manage", args=[registration.token])
    assert client.get(url).status_code == 200
    assert client.get(reverse("conference:registration-manage", args=["x" * 43])).status_code == 404
    time_machine.move_to(at(edition.ends_on, 23, 59))
    assert client.get(url).status_code == 200  # the last day still counts
    time_machine.move_to(at(edition.ends_on + datetime.timedelta(days=1), 0, 1))
    assert client.get(url).status_code == 404
    cancel = reverse("conference:registration-cancel", args=[registration.token])
    assert client.post(cancel).status_code == 404


def test_registration_form_errors_are_in_swedish_and_keep_what_was_typed(
    client: Any, edition: Any
) -> None:
    response = _register(client, edition, email="inte-en-adress", sector="")
    html = response.content.decode()
    assert response.status_code == 200
    assert "Fyll i en giltig e-postadress." in html
    assert "Detta fält måste fyllas i." in html
    assert 'value="Alva Nyström"' in html
    assert 'value="inte-en-adress"' in html
    assert Registration.objects.filter(edition=edition).count() == 0


def test_registration_form_errors_are_in_english_for_english_visitors(
    client: Any, edition: Any
) -> None:
    response = _register(in_english(client), edition, email="not-an-address")
    assert "Enter a valid email address." in response.content.decode()


@pytest.mark.parametrize("day", ["before", "after"])
def test_registration_is_closed_outside_its_dates(
    client: Any, edition: Any, time_machine: Any, day: str
) -> None:
    if day == "before":
        time_machine.move_to(at(edition.registration_opens_on - datetime.timedelta(days=1), 23))
    else:
        time_machine.move_to(at(edition.registration_closes_on + datetime.timedelta(days=1), 0))
    response = _register(client, edition)
    assert "Anmälan är stängd" in response.content.decode()
    assert Registration.objects.filter(edition=edition).count() == 0


def test_registration_is_open_on_its_last_day(client: Any, edition: Any, time_machine: Any) -> None:
    time_machine.move_to(at(edition.registration_closes_on, 23, 59))
    _register(client, edition)
    assert Registration.objects.filter(edition=edition).count() == 1


def test_registration_ics_lists_the_sessions_with_a_seat(
    client: Any, edition: Any, make_session: Any
) -> None:
    workshop = make_session(seats=3, title="Förändringsteori")
    registration = make_registration(edition, "a@example.se", sessions=[workshop])
    response = client.get(reverse("conference:registration-ics", args=[registration.token]))
    calendar = Calendar.from_ical(response.content)
    summaries = sorted(str(e["summary"]) for e in calendar.walk("VEVENT"))
    assert summaries == ["Förändringsteori", "Testkonferensen"]


def test_needs_are_not_stored_without_consent(client: Any, edition: Any) -> None:
    response = _register(client, edition, dietary=["vegan"], accessibility="Rullstol")
    html = response.content.decode()
    assert "Kryssa i rutan så att vi får spara dina behov" in html
    assert "Rullstol" in html  # kept
    assert not ParticipantNeeds.objects.filter(registration__edition=edition).exists()


def test_needs_are_stored_apart_with_the_consent_version(client: Any, edition: Any) -> None:
    _register(client, edition, dietary=["vegan"], accessibility="Rullstol", needs_consent="on")
    needs = ParticipantNeeds.objects.get(registration__edition=edition)
    assert needs.dietary == ["vegan"]
    assert needs.accessibility == "Rullstol"
    assert needs.consent_version == services.NEEDS_CONSENT_VERSION


def test_registering_the_same_address_again_resends_the_link_and_takes_no_place(
    client: Any, edition: Any, django_capture_on_commit_callbacks: Any
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        _register(client, edition)
        response = _register(client, edition, email="ALVA.Nystrom@example.se", name="Någon annan")
    [registration] = Registration.objects.filter(edition=edition)
    assert registration.name == "Alva Nyström"
    assert registration.token not in response.content.decode()
    assert [m.subject for m in mail.outbox] == [
        "Du är anmäld: Testkonferensen",
        "Din anmälan: Testkonferensen",
    ]
    assert registration.token in mail.outbox[1].body
