"""Reads that follow relations or aggregate. Aggregation happens in SQL."""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import Any

from django.db.models import Avg, Count, Max, Min, Prefetch, Q, QuerySet
from django.db.models.functions import TruncWeek
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext as _

from samskapa.conference.enums import (
    BookingStatus,
    DietaryNeed,
    RegistrationStatus,
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


def current_edition(today: datetime.date | None = None) -> Edition | None:
    """The next (or running) edition; else the latest one."""
    today = today or timezone.localdate()
    upcoming = Edition.objects.filter(ends_on__gte=today).order_by("starts_on").first()
    return upcoming or Edition.objects.order_by("-year").first()


def earlier_editions(
    current: Edition | None, today: datetime.date | None = None
) -> QuerySet[Edition]:
    """The archive: editions that have ended, newest first (an edition announced for a later
    year is not an earlier one)."""
    today = today or timezone.localdate()
    return (
        Edition.objects.exclude(pk=current.pk if current else 0)
        .filter(ends_on__lt=today)
        .order_by("-year")
    )


def get_edition(year: int) -> Edition:
    edition = Edition.objects.filter(year=year).first()
    if edition is None:
        raise Http404
    return edition


def get_registration_by_token(token: str, *, today: datetime.date | None = None) -> Registration:
    """Manage links stop working after the conference, and after a cancellation."""
    registration = (
        Registration.objects.select_related("edition")
        .filter(token=token)
        .exclude(status=RegistrationStatus.CANCELLED)
        .first()
    )
    if registration is None or registration.edition.is_past(today):
        raise Http404
    return registration


def get_registration_by_feedback_token(
    token: str, *, today: datetime.date | None = None
) -> Registration:
    """The feedback link works exactly while `Registration.can_give_feedback` holds."""
    registration = (
        Registration.objects.select_related("edition").filter(feedback_token=token).first()
    )
    if registration is None or not registration.can_give_feedback(today):
        raise Http404
    return registration


def get_submission_by_token(token: str) -> Submission:
    """Submitters can edit until the review decision, while the call is open or revising."""
    submission = (
        Submission.objects.select_related("edition")
        .filter(token=token)
        .exclude(status=SubmissionStatus.WITHDRAWN)
        .first()
    )
    if submission is None or submission.edition.is_past():
        raise Http404
    return submission


def published_sessions(edition: Edition) -> QuerySet[Session]:
    return (
        Session.objects.filter(edition=edition)
        .select_related("track")
        .prefetch_related("speakers")
        .annotate(
            confirmed=Count("bookings", filter=Q(bookings__status=BookingStatus.CONFIRMED)),
            waiting=Count("bookings", filter=Q(bookings__status=BookingStatus.WAITLISTED)),
        )
        .order_by("starts_at", "track__order", "pk")
    )


def bookable_sessions(edition: Edition) -> QuerySet[Session]:
    """The sessions a participant can choose, with their seats taken (`Session.is_full`)."""
    return published_sessions(edition).filter(edition__programme_published=True)


def programme_by_day(edition: Edition) -> list[dict[str, Any]]:
    """Days, each with its time slots, each slot with the sessions per track."""
    days: dict[datetime.date, dict[Any, list[Session]]] = {}
    for session in published_sessions(edition).prefetch_related("documents"):
        day = timezone.localtime(session.starts_at).date()
        days.setdefault(day, {}).setdefault(session.starts_at, []).append(session)
    return [
        {
            "day": day,
            "slots": [{"starts_at": start, "sessions": items} for start, items in slots.items()],
        }
        for day, slots in days.items()
    ]


def registration_counts(edition: Edition) -> dict[str, int]:
    return edition.registrations.aggregate(
        registered=Count("pk", filter=Q(status=RegistrationStatus.REGISTERED)),
        waitlisted=Count("pk", filter=Q(status=RegistrationStatus.WAITLISTED)),
        cancelled=Count("pk", filter=Q(status=RegistrationStatus.CANCELLED)),
        attended=Count(
            "pk",
            filter=Q(status=RegistrationStatus.REGISTERED, checked_in_at__isnull=False),
        ),
    )


def search_participants(edition: Edition, q: str = "") -> QuerySet[Registration]:
    registrations = edition.registrations.exclude(status=RegistrationStatus.CANCELLED)
    if q:
        registrations = registrations.filter(
            Q(name__icontains=q) | Q(email__icontains=q) | Q(organisation__icontains=q)
        )
    return registrations.order_by("name", "pk")


def feedback_invitees(edition: Edition) -> QuerySet[Registration]:
    """Registered participants not yet invited to give feedback and without an answer."""
    return edition.registrations.filter(
        status=RegistrationStatus.REGISTERED,
        feedback_invited_at__isnull=True,
        feedback__isnull=True,
    )


def waiting_list(edition: Edition) -> QuerySet[Registration]:
    """The conference's waiting list in the order places are given (oldest first)."""
    return edition.registrations.filter(status=RegistrationStatus.WAITLISTED).order_by(
        "created_at", "pk"
    )


def session_waiting_list(session: Session) -> QuerySet[Booking]:
    """A session's waiting list in the order seats are given (oldest first). Only bookings of
    people who have a place at the conference queue for a seat."""
    return session.bookings.filter(
        status=BookingStatus.WAITLISTED, registration__status=RegistrationStatus.REGISTERED
    ).order_by("created_at", "pk")


def waiting_list_position(entry: Registration | Booking) -> int | None:
    """1 for the next in line; None when not in a queue. For a registration its place on the
    conference's waiting list, for a booking its place on the session's. Every page and e-mail
    that tells someone their place in a queue asks this."""
    queue: QuerySet[Booking] | QuerySet[Registration]
    if isinstance(entry, Booking):
        if not (entry.is_waitlisted and entry.registration.is_registered):
            return None
        queue = session_waiting_list(entry.session)
    elif entry.is_waitlisted:
        queue = waiting_list(entry.edition)
    else:
        return None
    ahead = queue.filter(
        Q(created_at__lt=entry.created_at) | Q(created_at=entry.created_at, pk__lt=entry.pk)
    )
    return ahead.count() + 1


@dataclass(frozen=True)
class AgendaItem:
    """A booking and, while it waits for a seat, its place on the session's waiting list."""

    booking: Booking
    position: int | None

    @property
    def session(self) -> Session:
        return self.booking.session

    @property
    def is_waitlisted(self) -> bool:
        return self.booking.is_waitlisted


def agenda(registration: Registration) -> list[AgendaItem]:
    """A participant's sessions in time order, as the confirmation page, the manage page and
    the e-mails show them."""
    bookings = registration.bookings.select_related(
        "registration", "session", "session__track"
    ).order_by("session__starts_at", "pk")
    return [AgendaItem(booking, waiting_list_position(booking)) for booking in bookings]


def caterer_counts(edition: Edition) -> dict[str, Any]:
    """Numbers without names for the caterer; only registered participants count."""
    needs = ParticipantNeeds.objects.filter(
        registration__edition=edition, registration__status=RegistrationStatus.REGISTERED
    )
    # JSON containment is not available on SQLite; a match on the stored list's text (with its
    # quotes, so "vegan" does not match "vegetarian") works on both databases.
    aggregates = {
        need.value: Count("pk", filter=Q(dietary__icontains=f'"{need.value}"'))
        for need in DietaryNeed
    }
    counts = needs.aggregate(
        **aggregates,
        accessibility=Count("pk", filter=~Q(accessibility="")),
    )
    participants = edition.registrations.filter(status=RegistrationStatus.REGISTERED).count()
    return {
        "participants": participants,
        "dietary": [(need.label, counts[need.value]) for need in DietaryNeed],
        "accessibility": counts["accessibility"],
    }


def list_needs(edition: Edition) -> QuerySet[ParticipantNeeds]:
    return (
        ParticipantNeeds.objects.filter(
            registration__edition=edition,
            registration__status__in=[
                RegistrationStatus.REGISTERED,
                RegistrationStatus.WAITLISTED,
            ],
        )
        .select_related("registration")
        .order_by("registration__name", "pk")
    )


# --- Statistics -----------------------------------------------------------------------------


def registrations_over_time(edition: Edition) -> list[dict[str, Any]]:
    return list(
        edition.registrations.annotate(week=TruncWeek("created_at"))
        .values("week")
        .annotate(count=Count("pk"))
        .order_by("week")
    )


def registrations_by(edition: Edition, field: str) -> list[dict[str, Any]]:
    assert field in {"category", "country", "sector"}
    return list(
        edition.registrations.exclude(status=RegistrationStatus.CANCELLED)
        .values(field)
        .annotate(count=Count("pk"))
        .order_by("-count", field)
    )


def attendance(edition: Edition, today: datetime.date | None = None) -> dict[str, Any]:
    """Registered and checked in (`registration_counts`, as on every organiser page). Who did
    not come, and the rates, exist only once the conference has taken place
    (`Edition.is_past`): before it, everyone who has not checked in may still come."""
    counts = registration_counts(edition)
    registered = counts["registered"]
    attended = counts["attended"]
    figures: dict[str, Any] = {
        "registered": registered,
        "attended": attended,
        "taken_place": edition.is_past(today),
        "no_show": None,
        "attendance_rate": None,
        "no_show_rate": None,
    }
    if figures["taken_place"] and registered:
        figures["no_show"] = registered - attended
        figures["attendance_rate"] = round(100 * attended / registered)
        figures["no_show_rate"] = round(100 * (registered - attended) / registered)
    return figures


def feedback_summary(edition: Edition) -> dict[str, Any]:
    feedback = Feedback.objects.filter(registration__edition=edition)
    summary = feedback.aggregate(
        count=Count("pk"), overall=Avg("overall"), relevance=Avg("relevance")
    )
    summary["overall_spread"] = list(
        feedback.values("overall").annotate(count=Count("pk")).order_by("overall")
    )
    return summary


def feedback_comments(edition: Edition) -> list[str]:
    return list(
        Feedback.objects.filter(registration__edition=edition)
        .exclude(comment="")
        .order_by("submitted_at", "pk")
        .values_list("comment", flat=True)
    )


# --- Review ---------------------------------------------------------------------------------


def submissions_with_scores(edition: Edition) -> QuerySet[Submission]:
    return (
        edition.submissions.exclude(status=SubmissionStatus.WITHDRAWN)
        .annotate(
            review_count=Count("reviews", distinct=True),
            done_count=Count(
                "reviews", filter=Q(reviews__submitted_at__isnull=False), distinct=True
            ),
            score_avg=Avg("reviews__scores__score"),
            score_min=Min("reviews__scores__score"),
            score_max=Max("reviews__scores__score"),
        )
        .order_by("-score_avg", "pk")
    )


def score_spread(edition: Edition) -> list[dict[str, Any]]:
    return list(
        ReviewScore.objects.filter(review__submission__edition=edition)
        .values("score")
        .annotate(count=Count("pk"))
        .order_by("score")
    )


def reviews_for_reviewer(user: Any) -> QuerySet[Review]:
    return (
        Review.objects.filter(reviewer_id=user.pk)
        .exclude(submission__status=SubmissionStatus.WITHDRAWN)
        .select_related("submission", "submission__edition")
        .order_by("submitted_at", "submission__created_at", "pk")
    )


# --- The organisers' programme grid ---------------------------------------------------------


@dataclass(frozen=True)
class Clash:
    """Another session at an overlapping time that shares the room or a speaker."""

    session: Session
    kind: str  # "room" or "speaker"
    detail: str  # the room's name, or the shared speakers' names


def clashes(
    edition: Edition,
    *,
    starts_at: datetime.datetime,
    ends_at: datetime.datetime,
    place: str,
    speaker_ids: set[int],
    exclude_pk: int | None = None,
) -> list[Clash]:
    """The sessions a session at this time, in this room and with these speakers would clash
    with. Times overlap when one starts before the other ends: a session that starts when
    another ends (adjacent) does not clash."""
    others = (
        Session.objects.filter(edition=edition, starts_at__lt=ends_at, ends_at__gt=starts_at)
        .exclude(pk=exclude_pk or 0)
        .select_related("track")
        .prefetch_related("speakers")
        .order_by("starts_at", "pk")
    )
    found: list[Clash] = []
    for other in others:
        if place and other.place == place:
            found.append(Clash(other, "room", place))
        shared = sorted(s.name for s in other.speakers.all() if s.pk in speaker_ids)
        if shared:
            found.append(Clash(other, "speaker", ", ".join(shared)))
    return found


def edition_days(edition: Edition) -> list[datetime.date]:
    count = (edition.ends_on - edition.starts_on).days + 1
    return [edition.starts_on + datetime.timedelta(days=n) for n in range(count)]


@dataclass
class GridColumn:
    key: str  # a room's name, or a track's primary key; "" for sessions in none
    label: str


def programme_grid(edition: Edition) -> dict[str, Any]:
    """The programme as a grid per day: columns are the edition's rooms (or its tracks when it
    has no rooms), rows the distinct start times of that day. Sessions outside the conference
    days are listed apart, so that a change of dates never hides one."""
    rooms = [room.name for room in edition.rooms.all()]
    tracks = list(edition.tracks.all())
    by_rooms = bool(rooms)
    if by_rooms:
        columns = [GridColumn(name, name) for name in rooms]
    else:
        columns = [GridColumn(str(track.pk), track.name) for track in tracks]
    keys = {column.key for column in columns}
    sessions = list(
        published_sessions(edition).prefetch_related("documents").order_by("starts_at", "pk")
    )

    def key_of(session: Session) -> str:
        key = session.place if by_rooms else str(session.track_id or "")
        return key if key in keys else ""

    if any(key_of(session) == "" for session in sessions):
        columns.append(GridColumn("", str(_("No room") if by_rooms else _("No track"))))
    days = {day: {} for day in edition_days(edition)}  # type: dict[datetime.date, dict[Any, Any]]
    outside = []
    for session in sessions:
        local = timezone.localtime(session.starts_at)
        if local.date() not in days:
            outside.append(session)
            continue
        row = days[local.date()].setdefault(local.time(), {c.key: [] for c in columns})
        row[key_of(session)].append(session)
    return {
        "by_rooms": by_rooms,
        "columns": columns,
        "days": [
            {
                "day": day,
                "rows": [
                    {"time": time, "cells": [(c, rows[time][c.key]) for c in columns]}
                    for time in sorted(rows)
                ],
            }
            for day, rows in days.items()
        ],
        "outside": outside,
        "count": len(sessions),
    }


def public_programme_sessions() -> QuerySet[Session]:
    """Every session of every edition whose programme is published (the public programme
    pages and the public API), with its track, edition and the speakers who consented to be
    named in the public programme."""
    return (
        Session.objects.filter(edition__programme_published=True)
        .select_related("track", "edition")
        .prefetch_related(
            Prefetch(
                "speakers",
                queryset=Speaker.objects.filter(publication_consent=True).order_by("name"),
                to_attr="public_speakers",
            )
        )
        .order_by("starts_at", "track__order", "pk")
    )
