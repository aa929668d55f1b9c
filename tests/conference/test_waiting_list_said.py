"""The waiting list is said where it matters (issue 12, point 2): before the registration form,
on its button, on the confirmation page, in the programme, on the manage page and in the
e-mails; and the call for input asks for the speaker its form says it needs."""

from __future__ import annotations

from typing import Any

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import translation

from samskapa.conference import selectors
from samskapa.conference.enums import BookingStatus, RegistrationStatus, SubmissionFormat
from samskapa.conference.models import Edition, Registration, Session
from tests.conference.conftest import form_data, make_registration
from tests.conference.test_call_and_review import _input
from tests.factories.conference import (
    BookingFactory,
    EditionFactory,
    RegistrationFactory,
    SessionFactory,
)
from tests.fixtures import in_english

pytestmark = pytest.mark.django_db


def text(response: Any) -> str:
    return " ".join(response.content.decode().split())


# The registration form (the page has other forms, such as the language switch, above it).
FORM = '<form method="post" novalidate class="narrow">'


@pytest.fixture
def full_edition() -> Edition:
    """One place, taken."""
    edition = EditionFactory(capacity=1)
    RegistrationFactory(edition=edition)
    return edition


@pytest.fixture
def full_session(edition: Edition) -> Session:
    """A workshop with one seat, taken by a registered participant."""
    session = SessionFactory(edition=edition, title="Verkstad med en plats", seats=1)
    BookingFactory(session=session, registration__edition=edition)
    return session


def register(client: Any, edition: Edition, **changes: Any) -> Any:
    return client.post(reverse("conference:register", args=[edition.year]), form_data(**changes))


# --- Before the form ------------------------------------------------------------------------


def test_the_registration_page_says_the_conference_is_full_before_the_form(
    client_for: Any, full_edition: Edition
) -> None:
    page = text(client_for(None).get(reverse("conference:register", args=[full_edition.year])))
    assert page.index("Konferensen är fullbokad.") < page.index(FORM)
    assert "När du anmäler dig hamnar du på väntelistan." in page
    assert "Anmäl dig till väntelistan</button>" in page


def test_in_english_the_button_says_join_the_waiting_list(
    client_for: Any, full_edition: Edition
) -> None:
    client = in_english(client_for(None))
    page = text(client.get(reverse("conference:register", args=[full_edition.year])))
    assert "The conference is full." in page
    assert "Join the waiting list</button>" in page


def test_with_places_left_there_is_no_notice_and_the_button_says_register(
    client_for: Any, edition: Edition
) -> None:
    SessionFactory(edition=edition, title="Öppen verkstad", seats=5)
    page = text(client_for(None).get(reverse("conference:register", args=[edition.year])))
    assert "fullbokad" not in page and "väntelistan</button>" not in page
    assert ">Anmäl dig</button>" in page
    assert "begränsat antal platser" in page


def test_full_sessions_are_named_before_the_form_and_labelled_full(
    client_for: Any, edition: Edition, full_session: Session
) -> None:
    SessionFactory(edition=edition, title="Verkstad med platser kvar", seats=5)
    page = text(client_for(None).get(reverse("conference:register", args=[edition.year])))
    notice = page[: page.index(FORM)]
    assert "Den här programpunkten är fullbokad." in notice
    assert "Verkstad med en plats" in notice and "Verkstad med platser kvar" not in notice
    form = page[page.index(FORM) :]
    assert "Verkstad med en plats (" in form
    assert "fullt: du hamnar på väntelistan)" in form
    assert "Konferensen är fullbokad." not in page  # the conference itself has places


def test_the_programme_labels_full_sessions_full(
    client_for: Any, edition: Edition, full_session: Session
) -> None:
    SessionFactory(edition=edition, title="Verkstad med platser kvar", seats=5)
    client = in_english(client_for(None))
    page = text(client.get(reverse("conference:programme", args=[edition.year])))
    full = page[page.index("Verkstad med en plats") :]
    assert full.index("Full: waiting list") < full.index("</li>")
    other = page[page.index("Verkstad med platser kvar") :]
    assert other.index("Limited seats") < other.index("</li>")


# --- After the form -------------------------------------------------------------------------


def test_the_confirmation_says_the_place_on_the_waiting_list(
    client_for: Any, full_edition: Edition, django_capture_on_commit_callbacks: Any
) -> None:
    make_registration(full_edition, "forst@example.se")  # number 1 in line
    with django_capture_on_commit_callbacks(execute=True):
        page = text(register(client_for(None), full_edition))
    registration = full_edition.registrations.get(email="alva.nystrom@example.se")
    assert registration.status == RegistrationStatus.WAITLISTED
    assert selectors.waiting_list_position(registration) == 2
    assert "Du är nummer 2 på väntelistan." in page
    assert "Tack för din anmälan" not in page
    assert registration.token not in page
    [*_, message] = mail.outbox
    assert message.subject == "Du står på väntelistan: Testkonferensen"
    assert "Du är nummer 2 på väntelistan." in message.body


def test_in_english_the_confirmation_says_you_are_number_n(
    client_for: Any, full_edition: Edition
) -> None:
    page = text(register(in_english(client_for(None)), full_edition, language="en"))
    assert "You are number 1 on the waiting list." in page


def test_with_a_place_the_confirmation_says_so(client_for: Any, edition: Edition) -> None:
    page = text(register(client_for(None), edition))
    assert "Du har en plats på konferensen" in page
    assert "väntelistan" not in page


def test_a_session_booked_on_its_waiting_list_shows_its_place_everywhere(
    client_for: Any,
    edition: Edition,
    full_session: Session,
    django_capture_on_commit_callbacks: Any,
) -> None:
    client = client_for(None)
    with django_capture_on_commit_callbacks(execute=True):
        page = text(register(client, edition, sessions=[full_session.pk]))
    registration = edition.registrations.get(email="alva.nystrom@example.se")
    assert registration.is_registered
    [booking] = registration.bookings.all()
    assert booking.status == BookingStatus.WAITLISTED
    assert selectors.waiting_list_position(booking) == 1
    assert "Du har en plats på konferensen" in page
    assert 'Verkstad med en plats</a> <span class="badge">Nummer 1 på väntelistan</span>' in page
    [message] = mail.outbox
    assert "Verkstad med en plats (fullt: du är nummer 1 på väntelistan)" in message.body
    manage = text(client.get(registration.get_manage_url()))
    assert 'Verkstad med en plats</a> <span class="badge">Nummer 1 på väntelistan</span>' in manage


def test_an_address_already_registered_gets_no_status_on_the_page(
    client_for: Any, full_edition: Edition, django_capture_on_commit_callbacks: Any
) -> None:
    first = make_registration(full_edition, "alva.nystrom@example.se")
    assert first.is_waitlisted
    with django_capture_on_commit_callbacks(execute=True):
        page = text(register(client_for(None), full_edition))
    assert Registration.objects.filter(edition=full_edition).count() == 2
    assert "Tack för din anmälan" in page
    assert "nummer" not in page and first.token not in page
    [*_, message] = mail.outbox
    assert first.token in message.body  # the status and the link go to the address only


def test_the_manage_page_says_full_sessions_and_the_place_in_the_queue(
    client_for: Any, full_edition: Edition, django_capture_on_commit_callbacks: Any
) -> None:
    full_edition.programme_published = True
    full_edition.save()
    session = SessionFactory(edition=full_edition, title="Verkstad", seats=1)
    holder = Registration.objects.get(edition=full_edition)
    BookingFactory(session=session, registration=holder)
    waiting = make_registration(full_edition, "vantar@example.se")
    client = in_english(client_for(None))
    page = text(client.get(waiting.get_manage_url()))
    assert "You are number 1 on the waiting list." in page
    assert "Verkstad (" in page and "full: you join its waiting list)" in page
    assert "limited seats" not in page
    holders_page = text(client.get(holder.get_manage_url()))
    assert "you have a place at the conference." in holders_page
    assert "Verkstad (" in holders_page and ", full)" in holders_page
    assert "join its waiting list" not in holders_page


# --- The call for input ---------------------------------------------------------------------


def submission_data(**changes: Any) -> dict[str, Any]:
    """A workshop with the first speaker's fields left empty."""
    no_speaker = {f"speakers-0-{name}": "" for name in ("name", "organisation", "bio")}
    return _input(**{"format": SubmissionFormat.WORKSHOP.value, **no_speaker, **changes})


@pytest.mark.parametrize(
    ("language", "error"),
    [
        ("sv", "Föredrag, workshoppar och paneler behöver minst en talare. Skriv ett namn."),
        ("en", "Talks, workshops and panels need at least one speaker. Give a name."),
    ],
)
def test_a_workshop_without_a_speaker_is_refused_in_the_persons_language(
    client_for: Any, edition: Edition, language: str, error: str
) -> None:
    with translation.override(language):  # the page's address in that language
        url = reverse("conference:submit", args=[edition.year])
    response = client_for(None).post(url, submission_data())
    assert response.status_code == 200
    page = text(response)
    summary = page[page.index('class="error-summary"') :]
    assert summary.index(error) < summary.index("</div>")  # in the summary at the top
    assert page.count(error) == 2  # and beside the first speaker's name
    assert 'value="Unga som medforskare"' in page  # what was typed is kept
    assert not edition.submissions.exists()


def test_a_workshop_with_a_speaker_is_received(client_for: Any, edition: Edition) -> None:
    response = client_for(None).post(
        reverse("conference:submit", args=[edition.year]),
        submission_data(**{"speakers-0-name": "Sara Holm"}),
    )
    assert response.status_code == 302
    assert list(edition.submissions.values_list("format", flat=True)) == ["workshop"]


def test_a_poster_needs_no_speaker(client_for: Any, edition: Edition) -> None:
    response = client_for(None).post(
        reverse("conference:submit", args=[edition.year]),
        submission_data(format=SubmissionFormat.POSTER.value),
    )
    assert response.status_code == 302


def test_editing_cannot_remove_the_last_speaker_of_a_workshop(
    client_for: Any, edition: Edition
) -> None:
    client = client_for(None)
    client.post(
        reverse("conference:submit", args=[edition.year]),
        submission_data(**{"speakers-0-name": "Sara Holm"}),
    )
    submission = edition.submissions.get()
    response = client.post(
        reverse("conference:submission-manage", args=[submission.token]),
        submission_data(title="Ny titel"),
    )
    assert response.status_code == 200
    assert "behöver minst en talare" in text(response)
    submission.refresh_from_db()
    assert submission.title == "Unga som medforskare"
    assert list(submission.speakers.values_list("name", flat=True)) == ["Sara Holm"]
