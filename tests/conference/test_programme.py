"""Programme: by day and track, .ics per session and for the whole programme, conflicts."""

from __future__ import annotations

import datetime
from typing import Any

import pytest
from django.urls import reverse
from icalendar import Calendar

from samskapa.conference.models import Session, Speaker
from samskapa.conference.services import create_session_from_submission, session_conflicts

pytestmark = pytest.mark.django_db


def test_public_programme_lists_the_demo_sessions_by_day(client: Any) -> None:
    html = client.get(reverse("conference:programme", args=[2027])).content.decode()
    assert "Från problemträd till förändringsteori" in html
    assert "Fullt: väntelista" in html
    # The demo conference: the first Tuesday on or after 8 June, and the day after.
    assert html.index("tisdag 8 juni 2027") < html.index("onsdag 9 juni 2027")


def test_programme_ics_holds_every_session(client: Any) -> None:
    response = client.get(reverse("conference:programme-ics", args=[2027]))
    assert response["Content-Type"].startswith("text/calendar")
    events = Calendar.from_ical(response.content).walk("VEVENT")
    assert len(events) == Session.objects.filter(edition__year=2027).count() == 12


def test_session_ics_has_time_and_place(client: Any) -> None:
    session = Session.objects.get(edition__year=2027, title__startswith="Från problemträd")
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
    session = Session.objects.filter(edition__year=2026).first()
    assert session is not None
    html = client.get(reverse("conference:session-detail", args=[session.pk])).content.decode()
    assert "Dokumentation" in html
    assert "https://example.org/samskapa-2026/" in html


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
    from samskapa.conference import services

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
    starts = datetime.datetime(2030, 1, 1, 9, tzinfo=datetime.UTC)
    session = create_session_from_submission(
        submission=submission, starts_at=starts, ends_at=starts + datetime.timedelta(hours=1)
    )
    assert (session.title, session.format, session.language) == ("Inspel", "panel", "en")
    assert list(session.speakers.values_list("name", flat=True)) == ["Ann"]
