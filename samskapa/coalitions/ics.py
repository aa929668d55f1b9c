"""Calendar data (.ics, RFC 5545) for meetings and coaching sessions.

Feeds carry what a calendar needs and nothing more: times, place or link, the agenda's
titles. Meeting documentation and coaching notes never go into a calendar.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from typing import Any

from django.utils import timezone
from django.utils.translation import gettext as _
from icalendar import Calendar, Event

from samskapa.coalitions.models import Meeting

PRODID = "-//Samskapa//Coalitions//SV"


def new_calendar(name: str, *, method: str = "") -> Calendar:
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    if method:
        calendar.add("method", method)
    calendar.add("x-wr-calname", name)
    return calendar


def meeting_event(meeting: Meeting, *, url: str = "") -> Event:
    event = Event()
    event.add("uid", f"coalition-meeting-{meeting.pk}@samskapa")
    event.add("sequence", meeting.sequence)
    event.add("dtstamp", timezone.now())
    event.add("dtstart", meeting.starts_at)
    event.add("dtend", meeting.ends_at)
    event.add("summary", f"{meeting.coalition.name}: {meeting.title}")
    event.add("location", meeting.place or meeting.online_link)
    lines = [meeting.description] if meeting.description else []
    agenda = [item.title for item in meeting.agenda.all()]
    if agenda:
        lines.append(_("Agenda") + ":\n" + "\n".join(f"- {title}" for title in agenda))
    if meeting.online_link:
        lines.append(_("Online link") + ": " + meeting.online_link)
    if url:
        lines.append(url)
        event.add("url", url)
    if lines:
        event.add("description", "\n\n".join(lines))
    return event


def session_event(session: Any) -> Event:
    """A coaching session: the project and the time, never the notes."""
    event = Event()
    event.add("uid", f"coaching-session-{session.pk}@samskapa")
    event.add("dtstamp", timezone.now())
    event.add("dtstart", session.starts_at)
    event.add("dtend", session.starts_at + datetime.timedelta(hours=1))
    event.add("summary", _("Coaching: %(project)s") % {"project": session.project.number})
    return event


def meeting_invitation(meeting: Meeting, *, url: str = "") -> bytes:
    calendar = new_calendar(meeting.coalition.name, method="PUBLISH")
    calendar.add_component(meeting_event(meeting, url=url))
    return calendar.to_ical()


def feed(name: str, meetings: Iterable[Meeting], sessions: Iterable[Any] = ()) -> bytes:
    calendar = new_calendar(name)
    for meeting in meetings:
        calendar.add_component(meeting_event(meeting))
    for session in sessions:
        calendar.add_component(session_event(session))
    return calendar.to_ical()
