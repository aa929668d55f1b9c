"""Capacity is never exceeded, also under concurrent registrations (PostgreSQL only)."""

from __future__ import annotations

import threading
from typing import Any

import pytest
from django.db import connection, connections

from samskapa.conference import services
from samskapa.conference.enums import BookingStatus, RegistrationStatus
from samskapa.conference.models import Booking, Registration
from tests.conference.conftest import registration_data

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(
        connection.vendor != "postgresql", reason="PostgreSQL-only: SQLite serialises writers"
    ),
]

THREADS = 10


def _in_parallel(work: Any) -> list[BaseException]:
    barrier = threading.Barrier(THREADS)
    errors: list[BaseException] = []

    def run(index: int) -> None:
        try:
            barrier.wait()
            work(index)
        except BaseException as error:  # collected and asserted on below
            errors.append(error)
        finally:
            connections.close_all()  # each thread used its own connection

    threads = [threading.Thread(target=run, args=(i,)) for i in range(THREADS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return errors


def test_ten_parallel_registrations_for_three_places(edition: Any, make_session: Any) -> None:
    edition.capacity = 3
    edition.save()

    def register(index: int) -> None:
        services.register_participant(
            site_url="http://testserver/",
            edition=edition,
            data=registration_data(email=f"p{index}@example.se"),
        )

    assert _in_parallel(register) == []
    registrations = Registration.objects.filter(edition=edition)
    assert registrations.filter(status=RegistrationStatus.REGISTERED).count() == 3
    assert registrations.filter(status=RegistrationStatus.WAITLISTED).count() == 7


def test_parallel_bookings_never_overfill_a_session(edition: Any, make_session: Any) -> None:
    edition.capacity = 50
    edition.save()
    workshop = make_session(seats=3)

    def register(index: int) -> None:
        services.register_participant(
            site_url="http://testserver/",
            edition=edition,
            data=registration_data(email=f"p{index}@example.se"),
            sessions=[workshop],
        )

    assert _in_parallel(register) == []
    bookings = Booking.objects.filter(session=workshop)
    assert bookings.filter(status=BookingStatus.CONFIRMED).count() == 3
    assert bookings.filter(status=BookingStatus.WAITLISTED).count() == 7


def test_parallel_cancellations_promote_exactly_as_many_as_left(edition: Any) -> None:
    edition.capacity = 5
    edition.save()
    people = [
        services.register_participant(
            site_url="http://testserver/",
            edition=edition,
            data=registration_data(email=f"p{i}@example.se"),
        )
        for i in range(5 + THREADS)
    ]
    leaving = people[:THREADS]

    def cancel(index: int) -> None:
        services.cancel_registration(site_url="http://testserver/", registration=leaving[index])

    assert _in_parallel(cancel) == []
    registrations = Registration.objects.filter(edition=edition)
    assert registrations.filter(status=RegistrationStatus.REGISTERED).count() == 5
    assert registrations.filter(status=RegistrationStatus.WAITLISTED).count() == 0
