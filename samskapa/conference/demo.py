"""Demo conference: the 2027 edition open for registration with a published programme (and a
full workshop with a waiting list), and the 2026 edition archived with its documentation,
attendance and feedback. Idempotent: keyed on year, titles and e-mail addresses."""

from __future__ import annotations

import datetime
import random
from zoneinfo import ZoneInfo

from django.utils import timezone

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
    Session,
    Speaker,
    Submission,
    Track,
)
from samskapa.conference.services import NEEDS_CONSENT_VERSION

STOCKHOLM = ZoneInfo("Europe/Stockholm")

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

# (title, format, track index, day, start "HH:MM", minutes, seats, from input?)
SESSIONS_2027 = [
    ("Välkomna till Samskapa 2027", SubmissionFormat.TALK, 0, 0, "09:30", 45, None, False),
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

SESSIONS_2026 = [
    ("Välkomna till Samskapa 2026", SubmissionFormat.TALK, 0, 0, "09:30", 45),
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


def _edition(year: int, **values: object) -> Edition:
    edition, _created = Edition.objects.update_or_create(year=year, defaults=values)
    for order, (sv, en) in enumerate(CRITERIA):
        ReviewCriterion.objects.update_or_create(
            edition=edition, order=order, defaults={"name_sv": sv, "name_en": en}
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


def _load_2027(reviewers: list[User]) -> None:
    rng = random.Random(2027)
    edition = _edition(
        2027,
        title_sv="Samskapa 2027 – Social innovation som förändrar",
        title_en="Samskapa 2027 – Social innovation that changes things",
        theme_sv="Hur blir det som fungerar i ett projekt en del av ordinarie verksamhet? "
        "Två dagar om samskapande, målgruppens medverkan och spridning till policy.",
        theme_en="How does what works in a project become part of everyday practice? Two days "
        "on co-creation, target-group participation and dissemination into policy.",
        starts_on=datetime.date(2027, 4, 21),
        ends_on=datetime.date(2027, 4, 22),
        venue="Malmö Live, Malmö",
        online=True,
        languages=["sv", "en"],
        capacity=300,
        call_opens_on=datetime.date(2026, 9, 1),
        call_closes_on=datetime.date(2026, 10, 31),
        registration_opens_on=datetime.date(2026, 11, 2),
        registration_closes_on=datetime.date(2027, 4, 7),
        anonymous_review=True,
        programme_published=True,
    )
    tracks = list(edition.tracks.order_by("order"))
    criteria = list(edition.criteria.order_by("order"))
    speakers = _speakers(edition)
    days = [edition.starts_on, edition.ends_on]
    sessions: list[Session] = []
    for index, (title, fmt, track, day, start, minutes, seats, from_input) in enumerate(
        SESSIONS_2027
    ):
        submission = None
        if from_input:
            submitter = _people(random.Random(index), 1)[0]
            submission, _created = Submission.objects.update_or_create(
                edition=edition,
                title=title,
                defaults={
                    "abstract": f"{title}. Ett inspel om erfarenheter från programområde E, "
                    "med exempel, lärdomar och frågor till publiken.",
                    "format": fmt,
                    "focus_areas": rng.sample(
                        ["causes", "collaboration", "participation", "ecosystem", "results"], 2
                    ),
                    "language": "en" if "Europe" in title else "sv",
                    "submitter_name": submitter["name"],
                    "submitter_email": submitter["email"],
                    "status": SubmissionStatus.ACCEPTED,
                },
            )
            submission.speakers.set([speakers[index % len(speakers)]])
            for reviewer in reviewers:
                review, _created = Review.objects.update_or_create(
                    submission=submission,
                    reviewer=reviewer,
                    defaults={
                        "comment": "Relevant och väl förankrat.",
                        "submitted_at": timezone.make_aware(datetime.datetime(2026, 11, 10)),
                    },
                )
                for criterion in criteria:
                    ReviewScore.objects.update_or_create(
                        review=review, criterion=criterion, defaults={"score": rng.randint(3, 5)}
                    )
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
    for title, fmt, status in (
        ("Kulturen som motor för inkludering", SubmissionFormat.TALK, SubmissionStatus.REJECTED),
        (
            "Digitala verktyg för medskapande",
            SubmissionFormat.SHORT_INPUT,
            SubmissionStatus.REJECTED,
        ),
    ):
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
                "status": status,
            },
        )
        for reviewer in reviewers:
            review, _created = Review.objects.update_or_create(
                submission=submission,
                reviewer=reviewer,
                defaults={
                    "comment": "Intressant men svag koppling till temat.",
                    "submitted_at": timezone.make_aware(datetime.datetime(2026, 11, 10)),
                },
            )
            for criterion in criteria:
                ReviewScore.objects.update_or_create(
                    review=review, criterion=criterion, defaults={"score": rng.randint(1, 3)}
                )

    workshop = sessions[1]  # 8 seats: full, with a waiting list
    now = timezone.now()
    people = _people(rng, 60)
    for index, person in enumerate(people):
        created = now - datetime.timedelta(days=24 - index * 24 / 60, hours=index % 7)
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
            Booking.objects.get_or_create(
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


def _load_2026() -> None:
    rng = random.Random(2026)
    edition = _edition(
        2026,
        title_sv="Samskapa 2026 – Tillsammans för social innovation",
        title_en="Samskapa 2026 – Together for social innovation",
        theme_sv="Den första konferensen för projekten i programområde E.",
        theme_en="The first conference for the projects in programme area E.",
        starts_on=datetime.date(2026, 5, 12),
        ends_on=datetime.date(2026, 5, 13),
        venue="Folkets hus, Umeå",
        online=False,
        languages=["sv"],
        capacity=150,
        call_opens_on=datetime.date(2025, 12, 1),
        call_closes_on=datetime.date(2026, 2, 15),
        registration_opens_on=datetime.date(2026, 2, 20),
        registration_closes_on=datetime.date(2026, 5, 5),
        anonymous_review=False,
        programme_published=True,
    )
    tracks = list(edition.tracks.order_by("order"))
    speakers = _speakers(edition)
    days = [edition.starts_on, edition.ends_on]
    for index, (title, fmt, track, day, start, minutes) in enumerate(SESSIONS_2026):
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
                "links": f"https://example.org/samskapa-2026/presentation-{index + 1}.pdf",
            },
        )
        session.speakers.set([speakers[index % len(speakers)]])
    for index, person in enumerate(_people(rng, 40)):
        created = timezone.make_aware(datetime.datetime(2026, 3, 1)) + datetime.timedelta(
            days=index
        )
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


def load() -> None:
    reviewers = list(
        User.objects.filter(
            email__in=["utvarderare@samskapa.test", "coach@samskapa.test"]
        ).order_by("email")
    )
    _load_2026()
    _load_2027(reviewers)
