"""Writes with side effects: registration and its waiting lists, input, review, check-in.

Seats are counted inside a transaction that first locks the edition row (select_for_update);
every write that changes who holds a seat takes that lock first, then session rows in primary
key order, so concurrent registrations and cancellations queue up instead of overbooking (on
SQLite the IMMEDIATE transaction mode already serialises writers). E-mails go out only after
the transaction commits, in the recipient's language, through the task queue (core.mail).
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from functools import partial
from typing import Any

from django.core.mail import EmailMessage
from django.db import transaction
from django.db.models import CharField, Q, Value
from django.db.models.functions import Cast, Concat
from django.urls import reverse
from django.utils import timezone

from samskapa.conference import ics, selectors
from samskapa.conference.enums import (
    BookingStatus,
    RegistrationEmail,
    RegistrationStatus,
    SubmissionEmail,
    SubmissionStatus,
)
from samskapa.conference.models import (
    Booking,
    Edition,
    Feedback,
    ParticipantNeeds,
    Registration,
    Review,
    ReviewScore,
    Session,
    Speaker,
    Submission,
)
from samskapa.core import mail, ratelimit

# Bump when the consent text shown beside the needs fields changes: each stored consent
# records the version the person agreed to.
NEEDS_CONSENT_VERSION = "2026-1"
NEEDS_RETENTION_DAYS = 30
REGISTRATION_RETENTION_DAYS = 365
ANONYMISED_DOMAIN = "@anonymised.invalid"

# The registration e-mails that carry the calendar file with the person's confirmed sessions.
WITH_CALENDAR = {RegistrationEmail.REGISTERED, RegistrationEmail.PROMOTED, RegistrationEmail.SEAT}


# --- E-mail ---------------------------------------------------------------------------------


def _absolute(site_url: str, path: str) -> str:
    return site_url.rstrip("/") + path


def registration_message(
    *, registration_id: int, kind: str, site_url: str, session_id: int | None = None
) -> EmailMessage:
    kind = RegistrationEmail(kind)
    registration = Registration.objects.select_related("edition").get(pk=registration_id)
    edition = registration.edition
    message = mail.render_message(
        to=registration.email,
        language=registration.language,
        subject_template="conference/email/registration_subject.txt",
        body_template="conference/email/registration.txt",
        context={
            "registration": registration,
            "edition": edition,
            "kind": kind,
            "Kind": RegistrationEmail,
            "session": Session.objects.filter(pk=session_id).first() if session_id else None,
            "manage_url": _absolute(site_url, registration.get_manage_url()),
            "bookings": selectors.agenda(registration),
            "position": selectors.waiting_list_position(registration),
        },
    )
    if kind in WITH_CALENDAR:
        message.attach(
            "samskapa-konferens.ics",
            ics.registration_calendar(edition, _confirmed_sessions(registration)),
            "text/calendar",
        )
    return message


def submission_message(*, submission_id: int, kind: str, site_url: str) -> EmailMessage:
    submission = Submission.objects.select_related("edition").get(pk=submission_id)
    return mail.render_message(
        to=submission.submitter_email,
        language=submission.submitter_language,
        subject_template="conference/email/submission_subject.txt",
        body_template="conference/email/submission.txt",
        context={
            "submission": submission,
            "edition": submission.edition,
            "kind": SubmissionEmail(kind),
            "Kind": SubmissionEmail,
            "manage_url": _absolute(
                site_url, reverse("conference:submission-manage", args=[submission.token])
            ),
        },
    )


def _after_commit_registration_email(
    registration: Registration, kind: str, site_url: str, session: Session | None = None
) -> None:
    mail.send_later(
        partial(
            registration_message,
            registration_id=registration.pk,
            kind=kind,
            site_url=site_url,
            session_id=session.pk if session else None,
        )
    )


def _after_commit_submission_email(submission: Submission, kind: str, site_url: str) -> None:
    mail.send_later(
        partial(submission_message, submission_id=submission.pk, kind=kind, site_url=site_url)
    )


def _confirmed_sessions(registration: Registration) -> list[Session]:
    return list(
        Session.objects.filter(
            bookings__registration=registration, bookings__status=BookingStatus.CONFIRMED
        )
        .select_related("track")
        .order_by("starts_at")
    )


# --- Seats and waiting lists ----------------------------------------------------------------


def _lock_edition(edition: Edition) -> Edition:
    return Edition.objects.select_for_update().get(pk=edition.pk)


def _fill_session(session: Session) -> list[Booking]:
    """Give free seats to the longest-waiting bookings of registered participants."""
    if session.seats is None:
        return []
    locked = Session.objects.select_for_update().get(pk=session.pk)
    assert locked.seats is not None
    taken = locked.bookings.filter(status=BookingStatus.CONFIRMED).count()
    free = locked.seats - taken
    if free <= 0:
        return []
    waiting = list(selectors.session_waiting_list(locked)[:free])
    for booking in waiting:
        booking.status = BookingStatus.CONFIRMED
        booking.save(update_fields=["status"])
    return waiting


def _fill_edition(edition: Edition, site_url: str) -> list[Registration]:
    """Move people from the conference's waiting list while there is room, oldest first."""
    taken = edition.registrations.filter(status=RegistrationStatus.REGISTERED).count()
    free = edition.capacity - taken
    if free <= 0:
        return []
    promoted = list(selectors.waiting_list(edition)[:free])
    now = timezone.now()
    for registration in promoted:
        registration.status = RegistrationStatus.REGISTERED
        registration.promoted_at = now
        registration.save(update_fields=["status", "promoted_at"])
        for session in Session.objects.filter(bookings__registration=registration).order_by("pk"):
            _fill_session(session)
        _after_commit_registration_email(registration, RegistrationEmail.PROMOTED, site_url)
    return promoted


def _book(registration: Registration, sessions: Iterable[Session]) -> None:
    """Add sessions to a registration's agenda; limited sessions queue for a seat."""
    for session in sorted(sessions, key=lambda s: s.pk):
        if session.seats is None:
            Booking.objects.get_or_create(
                registration=registration,
                session=session,
                defaults={"status": BookingStatus.CONFIRMED},
            )
        else:
            Booking.objects.get_or_create(
                registration=registration,
                session=session,
                defaults={"status": BookingStatus.WAITLISTED},
            )
            _fill_session(session)


@transaction.atomic
def register_participant(
    *,
    edition: Edition,
    data: dict[str, Any],
    sessions: Iterable[Session] = (),
    needs: dict[str, Any] | None = None,
    site_url: str,
) -> Registration:
    edition = _lock_edition(edition)
    existing = (
        edition.registrations.filter(email__iexact=data["email"])
        .exclude(status=RegistrationStatus.CANCELLED)
        .first()
    )
    if existing is not None:
        # One place per person: the link goes again to the address, never to the browser, so
        # nobody can reach someone else's registration by typing their e-mail address; at most
        # once a day, so nobody can flood that address by registering it again and again.
        if ratelimit.first_mail_today("conference-already-registered", existing.email):
            _after_commit_registration_email(existing, RegistrationEmail.ALREADY, site_url)
        existing.already_registered = True
        return existing
    status = RegistrationStatus.WAITLISTED if edition.is_full else RegistrationStatus.REGISTERED
    registration = Registration.objects.create(edition=edition, status=status, **data)
    _book(registration, sessions)
    if needs:
        ParticipantNeeds.objects.create(
            registration=registration, consent_version=NEEDS_CONSENT_VERSION, **needs
        )
    _after_commit_registration_email(
        registration,
        RegistrationEmail.REGISTERED
        if status == RegistrationStatus.REGISTERED
        else RegistrationEmail.WAITLISTED,
        site_url,
    )
    return registration


@transaction.atomic
def update_agenda(
    *, registration: Registration, sessions: Iterable[Session], site_url: str
) -> None:
    """Replace the sessions a participant has chosen; freed seats go to the next in line."""
    _lock_edition(registration.edition)
    wanted = {session.pk: session for session in sessions}
    dropped = list(registration.bookings.exclude(session_id__in=wanted).select_related("session"))
    for booking in dropped:
        booking.delete()
    for booking in dropped:
        for promoted in _fill_session(booking.session):
            _after_commit_registration_email(
                promoted.registration, RegistrationEmail.SEAT, site_url, booking.session
            )
    _book(registration, wanted.values())


@transaction.atomic
def cancel_registration(*, registration: Registration, site_url: str) -> None:
    edition = _lock_edition(registration.edition)
    registration = Registration.objects.select_for_update().get(pk=registration.pk)
    if registration.status == RegistrationStatus.CANCELLED:
        return
    registration.status = RegistrationStatus.CANCELLED
    registration.cancelled_at = timezone.now()
    registration.save(update_fields=["status", "cancelled_at"])
    sessions = list(
        Session.objects.filter(bookings__registration=registration).order_by("pk").distinct()
    )
    registration.bookings.all().delete()
    # Dietary and access needs serve only the person's attendance (docs/quality.md, retention).
    ParticipantNeeds.objects.filter(registration=registration).delete()
    _after_commit_registration_email(registration, RegistrationEmail.CANCELLED, site_url)
    _fill_edition(edition, site_url)
    for session in sessions:
        for promoted in _fill_session(session):
            _after_commit_registration_email(
                promoted.registration, RegistrationEmail.SEAT, site_url, session
            )


@transaction.atomic
def set_attendance(*, registration: Registration, attended: bool) -> None:
    registration.checked_in_at = timezone.now() if attended else None
    registration.save(update_fields=["checked_in_at"])


class FeedbackClosed(Exception):
    """Invitations are refused outside the edition's feedback window (their links would 404)."""


def feedback_message(*, registration_id: int, site_url: str) -> EmailMessage | None:
    """Built only while the link in it works: for a recipient who cancelled, or once the
    window has closed, there is nothing to send."""
    registration = Registration.objects.select_related("edition").get(pk=registration_id)
    if not registration.can_give_feedback():
        return None
    return mail.render_message(
        to=registration.email,
        language=registration.language,
        subject_template="conference/email/feedback_subject.txt",
        body_template="conference/email/feedback.txt",
        context={
            "registration": registration,
            "edition": registration.edition,
            "feedback_url": _absolute(site_url, registration.get_feedback_url()),
            "closes_on": registration.edition.feedback_closes_on,
        },
    )


@transaction.atomic
def invite_feedback(*, edition: Edition, site_url: str) -> int:
    """E-mail the feedback link once to each registered participant who has not answered.

    Raises FeedbackClosed outside the feedback window (Edition.feedback_is_open)."""
    if not edition.feedback_is_open():
        raise FeedbackClosed
    invitees = list(selectors.feedback_invitees(edition).values_list("pk", flat=True))
    Registration.objects.filter(pk__in=invitees).update(feedback_invited_at=timezone.now())
    for registration_id in invitees:
        mail.send_later(
            partial(feedback_message, registration_id=registration_id, site_url=site_url)
        )
    return len(invitees)


def save_feedback(*, registration: Registration, data: dict[str, Any]) -> Feedback:
    feedback, _created = Feedback.objects.update_or_create(registration=registration, defaults=data)
    return feedback


def purge_needs(*, now: datetime.datetime | None = None, dry_run: bool = False) -> int:
    """Delete dietary and accessibility needs 30 days after their conference ended, and those
    of cancelled registrations at once (cancellation deletes them; this catches any left).

    Registered as a retention rule: `manage.py purge` (daily cron) runs it.
    """
    today = timezone.localdate(now) if now else timezone.localdate()
    cutoff = today - datetime.timedelta(days=NEEDS_RETENTION_DAYS)
    stale = ParticipantNeeds.objects.filter(
        Q(registration__edition__ends_on__lt=cutoff)
        | Q(registration__status=RegistrationStatus.CANCELLED)
    )
    count = stale.count()
    if not dry_run:
        stale.delete()
    return count


def anonymise_old_registrations(
    *, now: datetime.datetime | None = None, dry_run: bool = False
) -> int:
    """Twelve months after a conference its registrations lose everything that identifies a
    person (docs/quality.md, retention); category, country, sector and attendance stay for the statistics."""
    today = timezone.localdate(now) if now else timezone.localdate()
    cutoff = today - datetime.timedelta(days=REGISTRATION_RETENTION_DAYS)
    stale = Registration.objects.filter(edition__ends_on__lt=cutoff).exclude(
        email__endswith=ANONYMISED_DOMAIN
    )
    if dry_run:
        return stale.count()
    ParticipantNeeds.objects.filter(registration__in=stale).delete()
    Feedback.objects.filter(registration__in=stale).update(comment="")
    # A distinct address per row keeps the one-registration-per-address constraint satisfied.
    return stale.update(
        name="",
        organisation="",
        email=Concat(Value("anonymised-"), Cast("pk", CharField()), Value(ANONYMISED_DOMAIN)),
    )


# --- Call for input and review --------------------------------------------------------------


def _replace_speakers(submission: Submission, speakers: list[dict[str, Any]]) -> None:
    old = list(submission.speakers.all())
    submission.speakers.clear()
    Speaker.objects.filter(pk__in=[s.pk for s in old], sessions__isnull=True).delete()
    for values in speakers:
        submission.speakers.add(Speaker.objects.create(edition=submission.edition, **values))


@transaction.atomic
def submit_input(
    *, edition: Edition, data: dict[str, Any], speakers: list[dict[str, Any]], site_url: str
) -> Submission:
    submission = Submission.objects.create(edition=edition, **data)
    _replace_speakers(submission, speakers)
    _after_commit_submission_email(submission, SubmissionEmail.RECEIVED, site_url)
    return submission


@transaction.atomic
def update_submission(
    *, submission: Submission, data: dict[str, Any], speakers: list[dict[str, Any]]
) -> Submission:
    for name, value in data.items():
        setattr(submission, name, value)
    if submission.status == SubmissionStatus.REVISE:
        submission.status = SubmissionStatus.SUBMITTED
    submission.save()
    _replace_speakers(submission, speakers)
    return submission


@transaction.atomic
def withdraw_submission(*, submission: Submission, site_url: str) -> None:
    submission.status = SubmissionStatus.WITHDRAWN
    submission.save(update_fields=["status", "updated_at"])
    _after_commit_submission_email(submission, SubmissionEmail.WITHDRAWN, site_url)


def assign_reviewer(*, submission: Submission, reviewer: Any) -> Review:
    review, _created = Review.objects.get_or_create(submission=submission, reviewer=reviewer)
    return review


@transaction.atomic
def save_review(*, review: Review, scores: dict[int, int], comment: str) -> Review:
    for criterion_id, score in scores.items():
        ReviewScore.objects.update_or_create(
            review=review, criterion_id=criterion_id, defaults={"score": score}
        )
    review.comment = comment
    review.submitted_at = timezone.now()
    review.save(update_fields=["comment", "submitted_at"])
    return review


@transaction.atomic
def decide_submission(
    *, submission: Submission, decision: str, note: str, site_url: str
) -> Submission:
    submission.status = decision
    submission.decision_note = note
    submission.save(update_fields=["status", "decision_note", "updated_at"])
    _after_commit_submission_email(submission, decision, site_url)
    return submission


# --- Programme ------------------------------------------------------------------------------


def session_conflicts(edition: Edition) -> list[tuple[Session, Session, str]]:
    """Pairs of overlapping sessions that share a speaker or a room."""
    sessions = list(
        Session.objects.filter(edition=edition)
        .select_related("track")
        .prefetch_related("speakers")
        .order_by("starts_at", "pk")
    )
    conflicts: list[tuple[Session, Session, str]] = []
    for index, first in enumerate(sessions):
        for second in sessions[index + 1 :]:
            if second.starts_at >= first.ends_at:
                break
            first_room = first.room or (first.track.room if first.track else "")
            second_room = second.room or (second.track.room if second.track else "")
            if first_room and first_room == second_room:
                conflicts.append((first, second, "room"))
            shared = {s.pk for s in first.speakers.all()} & {s.pk for s in second.speakers.all()}
            if shared:
                conflicts.append((first, second, "speaker"))
    return conflicts


@transaction.atomic
def create_session_from_submission(
    *,
    submission: Submission,
    starts_at: datetime.datetime,
    ends_at: datetime.datetime,
    **extra: Any,
) -> Session:
    session = Session.objects.create(
        edition=submission.edition,
        submission=submission,
        title=submission.title,
        description=submission.abstract,
        format=submission.format,
        language=submission.language,
        starts_at=starts_at,
        ends_at=ends_at,
        **extra,
    )
    session.speakers.set(submission.speakers.all())
    return session
