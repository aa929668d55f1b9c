"""Benchmark data for the conference: a bench edition with 5,000 registrations per scale unit."""

from __future__ import annotations

import datetime
import random

from django.utils import timezone

from samskapa.accounts.enums import Country, Sector
from samskapa.conference.enums import ParticipantCategory, RegistrationStatus
from samskapa.conference.models import Edition, Registration
from samskapa.core.bench import BenchPage
from samskapa.core.httpbench import CACHED_PUBLIC, FORM_OR_LOGGED_IN

YEAR = 2027


def seed(*, scale: int) -> None:
    edition = Edition.objects.filter(year=YEAR).first()
    if edition is None or edition.registrations.filter(email__endswith="@bench.example").exists():
        return
    rng = random.Random(23)
    count = 5000 * scale
    edition.capacity = max(edition.capacity, count + 100)
    edition.save(update_fields=["capacity"])
    start = timezone.now() - datetime.timedelta(days=90)
    categories, sectors = list(ParticipantCategory.values), list(Sector.values)
    countries = [Country.SE] * 8 + [Country.FI, Country.ES, Country.LT, Country.DE]
    Registration.objects.bulk_create(
        Registration(
            edition=edition,
            name=f"Deltagare {i:05d}",
            email=f"deltagare{i:05d}@bench.example",
            organisation=f"Organisation {i % 400:03d}",
            sector=rng.choice(sectors),
            country=rng.choice(countries),
            category=rng.choice(categories),
            status=RegistrationStatus.REGISTERED,
            created_at=start + datetime.timedelta(minutes=25 * i),
        )
        for i in range(count)
    )


PAGES = [
    BenchPage("conference page", None, lambda: f"/conference/{YEAR}/", http_target=CACHED_PUBLIC),
    BenchPage(
        "public programme",
        None,
        lambda: f"/conference/{YEAR}/programme/",
        http_target=CACHED_PUBLIC,
    ),
    BenchPage(
        "registration form",
        None,
        lambda: f"/conference/{YEAR}/register/",
        http_target=FORM_OR_LOGGED_IN,
    ),
    BenchPage(
        "participants (5,000), search",
        "admin@samskapa.test",
        lambda: f"/conference/organise/{YEAR}/participants/?q=Deltagare+0042",
    ),
    BenchPage(
        "participants (5,000)",
        "admin@samskapa.test",
        lambda: f"/conference/organise/{YEAR}/participants/",
    ),
    BenchPage(
        "conference statistics",
        "admin@samskapa.test",
        lambda: f"/conference/organise/{YEAR}/statistics/",
    ),
]
