"""The conference's rows of the access matrix. Editions are built relative to the day the test
runs (`timezone.localdate()`), so the current one is open for registration and input on any
date. Token pages are public but need a valid token: registrations and submissions of that
edition, and for feedback a registration of an edition that is running today."""

from __future__ import annotations

from typing import Any

from django.utils import timezone

from samskapa.conference.models import Edition, Registration, Review, Session, Submission
from samskapa.core import pdf
from tests.access.matrix import CENTRE_TEAM, EVERYONE, Page
from tests.access.world import World
from tests.factories.conference import (
    EditionFactory,
    FeedbackFactory,
    ParticipantNeedsFactory,
    RegistrationFactory,
    ReviewFactory,
    RoomFactory,
    SessionDocumentFactory,
    SessionFactory,
    SubmissionFactory,
    TrackFactory,
)

ADMIN = frozenset({"admin"})


def _edition(world: World) -> Edition:
    """This year's edition, open for registration and input, with a session in a track."""

    def build() -> Edition:
        edition = EditionFactory(today=timezone.localdate())
        SessionFactory(edition=edition, track=TrackFactory(edition=edition), seats=20)
        return edition

    return world.get("edition", build)


def _registration(world: World) -> Registration:
    """A registration of this year's edition, with dietary and accessibility needs."""

    def build() -> Registration:
        edition = _edition(world)
        needs = ParticipantNeedsFactory(registration__edition=edition, accessibility="Hörslinga")
        return needs.registration

    return world.get("registration", build)


def _submission_obj(world: World) -> Submission:
    return world.get("submission", lambda: SubmissionFactory(edition=_edition(world)))


def _year(world: World) -> dict[str, Any]:
    """This year's edition with a registration and an input: organisers' pages show them."""
    _registration(world)
    _submission_obj(world)
    return {"year": _edition(world).year}


def _archived(world: World) -> Edition:
    """Last year's edition, with five answers to its feedback survey."""

    def build() -> Edition:
        edition = EditionFactory(today=timezone.localdate(), past=True)
        for overall in (5, 4, 4, 3, 5):
            FeedbackFactory(registration__edition=edition, overall=overall)
        return edition

    return world.get("archived", build)


def _editions(world: World) -> dict[str, Any]:
    _edition(world)
    _archived(world)
    return {}


def _archived_year(world: World) -> dict[str, Any]:
    return {"year": _archived(world).year}


def _session(world: World) -> dict[str, Any]:
    return {"pk": _edition(world).sessions.get().pk}


def _token(world: World) -> dict[str, Any]:
    return {"token": _registration(world).token}


def _new_token(world: World) -> dict[str, Any]:
    """A registration of its own for each role: cancelling it leaves the others' links."""
    return {"token": RegistrationFactory(edition=_edition(world)).token}


def _feedback_token(world: World) -> dict[str, Any]:
    running = world.get("running", lambda: EditionFactory(today=timezone.localdate(), running=True))
    return {"token": RegistrationFactory(edition=running).feedback_token}


def _submission_token(world: World) -> dict[str, Any]:
    return {"token": _submission_obj(world).token}


def _new_submission_token(world: World) -> dict[str, Any]:
    return {"token": SubmissionFactory(edition=_edition(world)).token}


def _submission(world: World) -> dict[str, Any]:
    return {"year": _edition(world).year, "pk": _submission_obj(world).pk}


def _checkin(world: World) -> dict[str, Any]:
    registration = _registration(world)
    return {"year": registration.edition.year, "pk": registration.pk}


def _review(world: World) -> dict[str, Any]:
    """The evaluator's own review: other people (other reviewers too) get 404."""

    def build() -> Review:
        return ReviewFactory(submission=_submission_obj(world), reviewer=world.users["evaluator"])

    return {"pk": world.get("review", build).pk}


def _grid_session(world: World) -> Session:
    """This year's session, in a room of the grid, with a document (slides)."""

    def build() -> Session:
        edition = _edition(world)
        RoomFactory(edition=edition, name="Sal A")
        session = edition.sessions.get()
        session.room = "Sal A"
        session.save()
        SessionDocumentFactory(session=session)
        return session

    return world.get("grid_session", build)


def _grid(world: World) -> dict[str, Any]:
    """This year's edition with a room, a track, a session in the grid and a criterion."""
    return {"year": _grid_session(world).edition.year}


def _session_in_grid(world: World) -> dict[str, Any]:
    session = _grid_session(world)
    return {"year": session.edition.year, "pk": session.pk}


def _document(world: World) -> dict[str, Any]:
    return {"pk": _grid_session(world).documents.get().pk}


def _new_document(world: World) -> dict[str, Any]:
    """A document of its own per request: removing it leaves the others."""
    session = _grid_session(world)
    return {"year": session.edition.year, "pk": SessionDocumentFactory(session=session).pk}


def _reviews(world: World) -> dict[str, Any]:
    _review(world)
    return {}


PAGES = [
    Page("conference:index", EVERYONE, kwargs=_editions),
    Page("conference:edition-detail", EVERYONE, kwargs=_year),
    Page("conference:edition-detail", EVERYONE, kwargs=_archived_year, variant="archived"),
    Page("conference:programme", EVERYONE, kwargs=_year),
    Page("conference:programme-ics", EVERYONE, kwargs=_year, scan=False),
    Page("conference:session-detail", EVERYONE, kwargs=_session),
    Page("conference:session-ics", EVERYONE, kwargs=_session, scan=False),
    Page("conference:register", EVERYONE, kwargs=_year),
    Page("conference:submit", EVERYONE, kwargs=_year),
    Page("conference:registration-manage", EVERYONE, kwargs=_token),
    Page("conference:registration-ics", EVERYONE, kwargs=_token, scan=False),
    Page(
        "conference:registration-cancel",
        EVERYONE,
        kwargs=_new_token,
        method="POST",
        ok=frozenset({302}),
        scan=False,
    ),
    Page("conference:feedback", EVERYONE, kwargs=_feedback_token),
    Page("conference:submission-manage", EVERYONE, kwargs=_submission_token),
    Page(
        "conference:submission-withdraw",
        EVERYONE,
        kwargs=_new_submission_token,
        method="POST",
        ok=frozenset({302}),
        scan=False,
    ),
    Page("conference:organise", ADMIN, kwargs=_editions),
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
    Page("conference:feedback-results", ADMIN, kwargs=_archived_year),
    Page("conference:submissions", ADMIN, kwargs=_year),
    Page("conference:submission-decide", ADMIN, kwargs=_submission),
    # The back office: edition settings, rooms, tracks and criteria, the programme grid.
    Page("conference:edition-create", ADMIN),
    Page(
        "conference:programme-grid-current",
        ADMIN,
        kwargs=_editions,
        ok=frozenset({302}),
        scan=False,
    ),
    Page("conference:edition-settings", ADMIN, kwargs=_grid),
    Page("conference:edition-structure", ADMIN, kwargs=_grid),
    Page("conference:programme-grid", ADMIN, kwargs=_grid),
    # An empty post is a form error: the grid again, with the message at the session.
    Page(
        "conference:session-place",
        ADMIN,
        kwargs=_session_in_grid,
        method="POST",
        ok=frozenset({200}),
        scan=False,
    ),
    Page("conference:session-create", ADMIN, kwargs=_grid),
    Page("conference:session-edit", ADMIN, kwargs=_session_in_grid),
    # Without the confirmation box ticked nothing is removed: back to the session's page.
    Page(
        "conference:session-delete",
        ADMIN,
        kwargs=_session_in_grid,
        method="POST",
        ok=frozenset({302}),
        scan=False,
    ),
    Page(
        "conference:document-upload",
        ADMIN,
        kwargs=_session_in_grid,
        method="POST",
        ok=frozenset({200}),
        scan=False,
    ),
    Page(
        "conference:document-delete",
        ADMIN,
        kwargs=_new_document,
        method="POST",
        ok=frozenset({302}),
        scan=False,
    ),
    Page("conference:document-download", EVERYONE, kwargs=_document, scan=False),
    Page("conference:review-list", CENTRE_TEAM, kwargs=_reviews),
    Page("conference:review", frozenset({"evaluator"}), kwargs=_review, denied=404),
    Page(
        "conference:feedback-invite",
        ADMIN,
        kwargs=_year,
        method="POST",
        ok=frozenset({302}),
        scan=False,
    ),
]
