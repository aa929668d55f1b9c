"""The annual conference: editions, call for input and review, programme, registration.

Participants and submitters have no account: each registration and each submission carries an
unguessable token (secrets.token_urlsafe(32), 256 bits) for its manage link.
"""

from __future__ import annotations

import datetime
import secrets
import uuid
from pathlib import PurePath

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language, pgettext_lazy
from django.utils.translation import gettext_lazy as _

from samskapa.accounts.enums import Country, Sector
from samskapa.conference.enums import (
    BookingStatus,
    Language,
    ParticipantCategory,
    RegistrationStatus,
    SubmissionFormat,
    SubmissionStatus,
)

# Feedback opens on the conference's first day and closes this many days after its last day.
FEEDBACK_DAYS_AFTER = 60


def new_token() -> str:
    return secrets.token_urlsafe(32)


def _in_language(sv: str, en: str) -> str:
    return en if get_language() == "en" and en else sv


class Edition(models.Model):
    year = models.PositiveIntegerField(_("year"), unique=True)
    title_sv = models.CharField(_("title (Swedish)"), max_length=200)
    title_en = models.CharField(_("title (English)"), max_length=200, blank=True)
    theme_sv = models.TextField(_("theme (Swedish)"), blank=True)
    theme_en = models.TextField(_("theme (English)"), blank=True)
    starts_on = models.DateField(_("first day"))
    ends_on = models.DateField(_("last day"))
    venue = models.CharField(_("venue"), max_length=200)
    online = models.BooleanField(_("can also be followed online"), default=False)
    languages = models.JSONField(_("languages"), default=list, blank=True)
    capacity = models.PositiveIntegerField(_("capacity (participants)"))
    call_opens_on = models.DateField(_("call for input opens"), null=True, blank=True)
    call_closes_on = models.DateField(_("call for input closes"), null=True, blank=True)
    registration_opens_on = models.DateField(_("registration opens"), null=True, blank=True)
    registration_closes_on = models.DateField(_("registration closes"), null=True, blank=True)
    anonymous_review = models.BooleanField(
        _("anonymous review"),
        default=False,
        help_text=_("Reviewers do not see who submitted the input."),
    )
    programme_published = models.BooleanField(_("programme published"), default=False)

    class Meta:
        ordering = ["-year"]
        verbose_name = _("conference edition")
        verbose_name_plural = _("conference editions")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends_on__gte=models.F("starts_on")),
                name="edition_ends_after_start",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.year}: {self.title_sv}"

    def get_absolute_url(self) -> str:
        return reverse("conference:edition-detail", args=[self.year])

    @property
    def title(self) -> str:
        return _in_language(self.title_sv, self.title_en)

    @property
    def theme(self) -> str:
        return _in_language(self.theme_sv, self.theme_en)

    def is_past(self, today: datetime.date | None = None) -> bool:
        return (today or timezone.localdate()) > self.ends_on

    @property
    def is_full(self) -> bool:
        """Every place is taken: a new registration goes on the waiting list. The registration
        service and every page that says so ask this."""
        taken = self.registrations.filter(status=RegistrationStatus.REGISTERED).count()
        return taken >= self.capacity

    def registration_is_open(self, today: datetime.date | None = None) -> bool:
        today = today or timezone.localdate()
        if self.is_past(today) or self.registration_opens_on is None:
            return False
        closes = self.registration_closes_on or self.ends_on
        return self.registration_opens_on <= today <= closes

    @property
    def feedback_closes_on(self) -> datetime.date:
        return self.ends_on + datetime.timedelta(days=FEEDBACK_DAYS_AFTER)

    def feedback_is_open(self, today: datetime.date | None = None) -> bool:
        """The one feedback window: the form, the link on the manage page, the invitation
        e-mail and the organisers' invite button all ask this."""
        today = today or timezone.localdate()
        return self.starts_on <= today <= self.feedback_closes_on

    def call_is_open(self, today: datetime.date | None = None) -> bool:
        today = today or timezone.localdate()
        if self.call_opens_on is None or self.call_closes_on is None:
            return False
        return self.call_opens_on <= today <= self.call_closes_on


class ReviewCriterion(models.Model):
    edition = models.ForeignKey(
        Edition, on_delete=models.CASCADE, related_name="criteria", verbose_name=_("edition")
    )
    name_sv = models.CharField(_("criterion (Swedish)"), max_length=200)
    name_en = models.CharField(_("criterion (English)"), max_length=200, blank=True)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["edition", "order", "pk"]
        verbose_name = _("review criterion")
        verbose_name_plural = _("review criteria")

    def __str__(self) -> str:
        return self.name

    @property
    def name(self) -> str:
        return _in_language(self.name_sv, self.name_en)


class Speaker(models.Model):
    edition = models.ForeignKey(
        Edition, on_delete=models.CASCADE, related_name="speakers", verbose_name=_("edition")
    )
    name = models.CharField(_("name"), max_length=150)
    organisation = models.CharField(_("organisation"), max_length=200, blank=True)
    bio = models.TextField(_("short bio"), max_length=800, blank=True)
    publication_consent = models.BooleanField(
        _("consents to being named in the public programme"), default=False
    )

    class Meta:
        ordering = ["name"]
        verbose_name = _("speaker")
        verbose_name_plural = _("speakers")

    def __str__(self) -> str:
        return self.name


class Submission(models.Model):
    """Input (inspel) to the call: submitted without an account, managed through its token."""

    edition = models.ForeignKey(
        Edition, on_delete=models.CASCADE, related_name="submissions", verbose_name=_("edition")
    )
    token = models.CharField(max_length=64, unique=True, default=new_token, editable=False)
    title = models.CharField(_("title"), max_length=200)
    abstract = models.TextField(_("abstract"), max_length=3000)
    format = models.CharField(_("format"), max_length=20, choices=SubmissionFormat.choices)
    focus_areas = models.JSONField(_("focus areas"), default=list, blank=True)
    language = models.CharField(_("language"), max_length=2, choices=Language.choices)
    submitter_name = models.CharField(_("your name"), max_length=150)
    submitter_email = models.EmailField(_("your e-mail address"))
    submitter_language = models.CharField(max_length=2, choices=Language.choices, default="sv")
    speakers = models.ManyToManyField(
        Speaker, related_name="submissions", blank=True, verbose_name=_("speakers")
    )
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=SubmissionStatus.choices,
        default=SubmissionStatus.SUBMITTED,
    )
    decision_note = models.TextField(_("message to the submitter"), blank=True)
    created_at = models.DateTimeField(_("submitted"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        ordering = ["edition", "created_at", "pk"]
        verbose_name = _("input")
        verbose_name_plural = _("inputs")

    def __str__(self) -> str:
        return self.title

    @property
    def is_undecided(self) -> bool:
        """Submitted or sent back for revision: the reviewers have not decided yet."""
        return self.status in {SubmissionStatus.SUBMITTED, SubmissionStatus.REVISE}

    @property
    def has_decision_note(self) -> bool:
        return bool(self.decision_note) and self.status != SubmissionStatus.SUBMITTED

    def is_editable(self, today: datetime.date | None = None) -> bool:
        """The submitter may change it while revising, or while submitted and the call open."""
        return self.status == SubmissionStatus.REVISE or (
            self.status == SubmissionStatus.SUBMITTED and self.edition.call_is_open(today)
        )


class Review(models.Model):
    """An assignment of a reviewer to a submission; scored when `submitted_at` is set."""

    submission = models.ForeignKey(
        Submission, on_delete=models.CASCADE, related_name="reviews", verbose_name=_("input")
    )
    reviewer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="conference_reviews",
        verbose_name=_("reviewer"),
    )
    comment = models.TextField(_("comment"), blank=True)
    submitted_at = models.DateTimeField(_("reviewed"), null=True, blank=True)

    class Meta:
        ordering = ["submission", "pk"]
        verbose_name = _("review")
        verbose_name_plural = _("reviews")
        constraints = [
            # One review per reviewer and input: assigning twice changes nothing.
            models.UniqueConstraint(fields=["submission", "reviewer"], name="review_once"),
        ]

    def __str__(self) -> str:
        return f"{self.submission} – {self.reviewer}"


class ReviewScore(models.Model):
    review = models.ForeignKey(Review, on_delete=models.CASCADE, related_name="scores")
    criterion = models.ForeignKey(ReviewCriterion, on_delete=models.CASCADE, related_name="+")
    score = models.PositiveSmallIntegerField(
        _("score"), validators=[MinValueValidator(1), MaxValueValidator(5)]
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["review", "criterion"], name="score_once"),
            models.CheckConstraint(
                condition=models.Q(score__gte=1, score__lte=5), name="score_1_to_5"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.criterion}: {self.score}"


class Room(models.Model):
    """A room at the venue: a column of the programme grid. Sessions and tracks name their
    room by its name, so renaming a room renames it there too (services.save_rooms)."""

    edition = models.ForeignKey(
        Edition, on_delete=models.CASCADE, related_name="rooms", verbose_name=_("edition")
    )
    name = models.CharField(_("room name"), max_length=100)
    seats = models.PositiveIntegerField(_("seats in the room"), null=True, blank=True)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["edition", "order", "pk"]
        verbose_name = _("room")
        verbose_name_plural = _("rooms")
        constraints = [
            models.UniqueConstraint(fields=["edition", "name"], name="room_name_once"),
        ]

    def __str__(self) -> str:
        return self.name


class Track(models.Model):
    edition = models.ForeignKey(
        Edition, on_delete=models.CASCADE, related_name="tracks", verbose_name=_("edition")
    )
    name_sv = models.CharField(_("track (Swedish)"), max_length=100)
    name_en = models.CharField(_("track (English)"), max_length=100, blank=True)
    room = models.CharField(_("room"), max_length=100, blank=True)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["edition", "order", "pk"]
        verbose_name = _("track")
        verbose_name_plural = _("tracks")

    def __str__(self) -> str:
        return self.name

    @property
    def name(self) -> str:
        return _in_language(self.name_sv, self.name_en)


class Session(models.Model):
    edition = models.ForeignKey(
        Edition, on_delete=models.CASCADE, related_name="sessions", verbose_name=_("edition")
    )
    track = models.ForeignKey(
        Track,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="sessions",
        verbose_name=_("track"),
    )
    submission = models.OneToOneField(
        Submission,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="session",
        verbose_name=_("from input"),
    )
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    format = models.CharField(_("format"), max_length=20, choices=SubmissionFormat.choices)
    language = models.CharField(_("language"), max_length=2, choices=Language.choices)
    starts_at = models.DateTimeField(pgettext_lazy("session time", "starts"))
    ends_at = models.DateTimeField(pgettext_lazy("session time", "ends"))
    room = models.CharField(
        _("room"), max_length=100, blank=True, help_text=_("Leave empty to use the track's room.")
    )
    seats = models.PositiveIntegerField(
        _("limited seats"),
        null=True,
        blank=True,
        help_text=_("Leave empty when the session is open to everyone."),
    )
    speakers = models.ManyToManyField(
        Speaker, related_name="sessions", blank=True, verbose_name=_("speakers")
    )
    documentation = models.TextField(_("documentation"), blank=True)
    links = models.TextField(_("links"), blank=True, help_text=_("One web address per line."))

    class Meta:
        ordering = ["starts_at", "track__order", "pk"]
        verbose_name = pgettext_lazy("conference session", "session")
        verbose_name_plural = _("sessions")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends_at__gt=models.F("starts_at")),
                name="session_ends_after_start",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("conference:session-detail", args=[self.pk])

    @property
    def is_full(self) -> bool:
        """Limited seats, all confirmed: a new booking goes on the session's waiting list.
        Uses the `confirmed` count of `selectors.published_sessions` when annotated."""
        if self.seats is None:
            return False
        taken = getattr(self, "confirmed", None)
        if taken is None:
            taken = self.bookings.filter(status=BookingStatus.CONFIRMED).count()
        return bool(taken >= self.seats)

    @property
    def place(self) -> str:
        """The room the session is in: its own, else its track's."""
        return self.room or (self.track.room if self.track else "")

    @property
    def link_list(self) -> list[str]:
        return [
            line.strip()
            for line in self.links.splitlines()
            if line.strip().startswith(("https://", "http://"))
        ]


def document_path(instance: SessionDocument, filename: str) -> str:
    """A random stored name: nothing an uploader typed reaches the file system."""
    suffix = PurePath(filename).suffix.lower()[:6]
    return f"conference/documents/{uuid.uuid4().hex}{suffix}"


class SessionDocument(models.Model):
    """Slides, notes and other files of a session, shown on the programme once published."""

    session = models.ForeignKey(
        Session,
        on_delete=models.CASCADE,
        related_name="documents",
        verbose_name=pgettext_lazy("conference session", "session"),
    )
    title = models.CharField(_("document title"), max_length=200)
    file = models.FileField(_("file"), upload_to=document_path, max_length=200)
    original_name = models.CharField(_("file name"), max_length=200)
    content_type = models.CharField(_("file type"), max_length=120)
    size = models.PositiveIntegerField(_("size in bytes"))
    uploaded_at = models.DateTimeField(_("uploaded"), auto_now_add=True)

    class Meta:
        ordering = ["session", "uploaded_at", "pk"]
        verbose_name = _("session document")
        verbose_name_plural = _("session documents")

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("conference:document-download", args=[self.pk])


class Registration(models.Model):
    edition = models.ForeignKey(
        Edition, on_delete=models.CASCADE, related_name="registrations", verbose_name=_("edition")
    )
    token = models.CharField(max_length=64, unique=True, default=new_token, editable=False)
    feedback_token = models.CharField(max_length=64, unique=True, default=new_token, editable=False)
    name = models.CharField(_("name"), max_length=150)
    email = models.EmailField(_("e-mail address"))
    organisation = models.CharField(_("organisation"), max_length=200)
    sector = models.CharField(_("sector"), max_length=20, choices=Sector.choices)
    country = models.CharField(_("country"), max_length=2, choices=Country.choices, default="SE")
    category = models.CharField(
        _("participant category"), max_length=20, choices=ParticipantCategory.choices
    )
    language = models.CharField(
        _("language for e-mails"), max_length=2, choices=Language.choices, default="sv"
    )
    status = models.CharField(
        _("status"), max_length=20, choices=RegistrationStatus.choices, db_index=True
    )
    created_at = models.DateTimeField(_("registered"), default=timezone.now, db_index=True)
    promoted_at = models.DateTimeField(_("moved from the waiting list"), null=True, blank=True)
    cancelled_at = models.DateTimeField(_("cancelled"), null=True, blank=True)
    checked_in_at = models.DateTimeField(_("checked in"), null=True, blank=True)
    feedback_invited_at = models.DateTimeField(_("invited to give feedback"), null=True, blank=True)

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("registration")
        verbose_name_plural = _("registrations")
        constraints = [
            # One active registration per person and edition (e-mail stored in lower case).
            models.UniqueConstraint(
                fields=["edition", "email"],
                condition=~models.Q(status=RegistrationStatus.CANCELLED),
                name="registration_once_per_person",
            ),
        ]
        indexes = [
            # The waiting list is read in this order on every cancellation.
            models.Index(fields=["edition", "status", "created_at"], name="registration_queue"),
        ]

    # Set by `services.register_participant` when the address already had a registration:
    # that registration is returned unchanged and the page must not tell its status.
    already_registered = False

    def __str__(self) -> str:
        return self.name

    def get_manage_url(self) -> str:
        return reverse("conference:registration-manage", args=[self.token])

    def get_feedback_url(self) -> str:
        return reverse("conference:feedback", args=[self.feedback_token])

    @property
    def is_registered(self) -> bool:
        return self.status == RegistrationStatus.REGISTERED

    @property
    def is_waitlisted(self) -> bool:
        return self.status == RegistrationStatus.WAITLISTED

    def can_give_feedback(self, today: datetime.date | None = None) -> bool:
        """Only people who had a place, and only while the edition's feedback window is open."""
        return self.is_registered and self.edition.feedback_is_open(today)


class Booking(models.Model):
    """A registration's place in a session: the personal agenda, and seats where limited."""

    registration = models.ForeignKey(
        Registration, on_delete=models.CASCADE, related_name="bookings"
    )
    session = models.ForeignKey(Session, on_delete=models.CASCADE, related_name="bookings")
    status = models.CharField(_("status"), max_length=20, choices=BookingStatus.choices)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["created_at", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["registration", "session"], name="booking_once"),
        ]

    def __str__(self) -> str:
        return f"{self.registration} – {self.session}"

    @property
    def is_waitlisted(self) -> bool:
        return self.status == BookingStatus.WAITLISTED


class ParticipantNeeds(models.Model):
    """Dietary and accessibility needs: special-category data (health, belief).

    Kept apart from the registration so that only the organiser role reads it, the caterer gets
    counts, and `purge_conference` deletes it 30 days after the conference (docs/quality.md, privacy 2).
    """

    registration = models.OneToOneField(
        Registration, on_delete=models.CASCADE, related_name="needs"
    )
    dietary = models.JSONField(_("dietary needs"), default=list, blank=True)
    dietary_other = models.CharField(_("other dietary needs"), max_length=300, blank=True)
    accessibility = models.TextField(_("accessibility needs"), max_length=1000, blank=True)
    consent_version = models.CharField(_("consent text version"), max_length=20)
    consented_at = models.DateTimeField(_("consent given"), default=timezone.now)

    class Meta:
        verbose_name = _("dietary and accessibility needs")
        verbose_name_plural = _("dietary and accessibility needs")

    def __str__(self) -> str:
        return str(_("Needs"))


class Feedback(models.Model):
    registration = models.OneToOneField(
        Registration, on_delete=models.CASCADE, related_name="feedback"
    )
    overall = models.PositiveSmallIntegerField(
        _("overall rating"), validators=[MinValueValidator(1), MaxValueValidator(5)]
    )
    relevance = models.PositiveSmallIntegerField(
        _("relevance for your work"), validators=[MinValueValidator(1), MaxValueValidator(5)]
    )
    comment = models.TextField(_("comment"), max_length=2000, blank=True)
    submitted_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("feedback")
        verbose_name_plural = _("feedback")

    def __str__(self) -> str:
        return f"{self.overall}/{self.relevance}"
