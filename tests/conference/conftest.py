from __future__ import annotations

import datetime
from collections.abc import Callable
from typing import Any

import pytest
from django.utils import timezone

from samskapa.conference.models import Edition, Registration, Session, Track


@pytest.fixture(autouse=True)
def _fresh_rate_limits() -> None:
    from django.core.cache import cache

    cache.clear()


@pytest.fixture
def edition(db: Any) -> Edition:
    """A small edition with registration open today and the call for input open."""
    today = timezone.localdate()
    return Edition.objects.create(
        year=2030,
        title_sv="Testkonferensen",
        title_en="The test conference",
        starts_on=today + datetime.timedelta(days=60),
        ends_on=today + datetime.timedelta(days=61),
        venue="Malmö",
        capacity=2,
        languages=["sv", "en"],
        call_opens_on=today - datetime.timedelta(days=1),
        call_closes_on=today + datetime.timedelta(days=10),
        registration_opens_on=today - datetime.timedelta(days=1),
        registration_closes_on=today + datetime.timedelta(days=50),
        programme_published=True,
    )


@pytest.fixture
def make_session(edition: Edition) -> Callable[..., Session]:
    def make(title: str = "Workshop", seats: int | None = None, **extra: Any) -> Session:
        starts = timezone.make_aware(
            datetime.datetime.combine(edition.starts_on, datetime.time(10, 0))
        )
        values = {
            "edition": edition,
            "title": title,
            "format": "workshop",
            "language": "sv",
            "starts_at": starts,
            "ends_at": starts + datetime.timedelta(hours=1),
            "seats": seats,
            **extra,
        }
        return Session.objects.create(**values)

    return make


@pytest.fixture
def track(edition: Edition) -> Track:
    return Track.objects.create(edition=edition, name_sv="Spår A", name_en="Track A", room="Sal A")


def form_data(**changes: Any) -> dict[str, Any]:
    data = {
        "name": "Alva Nyström",
        "email": "alva.nystrom@example.se",
        "organisation": "Lunds kommun",
        "sector": "public",
        "country": "SE",
        "category": "esf_project",
        "language": "sv",
    }
    data.update(changes)
    return data


def registration_data(**changes: Any) -> dict[str, Any]:
    return form_data(**changes)


def make_registration(edition: Edition, email: str, **extra: Any) -> Registration:
    from samskapa.conference.services import register_participant

    return register_participant(
        site_url="http://testserver/",
        edition=edition,
        data=registration_data(email=email, name=email.split("@")[0]),
        **extra,
    )
