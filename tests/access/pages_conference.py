"""The conference's rows of the access matrix. Token pages are public but need a valid token:
their kwargs point at demo objects (the 2027 edition is open; its registrations' links work)."""

from __future__ import annotations

from typing import Any

from samskapa.conference.models import Registration, Review, Session, Submission
from samskapa.core import pdf
from tests.access.matrix import CENTRE_TEAM, EVERYONE, Page

ADMIN = frozenset({"admin"})
YEAR = 2027


def _year() -> dict[str, Any]:
    return {"year": YEAR}


def _session() -> dict[str, Any]:
    return {"pk": Session.objects.filter(edition__year=YEAR).order_by("pk").first().pk}  # type: ignore[union-attr]


def _registration() -> Registration:
    return (
        Registration.objects.filter(edition__year=YEAR, status="registered").order_by("pk").first()
    )  # type: ignore[return-value]


def _token() -> dict[str, Any]:
    return {"token": _registration().token}


def _feedback_token() -> dict[str, Any]:
    # The archived 2026 edition ended more than 60 days ago, so its feedback links are closed;
    # the 2027 one has not started. Both answer 404 for everyone: feedback is tested in
    # tests/conference with dates moved.
    return {"token": _registration().feedback_token}


def _submission_token() -> dict[str, Any]:
    return {"token": Submission.objects.filter(edition__year=YEAR).order_by("pk").first().token}  # type: ignore[union-attr]


def _submission() -> dict[str, Any]:
    pk = Submission.objects.filter(edition__year=YEAR).order_by("pk").first().pk  # type: ignore[union-attr]
    return {"year": YEAR, "pk": pk}


def _checkin() -> dict[str, Any]:
    return {"year": YEAR, "pk": _registration().pk}


def _review() -> dict[str, Any]:
    review = Review.objects.filter(reviewer__email="utvarderare@samskapa.test").order_by("pk")
    return {"pk": review.first().pk}  # type: ignore[union-attr]


NOT_FOUND = frozenset({404})

PAGES = [
    Page("conference:index", EVERYONE),
    Page("conference:edition-detail", EVERYONE, kwargs=_year),
    Page("conference:edition-detail", EVERYONE, kwargs=lambda: {"year": 2026}, variant="archived"),
    Page("conference:programme", EVERYONE, kwargs=_year),
    Page("conference:programme-ics", EVERYONE, kwargs=_year, scan=False),
    Page("conference:session-detail", EVERYONE, kwargs=_session),
    Page("conference:session-ics", EVERYONE, kwargs=_session, scan=False),
    Page("conference:register", EVERYONE, kwargs=_year),
    # The demo call for input has closed: the page says so.
    Page("conference:submit", EVERYONE, kwargs=_year),
    Page("conference:registration-manage", EVERYONE, kwargs=_token),
    Page("conference:registration-ics", EVERYONE, kwargs=_token, scan=False),
    Page(
        "conference:registration-cancel",
        EVERYONE,
        kwargs=_token,
        method="POST",
        ok=frozenset({302, 404}),  # the first role cancels; the link then stops working
        scan=False,
    ),
    Page("conference:feedback", EVERYONE, kwargs=_feedback_token, ok=NOT_FOUND, scan=False),
    Page("conference:submission-manage", EVERYONE, kwargs=_submission_token),
    Page(
        "conference:submission-withdraw",
        EVERYONE,
        kwargs=_submission_token,
        method="POST",
        ok=frozenset({302, 404}),
        scan=False,
    ),
    Page("conference:organise", ADMIN),
    Page("conference:organise-edition", ADMIN, kwargs=_year),
    Page("conference:needs", ADMIN, kwargs=_year),
    Page("conference:participants", ADMIN, kwargs=_year),
    Page(
        "conference:check-in",
        ADMIN,
        kwargs=_checkin,
        method="POST",
        ok=frozenset({302}),
        data=lambda: {"attended": "1"},
        scan=False,
    ),
    Page("conference:participants-export", ADMIN, kwargs=_year, scan=False),
    # Name badges are a PDF: where pango is missing (samskapa.core.pdf) the address answers 404.
    Page(
        "conference:badges",
        ADMIN,
        kwargs=_year,
        ok=frozenset({200 if pdf.available() else 404}),
        scan=False,
    ),
    Page("conference:statistics", ADMIN, kwargs=_year),
    Page("conference:feedback-results", ADMIN, kwargs=lambda: {"year": 2026}),
    Page("conference:submissions", ADMIN, kwargs=_year),
    Page("conference:submission-decide", ADMIN, kwargs=_submission),
    Page("conference:review-list", CENTRE_TEAM),
    Page("conference:review", frozenset({"evaluator"}), kwargs=_review, denied=404),
]

PAGES += [
    Page(
        "conference:feedback-invite",
        ADMIN,
        kwargs=_year,
        method="POST",
        ok=frozenset({302}),
        scan=False,
    ),
]
