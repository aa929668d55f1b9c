"""Calendar files (.ics) for sessions, the whole programme and a participant's agenda."""

from __future__ import annotations

import datetime
from collections.abc import Iterable

from django.utils import timezone
from icalendar import Calendar, Event

from samskapa.conference.models import Edition, Session

PRODID = "-//Samskapa//Conference//SV"


def _calendar(name: str) -> Calendar:
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", name)
    return calendar


def _session_event(session: Session, edition: Edition) -> Event:
    event = Event()
    event.add("uid", f"conference-session-{session.pk}@samskapa")
    event.add("dtstamp", timezone.now())
    event.add("dtstart", session.starts_at)
    event.add("dtend", session.ends_at)
    event.add("summary", session.title)
    room = session.room or (session.track.room if session.track else "")
    event.add("location", ", ".join(part for part in (room, edition.venue) if part))
    if session.description:
        event.add("description", session.description)
    return event


def _edition_event(edition: Edition) -> Event:
    event = Event()
    event.add("uid", f"conference-edition-{edition.year}@samskapa")
    event.add("dtstamp", timezone.now())
    event.add("dtstart", edition.starts_on)
    # All-day events end on the day after (RFC 5545: DTEND is exclusive).
    event.add("dtend", edition.ends_on + datetime.timedelta(days=1))
    event.add("summary", edition.title)
    event.add("location", edition.venue)
    return event


def sessions_calendar(edition: Edition, sessions: Iterable[Session]) -> bytes:
    calendar = _calendar(edition.title)
    for session in sessions:
        calendar.add_component(_session_event(session, edition))
    return calendar.to_ical()


def registration_calendar(edition: Edition, sessions: Iterable[Session]) -> bytes:
    """The conference days, plus the sessions the participant has a seat in."""
    calendar = _calendar(edition.title)
    calendar.add_component(_edition_event(edition))
    for session in sessions:
        calendar.add_component(_session_event(session, edition))
    return calendar.to_ical()
