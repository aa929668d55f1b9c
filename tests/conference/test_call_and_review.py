"""Call for input without an account, review against the edition's criteria, decisions."""

from __future__ import annotations

import datetime
from typing import Any

import pytest
from django.core import mail
from django.urls import reverse

from samskapa.accounts.enums import StaffRole
from samskapa.accounts.models import User
from samskapa.conference import services
from samskapa.conference.enums import SubmissionStatus
from samskapa.conference.models import Review, ReviewCriterion, Session, Submission, Track
from tests.factories.accounts import staff
from tests.factories.conference import ReviewScoreFactory, at

pytestmark = pytest.mark.django_db


def _input(**changes: Any) -> dict[str, Any]:
    data = {
        "title": "Unga som medforskare",
        "abstract": "Hur unga kan vara med och utforma insatser.",
        "format": "talk",
        "focus_areas": ["participation"],
        "language": "sv",
        "submitter_name": "Sara Holm",
        "submitter_email": "sara.holm@example.se",
        "speakers-TOTAL_FORMS": "3",
        "speakers-INITIAL_FORMS": "0",
        "speakers-MIN_NUM_FORMS": "0",
        "speakers-MAX_NUM_FORMS": "3",
        "speakers-0-name": "Sara Holm",
        "speakers-0-organisation": "Umeå kommun",
        "speakers-0-bio": "Projektledare.",
        "speakers-0-publication_consent": "on",
    }
    data.update(changes)
    return data


def _submit(client: Any, edition: Any, **changes: Any) -> Any:
    return client.post(reverse("conference:submit", args=[edition.year]), _input(**changes))


def test_anonymous_visitor_submits_input_and_gets_a_link_by_email(
    client: Any, edition: Any, django_capture_on_commit_callbacks: Any
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        response = _submit(client, edition)
    submission = Submission.objects.get(edition=edition)
    assert response["Location"] == reverse("conference:submission-manage", args=[submission.token])
    assert submission.focus_areas == ["participation"]
    [speaker] = submission.speakers.all()
    assert (speaker.name, speaker.publication_consent) == ("Sara Holm", True)
    [message] = mail.outbox
    assert message.subject == "Vi har tagit emot ditt inspel: Unga som medforskare"
    assert submission.token in message.body


def test_submission_errors_are_clear_and_keep_what_was_typed(client: Any, edition: Any) -> None:
    response = _submit(client, edition, title="", focus_areas=[], **{"speakers-1-bio": "Forskare"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "Detta fält måste fyllas i." in html
    assert "Skriv talarens namn." in html
    assert "Hur unga kan vara med och utforma insatser." in html
    assert "Forskare" in html
    assert not Submission.objects.filter(edition=edition).exists()


def test_submitter_edits_and_withdraws_through_the_link(
    client: Any, edition: Any, django_capture_on_commit_callbacks: Any
) -> None:
    _submit(client, edition)
    submission = Submission.objects.get(edition=edition)
    url = reverse("conference:submission-manage", args=[submission.token])
    response = client.post(url, _input(title="Unga som medforskare i Umeå"))
    assert response.status_code == 302
    submission.refresh_from_db()
    assert submission.title == "Unga som medforskare i Umeå"
    assert submission.speakers.count() == 1
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("conference:submission-withdraw", args=[submission.token]))
    submission.refresh_from_db()
    assert submission.status == SubmissionStatus.WITHDRAWN
    assert client.get(url).status_code == 404


def test_unknown_submission_token_is_404(client: Any) -> None:
    url = reverse("conference:submission-manage", args=["nope" * 11])
    assert client.get(url).status_code == 404


def test_call_closed_page_when_outside_the_dates(
    client: Any, edition: Any, time_machine: Any
) -> None:
    url = reverse("conference:submit", args=[edition.year])
    time_machine.move_to(at(edition.call_closes_on, 23, 59))
    assert "Det går inte att skicka in inspel just nu" not in client.get(url).content.decode()
    time_machine.move_to(at(edition.call_closes_on + datetime.timedelta(days=1), 0, 1))
    assert "Det går inte att skicka in inspel just nu" in client.get(url).content.decode()
    response = _submit(client, edition)
    assert "Det går inte att skicka in inspel just nu" in response.content.decode()
    assert not Submission.objects.filter(edition=edition).exists()


@pytest.fixture
def coach(db: Any) -> User:
    return staff(StaffRole.COACH)


@pytest.fixture
def reviewed(edition: Any, coach: User) -> Review:
    submission = services.submit_input(
        site_url="http://testserver/",
        edition=edition,
        data={
            "title": "Inspel",
            "abstract": "Text",
            "format": "talk",
            "focus_areas": ["results"],
            "language": "sv",
            "submitter_name": "Hemlig Person",
            "submitter_email": "hemlig@example.se",
        },
        speakers=[
            {"name": "Hemlig Person", "organisation": "", "bio": "", "publication_consent": True}
        ],
    )
    ReviewCriterion.objects.create(edition=edition, name_sv="Relevans", order=1)
    ReviewCriterion.objects.create(edition=edition, name_sv="Spridning", order=2)
    return services.assign_reviewer(submission=submission, reviewer=coach)


def test_assigned_reviewer_scores_against_the_criteria(
    client_for: Any, coach: User, reviewed: Review
) -> None:
    client = client_for(coach)
    url = reverse("conference:review", args=[reviewed.pk])
    criteria = list(reviewed.submission.edition.criteria.all())
    page = client.get(url).content.decode()
    assert "Relevans" in page and "Spridning" in page
    response = client.post(
        url, {f"score_{criteria[0].pk}": "4", f"score_{criteria[1].pk}": "2", "comment": "Bra"}
    )
    assert response.status_code == 302
    reviewed.refresh_from_db()
    assert reviewed.submitted_at is not None
    assert sorted(reviewed.scores.values_list("score", flat=True)) == [2, 4]


def test_review_form_without_scores_says_what_is_missing(
    client_for: Any, coach: User, reviewed: Review
) -> None:
    response = client_for(coach).post(
        reverse("conference:review", args=[reviewed.pk]), {"comment": "Halvfärdig"}
    )
    html = response.content.decode()
    assert "Detta fält måste fyllas i." in html
    assert "Halvfärdig" in html


def test_anonymous_review_hides_who_submitted(
    client_for: Any, coach: User, reviewed: Review
) -> None:
    edition = reviewed.submission.edition
    edition.anonymous_review = True
    edition.save()
    html = client_for(coach).get(reverse("conference:review", args=[reviewed.pk])).content.decode()
    assert "Hemlig Person" not in html and "hemlig@example.se" not in html
    edition.anonymous_review = False
    edition.save()
    html = client_for(coach).get(reverse("conference:review", args=[reviewed.pk])).content.decode()
    assert "Hemlig Person" in html


def test_other_staff_cannot_open_someone_elses_review(client_for: Any, reviewed: Review) -> None:
    for role in (StaffRole.ADMIN, StaffRole.EVALUATOR, StaffRole.PROCESS_LEADER, StaffRole.COACH):
        response = client_for(staff(role)).get(reverse("conference:review", args=[reviewed.pk]))
        assert response.status_code == 404, role


def test_staff_assign_reviewers_and_decide_with_an_email(
    client_for: Any,
    organiser: User,
    edition: Any,
    reviewed: Review,
    django_capture_on_commit_callbacks: Any,
) -> None:
    client = client_for(organiser)
    submission = reviewed.submission
    url = reverse("conference:submission-decide", args=[edition.year, submission.pk])
    evaluator = staff(StaffRole.EVALUATOR)
    client.post(url, {"assign": "1", "reviewer": evaluator.pk})
    assert submission.reviews.filter(reviewer=evaluator).exists()
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, {"decide": "1", "decision": "revise", "note": "Korta ner."})
    assert response.status_code == 302
    submission.refresh_from_db()
    assert submission.status == SubmissionStatus.REVISE
    [message] = mail.outbox
    assert message.subject == "Beslut om ditt inspel: Inspel"
    assert "Korta ner." in message.body


def test_score_dashboard_shows_the_spread(client_for: Any, organiser: User, edition: Any) -> None:
    for score in (2, 4, 5):
        ReviewScoreFactory(
            review__submission__edition=edition,
            review__submission__title=f"Inspel med {score}",
            score=score,
        )
    html = client_for(organiser).get(reverse("conference:submissions", args=[edition.year]))
    html = html.content.decode()
    assert "Poängfördelning" in html
    # Ranked by average score, best first.
    assert html.index("Inspel med 5") < html.index("Inspel med 4") < html.index("Inspel med 2")
    assert 'src="data:image/svg+xml;base64,' in html
    assert "<svg" not in html  # never inline SVG: the CSP forbids its style attributes


def test_reviewer_dashboard_panel_lists_pending_reviews(
    client_for: Any, coach: User, reviewed: Review
) -> None:
    html = client_for(coach).get(reverse("core:dashboard")).content.decode()
    assert "Inspel som väntar på din granskning" in html
    assert "Inspel" in html
    other = client_for(staff(StaffRole.COACH)).get(reverse("core:dashboard")).content.decode()
    assert "Inspel som väntar på din granskning" not in other


def test_accepted_input_is_added_to_the_programme(
    client_for: Any, organiser: User, edition: Any, reviewed: Review
) -> None:
    submission = reviewed.submission
    services.decide_submission(
        site_url="http://testserver/", submission=submission, decision="accepted", note=""
    )
    track = Track.objects.create(edition=edition, name_sv="Spår", room="Sal 1")
    url = reverse("conference:submission-decide", args=[edition.year, submission.pk])
    client = client_for(organiser)
    day = edition.starts_on.isoformat()
    bad = client.post(
        url,
        {
            "schedule": "1",
            "track": track.pk,
            "starts_at": f"{day}T10:00",
            "ends_at": f"{day}T09:00",
        },
    )
    assert "Programpunkten måste sluta efter att den har börjat." in bad.content.decode()
    assert f'value="{day}T10:00"' in bad.content.decode()
    response = client.post(
        url,
        {
            "schedule": "1",
            "track": track.pk,
            "starts_at": f"{day}T10:00",
            "ends_at": f"{day}T11:00",
            "seats": "12",
        },
    )
    assert response.status_code == 302
    session = Session.objects.get(submission=submission)
    assert (session.track, session.seats, session.title) == (track, 12, "Inspel")
    assert [s.name for s in session.speakers.all()] == ["Hemlig Person"]
