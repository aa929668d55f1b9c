"""The conference tests travel to `NOW` (tests/factories/conference.py) and build editions
relative to it, so registration, the call for input and the feedback window are open or closed
because of the test's own dates, never the real calendar's."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from django.core.cache import cache

from samskapa.accounts.enums import StaffRole
from samskapa.accounts.models import User
from samskapa.conference.models import Edition, Registration, Session, Track
from samskapa.conference.services import register_participant
from tests.factories.accounts import staff
from tests.factories.conference import NOW, EditionFactory, SessionFactory, TrackFactory


@pytest.fixture(autouse=True)
def _fixed_time(time_machine: Any) -> None:
    time_machine.move_to(NOW, tick=True)


@pytest.fixture(autouse=True)
def _fresh_rate_limits() -> None:
    cache.clear()


@pytest.fixture
def edition(db: Any) -> Edition:
    """A small edition (two places) with registration and the call for input open."""
    return EditionFactory(year=2030, capacity=2)


@pytest.fixture
def organiser(db: Any) -> User:
    return staff(StaffRole.ADMIN)


@pytest.fixture
def make_session(edition: Edition) -> Callable[..., Session]:
    def make(title: str = "Workshop", seats: int | None = None, **extra: Any) -> Session:
        return SessionFactory(edition=edition, title=title, seats=seats, **extra)

    return make


@pytest.fixture
def track(edition: Edition) -> Track:
    return TrackFactory(edition=edition, name_sv="Spår A", name_en="Track A", room="Sal A")


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
    """A registration through the service: capacity, waiting list and sessions as in use."""
    return register_participant(
        site_url="http://testserver/",
        edition=edition,
        data=registration_data(email=email, name=email.split("@")[0]),
        **extra,
    )
