"""Demo conferences, always around today: the conference is held every year on the Tuesday and
Wednesday of the second week of June (the first Tuesday on or after 8 June).

- the coming edition (this year's, or next year's once this year's has passed): registration
  opens the day after the previous conference ends (until a week before), so a registration is
  open on every day of the year; its call for input runs 1 September – 15 October of the year
  before; from 1 November its programme is published, with a full workshop and a waiting list.
  Between the conference and 1 November it is in its call phase: input, no programme yet;
- the edition before it, archived with its documentation, attendance and feedback;
- the edition after it, announced, with its call for input ahead.

Idempotent and moving: the three editions are found by their titles' theme (the part after the
year), so on a later day they move to their new years in place; sessions, submissions, speakers
and registrations are found by title, name and e-mail address, and their dates are set again."""

from __future__ import annotations

import datetime
import random
from zoneinfo import ZoneInfo

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db.models import Max
from django.utils.text import slugify

from samskapa.accounts.models import User
from samskapa.conference.enums import (
    BookingStatus,
    DietaryNeed,
    RegistrationStatus,
    SubmissionFormat,
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
from samskapa.conference.services import NEEDS_CONSENT_VERSION
from samskapa.demo.clock import DemoCalendar

STOCKHOLM = ZoneInfo("Europe/Stockholm")
FOCUS_AREAS = ["causes", "collaboration", "participation", "ecosystem", "results"]

CRITERIA = [
    ("Relevans för programområde E", "Relevance for programme area E"),
    ("Lärande och spridning", "Learning and dissemination"),
    ("Delaktighet och samskapande", "Participation and co-creation"),
]

TRACKS = [
    ("Samverkan och ekosystem", "Collaboration and ecosystems", "Sal A"),
    ("Målgruppens medverkan", "Target-group participation", "Sal B"),
    ("Resultat och spridning", "Results and dissemination", "Workshoprummet"),
]

# Seats in the rooms of TRACKS, in the same order.
ROOM_SEATS = [300, 80, 24]

FIRST_NAMES = [
    "Sara",
    "Johan",
    "Maria",
    "Erik",
    "Fatima",
    "Lars",
    "Elin",
    "Ahmed",
    "Karin",
    "Mikael",
    "Linnea",
    "Ali",
    "Ingrid",
    "Oskar",
    "Hanna",
    "Nils",
    "Amira",
    "Per",
    "Sofia",
    "Jonas",
    "Laura",
    "Mikko",
    "Ieva",
    "Carmen",
    "Anders",
    "Aino",
    "Pierre",
    "Greta",
    "Tomas",
    "Emma",
]
LAST_NAMES = [
    "Andersson",
    "Johansson",
    "Karlsson",
    "Nilsson",
    "Eriksson",
    "Larsson",
    "Olsson",
    "Persson",
    "Svensson",
    "Gustafsson",
    "Pettersson",
    "Jonsson",
    "Hansen",
    "Virtanen",
    "Kazlauskas",
    "García",
    "Bērziņš",
    "Dubois",
    "Müller",
    "Ali",
    "Hassan",
    "Berg",
]
ORGANISATIONS = [
    ("Malmö stad", "public", "SE", "esf_project", "example.se"),
    ("Region Västerbotten", "public", "SE", "esf_project", "example.se"),
    ("Coompanion Skåne", "civil_society", "SE", "ecosystem", "example.se"),
    ("Svenska ESF-rådet", "public", "SE", "esf_council", "example.se"),
    ("Malmö universitet", "academia", "SE", "researcher", "example.se"),
    ("Stadsmissionen Göteborg", "civil_society", "SE", "esf_project", "example.se"),
    ("Sveriges Kommuner och Regioner", "public", "SE", "key_actor", "example.se"),
    ("Arbetsförmedlingen", "public", "SE", "key_actor", "example.se"),
    ("Social Impact Lab AB", "private", "SE", "ecosystem", "example.se"),
    ("Umeå universitet", "academia", "SE", "researcher", "example.se"),
    ("ESFA Lithuania", "public", "LT", "european_centre", "example.eu"),
    ("Suomen sosiaalisten innovaatioiden keskus", "public", "FI", "european_centre", "example.eu"),
    ("Fundación Innovación Social", "civil_society", "ES", "european_centre", "example.eu"),
    ("Latvian Social Innovation Centre", "public", "LV", "european_centre", "example.eu"),
    ("Avise", "civil_society", "FR", "european_centre", "example.eu"),
    ("Københavns Kommune", "public", "DK", "other", "example.org"),
    ("Oslo Met", "academia", "NO", "researcher", "example.org"),
    ("Hela Människan", "civil_society", "SE", "other", "example.org"),
]

# The coming edition: (title, format, track index, day, start "HH:MM", minutes, seats, input?)
SESSIONS_COMING = [
    ("Välkomna till Samskapa", SubmissionFormat.TALK, 0, 0, "09:30", 45, None, False),
    (
        "Från problemträd till förändringsteori",
        SubmissionFormat.WORKSHOP,
        2,
        0,
        "10:30",
        90,
        8,
        True,
    ),
    ("Ekosystem som bär efter projektslut", SubmissionFormat.PANEL, 0, 0, "10:30", 60, None, True),
    ("Unga som medforskare i Västerbotten", SubmissionFormat.TALK, 1, 0, "10:30", 45, None, True),
    (
        "IOP i praktiken: tre kommuner berättar",
        SubmissionFormat.TALK,
        0,
        0,
        "13:00",
        45,
        None,
        True,
    ),
    ("Målgruppen i styrgruppen", SubmissionFormat.SHORT_INPUT, 1, 0, "13:00", 20, None, True),
    (
        "Mäta effekter med Outcome Harvesting",
        SubmissionFormat.WORKSHOP,
        2,
        0,
        "13:00",
        90,
        20,
        True,
    ),
    ("Social innovation across Europe", SubmissionFormat.PANEL, 0, 1, "09:00", 60, None, True),
    ("Postrar: projekt i programområde E", SubmissionFormat.POSTER, 1, 1, "09:00", 60, None, True),
    ("Spridning till policy", SubmissionFormat.TALK, 0, 1, "10:30", 45, None, True),
    (
        "Horisontella principer som drivkraft",
        SubmissionFormat.WORKSHOP,
        2,
        1,
        "10:30",
        90,
        24,
        True,
    ),
    ("Avslutning: vad tar vi med oss?", SubmissionFormat.TALK, 0, 1, "14:00", 45, None, False),
]

# Input that did not get a place in the coming edition's programme.
REJECTED = [
    ("Kulturen som motor för inkludering", SubmissionFormat.TALK),
    ("Digitala verktyg för medskapande", SubmissionFormat.SHORT_INPUT),
]

SESSIONS_ARCHIVED = [
    ("Välkomna till Samskapa", SubmissionFormat.TALK, 0, 0, "09:30", 45),
    ("Samverkan över sektorsgränser", SubmissionFormat.PANEL, 0, 0, "10:30", 60),
    ("Delaktighetstrappan i verkligheten", SubmissionFormat.WORKSHOP, 1, 0, "10:30", 90),
    ("Hållbara resultat efter projekttiden", SubmissionFormat.TALK, 2, 0, "13:00", 45),
    ("Lärdomar från kompetenscentrum i Europa", SubmissionFormat.PANEL, 0, 1, "09:00", 60),
    ("Avslutning och nästa steg", SubmissionFormat.TALK, 0, 1, "11:00", 45),
]

SPEAKERS = [
    ("Helena Sjöberg", "Malmö universitet", "Forskar om social innovation och samverkan."),
    ("Rasmus Ek", "Region Västerbotten", "Leder ett ESF-projekt med unga som medforskare."),
    ("Ieva Petraitė", "ESFA Lithuania", "Works with the European Competence Centre."),
    ("Joakim Lund", "Coompanion Skåne", "Rådgivare för sociala företag."),
    ("Miriam Haddad", "Stadsmissionen Göteborg", "Verksamhetsutvecklare."),
    ("Ulrika Stål", "Svenska ESF-rådet", "Programhandläggare för programområde E."),
]

COMMENTS = [
    "Bra blandning av forskning och praktik.",
    "Workshopen om förändringsteori var mycket användbar.",
    "Mer tid för samtal mellan projekten, tack.",
    "Great to meet colleagues from other European centres.",
    "Lokalen var lätt att hitta och tillgänglig.",
]


def _at(day: datetime.date, hhmm: str) -> datetime.datetime:
    hour, minute = (int(part) for part in hhmm.split(":"))
    return datetime.datetime(day.year, day.month, day.day, hour, minute, tzinfo=STOCKHOLM)


def conference_days(year: int) -> tuple[datetime.date, datetime.date]:
    """The first and last day of that year's conference: the first Tuesday on or after 8 June."""
    june = datetime.date(year, 6, 8)
    first = june + datetime.timedelta(days=(1 - june.weekday()) % 7)
    return first, first + datetime.timedelta(days=1)


def coming_year(today: datetime.date) -> int:
    """The year of the next (or running) conference."""
    return today.year if today <= conference_days(today.year)[1] else today.year + 1


def programme_day(year: int) -> datetime.date:
    """The day the programme of that year's conference is published (1 November before)."""
    return datetime.date(year - 1, 11, 1)


def _dates(year: int) -> dict[str, datetime.date]:
    starts_on, ends_on = conference_days(year)
    return {
        "starts_on": starts_on,
        "ends_on": ends_on,
        "call_opens_on": datetime.date(year - 1, 9, 1),
        "call_closes_on": datetime.date(year - 1, 10, 15),
        "registration_opens_on": conference_days(year - 1)[1] + datetime.timedelta(days=1),
        "registration_closes_on": starts_on - datetime.timedelta(days=7),
    }


# The three editions, found by the part of their Swedish title after the year.
ARCHIVED = "Tillsammans för social innovation"
COMING = "Social innovation som förändrar"
NEXT = "Samskapande som består"


def _find(theme: str) -> Edition | None:
    return Edition.objects.filter(title_sv__endswith=f"– {theme}").order_by("year").first()


def _place_editions(years: dict[str, int]) -> None:
    """Move the demo's editions to their years (through free years, so no two share one)."""
    found = {theme: _find(theme) for theme in years}
    ours = [edition.pk for edition in found.values() if edition is not None]
    for year in years.values():
        other = Edition.objects.filter(year=year).exclude(pk__in=ours).first()
        if other is not None:
            raise RuntimeError(f"Edition {year} ({other.title_sv}) is not the demo's; not moved.")
    spare = max(Edition.objects.aggregate(top=Max("year"))["top"] or 0, *years.values()) + 1
    placed = {theme: e.pk for theme, e in found.items() if e is not None}
    for offset, pk in enumerate(placed.values()):
        Edition.objects.filter(pk=pk).update(year=spare + offset)
    for theme, pk in placed.items():
        Edition.objects.filter(pk=pk).update(year=years[theme])


def _edition(year: int, **values: object) -> Edition:
    edition, _created = Edition.objects.update_or_create(
        year=year, defaults={**_dates(year), **values}
    )
    for order, (sv, en) in enumerate(CRITERIA):
        ReviewCriterion.objects.update_or_create(
            edition=edition, order=order, defaults={"name_sv": sv, "name_en": en}
        )
    for order, (_sv, _en, room) in enumerate(TRACKS):
        Room.objects.update_or_create(
            edition=edition, name=room, defaults={"order": order, "seats": ROOM_SEATS[order]}
        )
    for order, (sv, en, room) in enumerate(TRACKS):
        Track.objects.update_or_create(
            edition=edition, order=order, defaults={"name_sv": sv, "name_en": en, "room": room}
        )
    return edition


def _speakers(edition: Edition) -> list[Speaker]:
    speakers = []
    for name, organisation, bio in SPEAKERS:
        speaker, _created = Speaker.objects.update_or_create(
            edition=edition,
            name=name,
            defaults={"organisation": organisation, "bio": bio, "publication_consent": True},
        )
        speakers.append(speaker)
    return speakers


def _people(rng: random.Random, count: int) -> list[dict[str, str]]:
    people: list[dict[str, str]] = []
    seen: set[str] = set()
    while len(people) < count:
        first, last = rng.choice(FIRST_NAMES), rng.choice(LAST_NAMES)
        organisation, sector, country, category, domain = rng.choice(ORGANISATIONS)
        local = f"{first}.{last}".lower()
        for a, b in (
            ("å", "a"),
            ("ä", "a"),
            ("ö", "o"),
            ("í", "i"),
            ("ē", "e"),
            ("ņ", "n"),
            ("š", "s"),
            ("ü", "u"),
            ("é", "e"),
        ):
            local = local.replace(a, b)
        email = f"{local}@{domain}"
        if email in seen:
            continue
        seen.add(email)
        people.append(
            {
                "name": f"{first} {last}",
                "email": email,
                "organisation": organisation,
                "sector": sector,
                "country": country,
                "category": category,
                "language": "sv" if country == "SE" else "en",
            }
        )
    return people


def _input(
    edition: Edition,
    index: int,
    title: str,
    fmt: str,
    status: str,
    rng: random.Random,
) -> Submission:
    """A proposal for the programme (found by edition and title), with its speaker."""
    submitter = _people(random.Random(index), 1)[0]
    submission, _created = Submission.objects.update_or_create(
        edition=edition,
        title=title,
        defaults={
            "abstract": f"{title}. Ett inspel om erfarenheter från programområde E, "
            "med exempel, lärdomar och frågor till publiken.",
            "format": fmt,
            "focus_areas": rng.sample(FOCUS_AREAS, 2),
            "language": "en" if "Europe" in title else "sv",
            "submitter_name": submitter["name"],
            "submitter_email": submitter["email"],
            "status": status,
        },
    )
    speakers = _speakers(edition)
    submission.speakers.set([speakers[index % len(speakers)]])
    return submission


def _reviews(
    submission: Submission,
    reviewers: list[User],
    criteria: list[ReviewCriterion],
    review: tuple[str, datetime.datetime, tuple[int, int]],
    rng: random.Random,
) -> None:
    """Each reviewer's review of the submission: (comment, when, range of the scores)."""
    comment, submitted_at, (low, high) = review
    for reviewer in reviewers:
        row, _created = Review.objects.update_or_create(
            submission=submission,
            reviewer=reviewer,
            defaults={"comment": comment, "submitted_at": submitted_at},
        )
        for criterion in criteria:
            ReviewScore.objects.update_or_create(
                review=row, criterion=criterion, defaults={"score": rng.randint(low, high)}
            )


def _call_phase(edition: Edition, calendar: DemoCalendar) -> None:
    """Before the programme is published: input comes in (once the call has opened); no
    programme, no reviews and no registrations yet (what an earlier run made for them is removed)."""
    Registration.objects.filter(edition=edition).delete()
    Session.objects.filter(edition=edition).delete()
    Review.objects.filter(submission__edition=edition).delete()
    opens, closes = edition.call_opens_on, edition.call_closes_on
    if opens is None or closes is None or calendar.today < opens:
        Submission.objects.filter(edition=edition).delete()
        return
    last = min(calendar.today, closes)
    rng = random.Random(2027)
    titles = [row[0] for row in SESSIONS_COMING if row[7]] + [row[0] for row in REJECTED]
    for index, title in enumerate(titles):
        position = next((i for i, row in enumerate(SESSIONS_COMING) if row[0] == title), index)
        fmt = next((row[1] for row in SESSIONS_COMING if row[0] == title), SubmissionFormat.TALK)
        submission = _input(edition, position, title, fmt, SubmissionStatus.SUBMITTED, rng)
        day = opens + (last - opens) * (index + 1) // (len(titles) + 1)
        Submission.objects.filter(pk=submission.pk).update(created_at=calendar.at(day, 11))


def _load_coming(calendar: DemoCalendar, year: int, reviewers: list[User]) -> None:
    dates = _dates(year)
    programme_published = calendar.today >= programme_day(year)
    edition = _edition(
        year,
        title_sv=f"Samskapa {year} – {COMING}",
        title_en=f"Samskapa {year} – Social innovation that changes things",
        theme_sv="Hur blir det som fungerar i ett projekt en del av ordinarie verksamhet? "
        "Två dagar om samskapande, målgruppens medverkan och spridning till policy.",
        theme_en="How does what works in a project become part of everyday practice? Two days "
        "on co-creation, target-group participation and dissemination into policy.",
        venue="Malmö Live, Malmö",
        online=True,
        languages=["sv", "en"],
        capacity=300,
        anonymous_review=True,
        programme_published=programme_published,
    )
    if not programme_published:
        _call_phase(edition, calendar)
        return
    rng = random.Random(2027)
    reviewed = calendar.at(dates["call_closes_on"] + datetime.timedelta(days=10), 10)
    tracks = list(edition.tracks.order_by("order"))
    criteria = list(edition.criteria.order_by("order"))
    speakers = _speakers(edition)
    days = [edition.starts_on, edition.ends_on]
    sessions: list[Session] = []
    for index, (title, fmt, track, day, start, minutes, seats, from_input) in enumerate(
        SESSIONS_COMING
    ):
        submission = None
        if from_input:
            submission = _input(edition, index, title, fmt, SubmissionStatus.ACCEPTED, rng)
            review = ("Relevant och väl förankrat.", reviewed, (3, 5))
            _reviews(submission, reviewers, criteria, review, rng)
        starts = _at(days[day], start)
        session, _created = Session.objects.update_or_create(
            edition=edition,
            title=title,
            defaults={
                "track": tracks[track],
                "submission": submission,
                "description": submission.abstract if submission else title + ".",
                "format": fmt,
                "language": "en" if "Europe" in title else "sv",
                "starts_at": starts,
                "ends_at": starts + datetime.timedelta(minutes=minutes),
                "seats": seats,
            },
        )
        session.speakers.set([speakers[index % len(speakers)]])
        sessions.append(session)
    for title, fmt in REJECTED:
        submission, _created = Submission.objects.update_or_create(
            edition=edition,
            title=title,
            defaults={
                "abstract": f"{title}: ett förslag som inte fick plats i programmet.",
                "format": fmt,
                "focus_areas": ["participation"],
                "language": "sv",
                "submitter_name": "Lena Holm",
                "submitter_email": "lena.holm@example.se",
                "status": SubmissionStatus.REJECTED,
            },
        )
        review = ("Intressant men svag koppling till temat.", reviewed, (1, 3))
        _reviews(submission, reviewers, criteria, review, rng)

    workshop = sessions[1]  # 8 seats: full, with a waiting list
    opened = calendar.at(programme_day(year), 8)
    now = calendar.now()
    people = _people(rng, 60)
    for index, person in enumerate(people):
        # Registrations came in since registration opened, the latest a little before now.
        created = opened + (now - opened) * (index + 1) / (len(people) + 1)
        registration, _created = Registration.objects.update_or_create(
            edition=edition,
            email=person["email"],
            defaults={
                **person,
                "status": RegistrationStatus.CANCELLED
                if index in (5, 17)
                else RegistrationStatus.REGISTERED,
                "created_at": created,
                "cancelled_at": created + datetime.timedelta(days=2) if index in (5, 17) else None,
            },
        )
        if registration.status == RegistrationStatus.CANCELLED:
            registration.bookings.all().delete()
            continue
        if index < 12:  # the first twelve want the workshop: eight seats, three waiting
            Booking.objects.update_or_create(
                registration=registration,
                session=workshop,
                defaults={
                    "status": BookingStatus.CONFIRMED
                    if index < 9 and index != 5
                    else BookingStatus.WAITLISTED,
                    "created_at": created,
                },
            )
        for session in rng.sample([s for s in sessions if s.seats is None], 3):
            Booking.objects.update_or_create(
                registration=registration,
                session=session,
                defaults={"status": BookingStatus.CONFIRMED, "created_at": created},
            )
        if index % 6 == 0:
            ParticipantNeeds.objects.update_or_create(
                registration=registration,
                defaults={
                    "dietary": [
                        rng.choice(
                            [
                                DietaryNeed.VEGETARIAN,
                                DietaryNeed.VEGAN,
                                DietaryNeed.GLUTEN_FREE,
                                DietaryNeed.LACTOSE_FREE,
                            ]
                        )
                    ],
                    "accessibility": "Hörselslinga" if index % 12 == 0 else "",
                    "consent_version": NEEDS_CONSENT_VERSION,
                    "consented_at": created,
                },
            )


def _slides_pdf(title: str) -> bytes:
    """A one-page PDF with the session's title: the demo's slides."""
    text = title.encode("latin-1", "replace").replace(b"(", b"[").replace(b")", b"]")
    stream = b"BT /F1 24 Tf 60 760 Td (" + text + b") Tj ET"
    objects = [
        b"<</Type/Catalog/Pages 2 0 R>>",
        b"<</Type/Pages/Kids[3 0 R]/Count 1>>",
        b"<</Type/Page/Parent 2 0 R/MediaBox[0 0 842 595]/Contents 4 0 R"
        b"/Resources<</Font<</F1 5 0 R>>>>>>",
        b"<</Length %d>>stream\n" % len(stream) + stream + b"\nendstream",
        b"<</Type/Font/Subtype/Type1/BaseFont/Helvetica/Encoding/WinAnsiEncoding>>",
    ]
    body, offsets = b"%PDF-1.4\n", []
    for number, content in enumerate(objects, start=1):
        offsets.append(len(body))
        body += b"%d 0 obj\n" % number + content + b"\nendobj\n"
    xref = len(body)
    body += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    body += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    body += b"trailer<</Size %d/Root 1 0 R>>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return body


def _slides(session: Session) -> None:
    """The session's slides as a document, stored once under a fixed name."""
    name = f"conference/documents/demo-{slugify(session.title)}.pdf"
    if not default_storage.exists(name):
        default_storage.save(name, ContentFile(_slides_pdf(session.title)))
    SessionDocument.objects.update_or_create(
        session=session,
        title="Presentationsbilder",
        defaults={
            "file": name,
            "original_name": "presentationsbilder.pdf",
            "content_type": "application/pdf",
            "size": default_storage.size(name),
        },
    )


def _load_archived(year: int) -> None:
    rng = random.Random(2026)
    edition = _edition(
        year,
        title_sv=f"Samskapa {year} – {ARCHIVED}",
        title_en=f"Samskapa {year} – Together for social innovation",
        theme_sv="Konferensen för projekten i programområde E.",
        theme_en="The conference for the projects in programme area E.",
        venue="Folkets hus, Umeå",
        online=False,
        languages=["sv"],
        capacity=150,
        anonymous_review=False,
        programme_published=True,
    )
    tracks = list(edition.tracks.order_by("order"))
    speakers = _speakers(edition)
    days = [edition.starts_on, edition.ends_on]
    for index, (title, fmt, track, day, start, minutes) in enumerate(SESSIONS_ARCHIVED):
        starts = _at(days[day], start)
        session, _created = Session.objects.update_or_create(
            edition=edition,
            title=title,
            defaults={
                "track": tracks[track],
                "description": title + ".",
                "format": fmt,
                "language": "sv",
                "starts_at": starts,
                "ends_at": starts + datetime.timedelta(minutes=minutes),
                "documentation": "Anteckningar från passet: deltagarna lyfte vikten av "
                "långsiktig samverkan och av att målgruppen är med från början.",
                "links": f"https://example.org/samskapa-{year}/presentation-{index + 1}.pdf",
            },
        )
        session.speakers.set([speakers[index % len(speakers)]])
        if index < 2:
            _slides(session)
    for index, person in enumerate(_people(rng, 40)):
        opened = _at(_dates(year)["registration_opens_on"], "10:00")
        created = opened + datetime.timedelta(days=3 * index)
        registration, _created = Registration.objects.update_or_create(
            edition=edition,
            email=person["email"],
            defaults={
                **person,
                "status": RegistrationStatus.REGISTERED,
                "created_at": created,
                # About four in five came; the rest did not show up.
                "checked_in_at": _at(edition.starts_on, "09:00") if index % 5 else None,
            },
        )
        if index % 5 and index % 2:
            Feedback.objects.update_or_create(
                registration=registration,
                defaults={
                    "overall": rng.randint(3, 5),
                    "relevance": rng.randint(2, 5),
                    "comment": COMMENTS[index % len(COMMENTS)] if index % 3 == 0 else "",
                    "submitted_at": _at(edition.ends_on, "16:00"),
                },
            )


def _load_next(year: int) -> None:
    _edition(
        year,
        title_sv=f"Samskapa {year} – {NEXT}",
        title_en=f"Samskapa {year} – Co-creation that lasts",
        theme_sv="Spara datumet. Inbjudan att lämna inspel till programmet kommer i september.",
        theme_en="Save the date. The call for input to the programme opens in September.",
        venue="Umeå Folkets hus, Umeå",
        online=True,
        languages=["sv", "en"],
        capacity=300,
        anonymous_review=True,
        programme_published=False,
    )


def load(calendar: DemoCalendar | None = None) -> None:
    calendar = calendar or DemoCalendar.for_today()
    coming = coming_year(calendar.today)
    _place_editions({ARCHIVED: coming - 1, COMING: coming, NEXT: coming + 1})
    reviewers = list(
        User.objects.filter(
            email__in=["utvarderare@samskapa.test", "coach@samskapa.test"]
        ).order_by("email")
    )
    _load_archived(coming - 1)
    _load_coming(calendar, coming, reviewers)
    _load_next(coming + 1)
