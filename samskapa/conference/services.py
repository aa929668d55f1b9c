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
from django.utils import timezone, translation

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
    ReviewCriterion,
    ReviewScore,
    Room,
    Session,
    SessionDocument,
    Speaker,
    Submission,
    Track,
)
from samskapa.core import mail, pagecache, ratelimit
from samskapa.core.audit import record_event
from samskapa.core.models import AuditAction
from samskapa.library.uploads import CANONICAL_EXTENSION

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
    with translation.override(registration.language):  # links in the recipient's language
        manage_url = _absolute(site_url, registration.get_manage_url())
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
            "manage_url": manage_url,
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
    with translation.override(submission.submitter_language):
        manage_url = reverse("conference:submission-manage", args=[submission.token])
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
            "manage_url": _absolute(site_url, manage_url),
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
    pagecache.touch("conference")
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
    pagecache.touch("conference")
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
    pagecache.touch("conference")
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
    with translation.override(registration.language):
        feedback_url = _absolute(site_url, registration.get_feedback_url())
    return mail.render_message(
        to=registration.email,
        language=registration.language,
        subject_template="conference/email/feedback_subject.txt",
        body_template="conference/email/feedback.txt",
        context={
            "registration": registration,
            "edition": registration.edition,
            "feedback_url": feedback_url,
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
    pagecache.touch("conference")
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
            if first.place and first.place == second.place:
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
    """Put accepted input into the programme; refuses a clash (ProgrammeClash)."""
    pagecache.touch("conference")
    session = Session(
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
    speakers = list(submission.speakers.all())
    _refuse_clashes(session, {s.pk for s in speakers})
    session.save()
    session.speakers.set(speakers)
    return session


# --- The back office: editions, rooms, tracks, criteria and the programme grid ---------------


class ProgrammeClash(Exception):
    """Refused: the session would share a room or a speaker with another at the same time.
    The forms show the clashes before saving (selectors.clashes); this is the last guard."""

    def __init__(self, clashes: list[selectors.Clash]) -> None:
        super().__init__(", ".join(c.session.title for c in clashes))
        self.clashes = clashes


def _changed(obj: Any, fields: Iterable[str] | None = None) -> list[str]:
    return list(fields) if fields else [f.name for f in obj._meta.concrete_fields]


@transaction.atomic
def save_edition(*, edition: Edition, by: Any, fields: Iterable[str] = ()) -> Edition:
    """Create or change an edition (its dates, windows, capacity, venue and languages)."""
    pagecache.touch("conference")
    created = edition.pk is None
    edition.save()
    record_event(
        action=AuditAction.CREATE if created else AuditAction.CHANGE,
        actor=by,
        obj=edition,
        fields=_changed(edition, fields),
    )
    return edition


@transaction.atomic
def save_rooms(
    *, edition: Edition, saved: list[tuple[Room, str]], deleted: list[Room], by: Any
) -> None:
    """Save rooms (each with the name it had before, "" when new). A renamed room is renamed in
    the sessions and tracks that name it; a removed room leaves them without a room."""
    pagecache.touch("conference")
    for room in deleted:
        Session.objects.filter(edition=edition, room=room.name).update(room="")
        Track.objects.filter(edition=edition, room=room.name).update(room="")
        record_event(action=AuditAction.DELETE, actor=by, obj=room, fields=["name"])
        room.delete()
    for room, old_name in saved:
        room.edition = edition
        room.save()
        if old_name and old_name != room.name:
            Session.objects.filter(edition=edition, room=old_name).update(room=room.name)
            Track.objects.filter(edition=edition, room=old_name).update(room=room.name)
        action = AuditAction.CHANGE if old_name else AuditAction.CREATE
        record_event(action=action, actor=by, obj=room, fields=["name", "seats", "order"])


@transaction.atomic
def save_tracks(*, edition: Edition, saved: list[Track], deleted: list[Track], by: Any) -> None:
    """Sessions of a removed track stay in the programme, without a track."""
    pagecache.touch("conference")
    for track in deleted:
        record_event(action=AuditAction.DELETE, actor=by, obj=track, fields=["name_sv"])
        track.delete()
    for track in saved:
        created = track.pk is None
        track.edition = edition
        track.save()
        record_event(
            action=AuditAction.CREATE if created else AuditAction.CHANGE,
            actor=by,
            obj=track,
            fields=["name_sv", "name_en", "room", "order"],
        )


@transaction.atomic
def save_criteria(
    *, edition: Edition, saved: list[ReviewCriterion], deleted: list[ReviewCriterion], by: Any
) -> None:
    """A removed criterion takes its scores with it (the reviews' other scores stay)."""
    for criterion in deleted:
        record_event(action=AuditAction.DELETE, actor=by, obj=criterion, fields=["name_sv"])
        criterion.delete()
    for criterion in saved:
        created = criterion.pk is None
        criterion.edition = edition
        criterion.save()
        record_event(
            action=AuditAction.CREATE if created else AuditAction.CHANGE,
            actor=by,
            obj=criterion,
            fields=["name_sv", "name_en", "order"],
        )


def _refuse_clashes(session: Session, speaker_ids: set[int]) -> None:
    found = selectors.clashes(
        session.edition,
        starts_at=session.starts_at,
        ends_at=session.ends_at,
        place=session.place,
        speaker_ids=speaker_ids,
        exclude_pk=session.pk,
    )
    if found:
        raise ProgrammeClash(found)


@transaction.atomic
def save_session(
    *,
    session: Session,
    speakers: Iterable[Speaker],
    new_speaker: dict[str, Any] | None = None,
    by: Any,
) -> Session:
    """Create or change a session of the programme, refusing a clash (ProgrammeClash)."""
    pagecache.touch("conference")
    created = session.pk is None
    chosen = list(speakers)
    _refuse_clashes(session, {s.pk for s in chosen})
    session.save()
    if new_speaker:
        chosen.append(Speaker.objects.create(edition=session.edition, **new_speaker))
    session.speakers.set(chosen)
    record_event(
        action=AuditAction.CREATE if created else AuditAction.CHANGE,
        actor=by,
        obj=session,
        fields=_changed(session),
    )
    return session


@transaction.atomic
def place_session(
    *,
    session: Session,
    starts_at: datetime.datetime,
    ends_at: datetime.datetime,
    where: dict[str, Any],
    by: Any,
) -> Session:
    """Move a session in the grid: its day and times, and `where` it is: {"room": name} (""
    for its track's room), or {"track": track or None} when the edition has no rooms.
    Refuses a clash."""
    pagecache.touch("conference")
    session.starts_at, session.ends_at = starts_at, ends_at
    fields = ["starts_at", "ends_at"]
    if "room" in where:
        session.room = where["room"]
        fields.append("room")
    if "track" in where:
        session.track = where["track"]
        fields.append("track")
    _refuse_clashes(session, set(session.speakers.values_list("pk", flat=True)))
    session.save(update_fields=fields)
    record_event(action=AuditAction.CHANGE, actor=by, obj=session, fields=fields)
    return session


@transaction.atomic
def delete_session(*, session: Session, by: Any) -> None:
    """Remove a session; its bookings go with it, and its documents' files are deleted."""
    pagecache.touch("conference")
    record_event(action=AuditAction.DELETE, actor=by, obj=session, fields=["title"])
    for document in list(session.documents.all()):
        _delete_document_file(document)
    session.delete()


def _delete_document_file(document: SessionDocument) -> None:
    storage, name = document.file.storage, document.file.name
    document.delete()
    if name:
        transaction.on_commit(lambda: storage.delete(name))


@transaction.atomic
def add_document(
    *, session: Session, title: str, upload: Any, content_type: str, by: Any
) -> SessionDocument:
    """Store an upload whose size and type (by content) the form has checked
    (library.forms.AttachmentForm) under a random name."""
    pagecache.touch("conference")
    upload.seek(0)
    document = SessionDocument(
        session=session,
        title=title,
        original_name=(upload.name or "file")[:200],
        content_type=content_type,
        size=upload.size or 0,
    )
    document.file.save(f"file{CANONICAL_EXTENSION[content_type]}", upload, save=False)
    document.save()
    record_event(action=AuditAction.CREATE, actor=by, obj=document, fields=["file", "title"])
    return document


@transaction.atomic
def delete_document(*, document: SessionDocument, by: Any) -> None:
    pagecache.touch("conference")
    record_event(action=AuditAction.DELETE, actor=by, obj=document, fields=["file"])
    _delete_document_file(document)
