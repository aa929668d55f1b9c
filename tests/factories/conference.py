"""The conference: editions, call for input and review, programme, registrations.

Dates are computed from a day: `TODAY` (the fixed day of `NOW`, the time the conference tests
travel to) unless a factory is given another, as the access matrix does with
`EditionFactory(today=timezone.localdate())`. The default edition is open: its call for input
and registration are open on that day, and the conference is 60 days later.
"""

from __future__ import annotations

import datetime
from zoneinfo import ZoneInfo

import factory

from samskapa.accounts.enums import Sector, StaffRole
from samskapa.conference import models
from samskapa.conference.enums import (
    BookingStatus,
    Language,
    ParticipantCategory,
    RegistrationStatus,
    SubmissionFormat,
)
from samskapa.conference.services import NEEDS_CONSENT_VERSION
from tests.factories.accounts import UserFactory
from tests.factories.library import PDF_BYTES, _shared_file

STOCKHOLM = ZoneInfo("Europe/Stockholm")
# A Monday morning far from the real calendar: the conference tests travel here.
NOW = datetime.datetime(2030, 2, 4, 10, 0, tzinfo=STOCKHOLM)
TODAY = NOW.date()


def days(n: int) -> datetime.timedelta:
    return datetime.timedelta(days=n)


def at(day: datetime.date, hour: int = 10, minute: int = 0) -> datetime.datetime:
    """A time of day on `day` in Stockholm."""
    return datetime.datetime.combine(day, datetime.time(hour, minute), tzinfo=STOCKHOLM)


class EditionFactory(factory.django.DjangoModelFactory):
    """An edition 60 days after `today`, with the call for input and registration open.

    Traits: `past=True` (ended 200 days before `today`: archived, feedback closed),
    `running=True` (its first day is `today`: feedback open, registration closed).
    """

    class Meta:
        model = models.Edition

    class Params:
        today = TODAY
        past = factory.Trait(
            starts_on=factory.LazyAttribute(lambda o: o.today - days(201)),
            call_opens_on=factory.LazyAttribute(lambda o: o.starts_on - days(150)),
            call_closes_on=factory.LazyAttribute(lambda o: o.starts_on - days(100)),
            registration_opens_on=factory.LazyAttribute(lambda o: o.starts_on - days(90)),
            registration_closes_on=factory.LazyAttribute(lambda o: o.starts_on - days(5)),
        )
        running = factory.Trait(
            starts_on=factory.SelfAttribute("today"),
            call_opens_on=factory.LazyAttribute(lambda o: o.today - days(150)),
            call_closes_on=factory.LazyAttribute(lambda o: o.today - days(100)),
            registration_opens_on=factory.LazyAttribute(lambda o: o.today - days(90)),
            registration_closes_on=factory.LazyAttribute(lambda o: o.today - days(5)),
        )

    year = factory.Sequence(lambda n: 2100 + n)
    title_sv = "Testkonferensen"
    title_en = "The test conference"
    theme_sv = "Social innovation i praktiken"
    theme_en = "Social innovation in practice"
    starts_on = factory.LazyAttribute(lambda o: o.today + days(60))
    ends_on = factory.LazyAttribute(lambda o: o.starts_on + days(1))
    venue = "Malmö"
    capacity = 100
    languages = factory.LazyFunction(lambda: ["sv", "en"])
    call_opens_on = factory.LazyAttribute(lambda o: o.today - days(1))
    call_closes_on = factory.LazyAttribute(lambda o: o.today + days(10))
    registration_opens_on = factory.LazyAttribute(lambda o: o.today - days(1))
    registration_closes_on = factory.LazyAttribute(lambda o: o.today + days(50))
    programme_published = True


class _OfAnEdition(factory.django.DjangoModelFactory):
    """What belongs to one edition: a new open edition unless one is given."""

    class Meta:
        abstract = True

    edition = factory.SubFactory(EditionFactory)


class ReviewCriterionFactory(_OfAnEdition):
    class Meta:
        model = models.ReviewCriterion

    name_sv = factory.Sequence(lambda n: f"Kriterium {n}")
    name_en = factory.Sequence(lambda n: f"Criterion {n}")
    order = factory.Sequence(lambda n: n)


class SpeakerFactory(_OfAnEdition):
    class Meta:
        model = models.Speaker

    name = factory.Sequence(lambda n: f"Talare {n}")
    organisation = "Umeå kommun"
    publication_consent = True


class SubmissionFactory(_OfAnEdition):
    """Input to the call as it arrives: no speakers, reviews or decision yet."""

    class Meta:
        model = models.Submission

    title = factory.Sequence(lambda n: f"Inspel {n}")
    abstract = "Hur unga kan vara med och utforma insatser."
    format = SubmissionFormat.TALK
    focus_areas = factory.LazyFunction(lambda: ["participation"])
    language = Language.SV
    submitter_name = factory.Sequence(lambda n: f"Inskickare {n}")
    submitter_email = factory.Sequence(lambda n: f"inspel{n}@example.se")


class ReviewFactory(factory.django.DjangoModelFactory):
    """An assignment; `submitted_at` set makes it a finished review."""

    class Meta:
        model = models.Review

    submission = factory.SubFactory(SubmissionFactory)
    reviewer = factory.SubFactory(UserFactory, staff_role=StaffRole.COACH)


class ReviewScoreFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.ReviewScore

    review = factory.SubFactory(ReviewFactory, submitted_at=factory.LazyFunction(lambda: NOW))
    criterion = factory.SubFactory(
        ReviewCriterionFactory, edition=factory.SelfAttribute("..review.submission.edition")
    )
    score = 4


class TrackFactory(_OfAnEdition):
    """A track in a room of its own: its sessions take the track's room unless they name one."""

    class Meta:
        model = models.Track

    name_sv = factory.Sequence(lambda n: f"Spår {n}")
    name_en = factory.Sequence(lambda n: f"Track {n}")
    room = factory.Sequence(lambda n: f"Sal {n}")


class SessionFactory(_OfAnEdition):
    """An hour from 10:00 on the edition's first day, open to everyone (`seats=None`)."""

    class Meta:
        model = models.Session

    title = factory.Sequence(lambda n: f"Programpunkt {n}")
    description = "Vi arbetar i grupper."
    format = SubmissionFormat.WORKSHOP
    language = Language.SV
    starts_at = factory.LazyAttribute(lambda o: at(o.edition.starts_on))
    ends_at = factory.LazyAttribute(lambda o: o.starts_at + datetime.timedelta(hours=1))
    seats = None


class RegistrationFactory(_OfAnEdition):
    """A registration as stored, without the service's capacity check or e-mail: for pages
    that list, count or link to registrations. Tests of capacity use the service."""

    class Meta:
        model = models.Registration

    name = factory.Sequence(lambda n: f"Deltagare {n}")
    email = factory.Sequence(lambda n: f"deltagare{n}@example.se")
    organisation = "Lunds kommun"
    sector = Sector.PUBLIC
    country = "SE"
    category = ParticipantCategory.ESF_PROJECT
    language = Language.SV
    status = RegistrationStatus.REGISTERED


class BookingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.Booking

    registration = factory.SubFactory(RegistrationFactory)
    session = factory.SubFactory(
        SessionFactory, edition=factory.SelfAttribute("..registration.edition")
    )
    status = BookingStatus.CONFIRMED


class ParticipantNeedsFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.ParticipantNeeds

    registration = factory.SubFactory(RegistrationFactory)
    dietary = factory.LazyFunction(lambda: ["vegan"])
    accessibility = ""
    consent_version = NEEDS_CONSENT_VERSION


class FeedbackFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.Feedback

    registration = factory.SubFactory(RegistrationFactory)
    overall = 4
    relevance = 4
    comment = ""


class RoomFactory(_OfAnEdition):
    """A room of the venue: a column of the organisers' programme grid."""

    class Meta:
        model = models.Room

    name = factory.Sequence(lambda n: f"Rum {n}")
    seats = 40
    order = factory.Sequence(lambda n: n)


class SessionDocumentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.SessionDocument

    session = factory.SubFactory(SessionFactory)
    title = "Bilder"
    file = factory.LazyFunction(_shared_file)  # one stored PDF shared with the library's rows
    original_name = "bilder.pdf"
    content_type = "application/pdf"
    size = len(PDF_BYTES)
