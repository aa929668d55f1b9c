"""Organisers: participant list and check-in, Excel export, statistics, feedback (badges:
test_badges_pdf.py)."""

from __future__ import annotations

import datetime
from io import BytesIO
from typing import Any

import pytest
from django.core import mail
from django.urls import reverse
from openpyxl import load_workbook

from samskapa.accounts.enums import StaffRole
from samskapa.accounts.models import User
from samskapa.conference import services
from samskapa.conference.enums import ParticipantCategory, RegistrationStatus
from samskapa.conference.models import Feedback, Registration
from samskapa.core import pagecache
from tests.conference.conftest import make_registration
from tests.factories.accounts import staff
from tests.factories.conference import EditionFactory, FeedbackFactory, RegistrationFactory, at
from tests.queries import count_queries

pytestmark = pytest.mark.django_db


def test_participant_search_finds_by_name_email_or_organisation(
    client_for: Any, organiser: User, edition: Any
) -> None:
    make_registration(edition, "greta@example.se")
    make_registration(edition, "olle@example.org")
    client = client_for(organiser)
    url = reverse("conference:participants", args=[edition.year])
    html = client.get(url, {"q": "example.org"}).content.decode()
    assert "olle" in html and "greta" not in html


def test_check_in_works_without_javascript(client_for: Any, organiser: User, edition: Any) -> None:
    registration = make_registration(edition, "greta@example.se")
    client = client_for(organiser)
    url = reverse("conference:check-in", args=[edition.year, registration.pk])
    response = client.post(url, {"attended": "1", "q": "greta"})
    assert response.status_code == 302
    assert response["Location"].endswith(f"?q=greta#p{registration.pk}")
    registration.refresh_from_db()
    assert registration.checked_in_at is not None
    client.post(url, {"attended": "0"})
    registration.refresh_from_db()
    assert registration.checked_in_at is None


def test_check_in_with_htmx_returns_the_row_fragment(
    client_for: Any, organiser: User, edition: Any
) -> None:
    registration = make_registration(edition, "greta@example.se")
    url = reverse("conference:check-in", args=[edition.year, registration.pk])
    response = client_for(organiser).post(url, {"attended": "1"}, HTTP_HX_REQUEST="true")
    html = response.content.decode()
    assert "<html" not in html
    assert "Ångra incheckningen av greta" in html


def test_excel_export_neutralises_formulas(client_for: Any, organiser: User, edition: Any) -> None:
    make_registration(edition, "a@example.se")
    Registration.objects.filter(edition=edition).update(
        name='=HYPERLINK("http://evil")', organisation="+46 Malmö"
    )
    response = client_for(organiser).get(
        reverse("conference:participants-export", args=[edition.year])
    )
    rows = list(
        load_workbook(BytesIO(response.content), read_only=True).active.iter_rows(values_only=True)
    )
    assert rows[1][0] == '\'=HYPERLINK("http://evil")'
    assert rows[1][2] == "'+46 Malmö"


def test_statistics_show_charts_as_images_with_tables(
    client_for: Any, organiser: User, edition: Any
) -> None:
    RegistrationFactory(edition=edition, category=ParticipantCategory.ESF_COUNCIL)
    RegistrationFactory(edition=edition, category=ParticipantCategory.RESEARCHER, country="NO")
    url = reverse("conference:statistics", args=[edition.year])
    html = client_for(organiser).get(url).content.decode()
    assert html.count('<picture class="chart-picture">') == 4
    assert html.count('src="data:image/svg+xml;base64,') == 4
    assert "<svg" not in html
    assert "Anmälningar per deltagarkategori" in html
    assert "Svenska ESF-rådet" in html


def test_attendance_and_no_show_rates(client_for: Any, organiser: User) -> None:
    edition = EditionFactory(past=True)
    checked_in = at(edition.starts_on, 9)
    RegistrationFactory.create_batch(4, edition=edition, checked_in_at=checked_in)
    RegistrationFactory(edition=edition)
    RegistrationFactory(edition=edition, status=RegistrationStatus.CANCELLED)  # not counted
    url = reverse("conference:statistics", args=[edition.year])
    html = client_for(organiser).get(url).content.decode()
    assert "4 (80\u00a0%)" in html
    assert "1 (20\u00a0%)" in html


def test_feedback_form_is_open_from_the_first_day_to_60_days_after(
    client: Any, edition: Any, time_machine: Any
) -> None:
    registration = make_registration(edition, "a@example.se")
    url = reverse("conference:feedback", args=[registration.feedback_token])
    time_machine.move_to(at(edition.starts_on - datetime.timedelta(days=1), 23, 59))
    assert client.get(url).status_code == 404  # before the conference
    time_machine.move_to(at(edition.ends_on + datetime.timedelta(days=61), 0, 1))
    assert client.get(url).status_code == 404  # the window has closed
    time_machine.move_to(at(edition.ends_on + datetime.timedelta(days=60), 23, 59))
    assert client.get(url).status_code == 200  # the last day of the window
    time_machine.move_to(at(edition.starts_on, 8))
    response = client.post(url, {"overall": "9", "relevance": "4", "comment": "Bra dagar"})
    assert "Bra dagar" in response.content.decode()  # kept after the error
    assert "Välj ett giltigt alternativ" in response.content.decode()
    client.post(url, {"overall": "5", "relevance": "4", "comment": "Bra dagar"})
    assert Feedback.objects.get(registration=registration).overall == 5


def test_feedback_results_are_aggregated(client_for: Any, organiser: User) -> None:
    edition = EditionFactory(past=True)
    for overall in (5, 5, 4, 4, 2):
        FeedbackFactory(registration__edition=edition, overall=overall, comment=f"Betyg {overall}")
    url = reverse("conference:feedback-results", args=[edition.year])
    html = client_for(organiser).get(url).content.decode()
    assert "Helhetsbetyg (medelvärde, 1–5)" in html
    assert "4,0" in html  # (5 + 5 + 4 + 4 + 2) / 5
    assert "Betyg 2" in html


def test_feedback_results_need_five_answers(client_for: Any, organiser: User, edition: Any) -> None:
    registration = make_registration(edition, "a@example.se")
    Feedback.objects.create(registration=registration, overall=1, relevance=1, comment="Hemligt")
    html = (
        client_for(organiser)
        .get(reverse("conference:feedback-results", args=[edition.year]))
        .content.decode()
    )
    assert "Resultaten visas från 5 svar" in html
    assert "Hemligt" not in html


# --- Query counts: the same for 1 and 3 items --------------------------------------------


def _registrations(edition: Any, count: int) -> None:
    edition.capacity = 10
    edition.save()
    for index in range(count):
        make_registration(edition, f"p{index}@example.se")


@pytest.mark.parametrize(
    "name",
    ["conference:participants", "conference:organise-edition", "conference:statistics"],
)
def test_organiser_pages_have_constant_query_counts(
    name: str, client_for: Any, organiser: User, edition: Any
) -> None:
    client = client_for(organiser)
    url = reverse(name, args=[edition.year])
    _registrations(edition, 1)
    one = count_queries(lambda: client.get(url))
    Registration.objects.filter(edition=edition).delete()
    _registrations(edition, 3)
    assert count_queries(lambda: client.get(url)) == one


def test_needs_list_has_constant_query_count(
    client_for: Any, organiser: User, edition: Any
) -> None:
    client = client_for(organiser)
    url = reverse("conference:needs", args=[edition.year])
    edition.capacity = 10
    edition.save()
    make_registration(edition, "p0@example.se", needs={"dietary": ["vegan"]})
    one = count_queries(lambda: client.get(url))
    for index in (1, 2):
        make_registration(edition, f"p{index}@example.se", needs={"dietary": ["vegan"]})
    assert count_queries(lambda: client.get(url)) == one


def test_programme_and_session_lists_have_constant_query_counts(
    client: Any, edition: Any, make_session: Any, track: Any
) -> None:
    url = reverse("conference:programme", args=[edition.year])
    make_session(title="S0", track=track)
    client.get(url)
    # The programme is a public page (core.pagecache): count the queries of rendering it.
    pagecache.touch("conference")
    one = count_queries(lambda: client.get(url))
    make_session(title="S1", track=track)
    make_session(title="S2")
    pagecache.touch("conference")
    assert count_queries(lambda: client.get(url)) == one


def test_submission_and_review_lists_have_constant_query_counts(
    client_for: Any, organiser: User, edition: Any
) -> None:
    reviewer = staff(StaffRole.COACH)

    def add(index: int) -> None:
        submission = services.submit_input(
            site_url="http://testserver/",
            edition=edition,
            data={
                "title": f"I{index}",
                "abstract": "A",
                "format": "talk",
                "focus_areas": [],
                "language": "sv",
                "submitter_name": "X",
                "submitter_email": "x@example.se",
            },
            speakers=[],
        )
        services.assign_reviewer(submission=submission, reviewer=reviewer)

    admin, coach = client_for(organiser), None
    submissions_url = reverse("conference:submissions", args=[edition.year])
    reviews_url = reverse("conference:review-list")
    add(0)
    one_admin = count_queries(lambda: admin.get(submissions_url))
    coach = client_for(reviewer)
    coach_before = count_queries(lambda: coach.get(reviews_url))
    add(1)
    add(2)
    assert count_queries(lambda: coach.get(reviews_url)) == coach_before
    admin = client_for(organiser)
    assert count_queries(lambda: admin.get(submissions_url)) == one_admin


def test_agenda_on_the_manage_page_has_constant_query_count(
    client: Any, edition: Any, make_session: Any
) -> None:
    sessions = [make_session(title=f"S{i}") for i in range(3)]
    registration = make_registration(edition, "a@example.se", sessions=sessions[:1])
    url = reverse("conference:registration-manage", args=[registration.token])
    one = count_queries(lambda: client.get(url))
    services.update_agenda(
        site_url="http://testserver/", registration=registration, sessions=sessions
    )
    assert count_queries(lambda: client.get(url)) == one


def test_feedback_invitations_go_once_in_each_persons_language(
    client_for: Any,
    organiser: User,
    edition: Any,
    django_capture_on_commit_callbacks: Any,
    time_machine: Any,
) -> None:
    swedish = make_registration(edition, "a@example.se")
    english = make_registration(edition, "b@example.org")
    Registration.objects.filter(pk=english.pk).update(language="en")
    time_machine.move_to(at(edition.starts_on, 8))
    mail.outbox.clear()
    client = client_for(organiser)
    url = reverse("conference:feedback-invite", args=[edition.year])
    with django_capture_on_commit_callbacks(execute=True):
        client.post(url)
    subjects = sorted((m.to[0], m.subject) for m in mail.outbox)
    assert subjects == [
        ("a@example.se", "Vad tyckte du om Testkonferensen?"),
        ("b@example.org", "What did you think of The test conference?"),
    ]
    assert swedish.feedback_token in mail.outbox[0].body + mail.outbox[1].body
    with django_capture_on_commit_callbacks(execute=True):
        client.post(url)
    assert len(mail.outbox) == 2  # nobody is invited twice


def test_feedback_invitations_wait_for_the_conference(
    client_for: Any, organiser: User, edition: Any, time_machine: Any
) -> None:
    time_machine.move_to(at(edition.starts_on - datetime.timedelta(days=1), 23, 59))
    make_registration(edition, "a@example.se")
    mail.outbox.clear()
    client_for(organiser).post(reverse("conference:feedback-invite", args=[edition.year]))
    assert mail.outbox == []


def test_organiser_home_panel_shows_places_and_waiting_list(
    client_for: Any, organiser: User, edition: Any
) -> None:
    EditionFactory(year=2029, past=True)
    for email in ("a@example.se", "b@example.se", "c@example.se"):
        make_registration(edition, email)
    html = client_for(organiser).get(reverse("core:dashboard")).content.decode()
    assert "Konferens 2030" in html and "Konferens 2029" not in html
    assert "2 av 2 platser är tagna, 1 står på väntelistan." in html
    assert "Anmälan är öppen." in html


def test_organiser_panel_is_not_shown_to_other_staff(client_for: Any, edition: Any) -> None:
    html = client_for(staff(StaffRole.COACH)).get(reverse("core:dashboard")).content.decode()
    assert "Konferens 2030" not in html
