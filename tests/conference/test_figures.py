"""Conference figures that agree (issue 12, point 3): no-show rates only after the
conference, and the check-in counter moves with a check-in on every page that shows it."""

from __future__ import annotations

import datetime
import re
from typing import Any

import pytest
from django.urls import reverse

from samskapa.conference import selectors
from samskapa.conference.enums import RegistrationStatus
from samskapa.conference.models import Edition
from tests.factories.conference import TODAY, EditionFactory, RegistrationFactory
from tests.fixtures import in_english

pytestmark = pytest.mark.django_db


@pytest.fixture
def login(client_for: Any) -> Any:
    """client_for(user), reading the pages in English."""

    def english(user: Any) -> Any:
        return in_english(client_for(user))

    return english


def _people(edition: Edition, registered: int, checked_in: int) -> list[Any]:
    people = [RegistrationFactory(edition=edition) for _ in range(registered)]
    for person in people[:checked_in]:
        person.checked_in_at = datetime.datetime(2026, 1, 1, tzinfo=datetime.UTC)
        person.save()
    RegistrationFactory(edition=edition, status=RegistrationStatus.WAITLISTED)
    return people


def test_no_show_rates_only_once_the_conference_has_taken_place() -> None:
    coming = EditionFactory()
    _people(coming, registered=4, checked_in=0)
    before = selectors.attendance(coming)
    assert before == {
        "registered": 4,
        "attended": 0,
        "taken_place": False,
        "no_show": None,
        "attendance_rate": None,
        "no_show_rate": None,
    }
    # On its last day it has not taken place yet either.
    assert not selectors.attendance(coming, today=coming.ends_on)["taken_place"]

    past = EditionFactory(past=True)
    _people(past, registered=4, checked_in=3)
    after = selectors.attendance(past)
    assert (after["no_show"], after["attendance_rate"], after["no_show_rate"]) == (1, 75, 25)
    assert (
        selectors.attendance(coming, today=coming.ends_on + datetime.timedelta(days=1))[
            "no_show_rate"
        ]
        == 100
    )


def test_statistics_page_keeps_no_shows_for_after_the_conference(
    login: Any, organiser: Any
) -> None:
    coming, past = EditionFactory(year=2031), EditionFactory(year=2020, past=True)
    _people(coming, registered=4, checked_in=0)
    _people(past, registered=4, checked_in=3)
    client = login(organiser)

    before = client.get(reverse("conference:statistics", args=[coming.year])).content.decode()
    assert "Did not come" not in before
    assert "shown once the conference has taken place" in before

    after = client.get(reverse("conference:statistics", args=[past.year])).content.decode()
    assert "<dt>Did not come</dt><dd>1 (25%)</dd>" in after
    assert "<dd>3 (75%)</dd>" in after


def _checked_in(content: str) -> str:
    found = re.search(r"(\d+) of (\d+) registered participants have checked in", content)
    assert found
    return f"{found.group(1)}/{found.group(2)}"


def test_check_in_moves_the_counter(login: Any, organiser: Any) -> None:
    edition = EditionFactory(year=2032, starts_on=TODAY, running=True)
    first, _second = _people(edition, registered=2, checked_in=0)
    client = login(organiser)
    participants = reverse("conference:participants", args=[edition.year])
    assert _checked_in(client.get(participants).content.decode()) == "0/2"

    # With htmx the row is swapped and the counter above the list comes along out of band.
    response = client.post(
        reverse("conference:check-in", args=[edition.year, first.pk]),
        {"attended": "1"},
        headers={"HX-Request": "true"},
    )
    content = response.content.decode()
    assert 'id="checkin-count"' in content and 'hx-swap-oob="true"' in content
    assert _checked_in(content) == "1/2"

    # The list page and the organiser's page say the same afterwards.
    assert _checked_in(client.get(participants).content.decode()) == "1/2"
    organise = client.get(reverse("conference:organise-edition", args=[edition.year]))
    assert selectors.registration_counts(edition)["attended"] == 1
    assert re.search(
        r'<span class="stat-value">1</span> <span class="stat-label">checked in',
        organise.content.decode(),
    )

    # Undoing it moves it back, without JavaScript too.
    client.post(reverse("conference:check-in", args=[edition.year, first.pk]), {"attended": "0"})
    assert _checked_in(client.get(participants).content.decode()) == "0/2"
