"""Programme: by day and track, .ics per session and for the whole programme, conflicts."""

from __future__ import annotations

import datetime
from typing import Any

import pytest
from django.urls import reverse
from icalendar import Calendar

from samskapa.conference import services
from samskapa.conference.enums import BookingStatus
from samskapa.conference.models import Speaker
from samskapa.conference.services import create_session_from_submission, session_conflicts
from tests.factories.conference import (
    BookingFactory,
    EditionFactory,
    SessionFactory,
    TrackFactory,
    at,
)

pytestmark = pytest.mark.django_db


def test_public_programme_lists_the_sessions_by_day(client: Any, edition: Any) -> None:
    edition.starts_on = datetime.date(2030, 4, 10)  # a Wednesday
    edition.ends_on = datetime.date(2030, 4, 11)
    edition.save()
    second_day = SessionFactory(edition=edition, title="Avslutning", starts_at=at(edition.ends_on))
    full = SessionFactory(edition=edition, title="Från problemträd till förändringsteori", seats=1)
    BookingFactory(registration__edition=edition, session=full)
    BookingFactory(registration__edition=edition, session=full, status=BookingStatus.WAITLISTED)
    html = client.get(reverse("conference:programme", args=[edition.year])).content.decode()
    assert "Från problemträd till förändringsteori" in html
    assert html.count("Fullt: väntelista") == 1
    assert html.index("onsdag 10 april 2030") < html.index("torsdag 11 april 2030")
    assert html.index("torsdag 11 april 2030") < html.index(second_day.title)


def test_programme_ics_holds_every_session(client: Any, edition: Any) -> None:
    SessionFactory.create_batch(3, edition=edition)
    SessionFactory()  # another edition's
    response = client.get(reverse("conference:programme-ics", args=[edition.year]))
    assert response["Content-Type"].startswith("text/calendar")
    events = Calendar.from_ical(response.content).walk("VEVENT")
    assert len(events) == 3


def test_session_ics_has_time_and_place(client: Any, edition: Any) -> None:
    track = TrackFactory(edition=edition, room="Workshoprummet")
    session = SessionFactory(edition=edition, track=track)
    response = client.get(reverse("conference:session-ics", args=[session.pk]))
    [event] = Calendar.from_ical(response.content).walk("VEVENT")
    assert event.decoded("dtstart") == session.starts_at
    assert "Workshoprummet" in str(event["location"])


def test_unpublished_programme_is_404(client: Any, edition: Any, make_session: Any) -> None:
    session = make_session()
    edition.programme_published = False
    edition.save()
    assert client.get(reverse("conference:programme", args=[edition.year])).status_code == 404
    assert client.get(reverse("conference:session-detail", args=[session.pk])).status_code == 404


def test_speakers_without_consent_are_not_named(
    client: Any, make_session: Any, edition: Any
) -> None:
    session = make_session()
    session.speakers.add(Speaker.objects.create(edition=edition, name="Dold Talare"))
    html = client.get(reverse("conference:session-detail", args=[session.pk])).content.decode()
    assert "Dold Talare" not in html


def test_archived_edition_keeps_documentation(client: Any) -> None:
    session = SessionFactory(
        edition=EditionFactory(past=True),
        documentation="Bilderna från passet.",
        links="https://example.org/samskapa-2026/\njavascript:alert(1)",
    )
    html = client.get(reverse("conference:session-detail", args=[session.pk])).content.decode()
    assert "Dokumentation" in html
    assert "https://example.org/samskapa-2026/" in html
    assert "javascript:" not in html


def test_conflicts_flag_same_room_and_same_speaker(
    edition: Any, make_session: Any, track: Any
) -> None:
    speaker = Speaker.objects.create(edition=edition, name="Ann")
    first = make_session(title="A", track=track)
    make_session(title="B", track=track)
    third = make_session(title="C", room="Sal C")
    first.speakers.add(speaker)
    third.speakers.add(speaker)
    later = make_session(title="D", track=track)
    later.starts_at += datetime.timedelta(hours=2)
    later.ends_at += datetime.timedelta(hours=2)
    later.save()
    kinds = {(a.title, b.title, kind) for a, b, kind in session_conflicts(edition)}
    assert kinds == {("A", "B", "room"), ("A", "C", "speaker")}


def test_session_from_accepted_input_keeps_its_speakers(edition: Any) -> None:
    submission = services.submit_input(
        site_url="http://testserver/",
        edition=edition,
        data={
            "title": "Inspel",
            "abstract": "Text",
            "format": "panel",
            "focus_areas": [],
            "language": "en",
            "submitter_name": "X",
            "submitter_email": "x@example.se",
        },
        speakers=[{"name": "Ann", "organisation": "", "bio": "", "publication_consent": True}],
    )
    starts = at(edition.starts_on, 9)
    session = create_session_from_submission(
        submission=submission, starts_at=starts, ends_at=starts + datetime.timedelta(hours=1)
    )
    assert (session.title, session.format, session.language) == ("Inspel", "panel", "en")
    assert list(session.speakers.values_list("name", flat=True)) == ["Ann"]
